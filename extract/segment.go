package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/extract/vntext"
)

// para is one paragraph (one line) of normalized text.
type para struct {
	a, b int
	text string
}

func paragraphs(s string) []para {
	var out []para
	eachLine(s, func(a, b int) {
		if b > a {
			out = append(out, para{a, b, s[a:b]})
		}
	})
	return out
}

// layoutDoc is the segmentation of a document: where its parts are.
type layoutDoc struct {
	s          string
	paras      []para
	paraSec    []int // innermost section of each paragraph, -1 outside any
	secParent  []int // parent section of each section, -1 at top
	bodyStart  int   // index of the first body paragraph
	bodyEnd    int   // index after the last body paragraph (Nơi nhận or signature)
	appendix   int   // index of the first appendix paragraph, len(paras) if none
	meta       Meta
	problems   []Problem
	sections   []Section
	secEnds    []int     // end offset of each section
	implSecs   []int     // indices of sections about implementation (Tổ chức thực hiện)
	headerEnds int       // end offset of the header block
	cited      []bool    // bytes inside a citation
	toks       [][]token // lowercase tokens of each line, shared by the phrase sets
}

var (
	// "Số: 12/KH-UBND"; a law's header says "Luật số: 80/2015/QH13" (with
	// the colon: "Luật số 80/2015/QH13" is a citation).
	numberLineRe = regexp.MustCompile(`(?i)^(?:[^|]*\|\s*)?(?:(?:Luật|Pháp lệnh|Lệnh)\s+số\s*:|Số\s*:?)\s*([^|]*)`)
	placeDateRe  = regexp.MustCompile(`(?i)([\p{L}][\p{L} .]*?)\s*,\s*ngày[\s|]*([\d ]*)[\s|]*tháng[\s|]*(\d{1,2}|)[\s|]*năm[\s|]*(\d{4})`)
	mottoRe      = regexp.MustCompile(`(?i)CỘNG HÒA XÃ HỘI|Độc lập\s*-\s*Tự do|ĐẢNG CỘNG SẢN`)
	vvRe         = regexp.MustCompile(`(?i)(?:^|\|\s*)V/v\s+([^|]*)`)
	// vvStop: lines after the trích yếu that start the letter itself.
	vvStop      = regexp.MustCompile(`(?i)^(?:Kính gửi|Đồng kính gửi|Căn cứ|Thực hiện|Theo|Ngày|Qua|Xét|Nơi nhận)\b`)
	kinhGuiRe   = regexp.MustCompile(`(?i)^Kính gửi\s*:?\s*(.*)`)
	noiNhanRe   = regexp.MustCompile(`(?i)^(?:[^|]*\|\s*)?Nơi nhận\s*:?\s*(.*)`)
	authorityRe = regexp.MustCompile(`^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+(\p{Lu}.*)`)
	phuLucRe    = regexp.MustCompile(`^(?:PHỤ LỤC|Phụ lục)(?:\s+([IVXLC]+|\d+))?\b`)
)

// segment finds header, body, footer and appendix, and the section tree.
func (x *Extractor) segment(s string) *layoutDoc {
	d := &layoutDoc{s: s, paras: paragraphs(s), toks: lineTokens(s)}
	d.appendix = len(d.paras)
	x.parseHeader(s, d)
	x.parseFooter(d)
	d.sections, d.secEnds, d.paraSec, d.secParent = buildSections(s, d)
	for i, sec := range d.sections {
		h := vntext.Fold(sec.Heading)
		if sec.Level == 1 && (strings.Contains(h, "to chuc thuc hien") || strings.Contains(h, "phan cong") || strings.Contains(h, "trach nhiem")) {
			d.implSecs = append(d.implSecs, i)
		}
	}
	return d
}

// consolidatedType is the type of a văn bản hợp nhất (rules/doctypes.yaml).
const consolidatedType = "Văn bản hợp nhất"

