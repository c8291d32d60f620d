package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/extract/vntext"
)

// unitStops end a unit name: lowercase words, with their accents, so that
// "có" stops a name and "cơ" ("các cơ quan") does not, nor "báo" ("các cơ
// quan báo chí") where "bảo" does.
var unitStops = map[string]bool{
	"theo": true, "để": true, "trong": true, "tại": true, "về": true, "với": true, "được": true,
	"là": true, "đã": true, "sẽ": true, "cần": true, "phải": true, "của": true, "cho": true, "khi": true,
	"nếu": true, "trên": true, "năm": true, "ngày": true, "căn": true, "nghiên": true,
	"kịp": true, "tiếp": true, "kiểm": true, "xây": true, "rà": true, "ra": true, "đảm": true, "bảo": true,
	"đẩy": true, "tăng": true, "thường": true, "nghiêm": true, "tham": true, "qua": true,
	"gửi": true, "trình": true, "này": true, "do": true, "vào": true, "có": true, "chịu": true, "đề": true, "yêu": true,
}

// unitTailOK words may end a unit name even when the name was not closed by
// a role verb: localities and collective words.
var unitTailOK = map[string]bool{"ban": true, "nhan": true, "dan": true, "dong": true, "tinh": true, "xa": true, "phuong": true, "huyen": true, "pho": true, "khu": true,
	"quan": true, "nganh": true, "lien": true, "mon": true, "the": true, "chuyen": true, "truc": true, "thuoc": true}

// askAddresseesRe finds a document asking its addressees to act: "đề nghị
// Quý cơ quan, đơn vị", "yêu cầu Quý Sở", "đề nghị các đồng chí".
var askAddresseesRe = regexp.MustCompile(`(?i)(?:đề nghị|yêu cầu)\s+(?:Quý\s+(?:cơ quan|đơn vị|địa phương|Sở|Bộ|Ủy ban|UBND|Ban)(?:\s*,\s*(?:cơ quan|đơn vị|địa phương))*|các đồng chí)\s*`)

// defaultRole is the role of a unit given work without a role verb
// ("Giao Công an tỉnh nghiên cứu …").
const defaultRole = "thực hiện"

// collectiveCont are lowercase words that continue a list inside one
// collective unit name after a comma ("các sở, ban, ngành", "xã, phường, đặc khu").
var collectiveCont = map[string]bool{"ban": true, "nganh": true, "phuong": true, "xa": true, "dac": true, "thi": true,
	"don": true, "co": true, "dia": true, "doan": true, "phong": true, "hoi": true, "to": true, "thanh": true, "ca": true}

