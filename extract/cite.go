package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/extract/vntext"
)

// citeMatch is a citation found in normalized text, before resolution.
type citeMatch struct {
	Citation
	a, b     int // span in normalized text
	key      string
	codeIs   int // issuer index from the number's code, -1 if none
	nested   bool
	titleEnd int // end of the "về …" subject, if any
}

var (
	soRe       = regexp.MustCompile(`(?i)^[ \t]*(số)(?:[ \t]+(số))?[ \t]*:?[ \t]*`)
	ofRe       = regexp.MustCompile(`(?i)^[ \t]*,?[ \t]*(?:của|do)[ \t]+`)
	aboutRe    = regexp.MustCompile(`(?i)^[ \t]*,?[ \t]*(?:về việc|về|V/v)[ \t]+`)
	namYearRe  = regexp.MustCompile(`^[ \t]+năm[ \t]+(\d{4})`)
	pinpointRe = regexp.MustCompile(`(?i)((?:(?:điểm|tiết)\s+[a-zđ\d]+\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?Điều\s+\d+[a-z]?\s*(?:của\s+)?)$`)
	yearRe     = regexp.MustCompile(`^[ \t]*(?:năm|ngày)?[ \t]*(\d{4})`)
)

// findCitations runs the citation recognizer over normalized text.
func (x *Extractor) findCitations(s string, toks [][]token) []citeMatch {
	var out []citeMatch
	mask := make([]bool, len(s)+1)
	covered := func(a int) bool { return mask[a] }
	var byName []citeMatch
	for _, h := range x.types.findIn(toks) {
		if covered(h.a) { // "… pháp luật số 80/2015/QH13" inside a law's own citation
			continue
		}
		dt := x.rs.DocTypes[h.value]
		if c, ok := x.typedCitation(s, h); ok {
			out = append(out, c)
			for i := c.a; i < c.b; i++ {
				mask[i] = true
			}
			continue
		}
		if dt.ByName && isCapitalized(s[h.a:h.b]) {
			if c, ok := x.namedCitation(s, h); ok {
				byName = append(byName, c)
				if c.Number != "" { // "Luật … số 80/2015/QH13": the number is taken
					for i := c.a; i < c.b; i++ {
						mask[i] = true
					}
				}
			}
		}
	}
	// "các Nghị định của Chính phủ: số 59/2023/NĐ-CP …; số 61/2023/NĐ-CP …":
	// a number after "số" with no type word; the type comes from its code.
	for _, line := range toks {
		for i, t := range line {
			if t.s != "số" || i+1 == len(line) || !isDigitByte(s[line[i+1].a]) {
				continue
			}
			if covered(t.a) || formIDBefore(s, t.a) {
				continue
			}
			if c, ok := x.untypedCitation(s, t.a, t.b); ok {
				out = append(out, c)
			}
		}
	}
	// Laws by name: drop those inside the title of an amending law or of
	// another law cited by name, and those inside a numbered citation's type.
	for i, c := range byName {
		inside := false
		for j, o := range byName {
			if j != i && c.a > o.a && c.a < o.b {
				inside = true
				break
			}
		}
		for _, o := range amendingOrAt(out, c.a) {
			if c.a == o.a || c.a > o.b && c.a < o.titleEnd {
				inside = true
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	sortCites(out)
	return out
}

// formIDBefore reports whether the "số" at pos follows a word such as
// "Mẫu" or "Biểu": form ids, not instruments.
func formIDBefore(s string, pos int) bool {
	before := strings.TrimRight(s[max(0, pos-20):pos], " \t")
	f := vntext.Fold(before)
	for _, w := range []string{"mau", "bieu", "phu luc", "tai khoan", "dien thoai", "quyen", "to", "trang", "cong bao"} {
		if strings.HasSuffix(f, " "+w) || f == w {
			return true
		}
	}
	return false
}

// typedCitation parses "<Type> [số] <number> [ngày <date>] [của <issuer>] [về <title>]".
func (x *Extractor) typedCitation(s string, h phraseHit) (citeMatch, bool) {
	dt := x.rs.DocTypes[h.value]
	pos := h.b
	var probs []Problem
	if m := soRe.FindStringSubmatchIndex(s[pos:]); m != nil {
		if m[4] >= 0 {
			probs = append(probs, Problem{Code: "doubled_word", Message: "Lặp từ \"số số\"", Suggestion: "số", Rule: "text/doubled-word",
				Span: Span{Start: pos + m[2], End: pos + m[5]}})
		}
		pos += m[1]
	} else {
		pos += len(s[pos:]) - len(strings.TrimLeft(s[pos:], " \t"))
	}
	n, ln, ok := x.parseNumber(s[pos:])
	if !ok {
		return citeMatch{}, false
	}
	c := citeMatch{a: h.a, codeIs: -1}
	c.Type = dt.Name
	c.Rule = docTypeRule(dt.ID)
	c.Number = n.raw
	c.NumberNormalized = n.canon
	c.key = numberKey(n.canon)
	for _, p := range n.problems {
		p.Span = Span{Start: pos, End: pos + ln}
		probs = append(probs, p)
	}
	if t := x.typeOfCode(n.segments[0]); t >= 0 && t != h.value && !compatibleTypes(dt.ID, x.rs.DocTypes[t].ID, n.party) {
		probs = append(probs, Problem{Code: "type_mismatch", Rule: "number/type-code",
			Message: "Loại văn bản \"" + dt.Name + "\" không khớp ký hiệu \"" + n.segments[0] + "\" (" + x.rs.DocTypes[t].Name + ")",
			Span:    Span{Start: h.a, End: pos + ln}})
	}
	pos += ln
	c.codeIs = x.issuerCode(n.segments)
	pos = x.citationTail(s, pos, &c, &probs)
	c.b = pos
	c.Problems = probs
	// "khoản 3 Điều 14 Nghị định số …": keep the pinpoint.
	if w := s[max(0, h.a-60):h.a]; strings.Contains(w, "iều") || strings.Contains(w, "IỀU") {
		m := pinpointRe.FindStringSubmatchIndex(w)
		if m == nil {
			goto done
		}
		off := max(0, h.a-60)
		c.Pinpoint = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[off+m[2]:off+m[3]]), "của"))
	}
done:
	return c, true
}

