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
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

func loadPDF(data []byte, lim Options) (text string, pages int, err error) {
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		data = append([]byte("%PDF-1.7"), data[8:]...)
	}
	r, err := openPDF(data)
	if err != nil {
		return "", 0, err
	}
	leaves, err := pageList(r, lim.MaxPages)
	if err != nil {
		return "", 0, err
	}
	n := len(leaves)
	if n == 0 {
		return "", 0, fmt.Errorf("%w: no pages", ErrCorrupt)
	}
	if lim.MaxPages > 0 && n > lim.MaxPages {
		return "", n, fmt.Errorf("%w: %d pages (limit %d)", ErrTooLarge, n, lim.MaxPages)
	}
	glyphs := make([][]glyph, n)
	for i := range leaves {
		if glyphs[i], err = pageGlyphsSafe(leaves[i]); err != nil {
			return "", n, fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	// The body's font size, over the whole document: a page can hold more
	// footnote text than body text.
	usual := dominantSize(slices.Concat(glyphs...))
	texts := make([][]string, n)
	var notes []string
	for i, gs := range glyphs {
		lines, pageNotes := layoutGlyphs(gs, usual)
		texts[i] = dropPageNumbers(dropStamps(lines))
		notes = append(notes, pageNotes...)
	}
	dropRunningLines(texts)
	var sb strings.Builder
	for _, p := range texts {
		for _, l := range p {
			sb.WriteString(l)
			sb.WriteString("\n")
		}
		sb.WriteString("\f")
	}
	if len(notes) > 0 {
		sb.WriteString("\n")
		for _, t := range notes {
			sb.WriteString(t)
			sb.WriteString("\n")
		}
	}
	letters := 0
	for _, c := range sb.String() {
		if unicode.IsLetter(c) {
			letters++
		}
	}
	min := lim.MinCharsPage
	if min <= 0 {
		min = 1
	}
	if letters < min*n {
		return "", n, fmt.Errorf("%w: %d letters on %d pages (needs OCR)", ErrScanned, letters, n)
	}
	if ok, words := wellFormedShare(sb.String()); words >= minWordsToJudge && ok < minWellFormed {
		return "", n, fmt.Errorf("%w: its text layer is not readable Vietnamese (%.0f%% of %d words are well-formed syllables; a failed OCR layer?)", ErrScanned, 100*ok, words)
	}
	return sb.String(), n, nil
}

// A PDF text layer whose words are mostly not Vietnamese syllables is the
// invisible layer of a failed OCR ("uY BAN NgAN nAN" for ỦY BAN NHÂN DÂN):
// on the corpus such a layer has 36 % well-formed words, real text layers
// 94 % and more (acronyms and numbers with units make the rest).
const (
	minWellFormed   = 0.6
	minWordsToJudge = 50
)

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

// pageList walks the page tree once and returns its leaves in order. The
// library's Page(i) follows /Count and loops forever on a tree whose node
// lists itself among its kids; here the walk is bounded in depth and in
// nodes, and the page count is what the tree holds, not what it claims.
func pageList(r *pdf.Reader, maxPages int) (pages []pdf.Page, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("%w: page tree: %s", ErrCorrupt, truncate(fmt.Sprint(p), 200))
		}
	}()
	const maxDepth = 64
	budget := 4*maxPages + 1000 // nodes visited, pages and inner nodes
	if maxPages <= 0 {
		budget = 1 << 20
	}
	var walk func(node pdf.Value, depth int) error
	walk = func(node pdf.Value, depth int) error {
		if budget--; budget < 0 {
			return fmt.Errorf("%w: page tree too large or cyclic", ErrCorrupt)
		}
		if depth > maxDepth {
			return fmt.Errorf("%w: page tree deeper than %d (cyclic?)", ErrCorrupt, maxDepth)
		}
		switch node.Key("Type").Name() {
		case "Page":
			pages = append(pages, pdf.Page{V: node})
		case "Pages":
			kids := node.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(r.Trailer().Key("Root").Key("Pages"), 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// pageGlyphsSafe reads a page's glyphs with its footnote marks found,
// turning the library's panics into errors.
func pageGlyphsSafe(p pdf.Page) (gs []glyph, err error) {
	defer func() {
		if p := recover(); p != nil {
			gs, err = nil, fmt.Errorf("%w: %s", ErrCorrupt, truncate(fmt.Sprint(p), 200))
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil, nil
	}
	return markFootnotes(pageGlyphs(p)), nil
}

// glyph is one character drawn on a page, in user space.
type glyph struct {
	x, y, w, size float64
	s             string
	note          bool // "[n] " opening a footnote (pdfnotes.go)
}

// pdfFont is what the text layer needs of a font: how to cut a string into
// codes, decode each code, and how far each code advances.
type pdfFont struct {
	enc      pdf.TextEncoding
	twoByte  bool
	widths   map[int]float64 // CID widths (W array), glyph space
	dw       float64
	simple   pdf.Font
	hasWidth bool
	// tcvn3 marks a legacy ".VnTime"-family font without ToUnicode: its
	// codes are TCVN3 bytes, decoded here run by run (a line can mix it
	// with Unicode fonts); tcvn3Upper marks the capitals-only variant
	// (".VnTimeH"), whose lowercase codes draw capitals.
	tcvn3, tcvn3Upper bool
}

// legacyFontName reports whether a font's base name is of the TCVN3
// families (".VnTime", ".VnArial", "ABCDEF+.VnTimeH,Bold" …) and whether it
// is a capitals-only one (name ending in H before any style suffix).
func legacyFontName(base string) (tcvn3, upper bool) {
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	if !hasPrefixFold(base, ".vn") {
		return false, false
	}
	if i := strings.IndexAny(base, ",-"); i >= 0 {
		base = base[:i]
	}
	return true, strings.HasSuffix(base, "H")
}

func newPDFFont(f pdf.Font) *pdfFont {
	pf := &pdfFont{simple: f, dw: 1000}
	pf.enc = f.Encoder()
	if f.V.Key("Subtype").Name() == "Type0" {
		pf.twoByte = true
		pf.widths = map[int]float64{}
		d := f.V.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			pf.dw = dw.Float64()
		}
		// W: [first [w1 w2 …] first last w …]; at most 65,536 codes in
		// all, whatever the file claims.
		w := d.Key("W")
		budget := 65536
		for i := 0; i+1 < w.Len() && budget > 0; {
			first := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && budget > 0; j, budget = j+1, budget-1 {
					pf.widths[first+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			wv := w.Index(i + 2).Float64()
			for c := first; c <= last && budget > 0; c, budget = c+1, budget-1 {
				pf.widths[c] = wv
			}
			i += 3
		}
	} else {
		pf.hasWidth = f.V.Key("Widths").Len() > 0
		if f.V.Key("ToUnicode").IsNull() {
			pf.tcvn3, pf.tcvn3Upper = legacyFontName(f.V.Key("BaseFont").Name())
		}
	}
	return pf
}

func (f *pdfFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.widths[code]; ok {
			return w
		}
		return f.dw
	}
	if f.hasWidth {
		if w := f.simple.Width(code); w > 0 {
			return w
		}
	}
	return 500
}

type matrix [3][3]float64

var identity = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (a matrix) mul(b matrix) matrix {
	var c matrix
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func translate(x, y float64) matrix { return matrix{{1, 0, 0}, {0, 1, 0}, {x, y, 1}} }

// pageGlyphs collects the glyphs a viewer would print on the page: its
// content stream, the Form XObjects it draws, and the appearance streams of
// its visible annotations. The last matter on signed documents: e-signing
// tools stamp the number and day ("Số: 8977", "ngày 06 tháng 10") as form
// fields over a blank in the Word text.
func pageGlyphs(p pdf.Page) []glyph {
	r := &glyphRenderer{}
	r.run(p.V.Key("Contents"), p.Resources(), identity, 0)
	annots := p.V.Key("Annots")
	for i := 0; i < annots.Len() && i < maxAnnotations; i++ {
		a := annots.Index(i)
		if a.Key("F").Int64()&(annotHidden|annotNoView) != 0 {
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == pdf.Dict && ap.Key("BBox").IsNull() {
			ap = ap.Key(a.Key("AS").Name()) // one appearance per state
		}
		if ap.Kind() != pdf.Stream {
			continue
		}
		m, ok := annotationMatrix(rectOf(a.Key("Rect")), rectOf(ap.Key("BBox")), matrixOf(ap.Key("Matrix")))
		if !ok {
			continue
		}
		r.run(ap, ap.Key("Resources"), m, 1)
	}
	return r.out
}

const (
	annotHidden = 2  // annotation flag bits (PDF 32000 §12.5.3)
	annotNoView = 32 //
	// maxAnnotations and maxFormDepth bound what a hostile file can make the
	// renderer do; real pages have a handful of each.
	maxAnnotations = 500
	maxFormDepth   = 8
)

// rectOf reads [x1 y1 x2 y2], normalized so that x1 <= x2 and y1 <= y2.
func rectOf(v pdf.Value) (r [4]float64) {
	if v.Len() != 4 {
		return r
	}
	for i := range r {
		r[i] = v.Index(i).Float64()
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	return r
}

// matrixOf reads [a b c d e f], identity when absent or malformed.
func matrixOf(v pdf.Value) matrix {
	if v.Len() != 6 {
		return identity
	}
	var f [6]float64
	for i := range f {
		f[i] = v.Index(i).Float64()
	}
	return matrix{{f[0], f[1], 0}, {f[2], f[3], 0}, {f[4], f[5], 1}}
}

// annotationMatrix maps an appearance stream into the page: its BBox,
// transformed by its Matrix, is fitted to the annotation's Rect (PDF 32000
// §12.5.5, algorithm 8.1).
func annotationMatrix(rect, bbox [4]float64, m matrix) (matrix, bool) {
	xs, ys := []float64{}, []float64{}
	for _, c := range [][2]float64{{bbox[0], bbox[1]}, {bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}} {
		xs = append(xs, c[0]*m[0][0]+c[1]*m[1][0]+m[2][0])
		ys = append(ys, c[0]*m[0][1]+c[1]*m[1][1]+m[2][1])
	}
	sort.Float64s(xs)
	sort.Float64s(ys)
	w, h := xs[3]-xs[0], ys[3]-ys[0]
	if w <= 0 || h <= 0 {
		return identity, false
	}
	sx, sy := (rect[2]-rect[0])/w, (rect[3]-rect[1])/h
	a := matrix{{sx, 0, 0}, {0, sy, 0}, {rect[0] - xs[0]*sx, rect[1] - ys[0]*sy, 1}}
	return m.mul(a), true
}

// glyphRenderer interprets content streams: text state, text and line
// matrices, the current transformation matrix, and every glyph's position
// from the font's widths.
type glyphRenderer struct {
	out []glyph
}

// run interprets one content stream with its resources, starting from ctm.
func (r *glyphRenderer) run(content, res pdf.Value, ctm matrix, depth int) {
	type gstate struct {
		ctm                       matrix
		tc, tw, th, tl, tfs, rise float64
		font                      *pdfFont
	}
	fonts := map[string]*pdfFont{}
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix
	nums := func(args []pdf.Value, n int) ([]float64, bool) {
		if len(args) != n {
			return nil, false
		}
		v := make([]float64, n)
		for i, a := range args {
			if a.Kind() != pdf.Integer && a.Kind() != pdf.Real {
				return nil, false
			}
			v[i] = a.Float64()
		}
		return v, true
	}
	show := func(raw string) {
		if g.font == nil {
			return
		}
		step := 1
		if g.font.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(raw); i += step {
			code := int(raw[i])
			if step == 2 {
				code = code<<8 | int(raw[i+1])
			}
			var text string
			switch {
			case g.font.tcvn3Upper:
				text = strings.ToUpper(string(tcvnDecode[raw[i]]))
			case g.font.tcvn3:
				text = string(tcvnDecode[raw[i]])
			default:
				text = g.font.enc.Decode(raw[i : i+step])
			}
			w0 := g.font.width(code)
			trm := matrix{{g.tfs * g.th, 0, 0}, {0, g.tfs, 0}, {0, g.rise, 1}}.mul(tm).mul(g.ctm)
			size := trm[1][1]
			if size < 0 {
				size = -size
			}
			if size == 0 {
				size = g.tfs
			}
			adv := (w0/1000*g.tfs + g.tc) * g.th
			if step == 1 && raw[i] == ' ' {
				adv += g.tw * g.th
			}
			r.out = append(r.out, glyph{x: trm[2][0], y: trm[2][1], w: w0 / 1000 * trm[0][0], size: size, s: text})
			tm = translate(adv, 0).mul(tm)
		}
	}
	var args []pdf.Value
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		if cap(args) < n {
			args = make([]pdf.Value, n)
		}
		args = args[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if v, ok := nums(args, 6); ok {
				g.ctm = matrix{{v[0], v[1], 0}, {v[2], v[3], 0}, {v[4], v[5], 1}}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			if v, ok := nums(args, 1); ok {
				g.tc = v[0]
			}
		case "Tw":
			if v, ok := nums(args, 1); ok {
				g.tw = v[0]
			}
		case "Tz":
			if v, ok := nums(args, 1); ok {
				g.th = v[0] / 100
			}
		case "TL":
			if v, ok := nums(args, 1); ok {
				g.tl = v[0]
			}
		case "Ts":
			if v, ok := nums(args, 1); ok {
				g.rise = v[0]
			}
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = newPDFFont(pdf.Font{V: res.Key("Font").Key(name)})
					fonts[name] = f
				}
				g.font = f
				g.tfs = args[1].Float64()
			}
		case "TD", "Td":
			if v, ok := nums(args, 2); ok {
				if op == "TD" {
					g.tl = -v[1]
				}
				tlm = translate(v[0], v[1]).mul(tlm)
				tm = tlm
			}
		case "Tm":
			if v, ok := nums(args, 6); ok {
				tlm = matrix{{v[0], v[1], 0}, {v[2], v[3], 0}, {v[4], v[5], 1}}
				tm = tlm
			}
		case "T*":
			tlm = translate(0, -g.tl).mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = args[0].Float64(), args[1].Float64()
				args = args[2:]
			}
			tlm = translate(0, -g.tl).mul(tlm)
			tm = tlm
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "Do":
			if len(args) == 1 && depth < maxFormDepth {
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Key("Subtype").Name() == "Form" {
					sub := xo.Key("Resources")
					if sub.IsNull() {
						sub = res
					}
					r.run(xo, sub, matrixOf(xo.Key("Matrix")).mul(g.ctm), depth+1)
				}
			}
		case "TJ":
			if len(args) == 1 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).mul(tm)
					}
				}
			}
		}
	})
}