// unitName returns the end of the unit name whose head ends at headEnd.
// wholeLine is true when the name is a section heading (nothing follows it
// but the end of the heading).
func (x *Extractor) unitName(s string, a, headEnd, lineEnd int, wholeLine bool) int {
	toks := tokenize(s, headEnd, min(lineEnd, headEnd+240))
	end := headEnd
	var pending []token
	commit := func() {
		if len(pending) > 0 {
			end = pending[len(pending)-1].b
			pending = pending[:0]
		}
	}
	headFold := vntext.Fold(s[a:headEnd])
	stopByWord, countAfterWords := false, false
	capEnd, capRun := -1, 0 // end of the last capitalized word of the name, and how many were in a row
	for i := 0; i < len(toks) && i < 16; i++ {
		t := toks[i]
		if _, ok := x.roles.at(s[t.a:lineEnd]); ok && t.word {
			commit()
			return end
		}
		if !t.word {
			next := token{}
			if i+1 < len(toks) {
				next = toks[i+1]
			}
			switch t.s {
			case ",":
				nf := foldWord(next.s)
				// "các sở, ban, ngành", "UBND các xã, phường": lists inside a
				// collective name only
				collective := strings.HasPrefix(headFold, "cac ") || strings.Contains(vntext.Fold(s[headEnd:t.a]), "cac ")
				if next.word && !isCapitalized(next.s) && collectiveCont[nf] && collective {
					pending = append(pending, t)
					continue
				}
				if next.word && isCapitalized(next.s) && (headFold == "so" || headFold == "bo") {
					if _, isHead := x.unitHeads.at(s[next.a:lineEnd]); !isHead {
						pending = append(pending, t)
						continue
					}
				}
			case "-", "–":
				if next.word && isCapitalized(next.s) {
					pending = append(pending, t)
					continue
				}
			case "(":
				// "(Sở Nội vụ)" names the parent body.
				if next.word {
					if _, isHead := x.unitHeads.at(s[next.a:lineEnd]); isHead {
						for j := i + 1; j < len(toks) && j < i+14; j++ {
							if toks[j].s == ")" {
								commit()
								end = toks[j].b
								i = j
								break
							}
						}
						if end > t.a {
							continue
						}
					}
				}
			}
			if wordsIn(pending) <= 3 || wholeLine {
				commit()
			}
			break
		}
		f := foldWord(t.s)
		if f == "va" {
			if i+1 < len(toks) && toks[i+1].word && isCapitalized(toks[i+1].s) {
				if _, isHead := x.unitHeads.at(s[toks[i+1].a:lineEnd]); !isHead {
					pending = append(pending, t)
					continue
				}
			}
			commit() // "A và B": A ends here
			return end
		}
		if isCapitalized(t.s) || vntext.IsAcronym(t.s) {
			// "… liên quan tổ chức công bố Chỉ số": a new clause, but not
			// the name of a place after "các xã, phường, đặc khu"
			if wordsIn(pending) > 3 && !endsWithLocalities(vntext.Fold(s[pending[0].a:pending[len(pending)-1].b])) {
				break
			}
			pending = append(pending, t)
			commit()
			capEnd = end
			if capRun++; i == 0 || !toks[i-1].word || !isCapitalized(toks[i-1].s) {
				capRun = 1
			}
			continue
		}
		if f == "co" && i+2 < len(toks) && foldWord(toks[i+1].s) == "lien" && foldWord(toks[i+2].s) == "quan" {
			// "các cơ quan, đơn vị có liên quan" ends the name
			pending = append(pending, t, toks[i+1], toks[i+2])
			commit()
			return end
		}
		if t.s[0] >= '0' && t.s[0] <= '9' && len(pending) > 0 && pending[len(pending)-1].word && foldWord(pending[len(pending)-1].s) != "so" {
			// "Ủy ban nhân dân tỉnh bổ nhiệm 157 lãnh đạo": a count after
			// words is an object, not a name ("Trường số 2", "Phường 5"
			// are)
			countAfterWords = true
			break
		}
		if unitStops[vntext.ToLower(t.s)] || f == "ban" && i+1 < len(toks) && foldWord(toks[i+1].s) == "hanh" || t.s == "tự" {
			stopByWord = true
			break
		}
		pending = append(pending, t)
		if wordsIn(pending) > 8 {
			break
		}
	}
	if !countAfterWords && (wholeLine && !stopByWord || stopByWord && len(pending) <= 3) {
		commit()
	}
	for k, t := range pending {
		if t.s == "," { // "các sở, ban, ngành liên quan"
			continue
		}
		// the lowercase syllable of a capitalized word ends a name too:
		// "Sở Tài chính", "Sở Y tế"
		syllable := k == 0 && end == capEnd && t.a == end+1 && capRun == 1 // not "Lâm Đồng công nhận"
		if !t.word || !unitTailOK[foldWord(t.s)] && !syllable {
			break
		}
		end = t.b
	}
	return end
}

// localityList matches "xã, phường, đặc khu" in any order (folded).
var localityList = regexp.MustCompile(`(?:xa|phuong|dac khu|thi tran|thi xa)(?:,? (?:va )?(?:xa|phuong|dac khu|thi tran|thi xa))+`)

// endsWithLocalities reports whether folded text ends with a list of kinds
// of locality ("cac xa, phuong, dac khu").
func endsWithLocalities(folded string) bool {
	loc := localityList.FindAllStringIndex(folded, -1)
	return len(loc) > 0 && loc[len(loc)-1][1] == len(folded)
}

// unitMention is found before units are merged.
type unitMention struct {
	a, b  int
	name  string
	roles []string
	kind  int // index in rs.Units
	rule  string
}

var (
	contactRe   = regexp.MustCompile(`(?i)(?:đồng chí|đ/c|ông|bà)\s+((?:\p{Lu}[\p{L}\p{M}]*\s+){1,4}\p{Lu}[\p{L}\p{M}]*)((?:\s*,\s*[\p{Ll}\s]+?)?)\s*,?\s*(?:SĐT|ĐT|điện thoại|số điện thoại|Tel)\s*:?\s*(\+?\d[\d .]{7,14}\d)`)
	labelRoleRe = regexp.MustCompile(`(?i)^(?:[-+•]\s*)?(?:cơ quan|đơn vị)\s+(chủ trì|phối hợp|thực hiện)(?:\s+thực hiện)?\s*:\s*`)
)