// compatibleTypes lists type words and codes that legitimately differ.
func compatibleTypes(word, code string, party bool) bool {
	switch {
	case word == code:
		return true
	case word == "cong-van":
		return true // "Văn bản số 59-CV/BCĐ", any code
	case word == "quy-dinh" && code == "quyet-dinh" && party:
		return true // Party Quy định numbered …-QĐ/TW
	case word == "thong-tri" && code == "thong-tu":
		return true // Party Thông tri uses TT
	}
	return false
}

// citationTail parses the date, issuer and title after a number or a law
// name, fills c and returns the end of the citation.
func (x *Extractor) citationTail(s string, pos int, c *citeMatch, probs *[]Problem) int {
	end := pos
	// date: ", ngày 25/6/2015", " ngày ngày 10/11/2022", " ngày15/8/2013"
	rest := s[pos:]
	trim := len(rest) - len(strings.TrimLeft(rest, " \t,"))
	if d, ok := parseDateAt(rest[trim:]); ok && d.hasNgay {
		c.Date = d.iso
		if d.doubled {
			*probs = append(*probs, Problem{Code: "doubled_word", Message: "Lặp từ \"ngày ngày\"", Suggestion: "ngày", Rule: "text/doubled-word",
				Span: Span{Start: pos + trim, End: pos + trim + d.da}})
		}
		if !d.valid {
			*probs = append(*probs, Problem{Code: "invalid_date", Message: "Ngày không tồn tại: " + strings.TrimSpace(rest[trim+d.da:trim+d.b]), Rule: "date/calendar",
				Span: Span{Start: pos + trim + d.da, End: pos + trim + d.b}})
			c.Date = ""
		}
		pos += trim + d.b
		end = pos
	}
	if m := ofRe.FindStringIndex(s[pos:]); m != nil {
		if ia, ib, ok := x.issuerPhrase(s, pos+m[1]); ok {
			c.Issuer = strings.TrimSpace(s[ia:ib])
			pos = ib
			end = pos
		}
	}
	if m := aboutRe.FindStringIndex(s[pos:]); m != nil {
		ta := pos + m[1]
		tb := titleEnd(s, ta)
		if tb > ta {
			c.Title = strings.TrimSpace(s[ta:tb])
			c.titleEnd = tb
		}
	}
	return end
}