// parseHeader reads issuer, number, place and date, type and subject.
func (x *Extractor) parseHeader(s string, d *layoutDoc) {
	ps := d.paras
	limit := min(len(ps), 25)
	typeIdx := -1
	numberSeen := false
	var issuerLines []string
	for i := 0; i < limit; i++ {
		t := ps[i].text
		cells := splitCells(t)
		if typeIdx < 0 {
			if dt, rest, ok := x.typeLine(t); ok {
				// "VĂN BẢN HỢP NHẤT - VĂN PHÒNG QUỐC HỘI" (Công báo): a
				// consolidated text, its issuer after the dash; the
				// consolidated instrument's own type line ("LUẬT …") follows
				// and names the subject.
				if dt == consolidatedType && strings.HasPrefix(rest, "-") {
					d.meta.Type = dt
					issuerLines = append(issuerLines, strings.TrimSpace(strings.TrimPrefix(rest, "-")))
					continue
				}
				typeIdx = i
				if d.meta.Type == consolidatedType {
					d.meta.Subject = strings.TrimSpace(dt + " " + strings.ToLower(rest))
					continue
				}
				d.meta.Type = dt
				if strings.HasPrefix(rest, "CỦA ") {
					// "KẾT LUẬN CỦA BỘ CHÍNH TRỊ về …": the author, then
					// the subject (or the subject on the next line)
					rest = subjectAfterAuthor(rest)
				}
				if rest != "" {
					d.meta.Subject = rest
					if vntext.IsUpperText(rest) {
						d.meta.Subject = vntext.Capitalize(strings.ToLower(rest))
					}
				}
				continue
			}
		}
		if m := numberLineRe.FindStringSubmatch(t); m != nil && !numberSeen && typeIdx < 0 {
			numberSeen = true
			// Cells left of "Số" on the same row are the issuer's.
			if j := strings.Index(t, "|"); j >= 0 && j < strings.Index(t, "Số") {
				for _, c := range splitCells(t[:j]) {
					if vntext.IsUpperText(c) {
						issuerLines = append(issuerLines, c)
					}
				}
			}
			v := strings.TrimSpace(m[1])
			// "Số: | /BNV-TCPCP", "Số: 329 | /BC-UBND": the code sits in
			// the next cell (a blank, or a number stamped into the blank).
			if !strings.Contains(v, "/") && !strings.Contains(v, "-") {
				if rest := strings.TrimSpace(t[strings.Index(t, m[0])+len(m[0]):]); strings.HasPrefix(rest, "|") {
					if c := splitCells(rest); len(c) > 0 && strings.HasPrefix(c[0], "/") {
						v += strings.Fields(c[0])[0]
					}
				}
			}
			if strings.HasPrefix(v, "/") || v == "" {
				d.problems = append(d.problems, Problem{Code: "blank_number", Message: "Số văn bản để trống (dự thảo)", Rule: "header/number",
					Span: Span{Start: ps[i].a, End: ps[i].b}})
				d.meta.Number = ""
				d.meta.Type = x.typeFromCode(strings.TrimLeft(v, "/ "), d.meta.Type)
			} else if n, _, ok := x.parseNumber(v); ok {
				d.meta.Number = n.canon
				d.meta.Type = x.typeFromCode(strings.Join(n.segments, "-"), d.meta.Type)
			}
		}
		if m := vvRe.FindStringSubmatch(t); m != nil && typeIdx < 0 {
			d.meta.Subject = strings.TrimSpace(m[1])
			if d.meta.Type == "" {
				d.meta.Type = "Công văn"
			}
			// The trích yếu wraps in its column; a PDF gives the rest as
			// the next line(s) of the header: "V/v trả lời đề nghị của" +
			// "Sở Nội vụ tỉnh Lâm Đồng".
			for j := i + 1; j < limit && j <= i+2 && !endsSentence(d.meta.Subject); j++ {
				next := strings.TrimSpace(ps[j].text)
				if next == "" || strings.Contains(next, "|") || len(next) > 120 || vvStop.MatchString(next) ||
					placeDateRe.MatchString(next) || numberLineRe.MatchString(next) || mottoRe.MatchString(next) || vntext.IsUpperText(next) {
					break
				}
				d.meta.Subject += " " + next
			}
		}
		if m := placeDateRe.FindStringSubmatch(t); m != nil && d.meta.Place == "" && typeIdx < 0 {
			place := m[1]
			if j := strings.LastIndex(place, "|"); j >= 0 {
				place = place[j+1:]
			}
			d.meta.Place = placeName(place)
			day := strings.TrimSpace(m[2])
			mon := strings.TrimSpace(m[3])
			if day == "" {
				d.meta.DatePartial = m[4]
				if mon != "" {
					d.meta.DatePartial += "-" + pad2(mon)
				}
				d.problems = append(d.problems, Problem{Code: "blank_date", Message: "Ngày ban hành để trống (dự thảo)", Rule: "header/date",
					Span: Span{Start: ps[i].a, End: ps[i].b}})
			} else if iso, ok := isoDate(atoi(m[4]), atoi(mon), atoi(day)); ok {
				d.meta.Date = iso
			}
			continue
		}
		if typeIdx < 0 {
			for _, c := range cells {
				if mottoRe.MatchString(c) || placeDateRe.MatchString(c) || numberLineRe.MatchString(c) {
					continue
				}
				if vntext.IsUpperText(c) && len(issuerLines) < 4 && !numberSeen {
					issuerLines = append(issuerLines, c)
				}
			}
		}
		if m := kinhGuiRe.FindStringSubmatch(t); m != nil {
			list := []string{m[1]}
			if strings.TrimSpace(m[1]) == "" {
				// "Kính gửi:" then one line a body: "- Các sở, ban, ngành;"
				for i+1 < len(ps) && strings.HasPrefix(strings.TrimSpace(ps[i+1].text), "-") {
					i++
					list = append(list, ps[i].text)
				}
			}
			for _, l := range list {
				for _, a := range strings.Split(strings.Trim(l, " ;."), ";") {
					if a = strings.Trim(a, " -.;"); a != "" {
						d.meta.Addressees = append(d.meta.Addressees, a)
					}
				}
			}
			d.bodyStart = i + 1
			d.headerEnds = ps[i].b
			continue
		}
		if tt := strings.TrimSpace(t); typeIdx >= 0 && i == typeIdx+1 && d.meta.Subject == "" && strings.HasPrefix(tt, "CỦA ") {
			// "KẾT LUẬN / CỦA BỘ CHÍNH TRỊ / về …" (Party documents): the
			// line names the author; the subject follows, on the next
			// line or joined to this one
			if d.meta.Subject = subjectAfterAuthor(tt); d.meta.Subject != "" {
				d.bodyStart = i + 1
				d.headerEnds = ps[i].b
				break
			}
			typeIdx = i
			continue
		}
		if typeIdx >= 0 && i == typeIdx+1 && d.meta.Subject == "" && !paragraphStart.MatchString(t) {
			d.meta.Subject = strings.TrimSpace(t)
			if vntext.IsUpperText(t) {
				d.meta.Subject = vntext.Capitalize(strings.ToLower(t))
			}
			d.bodyStart = i + 1
			d.headerEnds = ps[i].b
			break
		}
		if typeIdx >= 0 {
			d.bodyStart = i
			d.headerEnds = ps[max(0, i-1)].b
			break
		}
	}
	if typeIdx >= 0 && d.bodyStart <= typeIdx {
		d.bodyStart = typeIdx + 1
		d.headerEnds = ps[typeIdx].b
	}
	if d.meta.Type == "" && d.meta.Number != "" {
		d.meta.Type = "Công văn"
	}
	d.meta.Issuer, d.meta.ParentBody = x.issuerFromLines(issuerLines)
	if d.meta.Issuer == "" {
		d.meta.Issuer = x.issuerFromPreamble(d)
	}
}

