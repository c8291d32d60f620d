package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// DOCX is a zip of XML parts. The loader reads word/document.xml
// (paragraphs, tables, tracked insertions kept and deletions dropped;
// comments, which live in their own part, are left out), the list
// numbering Word shows before paragraphs (docxnum.go) and
// word/footnotes.xml (appended as "[id] text", the way the corpus renders
// them). Decompressed bytes are bounded (zip bombs).
//
// Tables: a layout table (two columns or fewer: the header block, the
// signature beside Nơi nhận) is written cell after cell, a "|" line between
// cells, so each paragraph of a cell stays a line; a data table (three
// columns or more: assignments, deadlines) is written one row per line with
// cells joined by " | ".

type docxBlock struct {
	para  string       // a paragraph's text, if this is a paragraph
	table [][][]string // rows → cells → paragraphs
	isTbl bool
}

func loadDOCX(data []byte, lim Options) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: not a valid DOCX (zip): %v", ErrCorrupt, err)
	}
	budget := lim.MaxUnzipped
	if budget <= 0 {
		budget = 1 << 62
	}
	read := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if f.Name != name {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
			}
			defer rc.Close()
			b, err := io.ReadAll(io.LimitReader(rc, budget+1))
			if err != nil {
				return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
			}
			if int64(len(b)) > budget {
				return nil, fmt.Errorf("%w: %s decompresses to more than %d bytes", ErrTooLarge, name, lim.MaxUnzipped)
			}
			budget -= int64(len(b))
			return b, nil
		}
		return nil, nil
	}
	doc, err := read("word/document.xml")
	if err != nil {
		return "", err
	}
	if doc == nil {
		return "", fmt.Errorf("%w: no word/document.xml (not a Word document)", ErrUnsupported)
	}
	numbering, err := read("word/numbering.xml")
	if err != nil {
		return "", err
	}
	styles, err := read("word/styles.xml")
	if err != nil {
		return "", err
	}
	num, err := parseNumbering(numbering, styles)
	if err != nil {
		return "", err
	}
	blocks, err := parseDocxBody(doc, num)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	for _, b := range blocks {
		writeBlock(&sb, b)
	}
	fn, err := read("word/footnotes.xml")
	if err != nil {
		return "", err
	}
	if fn != nil {
		notes, err := parseFootnotes(fn)
		if err != nil {
			return "", err
		}
		if len(notes) > 0 {
			sb.WriteString("\n")
		}
		for _, n := range notes {
			sb.WriteString(n)
			sb.WriteString("\n")
		}
	}
	return sb.String(), nil
}

func writeBlock(sb *strings.Builder, b docxBlock) {
	if !b.isTbl {
		sb.WriteString(b.para)
		sb.WriteString("\n")
		return
	}
	cols := 0
	for _, r := range b.table {
		cols = max(cols, len(r))
	}
	if cols <= 2 {
		for _, r := range b.table {
			for ci, c := range r {
				if ci > 0 {
					sb.WriteString("|\n")
				}
				for _, p := range c {
					sb.WriteString(p)
					sb.WriteString("\n")
				}
			}
			sb.WriteString("|\n")
		}
		return
	}
	for _, r := range b.table {
		cells := make([]string, len(r))
		for ci, c := range r {
			cells[ci] = strings.Join(strings.Fields(strings.Join(c, " ")), " ")
		}
		sb.WriteString(strings.Join(cells, " | "))
		sb.WriteString("\n")
	}
}

// parseDocxBody reads the body's paragraphs and tables, with the labels of
// Word's list numbering.
func parseDocxBody(doc []byte, num *docxNumbering) ([]docxBlock, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var blocks []docxBlock
	// Table nesting: a stack of tables being built; inner tables are
	// flattened into the cell that holds them.
	type tbl struct {
		rows [][][]string
	}
	var tables []*tbl
	var para strings.Builder
	inPara, inText, inDel := false, false, 0
	var ref numRef // the paragraph's list, from <w:numPr>
	style := ""    // the paragraph's style, which may carry a list
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: word/document.xml: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				inPara = true
				para.Reset()
				ref, style = numRef{}, ""
			case "pStyle":
				style = attr(t, "val")
			case "ilvl":
				ref.level, _ = strconv.Atoi(attr(t, "val"))
			case "numId":
				ref.numID = attr(t, "val")
			case "t":
				inText = inDel == 0
			case "delText":
				inText = false
			case "del":
				inDel++
			case "tab":
				if inPara {
					para.WriteString("\t")
				}
			case "br", "cr":
				if inPara {
					para.WriteString("\n")
				}
			case "tbl":
				tables = append(tables, &tbl{})
			case "tr":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.rows = append(tb.rows, nil)
				}
			case "tc":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					if len(tb.rows) == 0 {
						tb.rows = append(tb.rows, nil)
					}
					tb.rows[len(tb.rows)-1] = append(tb.rows[len(tb.rows)-1], nil)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "del":
				inDel--
			case "p":
				inPara = false
				text := para.String()
				if label := num.label(ref, style); label != "" {
					text = label + " " + text
				}
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					if len(tb.rows) > 0 && len(tb.rows[len(tb.rows)-1]) > 0 {
						r := tb.rows[len(tb.rows)-1]
						r[len(r)-1] = append(r[len(r)-1], text)
					}
				} else {
					blocks = append(blocks, docxBlock{para: text})
				}
			case "tbl":
				if len(tables) == 0 {
					break
				}
				tb := tables[len(tables)-1]
				tables = tables[:len(tables)-1]
				if len(tables) > 0 { // nested: flatten into the outer cell
					outer := tables[len(tables)-1]
					if len(outer.rows) > 0 && len(outer.rows[len(outer.rows)-1]) > 0 {
						r := outer.rows[len(outer.rows)-1]
						for _, row := range tb.rows {
							for _, c := range row {
								r[len(r)-1] = append(r[len(r)-1], c...)
							}
						}
					}
				} else {
					blocks = append(blocks, docxBlock{isTbl: true, table: tb.rows})
				}
			}
		case xml.CharData:
			if inPara && inText {
				para.Write(t)
			}
		}
	}
	return blocks, nil
}

// parseFootnotes returns "[id] text" for each real footnote.
func parseFootnotes(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	type note struct {
		id   int
		text strings.Builder
	}
	var notes []*note
	var cur *note
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: word/footnotes.xml: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "footnote":
				cur = &note{id: -1}
				for _, a := range t.Attr {
					if a.Name.Local == "id" {
						fmt.Sscan(a.Value, &cur.id)
					}
				}
				notes = append(notes, cur)
			case "t":
				inText = true
			case "p":
				if cur != nil && cur.text.Len() > 0 {
					cur.text.WriteString(" ")
				}
			}
		case xml.EndElement:
			if t.Name.Local == "t" {
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.text.Write(t)
			}
		}
	}
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].id < notes[j].id })
	var out []string
	for _, n := range notes {
		t := strings.TrimSpace(n.text.String())
		if n.id <= 0 || t == "" {
			continue
		}
		out = append(out, fmt.Sprintf("[%d] %s", n.id, t))
	}
	return out, nil
}
