package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"

	"github.com/vanban/vanban/extract/vntext"
)

// Extract runs the pipeline on a loaded source: normalize → segment →
// recognize (citations, units, deadlines) → resolve → record.
func (x *Extractor) Extract(src *Source) *Record {
	t := Normalize(src.Text, src.Format == "md")
	s := t.S
	d := x.segment(s)
	cites := x.findCitations(s, d.toks)
	cites = x.resolveCitations(cites, d)
	d.cited = make([]bool, len(s)+1)
	for _, c := range cites {
		for i := c.a; i < c.b && i < len(d.cited); i++ {
			d.cited[i] = true
		}
	}
	ums, contacts := x.findUnits(s, d, cites)
	unitFor := x.unitLocator(s, d, ums)
	dls := x.findDeadlines(s, deadlineCtx{d: d, cites: cites, units: ums, unitFor: unitFor})

	raw := src.Text
	sum := sha256.Sum256([]byte(raw))
	rec := &Record{
		Source:    SourceInfo{Path: src.Path, Format: src.Format, Encoding: src.Encoding, SHA256: hex.EncodeToString(sum[:]), Bytes: src.Size, Pages: src.Pages, OCR: src.OCR},
		Meta:      d.meta,
		Sections:  []Section{},
		Citations: []Citation{},
		Units:     []Unit{},
		Contacts:  []Contact{},
		Deadlines: []Deadline{},
		Problems:  []Problem{},
	}
	if rec.Meta.Recipients == nil {
		rec.Meta.Recipients = []string{}
	}
	span := func(a, b int) Span {
		oa, ob := t.Span(a, b)
		line, col := runeCol(raw, oa)
		return Span{Start: oa, End: ob, Line: line, Col: col}
	}
	for _, sec := range d.sections {
		sec.Span = span(sec.Start, sec.End)
		rec.Sections = append(rec.Sections, sec)
	}
	for _, c := range cites {
		cit := c.Citation
		cit.Span = span(c.a, c.b)
		cit.Text = raw[cit.Start:cit.End]
		cit.Section = d.sectionAt(c.a)
		if cit.ResolvedFrom != nil {
			r := span(cit.ResolvedFrom.Start, cit.ResolvedFrom.End)
			cit.ResolvedFrom = &r
		}
		for i := range cit.Problems {
			cit.Problems[i].Span = span(cit.Problems[i].Start, cit.Problems[i].End)
			rec.Problems = append(rec.Problems, cit.Problems[i])
		}
		rec.Citations = append(rec.Citations, cit)
	}
	rec.Units = x.mergeUnits(ums, t, d, raw)
	for _, c := range contacts {
		c.Span = span(c.Start, c.End)
		c.Text = raw[c.Start:c.End]
		rec.Contacts = append(rec.Contacts, c)
	}
	for _, dl := range dls {
		if dl.Section == "" {
			dl.Section = d.sectionAt(dl.Start)
		}
		dl.Span = span(dl.Start, dl.End)
		dl.Text = raw[dl.Start:dl.End]
		rec.Deadlines = append(rec.Deadlines, dl)
	}
	for _, tb := range tablesOf(s, d) {
		t := Table{Header: tb.header, Rows: [][]string{}, Span: span(tb.a, tb.b)}
		for _, r := range tb.rows {
			var row []string
			for _, c := range r.cells {
				row = append(row, s[c.a:c.b])
			}
			t.Rows = append(t.Rows, row)
		}
		rec.Tables = append(rec.Tables, t)
	}
	for _, p := range d.problems {
		p.Span = span(p.Start, p.End)
		rec.Problems = append(rec.Problems, p)
	}
	for _, p := range numberingProblems(d) {
		p.Span = span(p.Start, p.End)
		rec.Problems = append(rec.Problems, p)
	}
	has := func(code string) bool {
		for _, p := range rec.Problems {
			if p.Code == code {
				return true
			}
		}
		return false
	}
	if len(s) > 0 {
		if rec.Meta.Signer.Name == "" {
			rec.Problems = append(rec.Problems, Problem{Code: "missing_signature", Message: "Không tìm thấy chữ ký (họ tên người ký)", Rule: "structure/signature"})
		}
		if len(rec.Meta.Recipients) == 0 {
			rec.Problems = append(rec.Problems, Problem{Code: "missing_recipients", Message: "Không tìm thấy phần Nơi nhận", Rule: "structure/recipients"})
		}
		if rec.Meta.Number == "" && !has("blank_number") {
			rec.Problems = append(rec.Problems, Problem{Code: "missing_number", Message: "Không tìm thấy số, ký hiệu của văn bản", Rule: "header/number"})
		}
		if rec.Meta.Date == "" && !has("blank_date") {
			rec.Problems = append(rec.Problems, Problem{Code: "missing_date", Message: "Không tìm thấy ngày ban hành của văn bản", Rule: "header/date"})
		}
	}
	for i := range rec.Problems {
		rec.Problems[i].Severity = SeverityOf(rec.Problems[i].Code)
		if rec.Problems[i].Line == 0 { // about the whole document
			rec.Problems[i].Line, rec.Problems[i].Col = 1, 1
		}
	}
	for i := range rec.Citations {
		for j := range rec.Citations[i].Problems {
			rec.Citations[i].Problems[j].Severity = SeverityOf(rec.Citations[i].Problems[j].Code)
		}
	}
	sort.SliceStable(rec.Problems, func(i, j int) bool { return rec.Problems[i].Start < rec.Problems[j].Start })
	return rec
}

