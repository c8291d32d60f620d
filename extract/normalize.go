package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/extract/vntext"
	"golang.org/x/text/unicode/norm"
)

// Normalize runs the normalization passes in order and returns text in
// which every paragraph is one line, characters are NFC with canonical tone
// placement, markup is gone, and every byte maps back to the input.
//
// Passes: characters (NFC, look-alike letters, odd spaces and controls),
// tone placement, markup (Markdown emphasis, when the text uses it),
// layout (columns, decorations, reflow of wrapped lines).
func Normalize(raw string, markdown bool) Text {
	t := NewText(raw)
	t = charPass(t)
	t = tonePass(t)
	if markdown || looksLikeMarkdown(t.S) {
		t = markupPass(t)
	}
	return layoutPass(t)
}

// charPass applies NFC segment by segment, repairs look-alike letters, turns
// every kind of space into U+0020, and drops zero-width and control
// characters (keeping \n and \t; \r\n and \f become \n).
func charPass(src Text) Text {
	b := newBuilder(src)
	s := src.S
	for i := 0; i < len(s); {
		// Most text is NFC already: copy such runs, mapping only the runes
		// that need it.
		q := nfcSpan(s[i:])
		if q == 0 {
			q = norm.NFC.QuickSpanString(s[i:])
		}
		if q > 0 {
			end := i + q
			for i < end {
				r, sz := utf8.DecodeRuneInString(s[i:])
				if r >= 0x20 && r < 0x7f || r >= 0xC0 && r != 0xD0 && r != 0xF0 && r != 0x189 && r != 0x256 && r < 0x2000 {
					j := i + sz
					for j < end {
						r2, sz2 := utf8.DecodeRuneInString(s[j:])
						if !(r2 >= 0x20 && r2 < 0x7f || r2 >= 0xC0 && r2 != 0xD0 && r2 != 0xF0 && r2 != 0x189 && r2 != 0x256 && r2 < 0x2000) {
							break
						}
						j += sz2
					}
					b.copy(i, j)
					i = j
					continue
				}
				b.replace(mapRune(r, s, i+sz), i)
				i += sz
			}
			continue
		}
		n := norm.NFC.NextBoundaryInString(s[i:], true)
		if n <= 0 {
			n = 1
		}
		seg := s[i : i+n]
		if n == 1 && seg[0] >= 0x20 && seg[0] < 0x7f {
			b.copy(i, i+1)
			i++
			continue
		}
		if norm.NFC.IsNormalString(seg) && cleanSegment(seg) {
			b.copy(i, i+n)
			i += n
			continue
		}
		var out strings.Builder
		for _, r := range norm.NFC.String(seg) {
			out.WriteString(mapRune(r, s, i+n))
		}
		b.replace(out.String(), i)
		i += n
	}
	return b.text()
}

// nfcSpan is a fast NFC.QuickSpanString for Vietnamese text: the length of
// the prefix of s made of runes below U+0300, in Latin Extended Additional
// or in General Punctuation but U+2000–2001 (dashes, quotes: all NFC
// starters that nothing before them combines with),
// less the last such rune when a rune outside that set follows it (a
// combining mark may compose with it). The x/text table lookups per rune
// took an eighth of the normalization time.
func nfcSpan(s string) int {
	last := 0 // start of the last safe rune
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			last = i
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r < 0x300 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2002 && r <= 0x206F) {
			return last
		}
		last = i
		i += n
	}
	return len(s)
}

// cleanSegment reports whether no rune of seg needs mapRune.
func cleanSegment(seg string) bool {
	for _, r := range seg {
		if m := mapRune(r, "", 0); m != string(r) {
			return false
		}
	}
	return true
}

// mapRune returns the replacement of one NFC rune. next is the input after
// it, to fold \r\n into one \n.
func mapRune(r rune, s string, next int) string {
	switch r {
	case '\n', '\t':
		return string(r)
	case '\r':
		if next < len(s) && s[next] == '\n' {
			return ""
		}
		return "\n"
	case '\f', '\v', '\u2028', '\u2029':
		return "\n"
	case '\u00D0', '\u0189':
		return "Đ"
	case '\u00F0', '\u0256':
		return "đ"
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return ""
	case utf8.RuneError:
		return string(r)
	}
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return ""
	}
	if unicode.IsSpace(r) || r == '\u00A0' {
		return " "
	}
	return string(r)
}

// tonePass rewrites syllables to the canonical tone placement. It jumps
// from one word that may need it to the next (NextToneMove) instead of
// cutting every word.
func tonePass(src Text) Text {
	s := src.S
	var b *builder // made at the first change: most documents have none
	last := 0
	for pos := 0; pos < len(s); {
		k := vntext.NextToneMove(s[pos:])
		if k < 0 {
			break
		}
		a, e := pos+k, pos+k
		for a > pos {
			r, n := utf8.DecodeLastRuneInString(s[:a])
			if !vntext.IsWordRune(r) {
				break
			}
			a -= n
		}
		for e < len(s) {
			r, n := utf8.DecodeRuneInString(s[e:])
			if !vntext.IsWordRune(r) {
				break
			}
			e += n
		}
		if c := vntext.CanonicalTone(s[a:e]); c != s[a:e] {
			if b == nil {
				b = newBuilder(src)
			}
			b.copy(last, a)
			b.replace(c, a)
			last = e
		}
		pos = e
	}
	if b == nil {
		return src
	}
	b.copy(last, len(s))
	return b.text()
}