// layoutGlyphs builds lines from glyph positions: glyphs on one baseline
// form a line, ordered left to right; a gap wider than a fifth of the font
// size is a space, a gap of several characters is a column gap (written as
// four spaces, which the normalizer turns into a cell separator); a vertical
// gap much larger than the usual line spacing ends a paragraph (blank line).
// Lines at the foot of the page from the first one that opens a footnote,
// in a font smaller than the document's usual one, are its footnotes, returned
// apart as "[n] text".
func layoutGlyphs(gs []glyph, usualSize float64) (body, notes []string) {
	if len(gs) == 0 {
		return nil, nil
	}
	sort.SliceStable(gs, func(i, j int) bool {
		if d := gs[i].y - gs[j].y; d > 0.01 || d < -0.01 {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	type lineT struct {
		y, size float64
		gs      []glyph
	}
	var lines []*lineT
	for _, g := range gs {
		if strings.TrimSpace(g.s) == "" && g.s != " " {
			continue
		}
		var cur *lineT
		if len(lines) > 0 {
			l := lines[len(lines)-1]
			tol := 0.4 * math.Max(l.size, g.size)
			if math.Abs(l.y-g.y) <= tol {
				cur = l
			}
		}
		if cur == nil {
			cur = &lineT{y: g.y}
			lines = append(lines, cur)
		}
		cur.gs = append(cur.gs, g)
		if g.s != " " { // Word sizes empty lines' spaces as it likes (30 pt)
			cur.size = math.Max(cur.size, g.size)
		}
	}
	var deltas []float64
	for i := 1; i < len(lines); i++ {
		if d := lines[i-1].y - lines[i].y; d > 0 {
			deltas = append(deltas, d)
		}
	}
	sort.Float64s(deltas)
	usual := 0.0
	if len(deltas) > 0 {
		usual = deltas[len(deltas)/2]
	}
	inNotes := false
	for i, l := range lines {
		sort.SliceStable(l.gs, func(a, b int) bool { return l.gs[a].x < l.gs[b].x })
		l.gs = dropCoveredSpaces(l.gs)
		small := l.size < 0.95*usualSize
		if len(l.gs) > 0 && l.gs[0].note && small {
			inNotes = true
			notes = append(notes, "")
		}
		if inNotes && small {
			t := strings.TrimSpace(renderLine(l.gs, l.size))
			if n := &notes[len(notes)-1]; *n == "" {
				*n = t
			} else {
				*n += " " + t
			}
			continue
		}
		// A paragraph ends at a wide vertical gap, or where the font size
		// changes (the drafter's initials in 7 pt, then the signer's name
		// in 14 pt: one line apart, two blocks).
		if i > 0 && (usual > 0 && lines[i-1].y-l.y > 1.6*usual || sizeChange(lines[i-1].size, l.size)) {
			body = append(body, "")
		}
		body = append(body, renderLine(l.gs, l.size))
	}
	return body, notes
}

// sizeChange reports font sizes different enough to separate blocks.
func sizeChange(a, b float64) bool {
	return a > 0 && b > 0 && math.Abs(a-b) > 0.15*math.Max(a, b)
}

// dominantSize is the font size most glyphs of the page are drawn in.
func dominantSize(gs []glyph) float64 {
	count := map[float64]int{}
	best := 0.0
	for _, g := range gs {
		if g.s == " " {
			continue
		}
		k := math.Round(g.size*2) / 2
		count[k]++
		if count[k] > count[best] {
			best = k
		}
	}
	return best
}

// renderLine writes a line's glyphs (sorted by x) with spaces and column
// gaps.
func renderLine(gs []glyph, size float64) string {
	var sb strings.Builder
	var prev *glyph    // the last glyph written, never a space
	spaced := false    // a space glyph lies between prev and g
	var gaps []float64 // the widths of inferred spaces, in em
	for k := range gs {
		g := &gs[k]
		if g.s == " " {
			spaced = true
			continue
		}
		if prev != nil {
			// The gap runs from glyph to glyph over any spaces, so that
			// spaces Word typed to align a column count as a column gap.
			gap := g.x - (prev.x + prev.w)
			// A column gap is wider than a syllable and a half; after a
			// list label ("3.", "a)", "-") Word puts a tab stop that is
			// as wide, so there it takes a wider gap still.
			cell := 1.5 * size
			if listLabel.MatchString(strings.TrimSpace(sb.String())) {
				cell = 2.5 * size
			}
			switch {
			case gap > cell:
				sb.WriteString("    ")
			case !spaced && gap < g.size && strings.ContainsAny(g.s, ".,;:)”") && len(g.s) <= 3:
				// Closing punctuation after a dropped footnote mark
				// ("tỉnh¹." → "tỉnh."): the gap is the mark's width.
			case spaced:
				sb.WriteString(" ")
			case gap > 0.2*g.size && !strings.HasSuffix(prev.s, " ") && !strings.HasPrefix(g.s, " "):
				sb.WriteByte(inferredSpace) // decided by rejoinSyllables
				gaps = append(gaps, gap/g.size)
			}
		}
		sb.WriteString(g.s)
		prev, spaced = g, false
	}
	if len(gaps) > 0 {
		return rejoinSyllables(sb.String(), gaps)
	}
	return sb.String()
}

// inferredSpace marks, while a line is built, a space that only a gap
// between glyphs suggests (no space glyph was drawn).
const inferredSpace = '\x00'

// rejoinSyllables decides each inferred space: a gap inside a syllable
// ("ĐIỀ U", "D Ị CH V Ụ" from glyphs spaced out in a heading) is no
// space when the two letter runs beside it make a well-formed syllable and
// one of them alone is not one ("ĐIỀ" needs a final, "CH" has no vowel);
// "KHO ẢN" stays apart, as both halves are syllables ("kho ảnh"). The
// narrowest gaps are decided first, so that a lone consonant goes to the
// side it is closer to ("VU C ONG" → "VU CONG").
func rejoinSyllables(line string, gaps []float64) string {
	parts := strings.Split(line, string(inferredSpace))
	if len(parts) != len(gaps)+1 {
		return strings.ReplaceAll(line, string(inferredSpace), " ")
	}
	joined := make([]bool, len(gaps))
	order := make([]int, len(gaps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return gaps[order[a]] < gaps[order[b]] })
	for _, k := range order {
		a := k
		for a > 0 && joined[a-1] {
			a--
		}
		b := k + 1
		for b < len(gaps) && joined[b] {
			b++
		}
		leftText, rightText := strings.Join(parts[a:k+1], ""), strings.Join(parts[k+1:b+1], "")
		left := leftText[lastWordStart(leftText):]
		right := rightText[:wordEnd(rightText)]
		joined[k] = left != "" && right != "" && wellFormed(left+right) && (!wellFormed(left) || !wellFormed(right))
	}
	var sb strings.Builder
	for i, p := range parts {
		if i > 0 && !joined[i-1] {
			sb.WriteByte(' ')
		}
		sb.WriteString(p)
	}
	return sb.String()
}

// lastWordStart is where the run of letters ending s starts.
func lastWordStart(s string) int {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEnd is where the run of letters starting s ends.
func wordEnd(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i += n
	}
	return i
}

// dropCoveredSpaces removes space glyphs that lie under a visible glyph of
// the same line (gs sorted by x). Form fields stamp "8977" over the run of
// spaces Word left for the number; kept, those spaces would cut it into
// "8 9 7 7".
func dropCoveredSpaces(gs []glyph) []glyph {
	nextStart := make([]float64, len(gs)+1)
	nextStart[len(gs)] = math.Inf(1)
	for k := len(gs) - 1; k >= 0; k-- {
		nextStart[k] = nextStart[k+1]
		if gs[k].s != " " {
			nextStart[k] = gs[k].x
		}
	}
	prevEnd := math.Inf(-1)
	out := gs[:0]
	for k, g := range gs {
		if g.s != " " {
			prevEnd = math.Max(prevEnd, g.x+g.w)
			out = append(out, g)
			continue
		}
		// Covered: a glyph spans the space's middle. Not its ends: in a
		// condensed line the letters overlap the spaces' nominal width.
		if mid := g.x + g.w/2; prevEnd > mid || nextStart[k+1] < mid {
			continue
		}
		out = append(out, g)
	}
	return out
}

// listLabel is a line-initial list or section label.
var listLabel = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-zđ]\)|[IVXLC]{1,6}\.|[-+•–])$`)

var pageNumberLine = regexp.MustCompile(`^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$`)

// dropPageNumbers removes a page number printed alone on the first or last
// line of a page.
func dropPageNumbers(lines []string) []string {
	for len(lines) > 0 && (pageNumberLine.MatchString(lines[len(lines)-1]) || strings.TrimSpace(lines[len(lines)-1]) == "") {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && (pageNumberLine.MatchString(lines[0]) || strings.TrimSpace(lines[0]) == "") {
		lines = lines[1:]
	}
	return lines
}