// titleEnd returns where a "về …" subject ends: at ";", at the end of the
// sentence or paragraph, or after 300 bytes at a word boundary.
func titleEnd(s string, a int) int {
	_, lb := lineBounds(s, a)
	b := lb
	if i := strings.IndexAny(s[a:lb], ";"); i >= 0 {
		b = a + i
	}
	if i := strings.Index(s[a:b], ". "); i >= 0 {
		b = a + i
	}
	if b-a > 300 {
		b = a + 300
		for b > a && s[b-1] != ' ' {
			b--
		}
	}
	return len(strings.TrimRight(s[:b], " ,."))
}

// issuerStops end an issuer phrase (folded forms): verbs and prepositions that
// follow the issuer in a citation.
var issuerStops = map[string]bool{
	"ve": true, "quy": true, "huong": true, "sua": true, "phe": true, "cong": true, "thuc": true,
	"trien": true, "giao": true, "da": true, "den": true, "tai": true, "de": true, "nham": true,
	"trong": true, "theo": true, "ngay": true, "so": true, "can": true, "kem": true, "duoc": true,
	"voi": true, "cho": true, "la": true, "co": true, "nay": true, "tren": true, "nam": true,
	"tong": true, "ket": true,
}

// issuerCapStops end an issuer even when capitalized.
var issuerCapStops = map[string]bool{"thuc": true, "ve": true, "can": true, "ngay": true, "so": true}

// institutional lowercase words that can end an issuer name ("UBND tỉnh").
var issuerTailOK = map[string]bool{"nhan": true, "dan": true, "tinh": true, "xa": true, "phuong": true, "huyen": true,
	"quan": true, "thi": true, "tran": true, "dac": true, "khu": true, "thanh": true, "pho": true, "trung": true, "uong": true}

// issuerPhrase returns the span of the issuer name starting at pos.
func (x *Extractor) issuerPhrase(s string, pos int) (int, int, bool) {
	// A known issuer name wins as a whole ("Bộ Văn hóa, Thể thao và Du lịch").
	_, lb := lineBounds(s, pos)
	toks := tokenize(s, pos, min(lb, pos+200))
	if len(toks) == 0 || !toks[0].word || !isCapitalized(toks[0].s) {
		return 0, 0, false
	}
	end := toks[0].b
	var pending []token // lowercase words not yet accepted
	accept := func(t token) {
		end = t.b
		pending = pending[:0]
	}
	known := 0
	if h, ok := x.issuerName.at(s[pos:min(lb, pos+200)]); ok {
		known = pos + h.b
	}
	for i := 0; i < len(toks) && i < 18; i++ {
		t := toks[i]
		if t.b <= known {
			end = max(end, t.b)
			continue
		}
		if !t.word {
			if t.s == "-" && i+1 < len(toks) && isCapitalized(toks[i+1].s) { // Lao động - Thương binh
				continue
			}
			break
		}
		f := foldWord(t.s)
		if isCapitalized(t.s) || vntext.IsAcronym(t.s) {
			if i > 0 && issuerCapStops[f] { // "… Cần Thơ Thực hiện Chương trình", "Về việc"
				break
			}
			if _, isType := x.types.at(s[t.a:lb]); isType && i > 0 { // "… Chính phủ và Quyết định số …"
				if len(pending) > 0 && foldWord(pending[len(pending)-1].s) == "va" {
					pending = pending[:len(pending)-1]
				}
				break
			}
			accept(t)
			continue
		}
		if issuerStops[f] || f == "ban" && i+1 < len(toks) && foldWord(toks[i+1].s) == "hanh" {
			break // "về", "quy định", "ban hành" …
		}
		pending = append(pending, t)
		if len(pending) > 6 {
			break
		}
	}
	// Lowercase words left at the end: one or two finish a name ("Bộ Chính
	// trị", "Thành ủy"); more are the text after it, unless institutional.
	if len(pending) <= 2 {
		for _, t := range pending {
			end = t.b
		}
		pending = nil
	}
	for _, t := range pending {
		if !issuerTailOK[foldWord(t.s)] {
			break
		}
		end = t.b
	}
	return pos, end, true
}

