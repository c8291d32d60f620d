package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Footnotes, running headers and signature stamps in the PDF text layer.
//
// Word prints a footnote mark as small raised digits glued to the word
// before it ("các ngành¹.", "Thường trực¹⁸ Ủy ban"), and the notes at the
// foot of the page in a smaller font, each starting with its raised number.
// Read as plain glyphs, the marks become digits inside words and sentences
// ("Nghị quyết số 18-NQ/TW1") and the notes interrupt the body mid-sentence.
// Here a mark is a run of digits at most 4/5 the size of the glyph beside
// it and raised above that glyph's baseline: with a glyph on its left it is
// a reference and is dropped (as the DOCX reader drops Word's reference
// runs); at the start of a line it opens a note, which is written "[n]
// text" after the last page, as the DOCX reader writes word/footnotes.xml.

// markFootnotes finds footnote marks among a page's glyphs: references are
// removed, the mark opening a note becomes one glyph "[n]" flagged as a
// note start and set on the note's baseline.
func markFootnotes(gs []glyph) []glyph {
	// Glyphs by 2-point bands of baseline, for neighbour search.
	bands := map[int][]int{}
	maxSize := 0.0
	for i, g := range gs {
		bands[int(math.Floor(g.y/2))] = append(bands[int(math.Floor(g.y/2))], i)
		maxSize = math.Max(maxSize, g.size)
	}
	// neighbour finds a larger glyph whose baseline lies below g by 15-70 %
	// of its size, ending just left of g (left) or starting just right of
	// g's end (right).
	neighbour := func(g glyph, left bool) int {
		lo, hi := int(math.Floor((g.y-0.7*maxSize)/2)), int(math.Floor(g.y/2))
		for b := lo; b <= hi; b++ {
			for _, j := range bands[b] {
				h := gs[j]
				if h.s == " " || h.size < 1.25*g.size {
					continue
				}
				if rise := g.y - h.y; rise < 0.15*h.size || rise > 0.7*h.size {
					continue
				}
				if left && h.x+h.w > g.x-0.4*h.size && h.x+h.w < g.x+0.2*h.size && h.x < g.x {
					return j
				}
				if !left && h.x > g.x+g.w-0.2*h.size && h.x < g.x+g.w+0.8*h.size {
					return j
				}
			}
		}
		return -1
	}
	isDigit := func(s string) bool { return len(s) == 1 && s[0] >= '0' && s[0] <= '9' }
	// Candidate runs: consecutive small digits on one baseline.
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ga, gb := gs[order[a]], gs[order[b]]
		if ga.y != gb.y {
			return ga.y > gb.y
		}
		return ga.x < gb.x
	})
	drop := make([]bool, len(gs))
	var added []glyph
	for k := 0; k < len(order); {
		g := gs[order[k]]
		if !isDigit(g.s) || g.size >= 0.8*maxSize {
			k++
			continue
		}
		run := []int{order[k]}
		for k+len(run) < len(order) {
			n := gs[order[k+len(run)]]
			last := gs[run[len(run)-1]]
			if !isDigit(n.s) || n.y != g.y || n.size != g.size || n.x-(last.x+last.w) > 0.3*g.size {
				break
			}
			run = append(run, order[k+len(run)])
		}
		k += len(run)
		first, last := gs[run[0]], gs[run[len(run)-1]]
		span := glyph{x: first.x, y: first.y, w: last.x + last.w - first.x, size: first.size}
		if neighbour(first, true) >= 0 {
			for _, i := range run {
				drop[i] = true
			}
			continue
		}
		if j := neighbour(span, false); j >= 0 {
			num := ""
			for _, i := range run {
				num += gs[i].s
				drop[i] = true
			}
			h := gs[j]
			added = append(added, glyph{x: first.x, y: h.y, w: span.w, size: h.size, s: "[" + num + "] ", note: true})
		}
	}
	out := gs[:0:0]
	for i, g := range gs {
		if !drop[i] {
			out = append(out, g)
		}
	}
	return append(out, added...)
}

// stampLine matches the lines of a digital-signature stamp printed on the
// page ("Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: …").
var (
	stampStart = regexp.MustCompile(`^\s*(?:Ký bởi|Người ký)\s*:`)
	stampLine  = regexp.MustCompile(`^\s*(?:Email|Cơ quan|Chức vụ|Thời gian ký|Ngày ký)\s*:`)
	stampTime  = regexp.MustCompile(`^\s*Thời gian ký\s*:\s*[\d./T:+\s-]+$`)
)

// dropStamps removes signature stamps: a "Ký bởi:" line and the stamp lines
// right after it, and a lone "Thời gian ký: <time>" line.
func dropStamps(lines []string) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		if stampStart.MatchString(lines[i]) {
			for i+1 < len(lines) && stampLine.MatchString(lines[i+1]) {
				i++
			}
			continue
		}
		if stampTime.MatchString(lines[i]) {
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

// pageNumberEdge is a page number at either end of a running line.
var pageNumberEdge = regexp.MustCompile(`^\d{1,4}\s+|\s+\d{1,4}$`)

// dropRunningLines removes running headers and footers: a line among the
// first or last two of a page that recurs, page number aside, on at least half
// of the pages (three at least): "CÔNG BÁO/Số 1093 + 1094/Ngày 21-11-2020 |
// 65".
func dropRunningLines(pages [][]string) {
	if len(pages) < 3 {
		return
	}
	// The line without a page number on either side (even and odd pages
	// put it on opposite sides); other numbers must agree, so that
	// "Điều 1." and "Điều 2." at the tops of pages stay.
	// A short rest ("Khoản 1", "Khoản 2" → "Khoản") is not a header.
	key := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if k := pageNumberEdge.ReplaceAllString(s, ""); k != s && utf8.RuneCountInString(k) >= 12 {
			return k
		}
		return s
	}
	edge := func(p []string, f func(i int)) {
		for i := range p {
			if i < 2 || i >= len(p)-2 {
				f(i)
			}
		}
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		edge(p, func(i int) {
			if k := key(p[i]); k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		})
	}
	need := max(3, (len(pages)+1)/2)
	for n, p := range pages {
		var drop []int
		edge(p, func(i int) {
			if count[key(p[i])] >= need {
				drop = append(drop, i)
			}
		})
		for j := len(drop) - 1; j >= 0; j-- {
			p = append(p[:drop[j]], p[drop[j]+1:]...)
		}
		pages[n] = p
	}
}