// findUnits recognizes responsible units and their roles, and contacts.
func (x *Extractor) findUnits(s string, d *layoutDoc, cites []citeMatch) ([]unitMention, []Contact) {
	var ms []unitMention
	var contacts []Contact
	inCite := func(a int) bool { return a < len(d.cited) && d.cited[a] }
	// Contacts: "đồng chí Hoàng Thị Thu Hà, chuyên viên, SĐT: 0356 154 194".
	var contactSpans [][2]int
	for _, m := range findInLines(s, contactRe, "ĐT", "điện thoại", "Điện thoại", "Tel") {
		c := Contact{Name: strings.TrimSpace(s[m[2]:m[3]]), Phone: strings.TrimSpace(s[m[6]:m[7]]), Text: s[m[0]:m[1]]}
		if m[4] < m[5] {
			c.Title = strings.Trim(s[m[4]:m[5]], " ,")
		}
		ls, _ := lineBounds(s, m[0])
		pa := strings.LastIndex(s[ls:m[0]], "(")
		if pa >= 0 {
			pa += ls
			contactSpans = append(contactSpans, [2]int{pa, m[1]})
			if h, ok := x.unitHeads.at(strings.TrimPrefix(strings.TrimSpace(s[pa+1:m[0]]), "qua ")); ok {
				inner := strings.TrimPrefix(strings.TrimSpace(s[pa+1:m[0]]), "qua ")
				c.Unit = strings.Trim(inner[:strings.IndexAny(inner+",", ",")], " ")
				_ = h
			}
		}
		c.Span = Span{Start: m[0], End: m[1]}
		contacts = append(contacts, c)
	}
	inContact := func(a int) bool {
		for _, c := range contactSpans {
			if a >= c[0] && a < c[1] {
				return true
			}
		}
		return false
	}
	bodyFrom := d.headerEnds
	inBody := func(a int) bool {
		if a < bodyFrom {
			return false
		}
		if d.bodyEnd < len(d.paras) && a >= d.paras[d.bodyEnd].a && (d.appendix >= len(d.paras) || a < d.paras[d.appendix].a) {
			return false
		}
		return true
	}
	claimed := make([]bool, len(s)+1)
	add := func(a, b int, roles []string, kind int, rule string) {
		name := strings.TrimSpace(strings.Trim(s[a:b], " ,;:.-"))
		if name == "" || len([]rune(name)) < 4 {
			return
		}
		ms = append(ms, unitMention{a: a, b: b, name: name, roles: roles, kind: kind, rule: rule})
		for i := a; i < b; i++ {
			claimed[i] = true
		}
		// "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)":
		// the unit in parentheses does the work too.
		if i := strings.Index(s[a:b], "("); i > 0 {
			pa := a + i + 1
			if h, ok := x.unitHeads.at(s[pa:b]); ok {
				pb := strings.IndexByte(s[pa:b], ')')
				if pb > 0 {
					ms = append(ms, unitMention{a: pa, b: pa + pb, name: s[pa : pa+pb], roles: roles, kind: h.value, rule: rule})
				}
			}
		}
	}
	// 1. Section headings that name a unit: "2. Sở Tài chính",
	// "1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:", "3. Đồng chí
	// Phó Giám đốc …: Chủ động tham mưu …", "1. Sở Nội vụ chịu trách nhiệm …".
	for j, sec := range d.sections {
		_, lb := lineBounds(s, sec.Start)
		ms0 := sectionMarkerRe.FindStringIndex(s[sec.Start:lb])
		if ms0 == nil {
			continue
		}
		h0 := sec.Start + ms0[1]
		for _, pre := range []string{"Đề nghị ", "Giao ", "Yêu cầu "} {
			h0 += len(pre) * boolInt(strings.HasPrefix(s[h0:], pre))
		}
		h, ok := x.unitHeads.at(s[h0:lb])
		if !ok || !x.headOK(s, h0, h, lb) {
			continue
		}
		kind := h.value
		if _, body := x.bodyAfterOffice(s[h0:lb], h); x.rs.Units[kind].Person && body && x.officeList(s[h0:lb]) {
			continue // "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: …": the clause rule reads the list
		}
		var end int
		rest := s[h0:lb]
		inImpl := false
		for _, imp := range d.implSecs {
			inImpl = inImpl || sec.Start > d.sections[imp].Start && sec.Start < d.secEnds[imp]
		}
		if x.rs.Units[kind].Person && !inImpl && !strings.Contains(rest, ":") || strings.HasSuffix(strings.TrimSpace(rest), "!") {
			continue // "23. Chủ tịch Hồ Chí Minh vĩ đại …!" is a slogan
		}
		colon := strings.Index(rest, ":")
		words := len(strings.Fields(rest))
		switch {
		case colon > 0 && len(strings.Fields(rest[:colon])) <= 24:
			end = h0 + colon
		case words <= 18 && len(x.roles.find(rest)) == 0 && !strings.HasSuffix(strings.TrimSpace(rest), "."):
			end = lb // a heading that is a name ("2. Sở Tài chính"), not a sentence
		default:
			end = x.unitName(s, h0, h0+h.b, lb, false)
			// "Điều 3. Sở Tài chính, Sở Nội vụ và … chịu trách nhiệm thi
			// hành": a list of subjects, which the clause rule below reads
			// whole.
			if t := strings.TrimLeft(s[end:lb], " "); strings.HasPrefix(t, ", ") || strings.HasPrefix(t, "và ") {
				t = strings.TrimPrefix(strings.TrimPrefix(t, ", "), "và ")
				if nh, ok := x.unitHeads.at(t); ok {
					if _, body := x.bodyAfterOffice(t, nh); !x.rs.Units[nh.value].Person || body {
						continue
					}
				}
			}
		}
		if name := s[h0:end]; end != lb && x.genericCollective(name) && !(startsNumberedItem(s, sec.Start, h0) && namesKindOfBody(name)) ||
			len(strings.Fields(name)) <= 2 && x.rs.Units[kind].Person {
			continue // "Các cơ quan", "Thủ trưởng": nobody in particular
		}
		roles := x.leadingRoles(strings.TrimLeft(s[end:lb], " :"))
		roles = append(roles, x.rolesIn(clauseStarts(s, lb, d.secEnds[j]))...)
		if len(roles) == 0 {
			roles = []string{defaultRole}
		}
		add(h0, end, dedupeStrings(roles), kind, unitRule(x.rs.Units[kind].ID)+"#heading")
	}
	// 2. Subjects of clauses: "Sở Tài chính chủ trì, phối hợp …", "Văn
	// phòng … và các văn phòng tỉnh ủy thực hiện …", "giao Công an tỉnh …",
	// and "phối hợp với <Unit>".
	for _, h := range x.unitHeads.findIn(d.toks) {
		if !inBody(h.a) || inCite(h.a) || inContact(h.a) || x.rs.Units[h.value].Person || claimed[h.a] {
			continue
		}
		ls, lb := lineBounds(s, h.a)
		if isTableRow(s[ls:lb]) || !x.headOK(s, h.a, phraseHit{0, h.b - h.a, h.value}, lb) {
			continue
		}
		// "Giám đốc Sở Nội vụ …", "Chánh Văn phòng UBND tỉnh …": the
		// office holder stands for the body
		at := x.officeBefore(s, ls, h.a)
		before := s[max(ls, at-30):at]
		fb := vntext.Fold(before)
		if strings.HasSuffix(fb, "phoi hop voi ") {
			end := x.unitName(s, h.a, h.b, lb, false)
			if !x.genericCollective(s[h.a:end]) {
				add(h.a, end, []string{x.rolePart["support"]}, h.value, unitRule(x.rs.Units[h.value].ID)+"#object")
			}
			continue
		}
		giao := endsWithAssign(before) && !reportsPast(s[max(0, at-40):at])
		if !giao && !clauseStart(before) {
			continue
		}
		// the subject may be a list: "A và B …", "A, B …"
		type span struct{ a, b, kind int }
		subj := []span{{h.a, x.enumeratedEnd(s, h.value, x.unitName(s, h.a, h.b, lb, false), lb), h.value}}
		for {
			last := subj[len(subj)-1].b
			rest := s[last:lb]
			t := strings.TrimLeft(rest, " ")
			var skip int
			switch {
			case strings.HasPrefix(t, "và "):
				skip = len(rest) - len(t) + len("và ")
			case strings.HasPrefix(t, ", "), strings.HasPrefix(t, "; "):
				skip = len(rest) - len(t) + len(", ")
			default:
				skip = -1
			}
			if skip < 0 {
				break
			}
			na := last + skip
			nh, ok := x.unitHeads.at(s[na:lb])
			if ok && x.rs.Units[nh.value].Person { // "…, Giám đốc Sở Nội vụ"
				if bh, body := x.bodyAfterOffice(s[na:lb], nh); body {
					na, nh = na+nh.b+1, bh
				}
			}
			if !ok || !x.headOK(s, na, nh, lb) {
				break
			}
			subj = append(subj, span{na, x.enumeratedEnd(s, nh.value, x.unitName(s, na, na+nh.b, lb, false), lb), nh.value})
		}
		after := s[subj[len(subj)-1].b:lb]
		roles := x.leadingRoles(strings.TrimLeft(after, " ,"))
		if len(roles) == 0 {
			roles = x.rolesAfterList(after)
		}
		if len(roles) == 0 && giao {
			roles = []string{defaultRole}
		}
		if len(roles) == 0 {
			continue
		}
		for _, u := range subj {
			// "các cơ quan, đơn vị" is nobody in particular
			if x.genericCollective(s[u.a:u.b]) || x.rs.Units[u.kind].Person {
				continue
			}
			add(u.a, u.b, roles, u.kind, unitRule(x.rs.Units[u.kind].ID))
		}
	}
	// 2b. The addressees asked to act: "Sở Nội vụ đề nghị Quý cơ quan, đơn
	// vị báo cáo kết quả …" gives the work to those of "Kính gửi".
	if len(d.meta.Addressees) > 0 && d.headerEnds <= len(s) {
		var roles []string // of every request in the body
		for _, m := range askAddresseesRe.FindAllStringIndex(s[d.headerEnds:], -1) {
			rest := s[d.headerEnds+m[1]:]
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				rest = rest[:i]
			}
			if r := x.leadingRoles(rest); len(r) > 0 {
				roles = append(roles, r...)
			} else {
				roles = append(roles, defaultRole)
			}
		}
		for _, addr := range d.meta.Addressees {
			i := strings.Index(s[:d.headerEnds], addr)
			h, ok := x.unitHeads.at(addr)
			if len(roles) == 0 || i < 0 || !ok || x.rs.Units[h.value].Person || x.genericCollective(addr) && !namesKindOfBody(addr) {
				continue
			}
			add(i, i+len(addr), dedupeStrings(roles), h.value, unitRule(x.rs.Units[h.value].ID)+"#addressee")
		}
	}
	// 3. "Cơ quan chủ trì: A, B, C." lists.
	for _, p := range d.paras {
		if !inBody(p.a) {
			continue
		}
		m := labelRoleRe.FindStringSubmatchIndex(p.text)
		if m == nil {
			continue
		}
		role := strings.ToLower(p.text[m[2]:m[3]])
		va, vb := p.a+m[1], p.b
		if h, ok := x.unitHeads.at(s[va:vb]); ok && x.rs.Units[h.value].Person {
			// "Đơn vị phối hợp: Các đ/c Phó chủ tịch, Trưởng đoàn thể xã, …":
			// people listed by office are one assignee
			add(va, len(strings.TrimRight(s[:vb], ". ;")), []string{role}, h.value, unitRule(x.rs.Units[h.value].ID)+"#list")
			continue
		}
		x.unitList(s, va, vb, []string{role}, add)
	}
	// 4. Assignment tables: the lead and co-operating columns.
	for _, tb := range tablesOf(s, d) {
		for col, role := range map[int]string{tb.lead: x.rolePart["lead"], tb.coop: x.rolePart["support"], tb.monitor: x.rolePart["monitor"]} {
			if col < 0 {
				continue
			}
			for _, r := range tb.rows {
				if col < len(r.cells) {
					c := r.cells[col]
					x.unitList(s, c.a, c.b, []string{role}, add)
				}
			}
		}
	}
	return ms, contacts
}