// namedCitation parses a law cited by name: "Luật Thực hiện dân chủ ở cơ sở
// ngày 10/11/2022", "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B
// và Luật C ngày 27/6/2025", "Hiến pháp năm 2013".
func (x *Extractor) namedCitation(s string, h phraseHit) (citeMatch, bool) {
	dt := x.rs.DocTypes[h.value]
	_, lb := lineBounds(s, h.a)
	nameEnd := x.lawNameEnd(s, h.b, lb)
	if k, ok := x.lawNames.at(s[h.a:lb]); ok && h.a+k.b > nameEnd {
		nameEnd = h.a + k.b // a name the catalog knows, "và" and all
	}
	if nameEnd <= h.b && dt.Name != "Hiến pháp" {
		return citeMatch{}, false
	}
	c := citeMatch{a: h.a, codeIs: -1}
	c.Type = dt.Name
	c.Rule = docTypeRule(dt.ID) + "#by-name"
	name := strings.TrimSpace(s[h.a:nameEnd])
	pos := nameEnd
	var probs []Problem
	// "Hiến pháp năm 2013", "Bộ luật Lao động năm 2019"
	if m := namYearRe.FindStringSubmatchIndex(s[pos:min(len(s), pos+40)]); m != nil {
		name += " năm " + s[pos+m[2]:pos+m[3]]
		pos += m[1]
	}
	// "Luật Bầu cử … số 85/2015/QH13": a name followed by its number.
	if m := soRe.FindStringIndex(s[pos:]); m != nil {
		if n, ln, ok := x.parseNumber(s[pos+m[1]:]); ok {
			c.Number = n.raw
			c.NumberNormalized = n.canon
			c.key = numberKey(n.canon)
			c.Rule = docTypeRule(dt.ID)
			pos += m[1] + ln
		}
	}
	c.Title = name
	if c.key == "" {
		c.key = "name:" + vntext.Key(name)
	}
	pos = x.citationTail(s, pos, &c, &probs)
	c.b = max(pos, nameEnd)
	c.Problems = probs
	return c, true
}

// lawNameStops end a law name when written in lowercase: dates, numbers,
// verbs, connectors to other text. Compared with diacritics (có ≠ cơ).
var lawNameStops = map[string]bool{
	"ngày": true, "số": true, "năm": true, "trên": true, "được": true, "theo": true, "để": true,
	"đã": true, "có": true, "thuộc": true, "tại": true, "trong": true, "hướng": true, "quy": true,
	"các": true, "nhằm": true, "bảo": true, "đảm": true, "thi": true, "này": true,
	"của": true, "khi": true, "là": true, "về": true, "mà": true, "sau": true, "và": true,
}