// typeLine recognizes "KẾ HOẠCH", "CHỈ THỊ", "KẾT LUẬN CỦA …" (capitals).
func (x *Extractor) typeLine(t string) (string, string, bool) {
	if !vntext.IsUpperText(firstWords(t, 2)) || strings.Contains(t, "|") {
		return "", "", false
	}
	h, ok := x.types.at(t)
	if !ok {
		return "", "", false
	}
	word := t[:h.b]
	if !vntext.IsUpperText(word) {
		return "", "", false
	}
	rest := strings.TrimSpace(t[h.b:])
	if rest != "" && !vntext.IsUpperText(rest) {
		// "KẾT LUẬN về tiếp tục …": the subject's line joined to the
		// type's (lines unwrapped); it starts lowercase
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLower(r) && !strings.HasPrefix(rest, "CỦA ") {
			return "", "", false
		}
	}
	return x.rs.DocTypes[h.value].Name, rest, true
}

// subjectAfterAuthor returns what follows the author's name in capitals
// ("CỦA BỘ CHÍNH TRỊ về tiếp tục …" → "về tiếp tục …"): the text from the
// word holding its first lowercase letter; "" when all is capitals.
func subjectAfterAuthor(s string) string {
	k := strings.IndexFunc(s, unicode.IsLower)
	if k < 0 {
		return ""
	}
	sp := strings.LastIndexByte(s[:k], ' ')
	if sp < 0 {
		return ""
	}
	return strings.TrimSpace(s[sp:])
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// typeFromCode names the document type from the code of its own number
// (KH-UBND → Kế hoạch); a number with no type code is a Công văn.
func (x *Extractor) typeFromCode(code, have string) string {
	if have != "" {
		return have
	}
	segs, _ := splitCode(code)
	if len(segs) > 0 {
		if t := x.typeOfCode(segs[0]); t >= 0 {
			return x.rs.DocTypes[t].Name
		}
		if g, _, ok := x.splitGlued(segs[0]); ok {
			return x.rs.DocTypes[x.typeOfCode(g)].Name
		}
	}
	if code != "" {
		return "Công văn"
	}
	return ""
}

// dependentBodies are issuing bodies named relative to the body above them
// in the header ("BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ VIỆT NAM XÃ …").
var dependentBodies = []string{"ban thuong truc", "ban thuong vu", "van phong", "tieu ban", "thuong truc", "ban chap hanh"}

// issuerFromLines builds the issuer from the capitals of the top-left block.
// The last body named is the issuer; a dependent body (Ban Thường trực,
// Văn phòng, Tiểu ban) is named with the body above it.
// bareHead reports whether words are a unit head word and nothing else
// ("Bộ" before "Công an": one body, Bộ Công an, not two).
func (x *Extractor) bareHead(words []string) bool {
	t := strings.Join(words, " ")
	h, ok := x.unitHeads.at(t)
	return ok && h.b == len(t)
}

// headSpans reports whether a head word starting at words[0] runs past it
// ("VĂN PHÒNG QUỐC HỘI": "Phòng" is inside "Văn phòng", not a new body).
func (x *Extractor) headSpans(words []string) bool {
	h, ok := x.unitHeads.at(strings.Join(words, " "))
	return ok && h.b > len(words[0])
}

func (x *Extractor) issuerFromLines(lines []string) (issuer, parent string) {
	if len(lines) == 0 {
		return "", ""
	}
	text := strings.Join(lines, " ")
	// Split into bodies where a unit head word starts.
	var bodies []string
	toks := strings.Fields(text)
	cur := []string{}
	for i := 0; i < len(toks); i++ {
		rest := strings.Join(toks[i:], " ")
		if h, ok := x.unitHeads.at(rest); ok && len(cur) > 0 && !isLocalityWord(cur[len(cur)-1]) && !x.bareHead(cur) && !x.headSpans(toks[i-1:]) {
			hw := strings.Fields(rest[:h.b])
			if !(len(hw) == 1 && foldWord(hw[0]) == "ban" && i > 0 && (foldWord(toks[i-1]) == "uy" || foldWord(toks[i-1]) == "tieu")) {
				bodies = append(bodies, strings.Join(cur, " "))
				cur = nil
			}
		}
		cur = append(cur, toks[i])
	}
	bodies = append(bodies, strings.Join(cur, " "))
	for i := range bodies {
		bodies[i] = vntext.SentenceCaseName(bodies[i])
	}
	last := bodies[len(bodies)-1]
	if len(bodies) == 1 {
		return last, ""
	}
	parent = strings.Join(bodies[:len(bodies)-1], " ")
	fl := vntext.Fold(last)
	for _, dep := range dependentBodies {
		if fl == dep || strings.HasPrefix(fl, dep+" ") {
			full := last + " " + parent
			if strings.Contains(last, ",") {
				// "Tiểu ban thông tin, tuyên truyền, khánh tiết - Ủy ban
				// bầu cử xã Phố Bảng": after a list, a dash shows where
				// the parent's name begins
				full = last + " - " + parent
			}
			if vntext.Fold(full) == "van phong ban chap hanh trung uong" {
				full = "Văn phòng Trung ương Đảng"
			}
			return full, parent
		}
	}
	return last, parent
}

func isLocalityWord(w string) bool {
	switch foldWord(w) {
	case "tinh", "xa", "phuong", "huyen", "quan", "pho", "thi", "tran", "khu":
		return true
	}
	return false
}

// parseFooter finds Nơi nhận, the signature and the appendix.
func (x *Extractor) parseFooter(d *layoutDoc) {
	ps := d.paras
	d.bodyEnd = len(ps)
	nn := -1
	for i := len(ps) - 1; i >= d.bodyStart; i-- {
		if noiNhanRe.MatchString(ps[i].text) {
			nn = i
			break
		}
	}
	// Appendix: "PHỤ LỤC" after the signature block.
	from := d.bodyStart
	if nn >= 0 {
		from = nn
	}
	for i := from; i < len(ps); i++ {
		if phuLucRe.MatchString(ps[i].text) && vntext.IsUpperText(firstWords(ps[i].text, 2)) {
			d.appendix = i
			break
		}
	}
	// The signature block: search near Nơi nhận, or at the end of the body.
	start := nn
	if start < 0 {
		start = max(d.bodyStart, d.appendix-12)
	} else {
		// A signature can come before Nơi nhận when they sit in two columns.
		for i := nn - 1; i >= max(d.bodyStart, nn-4); i-- {
			if authorityRe.MatchString(ps[i].text) {
				start = i
			}
		}
	}
	end := d.appendix
	var sigLines []string
	recip := false
	for i := start; i < end; i++ {
		for _, cell := range splitCells(ps[i].text) {
			if m := noiNhanRe.FindStringSubmatch(cell); m != nil {
				recip = true
				if r := strings.TrimSpace(m[1]); r != "" {
					d.meta.Recipients = append(d.meta.Recipients, cleanRecipient(r))
				}
				continue
			}
			switch {
			case recip && (strings.HasPrefix(cell, "-") || strings.HasPrefix(cell, "+") || strings.HasPrefix(cell, "•")):
				d.meta.Recipients = append(d.meta.Recipients, cleanRecipient(cell))
			case authorityRe.MatchString(cell) || x.isTitle(cell) || len(sigLines) > 0 && isPersonName(cell):
				sigLines = append(sigLines, cell) // a column beside Nơi nhận
			case recip && len(d.meta.Recipients) > 0 && !vntext.IsUpperText(cell) && !isPersonName(cell):
				// continuation of the previous recipient
				k := len(d.meta.Recipients) - 1
				d.meta.Recipients[k] = cleanRecipient(d.meta.Recipients[k] + " " + cell)
			}
		}
	}
	if nn >= 0 {
		d.bodyEnd = nn
	}
	if s0 := start; nn < 0 && len(sigLines) > 0 {
		for i := s0; i < end; i++ {
			if authorityRe.MatchString(ps[i].text) || x.isTitle(ps[i].text) {
				d.bodyEnd = i
				break
			}
		}
	}
	d.meta.Signer = x.parseSignature(sigLines)
	// A law or resolution of the Quốc hội has no place and date in its
	// header: it is dated by the sentence that records its passing
	// ("… thông qua ngày 22 tháng 6 năm 2015").
	if d.meta.Date == "" && d.meta.DatePartial == "" {
		for i := d.bodyEnd - 1; i >= max(d.bodyStart, d.bodyEnd-4); i-- {
			t := ps[i].text
			if j := passedRe.FindStringIndex(t); j != nil {
				if dm, ok := parseDateAt(t[j[1]:]); ok && dm.valid {
					d.meta.Date = dm.iso
				}
				break
			}
		}
	}
}

// passedRe finds the passing of a law in its closing sentence.
var passedRe = regexp.MustCompile(`(?i)thông qua\s+`)

func cleanRecipient(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(s, "-+• "))
	return strings.TrimRight(s, " ;,.")
}