func looksLikeMarkdown(s string) bool {
	return strings.Count(s, "**") >= 4 || strings.Count(s, "__") >= 2
}

// markupPass removes Markdown emphasis marks (**, *, __) and heading marks.
func markupPass(src Text) Text {
	b := newBuilder(src)
	s := src.S
	last := 0
	drop := func(i, j int) {
		b.copy(last, i)
		last = j
	}
	eachLine(s, func(a, e int) {
		if h := strings.IndexByte(s[a:e], ' '); h >= 1 && h <= 6 && strings.Count(s[a:a+h], "#") == h {
			drop(a, a+h+1) // heading mark "## "
			a += h + 1
		}
		for a < e {
			k := strings.IndexAny(s[a:e], "*_")
			if k < 0 {
				break
			}
			i, j := a+k, a+k+1
			for j < e && s[j] == s[i] {
				j++
			}
			if s[i] == '*' || j-i >= 2 { // any run of *, a run of two or more _
				drop(i, j)
			}
			a = j
		}
	})
	b.copy(last, len(s))
	return b.text()
}

// line is one input line of the layout pass, trimmed.
type line struct {
	a, b  int    // trimmed span in the pass input
	text  string // trimmed text
	blank bool   // empty line
	sep   bool   // a line that only separates: "|", "-----", "* *"
}

var decoration = regexp.MustCompile(`^[\s|*_\-–—=~.]*$`)

// layoutPass joins wrapped lines into paragraphs (one per output line),
// turns column gaps (tabs, runs of 4+ spaces) into " | " cell separators,
// and drops decoration lines.
func layoutPass(src Text) Text {
	lines := splitLines(src.S)
	st := layoutStats(lines)
	b := newBuilder(src)
	prev := -1 // index of the previous content line, -1 at start or after a break
	content := 0
	brk := false
	blankSince := false
	for i := range lines {
		ln := &lines[i]
		if ln.blank {
			blankSince = true
			continue
		}
		if ln.sep {
			brk = true
			continue
		}
		if prev >= 0 {
			if cb := codeBreak(lines[prev].text, ln.text); !brk && (cb || joinLines(lines[prev].text, ln.text, blankSince, st)) {
				if cb {
					b.replace("", lines[prev].b) // "33/CT-⏎TTg" is one number
				} else {
					b.replace(" ", lines[prev].b)
				}
			} else {
				b.replace("\n", lines[prev].b)
			}
		}
		emitLine(b, src.S, ln.a, ln.b, content < headerLines)
		content++
		prev, brk, blankSince = i, false, false
	}
	if prev >= 0 {
		b.replace("\n", lines[prev].b)
	}
	return b.text()
}

func splitLines(s string) []line {
	var out []line
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		a, c := start, end
		for a < c && (s[a] == ' ' || s[a] == '\t') {
			a++
		}
		for c > a && (s[c-1] == ' ' || s[c-1] == '\t') {
			c--
		}
		t := s[a:c]
		ln := line{a: a, b: c, text: t, blank: t == ""}
		if !ln.blank && decoration.MatchString(t) {
			ln.sep = true
		}
		out = append(out, ln)
		if end == len(s) {
			break
		}
		start = end + 1
	}
	return out
}

// headerLines is how many content lines the header block may take.
const headerLines = 12

// mottoRe finds the national motto where OCR and some PDFs put it on the
// issuer's line with one space between ("BỘ CÔNG AN CỘNG HÒA XÃ HỘI…"):
// the two are header columns. The title "NƯỚC CỘNG HÒA…" is not.
var mottoStartRe = regexp.MustCompile(`(\S) +(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|(?i:Độc lập\s*[-–]\s*Tự do))`)

// emitLine copies s[a:c], turning column gaps into " | " and other runs of
// spaces into one space; in the header, the space before the motto is a
// column gap too.
func emitLine(b *builder, s string, a, c int, header bool) {
	cellAt := -1 // a run of spaces ending here is a column gap
	if header {
		if m := mottoStartRe.FindStringSubmatchIndex(s[a:c]); m != nil && !strings.HasSuffix(strings.ToUpper(s[a:a+m[3]]), "NƯỚC") {
			cellAt = a + m[4]
		}
	}
	i := a
	last := a
	for i < c {
		if s[i] != ' ' && s[i] != '\t' {
			i++
			continue
		}
		j := i
		tabs := false
		for j < c && (s[j] == ' ' || s[j] == '\t') {
			tabs = tabs || s[j] == '\t'
			j++
		}
		if j-i == 1 && !tabs && j != cellAt {
			i = j
			continue
		}
		b.copy(last, i)
		if tabs || j-i >= 4 || j == cellAt {
			b.replace(" | ", i)
		} else {
			b.replace(" ", i)
		}
		last, i = j, j
	}
	b.copy(last, c)
}