// resolveCitations links short mentions to the full mention of the same
// instrument, shares an issuer written once for a list ("Chỉ thị số 31-CT/TU
// …, Kế hoạch số 134-KH/TU … của Ban Thường vụ Tỉnh ủy"), names issuers from
// codes, drops self-references and flags inconsistent dates.
func (x *Extractor) resolveCitations(cs []citeMatch, d *layoutDoc) []citeMatch {
	// Self-references and the header's own number.
	own := ""
	if d.meta.Number != "" {
		own = numberKey(d.meta.Number)
	}
	out := cs[:0]
	for _, c := range cs {
		if own != "" && c.key == own {
			continue
		}
		out = append(out, c)
	}
	cs = out
	// Shared issuer: walk backwards through runs joined by "," or "và".
	for i := len(cs) - 2; i >= 0; i-- {
		c, n := &cs[i], &cs[i+1]
		if c.Issuer != "" || n.Issuer == "" || n.a < c.b {
			continue
		}
		gap := strings.TrimSpace(d.textBetween(c.b, n.a))
		sameCode := c.codeIs >= 0 && c.codeIs == n.codeIs
		switch {
		case gap == "," || gap == "và" || gap == ", và":
			if c.codeIs >= 0 && n.codeIs >= 0 && c.codeIs != n.codeIs {
				continue
			}
		case gap == ";" && sameCode && c.Date != "":
			// "Kết luận 177-KL/TW, ngày 11/7/2025; Kết luận 178-KL/TW … của
			// Bộ Chính trị": a list of one issuer's dated instruments (an
			// undated one is a short form, resolved by its number below)
		default:
			continue
		}
		c.Issuer = n.Issuer
	}
	// Laws cited by name: a name given elsewhere with its number
	// ("Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13" … "Luật MTTQ Việt
	// Nam") is the same instrument; a shorter name that starts a longer one
	// of the same type ("Hiến pháp" … "Hiến pháp năm 2013") is too.
	named := map[string]int{}
	for i, c := range cs {
		if strings.Contains(c.Rule, "#by-name") || c.Number != "" && c.Title != "" && strings.HasPrefix(c.Rule, "doctype/luat") {
			k := x.nameKey(c.Title)
			if j, ok := named[k]; !ok || cs[j].Number == "" && c.Number != "" {
				named[k] = i
			}
		}
	}
	for i := range cs {
		c := &cs[i]
		if !strings.HasPrefix(c.key, "name:") {
			continue
		}
		k := x.nameKey(c.Title)
		best := -1
		for k2, j := range named {
			if j == i || cs[j].Type != c.Type {
				continue
			}
			if k2 == k && (cs[j].Number != "" || cs[j].Date != "" && c.Date == "") || strings.HasPrefix(k2, k+" ") && (best < 0 || len(cs[j].Title) > len(cs[best].Title)) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		f := cs[best]
		c.key, c.Title = f.key, f.Title
		c.Number, c.NumberNormalized = f.Number, f.NumberNormalized
		if c.Date == "" {
			c.Date = f.Date
		}
		if c.Issuer == "" {
			c.Issuer = f.Issuer
		}
		c.ResolvedFrom = &Span{Start: f.a, End: f.b}
	}
	// Short forms: take date and issuer from the fullest mention.
	full := map[string]int{}
	for i, c := range cs {
		if strings.HasPrefix(c.key, "name:") {
			continue
		}
		j, ok := full[c.key]
		if !ok || score(c) > score(cs[j]) {
			full[c.key] = i
		}
	}
	for i := range cs {
		c := &cs[i]
		j, ok := full[c.key]
		if !ok || j == i {
			continue
		}
		f := cs[j]
		if c.Date != "" && f.Date != "" && c.Date != f.Date {
			c.Problems = append(c.Problems, Problem{Code: "inconsistent_date", Rule: "resolve/same-number",
				Message:    "Cùng số " + c.NumberNormalized + " nhưng ngày khác: " + c.Date + " và " + f.Date,
				Suggestion: f.Date, Span: Span{Start: c.a, End: c.b}})
			continue
		}
		if ci, fi := vntext.Fold(x.expandAbbrev(c.Issuer)), vntext.Fold(x.expandAbbrev(f.Issuer)); ci != "" && fi != "" && !strings.Contains(ci, fi) && !strings.Contains(fi, ci) {
			c.Problems = append(c.Problems, Problem{Code: "inconsistent_issuer", Rule: "resolve/same-number",
				Message:    "Cùng số " + c.NumberNormalized + " nhưng cơ quan ban hành khác: " + c.Issuer + " và " + f.Issuer,
				Suggestion: f.Issuer, Span: Span{Start: c.a, End: c.b}})
		}
		resolved := false
		if c.Date == "" && f.Date != "" {
			c.Date = f.Date
			resolved = true
		}
		if c.Issuer == "" && f.Issuer != "" {
			c.Issuer = f.Issuer
			resolved = true
		}
		if c.Title == "" && f.Title != "" {
			c.Title = f.Title
		}
		if resolved {
			c.ResolvedFrom = &Span{Start: f.a, End: f.b}
		}
	}
	// Issuer from the code when the text names none.
	for i := range cs {
		c := &cs[i]
		if c.Issuer == "" && c.codeIs >= 0 && x.rs.Issuers[c.codeIs].Inferable() {
			c.Issuer = x.rs.Issuers[c.codeIs].Name
			c.IssuerInferred = true
		}
		if c.Issuer == "" && (c.Type == "Luật" || c.Type == "Hiến pháp" || c.Type == "Bộ luật") {
			c.Issuer = "Quốc hội"
			c.IssuerInferred = true
		}
		x.citationChecks(c)
		// Instruments dated after the citing document cannot be cited.
		if d.meta.Date != "" && c.Date > d.meta.Date {
			c.Problems = append(c.Problems, Problem{Code: "date_after_document", Rule: "resolve/date-order",
				Message: "Văn bản được dẫn có ngày " + c.Date + " sau ngày ban hành " + d.meta.Date, Span: Span{Start: c.a, End: c.b}})
		}
		// Laws known to the catalog.
		if c.Number == "" {
			if li, ok := x.laws[vntext.Key(c.Title)]; ok {
				c.Known = x.rs.Laws[li].Number
			}
		}
	}
	return cs
}

// score ranks mentions of one instrument: dated and attributed ones first.
func score(c citeMatch) int {
	n := 0
	if c.Date != "" {
		n += 2
	}
	if c.Issuer != "" {
		n++
	}
	return n
}

func (d *layoutDoc) textBetween(a, b int) string {
	if a >= b || b > len(d.s) {
		return ""
	}
	return d.s[a:b]
}

// unitLocator returns, for an offset, the unit responsible there: the unit
// a section heading names, or the last unit given a role earlier in the
// same paragraph.
func (x *Extractor) unitLocator(s string, d *layoutDoc, ums []unitMention) func(int) string {
	sorted := append([]unitMention(nil), ums...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].a < sorted[j].a })
	headingUnit := map[int]string{} // section index → unit its heading names
	for _, m := range sorted {
		if strings.HasSuffix(m.rule, "#heading") {
			if i := d.secIdxAt(m.a); i >= 0 {
				if _, ok := headingUnit[i]; !ok {
					headingUnit[i] = m.name
				}
			}
		}
	}
	return func(off int) string {
		ls, _ := lineBounds(s, off)
		k := sort.Search(len(sorted), func(i int) bool { return sorted[i].a >= off })
		if k > 0 && sorted[k-1].a >= ls {
			// Of the units named before the deadline on its line, the one
			// that leads ("A chủ trì, phối hợp với B …, báo cáo trước
			// ngày …" is A's deadline); else the nearest that is not only a
			// co-ordinator; else the nearest.
			nearest := ""
			for j := k - 1; j >= 0 && sorted[j].a >= ls; j-- {
				if slices.Contains(sorted[j].roles, x.rolePart["lead"]) {
					return sorted[j].name
				}
				if nearest == "" && !(len(sorted[j].roles) == 1 && sorted[j].roles[0] == x.rolePart["support"]) {
					nearest = sorted[j].name
				}
			}
			if nearest != "" {
				return nearest
			}
			return sorted[k-1].name
		}
		for i := d.secIdxAt(off); i >= 0; i = d.secParent[i] {
			if u, ok := headingUnit[i]; ok {
				return u
			}
		}
		return ""
	}
}

// nameKey compares names of instruments: abbreviations expanded, tone
// placement and case ignored.
func (x *Extractor) nameKey(name string) string { return vntext.Key(x.expandAbbrev(name)) }

// expandAbbrev writes out the abbreviations of a name (UBND → Ủy ban nhân
// dân, MTTQ → Mặt trận Tổ quốc).
func (x *Extractor) expandAbbrev(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		if l, ok := x.abbrev[strings.Trim(w, ",.;")]; ok {
			ws[i] = l
		}
	}
	return strings.Join(ws, " ")
}