// objectBefore reports whether the words before a unit make it the object of
// another verb ("tham mưu Ủy ban…", "báo cáo về Ủy ban…", "của Sở…").
func objectBefore(fb string) bool {
	fb = strings.TrimSpace(fb)
	for _, w := range []string{"tham muu", "ve", "cua", "cho", "qua", "trinh", "gui", "voi", "tai", "den", "tu", "huong dan", "chi dao", "bao cao"} {
		if strings.HasSuffix(fb, " "+w) || fb == w {
			return true
		}
	}
	return false
}

// leadingRoles reads the role phrases at the start of s: "chủ trì, phối hợp
// với …" gives both; "có trách nhiệm" is skipped to the verb after it.
func (x *Extractor) leadingRoles(s string) []string {
	var roles []string
	for i := 0; i < 5; i++ {
		s = strings.TrimLeft(s, " ,")
		if hasPrefixFold(s, "và ") {
			s = s[len("và "):]
		}
		if q, ok := x.qualifier.at(s); ok && len(roles) == 0 { // "theo chức năng, nhiệm vụ được giao"
			s = s[q.b:]
			continue
		}
		h, ok := x.roles.at(s)
		if !ok {
			break
		}
		roles = append(roles, x.rs.Roles[h.value].Name)
		s = s[h.b:]
	}
	return dedupeStrings(roles)
}

