// Package samples embeds the reference documents, so that `vanban demo`
// runs anywhere. Each sample sits beside its golden output
// (<file>.golden.json), which the extract tests compare against.
package samples

import "embed"

// FS holds the reference plan as text, DOCX and PDF.
//
//go:embed *.txt *.docx *.pdf
var FS embed.FS