// isTitle reports whether a line is a signer title in capitals, possibly
// after an authority mark.
func (x *Extractor) isTitle(t string) bool {
	if !vntext.IsUpperText(t) {
		return false
	}
	t = strings.TrimSpace(t)
	for _, title := range x.titles {
		if t == title || strings.HasSuffix(t, " "+title) {
			return true
		}
	}
	_, _, ok := x.titleOfBody(t)
	return ok
}

// titleOfBody splits a title with its body, "CHỦ TỊCH QUỐC HỘI", "THỦ
// TƯỚNG CHÍNH PHỦ", into the title and the body (at most five words).
func (x *Extractor) titleOfBody(t string) (title, body string, ok bool) {
	if !vntext.IsUpperText(t) {
		return "", "", false
	}
	t = strings.TrimSpace(t)
	for _, title := range x.titles {
		if rest, ok := strings.CutPrefix(t, title+" "); ok && len(strings.Fields(rest)) <= 5 && !strings.ContainsAny(rest, ".,;:") {
			return title, rest, true
		}
	}
	return "", "", false
}

// isPersonName reports whether t looks like a personal name: 2–6 words,
// each capitalized and not all in capitals.
func isPersonName(t string) bool {
	f := strings.Fields(t)
	if len(f) < 2 || len(f) > 6 || vntext.IsUpperText(t) {
		return false
	}
	for _, w := range f {
		if !isCapitalized(w) || !vntext.IsSyllable(w) {
			return false
		}
	}
	return true
}