// rolesIn returns the roles named anywhere in s.
func (x *Extractor) rolesIn(s string) []string {
	var roles []string
	for _, h := range x.roles.find(s) {
		roles = append(roles, x.rs.Roles[h.value].Name)
	}
	return dedupeStrings(roles)
}

var clauseSepRe = regexp.MustCompile(`[.;]\s+`)

// clauseStarts returns the first words of each item and sentence in
// s[a:b]: the verbs that say what the unit of a heading must do.
func clauseStarts(s string, a, b int) string {
	var sb strings.Builder
	for _, p := range paragraphs(s[a:b]) {
		for _, cl := range clauseSepRe.Split(p.text, -1) {
			cl = strings.TrimLeft(cl, "-+• ")
			sb.WriteString(firstWords(cl, 3))
			sb.WriteString(" | ")
		}
	}
	return sb.String()
}

// unitList reads a list of units in s[a:b] separated by ";" or ",".
func (x *Extractor) unitList(s string, a, b int, roles []string, add func(int, int, []string, int, string)) {
	pos := a
	for pos < b {
		rest := s[pos:b]
		trim := len(rest) - len(strings.TrimLeft(rest, " ,;.-"))
		pos += trim
		if pos >= b {
			return
		}
		if hasPrefixFold(s[pos:b], "và ") {
			pos += len("và ")
			continue
		}
		h, ok := x.unitHeads.at(s[pos:b])
		if !ok {
			// skip to the next separator
			i := strings.IndexAny(s[pos:b], ",;")
			if i < 0 {
				return
			}
			pos += i + 1
			continue
		}
		end := x.unitName(s, pos, pos+h.b, b, true)
		if end <= pos+h.b && x.rs.Units[h.value].Collective == false && end-pos < 4 {
			end = pos + h.b
		}
		if !x.genericCollective(s[pos:end]) {
			add(pos, end, roles, h.value, unitRule(x.rs.Units[h.value].ID)+"#list")
		}
		if end <= pos {
			end = pos + h.b
		}
		pos = end
	}
}