// lawNameEnd returns the end of the name that starts after the type word.
func (x *Extractor) lawNameEnd(s string, a, lb int) int {
	toks := tokenize(s, a, min(lb, a+400))
	end := a
	amending, inner := false, false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		f := foldWord(t.s)
		if i == 0 {
			if !t.word {
				return a
			}
			if f == "sua" || f == "su" { // "Luật sửa đổi, bổ sung …" (also the typo "sử đổi")
				amending = true
			} else if !isCapitalized(t.s) && f != "to" {
				return a // "luật" used as a common noun, or "Luật sư"
			}
			if f == "su" && i+1 < len(toks) && foldWord(toks[i+1].s) != "doi" {
				return a // Luật sư
			}
		}
		if amending {
			// Take the amending title up to the date or the end of the clause.
			if !t.word && (t.s == ";" || t.s == "(" || t.s == ".") {
				break
			}
			k := strings.ToLower(t.s)
			if t.word && (k == "ngày" || k == "số" && foldWord(toks[i-1].s) != "mot") && i > 2 {
				break
			}
			// "… của Luật A, Luật B và Luật C": after the first inner law,
			// a connector must lead to another law.
			if t.word && inner && lawNameStops[k] && !(k == "và" || k == "của") {
				break
			}
			if t.word && inner && (k == "và" || k == "của") && (i+1 >= len(toks) || toks[i+1].s != "Luật") {
				break
			}
			if t.s == "Luật" {
				inner = true
			}
			end = t.b
			continue
		}
		if !t.word {
			if t.s == "(" && i+2 < len(toks) && strings.HasPrefix(foldWord(toks[i+1].s), "sua") {
				// "(sửa đổi)" is part of the name
				for j := i + 1; j < len(toks) && j < i+6; j++ {
					if toks[j].s == ")" {
						end = toks[j].b
						i = j
						break
					}
				}
				continue
			}
			break
		}
		// In capitals ("LUẬT VIỆC LÀM TRÊN ĐỊA BÀN …") case tells nothing:
		// the stop words end the name there too.
		if k := strings.ToLower(t.s); i > 0 && lawNameStops[k] && (!isCapitalized(t.s) || vntext.IsUpperText(t.s) || k == "ngày" || k == "số") {
			break
		}
		if i >= 16 {
			break
		}
		end = t.b
	}
	return end
}

// untypedCitation parses "số <number>" whose type comes from its code.
func (x *Extractor) untypedCitation(s string, a, b int) (citeMatch, bool) {
	pos := b
	pos += len(s[pos:]) - len(strings.TrimLeft(s[pos:], " \t:"))
	n, ln, ok := x.parseNumber(s[pos:])
	if !ok {
		return citeMatch{}, false
	}
	t := x.typeOfCode(n.segments[0])
	if t < 0 || len(n.segments) < 2 {
		return citeMatch{}, false
	}
	dt := x.rs.DocTypes[t]
	c := citeMatch{a: a, codeIs: x.issuerCode(n.segments)}
	c.Type = dt.Name
	c.Rule = docTypeRule(dt.ID) + "#list-item"
	c.Number = n.raw
	c.NumberNormalized = n.canon
	c.key = numberKey(n.canon)
	var probs []Problem
	for _, p := range n.problems {
		p.Span = Span{Start: pos, End: pos + ln}
		probs = append(probs, p)
	}
	pos = x.citationTail(s, pos+ln, &c, &probs)
	c.b = pos
	c.Problems = probs
	return c, true
}

func sortCites(cs []citeMatch) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].a < cs[j-1].a; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// runeCol returns the 1-based rune column of byte offset off in its line.
func runeCol(s string, off int) (line, col int) {
	line = 1 + strings.Count(s[:off], "\n")
	ls := strings.LastIndexByte(s[:off], '\n') + 1
	return line, utf8.RuneCountInString(s[ls:off]) + 1
}

// amendingOrAt returns the citations starting at a and those whose title
// amends other instruments ("sửa đổi, bổ sung …") and may hold a.
func amendingOrAt(cs []citeMatch, a int) []citeMatch {
	var out []citeMatch
	for _, o := range cs {
		if o.a == a {
			out = append(out, o)
			continue
		}
		if o.titleEnd > a && o.b < a {
			f := vntext.Fold(o.Title[:min(len(o.Title), 12)])
			if strings.HasPrefix(f, "sua doi") || strings.HasPrefix(f, "su doi") {
				out = append(out, o)
			}
		}
	}
	return out
}