// parseSignature reads "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
// Trần Chí Hùng" into authority, title and name.
func (x *Extractor) parseSignature(lines []string) Signer {
	var sg Signer
	var caps []string
	for _, l := range lines {
		if isPersonName(l) {
			if sg.Name == "" {
				sg.Name = l
			}
			continue
		}
		if sg.Name == "" {
			caps = append(caps, l)
		}
	}
	text := strings.Join(caps, " ")
	for _, title := range x.titles {
		if text == title || strings.HasSuffix(text, " "+title) {
			sg.Title = vntext.Capitalize(strings.ToLower(title))
			text = strings.TrimSpace(strings.TrimSuffix(text, title))
			break
		}
	}
	// "CHỦ TỊCH QUỐC HỘI" on its own line: a title with its body, no
	// authority mark.
	if sg.Title == "" && len(caps) > 0 && !authorityRe.MatchString(caps[len(caps)-1]) {
		last := caps[len(caps)-1]
		if title, body, ok := x.titleOfBody(last); ok {
			sg.Title = vntext.Capitalize(strings.ToLower(title)) + " " + vntext.SentenceCaseName(body)
			text = strings.TrimSpace(strings.TrimSuffix(text, last))
		}
	}
	sg.Authority = text
	return sg
}

// splitCells splits a table row into its cells.
func splitCells(t string) []string {
	var out []string
	for _, c := range strings.Split(t, "|") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// sectionMarkerRe recognizes section labels at the start of a paragraph.
var sectionMarkerRe = regexp.MustCompile(`^(?:` +
	`(?P<roman>[IVXLC]{1,6})[.)]\s+|` +
	`(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+|` +
	`(?P<arabic>\d{1,2})[.)]\s+|` +
	`(?P<letter>[a-zđ])\)\s+|` +
	`\((?P<paren>\d{1,2})\)\s+|` +
	`(?P<dieu>Điều\s+\d+[a-z]?)\.?(?:\s+|$)|` +
	`(?P<chuong>(?:Chương|CHƯƠNG)\s+[IVXLC\d]+)\.?(?:\s+|$)|` +
	`(?P<muc>(?:Mục|MỤC)\s+\d+)\.?(?:\s+|$)|` +
	`(?P<phan>(?:Phần|PHẦN)\s+(?:[IVXLC\d]+|thứ\s+\S+))\.?(?:\s+|$)` +
	`)`)

// buildSections builds the section tree of the body and appendix. A label
// kind seen for the first time nests under the current section; a kind
// already on the stack closes what is below it.
func buildSections(s string, d *layoutDoc) ([]Section, []int, []int, []int) {
	var secs []Section
	var ends, parents []int
	paraSec := make([]int, len(d.paras))
	for i := range paraSec {
		paraSec[i] = -1
	}
	type frame struct {
		kind, id string
		idx      int
	}
	var stack []frame
	names := sectionMarkerRe.SubexpNames()
	closeTo := func(n int, at int) {
		for len(stack) > n {
			ends[stack[len(stack)-1].idx] = at
			stack = stack[:len(stack)-1]
		}
	}
	top := func() int {
		if len(stack) == 0 {
			return -1
		}
		return stack[len(stack)-1].idx
	}
	for i := d.bodyStart; i < len(d.paras); i++ {
		if i >= d.bodyEnd && i < d.appendix {
			continue
		}
		p := d.paras[i]
		paraSec[i] = top()
		if i == d.appendix {
			closeTo(0, p.a)
			label := "Phụ lục"
			if m := phuLucRe.FindStringSubmatch(p.text); m != nil && m[1] != "" {
				label += " " + m[1]
			}
			secs = append(secs, Section{ID: label, Label: label, Heading: headingOf(strings.TrimSpace(p.text)), Level: 1, Span: Span{Start: p.a, End: p.b}})
			ends = append(ends, len(s))
			parents = append(parents, -1)
			stack = append(stack, frame{"appendix", label, len(secs) - 1})
			paraSec[i] = top()
			continue
		}
		if isTableRow(p.text) {
			continue
		}
		m := sectionMarkerRe.FindStringSubmatchIndex(p.text)
		if m == nil {
			continue
		}
		kind, label := "", ""
		for k := 1; k < len(names); k++ {
			if m[2*k] >= 0 && names[k] != "" {
				kind, label = names[k], p.text[m[2*k]:m[2*k+1]]
				break
			}
		}
		if kind == "roman" && d.meta.Type == "" {
			// nothing special
		}
		pos := -1
		for j, f := range stack {
			if f.kind == kind {
				pos = j
				break
			}
		}
		if pos >= 0 {
			closeTo(pos, p.a)
		}
		id := label
		switch kind {
		case "dotted":
			parts := strings.Split(label, ".")
			id = parts[len(parts)-1]
		case "paren":
			id = "(" + label + ")"
		}
		full := id
		if len(stack) > 0 {
			parent := stack[len(stack)-1].id
			if kind == "paren" {
				full = parent + id
			} else {
				full = parent + "." + id
			}
		}
		heading := headingOf(strings.TrimSpace(p.text[m[1]:]))
		secs = append(secs, Section{ID: full, Label: label, Heading: heading, Level: len(stack) + 1, Span: Span{Start: p.a, End: p.b}})
		ends = append(ends, len(s))
		parents = append(parents, top())
		stack = append(stack, frame{kind, full, len(secs) - 1})
		paraSec[i] = top()
	}
	closeTo(0, len(s))
	return secs, ends, paraSec, parents
}

// headingOf cuts a paragraph to its heading: up to ":" or the first
// sentence, at most 160 characters.
func headingOf(t string) string {
	if i := strings.Index(t, ":"); i > 0 {
		t = t[:i]
	}
	if i := strings.Index(t, ". "); i > 0 {
		t = t[:i]
	}
	t = strings.TrimRight(t, " .;")
	if utf8.RuneCountInString(t) > 160 {
		r := []rune(t)
		t = string(r[:160]) + "…"
	}
	return t
}

// paraAt returns the index of the paragraph holding offset off, -1 if none.
func (d *layoutDoc) paraAt(off int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].b > off })
	if i < len(d.paras) && d.paras[i].a <= off {
		return i
	}
	if i > 0 {
		return i - 1 // between paragraphs: the one before
	}
	return -1
}