// mergeUnits merges mentions of the same unit (abbreviations expanded, tone
// placement and case ignored) into units with all their roles.
func (x *Extractor) mergeUnits(ms []unitMention, orig Text, d *layoutDoc, raw string) []Unit {
	byKey := map[string]int{}
	out := []Unit{}
	var forms [][]string // per unit, its mentions in normalized text
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].a < ms[j].a })
	for _, m := range ms {
		k := x.unitKey(m.name)
		i, ok := byKey[k]
		if !ok {
			i = len(out)
			byKey[k] = i
			out = append(out, Unit{Name: m.name, Rule: m.rule})
			forms = append(forms, nil)
		}
		oa, ob := orig.Span(m.a, m.b)
		line, col := runeCol(raw, oa)
		out[i].Mentions = append(out[i].Mentions, UnitMention{Text: raw[oa:ob], Section: d.sectionAt(m.a), Roles: m.roles, Rule: m.rule,
			Span: Span{Start: oa, End: ob, Line: line, Col: col}})
		out[i].Roles = dedupeStrings(append(out[i].Roles, m.roles...))
		forms[i] = append(forms[i], orig.S[m.a:m.b])
	}
	// Name each unit by the form written most often (first on ties), in
	// normalized text: NFC, one tone placement, whatever the file had.
	for i := range out {
		count := map[string]int{}
		best := out[i].Name
		for _, m := range forms[i] {
			n := strings.Join(strings.Fields(m), " ")
			count[n]++
			if count[n] > count[best] {
				best = n
			}
		}
		out[i].Name = strings.TrimSpace(strings.Trim(best, " ,;:.-"))
	}
	return out
}