type layout struct {
	blankBreaks bool // blank lines separate paragraphs (Markdown renderings)
	wrapped     bool // lines are hard-wrapped inside paragraphs
	median      int  // median length of content lines, in runes
}

func layoutStats(lines []line) layout {
	var lens []int
	content, blankAfter, lowerNext := 0, 0, 0
	lastContent := -1
	for i, ln := range lines {
		if ln.blank || ln.sep {
			continue
		}
		content++
		lens = append(lens, utf8.RuneCountInString(ln.text))
		if i+1 < len(lines) && lines[i+1].blank {
			blankAfter++
		}
		if lastContent >= 0 && vntext.StartsLower(ln.text) {
			lowerNext++
		}
		lastContent = i
	}
	if content == 0 {
		return layout{}
	}
	med := medianInt(lens)
	fb := float64(blankAfter) / float64(content)
	fl := float64(lowerNext) / float64(content)
	return layout{
		blankBreaks: fb > 0.05 && fb < 0.75,
		wrapped:     med <= 110 && fl >= 0.08,
		median:      med,
	}
}

func medianInt(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	c := append([]int(nil), xs...)
	// insertion sort is fine for the sizes here, but documents can be long:
	// use a counting approach bounded by line length.
	max := 0
	for _, x := range c {
		if x > max {
			max = x
		}
	}
	if max > 4096 {
		max = 4096
	}
	counts := make([]int, max+1)
	for _, x := range c {
		if x > max {
			x = max
		}
		counts[x]++
	}
	half := len(c) / 2
	for v, n := range counts {
		half -= n
		if half < 0 {
			return v
		}
	}
	return max
}

// paragraphStart matches the beginnings of lines that always start a new
// paragraph: list and section markers, preamble and closing formulas,
// signature authority marks, footnotes.
var paragraphStart = regexp.MustCompile(`^(?:` +
	`[-+•–—]\s|` +
	`[IVXLC]{1,6}[.)]\s|` +
	`\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|\d{1,2}(?:\.\d{1,2}){1,3}\s|` +
	`[a-zđ]\)\s|\(\d{1,2}\)\s|\[\d{1,3}\]\s|` +
	`(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b|PHỤ LỤC|Phụ lục\s|` +
	`(?:Căn cứ|Thực hiện|Kính gửi|Nơi nhận|Trên đây|Xét đề nghị|Theo đề nghị|Số:|Số\s+\d|V/v|Đồng kính gửi)|` +
	`(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+\p{Lu}` +
	`)`)

// startsParagraph is paragraphStart.MatchString with a cheap first test:
// a line beginning with a lowercase letter (most wrapped lines) can only be
// "a) " or "đ) ".
func startsParagraph(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c >= 'a' && c <= 'z' && (len(s) < 2 || s[1] != ')') {
		return false
	}
	return paragraphStart.MatchString(s)
}

func isTableRow(s string) bool { return strings.Contains(s, " | ") || strings.HasPrefix(s, "| ") }

func endsTerminal(s string) bool {
	s = strings.TrimRight(s, " \"'”’)»")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', ':', ';', '!', '?':
		return true
	}
	return false
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)»")
	return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?")
}

// codeBreak reports whether a line ends inside a document number: a code
// character and "-" or "/", with the next line going on with the code.
func codeBreak(cur, next string) bool {
	n := len(cur)
	if n < 2 || (cur[n-1] != '-' && cur[n-1] != '/') {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(cur[:n-1]) // "QĐ-": Đ is two bytes
	if !(c >= 'A' && c <= 'Z' || c == 'Đ' || c >= '0' && c <= '9') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return r >= 'A' && r <= 'Z' || r == 'Đ' || r >= '0' && r <= '9'
}

// continuationWords cannot end a paragraph: "Quyết định số⏎1850/QĐ-TTg".
var continuationWords = map[string]bool{"số": true, "của": true, "và": true, "ngày": true, "tại": true, "theo": true,
	"về": true, "các": true, "với": true, "cho": true, "do": true, "là": true, "tháng": true, "năm": true}

// joinLines decides whether next continues the paragraph of cur.
func joinLines(cur, next string, blankBetween bool, st layout) bool {
	if blankBetween && st.blankBreaks {
		return false
	}
	if startsParagraph(next) || isTableRow(cur) || isTableRow(next) {
		return false
	}
	if (vntext.StartsLower(next) || next[0] >= '0' && next[0] <= '9') && !endsSentence(cur) {
		return true // "…, SĐT:⏎0356 154 194)", "Quyết định số⏎1850/QĐ-TTg"
	}
	if !st.wrapped {
		return false
	}
	if endsTerminal(cur) {
		return false
	}
	if vntext.IsUpperText(cur) != vntext.IsUpperText(next) {
		return false
	}
	if f := strings.Fields(cur); len(f) > 0 && continuationWords[strings.ToLower(f[len(f)-1])] {
		return true
	}
	if !st.blankBreaks && utf8.RuneCountInString(cur) < st.median*6/10 {
		return false
	}
	return true
}
