package extract

// The only file that imports github.com/ledongthuc/pdf. The library panics
// on damaged files and some of its calls are not recovered; every call here
// runs under recover, the whole load runs under a timeout (load.go), and
// error texts are capped (the library can embed kilobytes of stream bytes).
//
// Known limits (see ../shared/research/pdf-and-bleve.md): the library's
// plain text is right for LibreOffice-made PDFs and breaks lines at font
// switches on Word-made ones; it rejects %PDF-2.0 headers (patched here to
// 1.7, the syntax being the same for what is read); it cannot rebuild a
// damaged cross-reference table.

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

func loadPDF(data []byte, lim Limits) (text string, pages int, err error) {
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		data = append([]byte("%PDF-1.7"), data[8:]...)
	}
	r, err := openPDF(data)
	if err != nil {
		return "", 0, err
	}
	n, err := numPages(r)
	if err != nil {
		return "", 0, err
	}
	if n == 0 {
		return "", 0, fmt.Errorf("%w: no pages", ErrCorrupt)
	}
	if lim.MaxPages > 0 && n > lim.MaxPages {
		return "", n, fmt.Errorf("%w: %d pages (limit %d)", ErrTooLarge, n, lim.MaxPages)
	}
	var sb strings.Builder
	letters := 0
	for i := 1; i <= n; i++ {
		t, err := pageText(r, i)
		if err != nil {
			return "", n, fmt.Errorf("page %d: %w", i, err)
		}
		t = dropPageFurniture(t)
		for _, c := range t {
			if unicode.IsLetter(c) {
				letters++
			}
		}
		sb.WriteString(t)
		sb.WriteString("\n\f")
	}
	min := lim.MinCharsPage
	if min <= 0 {
		min = 1
	}
	if letters < min*n {
		return "", n, fmt.Errorf("%w: %d letters on %d pages (needs OCR)", ErrScanned, letters, n)
	}
	return sb.String(), n, nil
}

func openPDF(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%w: %s", ErrCorrupt, truncate(fmt.Sprint(p), 200))
		}
	}()
	r, err = pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), func() string { return "" })
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%w: a password is needed to read it", ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: %s", ErrCorrupt, truncate(err.Error(), 200))
	}
	return r, nil
}

func numPages(r *pdf.Reader) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			n, err = 0, fmt.Errorf("%w: page tree: %s", ErrCorrupt, truncate(fmt.Sprint(p), 200))
		}
	}()
	return r.NumPage(), nil
}

func pageText(r *pdf.Reader, i int) (t string, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = "", fmt.Errorf("%w: %s", ErrCorrupt, truncate(fmt.Sprint(p), 200))
		}
	}()
	p := r.Page(i)
	if p.V.IsNull() {
		return "", nil
	}
	t, err = p.GetPlainText(nil)
	if err != nil {
		return "", fmt.Errorf("%w: %s", ErrCorrupt, truncate(err.Error(), 200))
	}
	return t, nil
}

var pageNumberLine = regexp.MustCompile(`^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$`)

// dropPageFurniture removes a page number printed alone on the first or
// last line of a page.
func dropPageFurniture(t string) string {
	lines := strings.Split(strings.TrimRight(t, "\n "), "\n")
	for len(lines) > 0 && pageNumberLine.MatchString(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && pageNumberLine.MatchString(lines[0]) {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}