// unitKey identifies a unit: abbreviations expanded, a leading "các" and
// a trailing bare locality word dropped, folded.
func (x *Extractor) unitKey(name string) string {
	k := vntext.Fold(x.expandAbbrev(name))
	k = strings.TrimPrefix(k, "cac ")
	k = localityList.ReplaceAllString(k, "xa-phuong")
	for _, loc := range []string{" phuong", " xa", " tinh", " thanh pho"} {
		k = strings.TrimSuffix(k, loc)
	}
	return k
}

func dedupeStrings(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// headOK rejects heads that are ordinary words: a one-word head (Sở, Bộ,
// Phòng, Ban) must be followed by a capitalized word ("Bộ chỉ số" is not a
// ministry, "Phòng, chống" is not an office).
func (x *Extractor) headOK(s string, a int, h phraseHit, lb int) bool {
	u := x.rs.Units[h.value]
	head := s[a : a+h.b]
	toks := tokenizeN(s, a+h.b, min(lb, a+h.b+40), 1) // the word after the head
	if !u.Person && len(toks) > 0 && foldWord(toks[0].s) == "truong" {
		return false // "Các Bộ trưởng", "Cục trưởng": a title, not the body
	}
	if u.Collective {
		return true
	}
	namedAfter := len(toks) > 0 && toks[0].word && (isCapitalized(toks[0].s) || vntext.IsAcronym(toks[0].s))
	if u.Lowercase { // "lực lượng Kiểm lâm", not "Lực lượng thực hiện"
		return namedAfter
	}
	if !isCapitalized(head) {
		return false
	}
	if strings.Contains(head, " ") || vntext.IsAcronym(head) {
		return true
	}
	return namedAfter
}

// endsWithAssign reports whether before ends with the word "giao", "đề
// nghị", "yêu cầu" or "chỉ đạo" (any case) and a space: the unit after it
// is given the work. (A regexp here, tried at every byte, was a tenth of unit
// finding.)
func endsWithAssign(before string) bool {
	t := strings.TrimRight(before, " \t")
	if len(t) == len(before) {
		return false
	}
	for _, w := range []string{"giao", "đề nghị", "yêu cầu", "chỉ đạo"} {
		if len(t) < len(w) || !strings.EqualFold(t[len(t)-len(w):], w) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(t[:len(t)-len(w)])
		if len(t) == len(w) || !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// officeBefore returns where the title of an office holder begins when
// one stands right before the unit head at a ("Giám đốc " before "Sở Nội
// vụ", "Chánh " before "Văn phòng"), on the line starting at ls; a if
// none. Titles are the heads of the person rule.
func (x *Extractor) officeBefore(s string, ls, a int) int {
	if a-ls < 2 || s[a-1] != ' ' {
		return a
	}
	toks := tokenize(s, max(ls, a-40), a)
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-4; k-- {
		if !toks[k].word {
			break
		}
		if h, ok := x.unitHeads.at(s[toks[k].a:a]); ok && x.rs.Units[h.value].Person && toks[k].a+h.b == a-1 {
			return toks[k].a
		}
	}
	return a
}

// officeList reports whether a heading line is a list of office holders
// given work together: separated by ";" or ",", ending with a role
// ("… chịu trách nhiệm thi hành Quyết định này").
func (x *Extractor) officeList(line string) bool {
	return strings.ContainsAny(line, ";,") && len(x.roles.find(line)) > 0
}

// rolesAfterList reads the roles of a list of subjects that goes on past
// the last unit it could name: "Thường trực HĐND, các Ban của HĐND, các Tổ
// đại biểu và đại biểu HĐND tỉnh giám sát …". after starts where the last
// unit read ends; it must go on as a list (", ", " và ", " của "), and
// the role must come within the clause and its first twenty words.
func (x *Extractor) rolesAfterList(after string) []string {
	if !strings.HasPrefix(after, ", ") && !hasPrefixFold(after, " và ") && !hasPrefixFold(after, " của ") {
		return nil
	}
	if i := strings.IndexAny(after, ";.:"); i >= 0 {
		after = after[:i]
	}
	hits := x.roles.find(after)
	if len(hits) == 0 || len(strings.Fields(after[:hits[0].a])) > 20 {
		return nil
	}
	// every item of the list names bodies ("các …" or a unit head), but
	// the last may be a few words ("và đại biểu HĐND tỉnh")
	items := strings.Split(strings.ReplaceAll(after[:hits[0].a], " và ", ", "), ", ")
	for k, it := range items {
		it = strings.TrimSpace(it)
		if it == "" || hasPrefixFold(it, "của ") && k == 0 {
			continue
		}
		if _, head := x.unitHeads.at(it); !head && !hasPrefixFold(it, "các ") && (k < len(items)-1 || len(strings.Fields(it)) > 8) {
			return nil
		}
	}
	return x.leadingRoles(after[hits[0].a:])
}

// enumeratedEnd extends a collective name ending at end over the names it
// enumerates after a colon, up to the next semicolon: "các Sở: Y tế, Nông
// nghiệp và Môi trường, Công Thương; …". The list stays one name: its
// commas and "và" are ambiguous ("Sở Văn hóa, Thể thao và Du lịch" is one
// department, "Kế hoạch và Đầu tư" another), and searching by unit finds
// each department in it.
func (x *Extractor) enumeratedEnd(s string, kind, end, lb int) int {
	if !x.rs.Units[kind].Collective || !strings.HasPrefix(s[end:lb], ": ") {
		return end
	}
	if i := strings.IndexByte(s[end:lb], ';'); i > 2 {
		return end + i
	}
	return end
}

// bodyAfterOffice reports whether the office title h at the start of t
// (a person head) is followed by the body it heads, and returns the
// body's head (offsets from the body's start): "Giám đốc Sở Nội vụ", not
// "Chủ tịch nước".
func (x *Extractor) bodyAfterOffice(t string, h phraseHit) (phraseHit, bool) {
	if h.b >= len(t) || t[h.b] != ' ' {
		return phraseHit{}, false
	}
	bh, ok := x.unitHeads.at(t[h.b+1:])
	return bh, ok && !x.rs.Units[bh.value].Person
}

// reportsPast reports whether text before a unit or a date tells what was
// done ("đã lãnh đạo, chỉ đạo các sở …" in a report), not what is asked.
// The accents count: "đa" (đa dạng) is no past.
func reportsPast(text string) bool {
	l := vntext.ToLower(text)
	return strings.HasPrefix(l, "đã ") || strings.Contains(l, " đã ")
}

// clauseStart reports whether the text before a unit ends a clause, so the
// unit is a subject: start of line, after "-", ";", ":", ".", "(".
func clauseStart(before string) bool {
	t := strings.TrimRight(before, " ")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '-', ';', ':', '.', '(', '+':
		return true
	}
	return strings.HasSuffix(t, "•")
}

// startsNumberedItem reports whether the line starting at ls is a
// numbered item ("6. ", "b) ") whose text begins at a.
func startsNumberedItem(s string, ls, a int) bool {
	m := sectionMarkerRe.FindStringIndex(s[ls:a])
	return m != nil && strings.TrimSpace(s[ls+m[1]:a]) == "" && strings.ContainsAny(s[ls:ls+m[1]], "0123456789)")
}

// namesKindOfBody reports whether a collective name names a kind of body
// ("các sở, ban, ngành", "các thành viên") rather than anybody ("các cơ
// quan, đơn vị", "các địa phương").
func namesKindOfBody(name string) bool {
	f := strings.TrimPrefix(vntext.Fold(name), "cac ")
	for _, vague := range []string{"co quan", "don vi", "dia phuong", "to chuc", "cap"} {
		if strings.HasPrefix(f, vague) {
			return false
		}
	}
	return true
}

// genericWords make up collective names that point at nobody in particular.
var genericWords = map[string]bool{"cac": true, "bo": true, "xa": true, "co": true, "quan": true, "don": true, "vi": true, "dia": true, "phuong": true,
	"so": true, "ban": true, "nganh": true, "to": true, "chuc": true, "lien": true, "va": true, "ca": true, "nhan": true,
	"thanh": true, "pho": true, "tinh": true, "vien": true, "khac": true, "truc": true, "thuoc": true, "cap": true, "chuc nang": true, "nang": true, "huu": true}

// genericCollective reports whether a collective name is only generic
// words: "các cơ quan, đơn vị liên quan".
func (x *Extractor) genericCollective(name string) bool {
	for _, w := range strings.Fields(vntext.Fold(strings.NewReplacer(",", " ", ".", " ").Replace(name))) {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

func wordsIn(ts []token) int {
	n := 0
	for _, t := range ts {
		n += boolInt(t.word)
	}
	return n
}