// secIdxAt returns the innermost section holding offset off, -1 if none.
func (d *layoutDoc) secIdxAt(off int) int {
	if p := d.paraAt(off); p >= 0 {
		return d.paraSec[p]
	}
	return -1
}

// sectionAt returns the id of the innermost section holding offset off, or
// "preamble".
func (d *layoutDoc) sectionAt(off int) string {
	if i := d.secIdxAt(off); i >= 0 {
		return d.sections[i].ID
	}
	return "preamble"
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func atoi(s string) int {
	n := 0
	for _, c := range strings.TrimSpace(s) {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// placeName keeps the place of a "Hà Nội, ngày …" line: the capitalized
// words just before the comma ("/QĐ-BNV Hà Nội" → "Hà Nội").
func placeName(s string) string {
	f := strings.Fields(s)
	i := len(f)
	for i > 0 && isCapitalized(f[i-1]) && !vntext.IsAcronym(f[i-1]) && len(f)-i < 5 {
		i--
	}
	if i == len(f) { // nothing capitalized: keep what was written
		return strings.TrimSpace(s)
	}
	return strings.Join(f[i:], " ")
}

// issuingRe finds the formula of the preamble that names the issuer when
// the header is missing (text extracted from a PDF without its header
// table): "…; Ủy ban nhân dân phường Phù Liễn ban hành kế hoạch …".
var issuingRe = regexp.MustCompile(`(?i)(?:^|[;.:]\s*)([^;.:]{3,160}?)\s+ban hành\s+(?:kế hoạch|quyết định|chỉ thị|hướng dẫn|thông báo|quy chế|quy định|chương trình|kết luận)`)

// issuerFromPreamble takes the issuer from the preamble's "X ban hành …".
func (x *Extractor) issuerFromPreamble(d *layoutDoc) string {
	for i := d.bodyStart; i < len(d.paras) && i < d.bodyStart+6; i++ {
		t := d.paras[i].text
		m := issuingRe.FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		clause := t[m[2]:m[3]]
		for _, h := range x.unitHeads.find(clause) {
			if !x.headOK(clause, h.a, phraseHit{0, h.b - h.a, h.value}, len(clause)) || x.rs.Units[h.value].Person {
				continue
			}
			end := x.unitName(clause, h.a, h.b, len(clause), true)
			return strings.TrimSpace(clause[h.a:end])
		}
	}
	return ""
}
