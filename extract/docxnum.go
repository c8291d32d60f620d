package extract

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word's automatic list numbering (word/numbering.xml). A paragraph whose
// properties (or whose style's, in word/styles.xml) hold <w:numPr> with a
// list id and a level shows a label Word computes: "1.", "a)", "II.",
// "1.2.". The label is not in the text, so without it sections numbered by
// Word would not be found. Counters run per list id, deeper levels restart
// when a shallower one advances, and bullets are written as "-", the dash
// Vietnamese documents use for list items.

type numLevel struct {
	format string // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none…
	text   string // "%1.", "%1.%2.", "%2)"
	start  int
}

// docxNumbering holds the list definitions and the counters of one
// document being read.
type docxNumbering struct {
	levels   map[string]map[int]numLevel // numId → level → definition
	styles   map[string]numRef           // paragraph style id → its list
	counters map[string][]int            // numId → counter per level
}

type numRef struct {
	numID string
	level int
}

// maxListLevels is the number of levels Word defines (0–8).
const maxListLevels = 9

func parseNumbering(numbering, styles []byte) (*docxNumbering, error) {
	n := &docxNumbering{levels: map[string]map[int]numLevel{}, styles: map[string]numRef{}, counters: map[string][]int{}}
	if numbering == nil {
		return n, nil
	}
	abstract := map[string]map[int]numLevel{}
	overrides := map[string]map[int]int{} // numId → level → start
	numToAbstract := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(numbering))
	var absID, numID string
	lvl := -1
	var cur numLevel
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: word/numbering.xml: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			v := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				absID, numID = attr(t, "abstractNumId"), ""
				abstract[absID] = map[int]numLevel{}
			case "num":
				numID, absID = attr(t, "numId"), ""
			case "abstractNumId":
				if numID != "" {
					numToAbstract[numID] = v
				}
			case "lvl", "lvlOverride":
				lvl, _ = strconv.Atoi(attr(t, "ilvl"))
				cur = numLevel{start: 1}
			case "start":
				cur.start, _ = strconv.Atoi(v)
			case "startOverride":
				if numID != "" {
					if overrides[numID] == nil {
						overrides[numID] = map[int]int{}
					}
					overrides[numID][lvl], _ = strconv.Atoi(v)
				}
			case "numFmt":
				cur.format = v
			case "lvlText":
				cur.text = v
			}
		case xml.EndElement:
			if t.Name.Local == "lvl" && absID != "" && lvl >= 0 && lvl < maxListLevels {
				abstract[absID][lvl] = cur
			}
		}
	}
	for num, abs := range numToAbstract {
		levels := map[int]numLevel{}
		for l, d := range abstract[abs] {
			if s, ok := overrides[num][l]; ok {
				d.start = s
			}
			levels[l] = d
		}
		n.levels[num] = levels
	}
	if styles != nil {
		if err := n.parseStyles(styles); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// parseStyles finds paragraph styles that carry a list (Word's multilevel
// "Heading 1", "Heading 2" numbering).
func (n *docxNumbering) parseStyles(styles []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(styles))
	var style string
	ref := numRef{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: word/styles.xml: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				style, ref = attr(t, "styleId"), numRef{}
			case "ilvl":
				ref.level, _ = strconv.Atoi(attr(t, "val"))
			case "numId":
				ref.numID = attr(t, "val")
			}
		case xml.EndElement:
			if t.Name.Local == "style" && ref.numID != "" {
				n.styles[style] = ref
			}
		}
	}
}

// label advances the counters of a list at a level and returns the label
// Word shows, or "" for no list (numId 0 switches numbering off).
func (n *docxNumbering) label(ref numRef, style string) string {
	if ref.numID == "" {
		if s, ok := n.styles[style]; ok {
			ref = s
		}
	}
	levels, ok := n.levels[ref.numID]
	if !ok || ref.level < 0 || ref.level >= maxListLevels {
		return ""
	}
	c := n.counters[ref.numID]
	if c == nil {
		c = make([]int, maxListLevels)
		n.counters[ref.numID] = c
	}
	d := levels[ref.level]
	if c[ref.level] == 0 {
		c[ref.level] = d.start
	} else {
		c[ref.level]++
	}
	for l := ref.level + 1; l < maxListLevels; l++ {
		c[l] = 0
	}
	switch d.format {
	case "none":
		return ""
	case "bullet":
		return "-"
	}
	var sb strings.Builder
	for i := 0; i < len(d.text); i++ {
		if d.text[i] == '%' && i+1 < len(d.text) && d.text[i+1] >= '1' && d.text[i+1] <= '9' {
			l := int(d.text[i+1] - '1')
			v := c[l]
			if v == 0 && l != ref.level { // a shallower level not yet used
				v = levels[l].start
			}
			sb.WriteString(formatNumber(v, levels[l].format))
			i++
			continue
		}
		sb.WriteByte(d.text[i])
	}
	return strings.TrimSpace(sb.String())
}

// formatNumber writes a counter in one of Word's number formats.
func formatNumber(v int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if v < 1 {
			return strconv.Itoa(v)
		}
		// Word repeats the letter past z: aa, bb…
		s := strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	var sb strings.Builder
	for _, p := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= p.n {
			sb.WriteString(p.s)
			v -= p.n
		}
	}
	return sb.String()
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
