package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/extract/vntext"
)

// period shapes: Quý III/2025, quý I năm 2026, tháng 12/2025, tháng 11 năm
// 2025, 6 tháng cuối (đầu) năm 2025, năm 2026, hết năm 2025.
var (
	quarterRe    = regexp.MustCompile(`(?i)^quý\s+([IV]{1,3}|[1-4])\s*(?:/|năm)\s*(\d{4})`)
	monthRe      = regexp.MustCompile(`(?i)^tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})`)
	halfRe       = regexp.MustCompile(`(?i)^6\s+tháng\s+(cuối|đầu)\s+năm\s+(\d{4})`)
	yearOnlyRe   = regexp.MustCompile(`(?i)^năm\s+(\d{4})\b`)
	endYearRe    = regexp.MustCompile(`(?i)^hết\s+năm\s+(\d{4})`)
	dayMonthRe   = regexp.MustCompile(`^(?:ngày\s*)?(\d{1,2})/(\d{1,2})\b(?:\s*/\s*\d)?`)
	timeRe       = regexp.MustCompile(`(?i)(\d{1,2})\s*(?:giờ|h)\s*(\d{2})?`)
	hourFirstRe  = regexp.MustCompile(`(?i)^\d{1,2}\s*(?:giờ|h)\s*(?:\d{2}\s*(?:phút)?)?\s*,?\s*`)
	dayOfMonthRe = regexp.MustCompile(`(?i)^(?:ngày\s*)?(\d{1,2})\s+(?:của\s+)?(?:tháng|hằng tháng|hàng tháng)`)
	// "ngày 20 tháng 6" with no year (a yearly day, or the year is implied)
	dayMonthWordsRe = regexp.MustCompile(`(?i)^(?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})\b`)
	namedDayRe      = regexp.MustCompile(`^(?:ngày\s+)?(?:\p{Ll}+\s+){1,3}`)
	halfAnyRe       = regexp.MustCompile(`(?i)6\s+tháng\s+(cuối|đầu)\s+năm\s+(\d{4})`)
)

// timeValue is a date or period read after a deadline phrase.
type timeValue struct {
	date, period, start, end string
	on                       string // a day without a year: "--12-25", "---05"
	n                        int    // bytes consumed
}

// parseTimeAt reads a date or a period at the start of s (after "ngày",
// "là", ":" and spaces).
func parseTimeAt(s string) (timeValue, bool) {
	skip := len(s) - len(strings.TrimLeft(s, " :,"))
	t := s[skip:]
	for _, w := range []string{"là ", "hết ngày ", "ngày bầu cử ", "trong "} {
		if hasPrefixFold(t, w) {
			skip += len(w)
			t = s[skip:]
		}
	}
	// "17 giờ 00 ngày 20/10/2026": the hour before the day (the deadline's
	// time is read apart, by timeRe)
	if len(t) > 0 && t[0] >= '0' && t[0] <= '9' {
		if m := hourFirstRe.FindStringIndex(t); m != nil {
			if d, ok := parseDateAt(t[m[1]:]); ok && d.valid {
				return timeValue{date: d.iso, n: skip + m[1] + d.b}, true
			}
		}
	}
	if d, ok := parseDateAt(t); ok && d.valid {
		return timeValue{date: d.iso, n: skip + d.b}, true
	}
	// "đến ngày bầu cử 15/3/2026": a few words naming the day, then the date.
	if m := namedDayRe.FindStringSubmatchIndex(t); m != nil && m[1] < len(t) && t[m[1]] >= '0' && t[m[1]] <= '9' {
		// the digits right after the words: not "hoạt động từ ngày 01/7"
		if d, ok := parseDateAt(t[m[1]:]); ok && d.valid {
			return timeValue{date: d.iso, n: skip + m[1] + d.b}, true
		}
	}
	if m := endYearRe.FindStringSubmatch(t); m != nil {
		return timeValue{date: m[1] + "-12-31", period: m[1], start: m[1] + "-01-01", end: m[1] + "-12-31", n: skip + len(m[0])}, true
	}
	if m := quarterRe.FindStringSubmatch(t); m != nil {
		q := romanOrInt(m[1])
		y := atoi(m[2])
		if q >= 1 && q <= 4 {
			sm := (q-1)*3 + 1
			return timeValue{period: fmt.Sprintf("%d-Q%d", y, q), start: fmt.Sprintf("%d-%02d-01", y, sm),
				end: fmt.Sprintf("%d-%02d-%02d", y, sm+2, lastDay(y, sm+2)), n: skip + len(m[0])}, true
		}
	}
	if m := halfRe.FindStringSubmatch(t); m != nil {
		y := atoi(m[2])
		if strings.EqualFold(m[1], "cuối") {
			return timeValue{period: fmt.Sprintf("%d-H2", y), start: fmt.Sprintf("%d-07-01", y), end: fmt.Sprintf("%d-12-31", y), n: skip + len(m[0])}, true
		}
		return timeValue{period: fmt.Sprintf("%d-H1", y), start: fmt.Sprintf("%d-01-01", y), end: fmt.Sprintf("%d-06-30", y), n: skip + len(m[0])}, true
	}
	if m := monthRe.FindStringSubmatch(t); m != nil {
		mo, y := atoi(m[1]), atoi(m[2])
		if mo >= 1 && mo <= 12 {
			return timeValue{period: fmt.Sprintf("%d-%02d", y, mo), start: fmt.Sprintf("%d-%02d-01", y, mo),
				end: fmt.Sprintf("%d-%02d-%02d", y, mo, lastDay(y, mo)), n: skip + len(m[0])}, true
		}
	}
	if m := yearOnlyRe.FindStringSubmatch(t); m != nil {
		return timeValue{period: m[1], start: m[1] + "-01-01", end: m[1] + "-12-31", n: skip + len(m[0])}, true
	}
	if m := dayMonthWordsRe.FindStringSubmatch(t); m != nil { // "ngày 20 tháng 6 hằng năm"
		return timeValue{on: monthDay(m[2], m[1]), n: skip + len(m[0])}, true
	}
	if m := dayOfMonthRe.FindStringSubmatch(t); m != nil { // "ngày 05 của tháng liền kề"
		on := ""
		if d := atoi(m[1]); d >= 1 && d <= 31 {
			on = fmt.Sprintf("---%02d", d)
		}
		return timeValue{on: on, n: skip + len(m[0])}, true
	}
	if m := dayMonthRe.FindStringSubmatch(t); m != nil { // "25/12 hàng năm", "31/01 năm liền kề"
		return timeValue{on: monthDay(m[2], m[1]), n: skip + len(m[0])}, true
	}
	return timeValue{}, false
}

// monthDay writes a day of the year as ISO 8601 "--MM-DD", or "" when it
// does not exist.
func monthDay(month, day string) string {
	m, d := atoi(month), atoi(day)
	if m < 1 || m > 12 || d < 1 || d > lastDay(2024, m) {
		return ""
	}
	return fmt.Sprintf("--%02d-%02d", m, d)
}

func (tv timeValue) periodOf() *Period {
	if tv.period == "" {
		return nil
	}
	return &Period{Label: tv.period, Start: tv.start, End: tv.end}
}

func romanOrInt(s string) int {
	switch strings.ToUpper(s) {
	case "I", "1":
		return 1
	case "II", "2":
		return 2
	case "III", "3":
		return 3
	case "IV", "4":
		return 4
	}
	n, _ := strconv.Atoi(s)
	return n
}

// deadlineCtx gives the deadline recognizer what the other stages found.
type deadlineCtx struct {
	d       *layoutDoc
	cites   []citeMatch
	units   []unitMention
	unitFor func(off int) string
}

// findDeadlines recognizes deadlines in prose and in assignment tables.
func (x *Extractor) findDeadlines(s string, c deadlineCtx) []Deadline {
	var out []Deadline
	d := c.d
	inCite := func(a int) bool { return a >= 0 && a < len(d.cited) && d.cited[a] }
	// taken: deadlines found in this paragraph overlap [a, b)
	taken := func(a, b int) bool {
		for k := len(out) - 1; k >= 0 && out[k].End > a-4096; k-- {
			if a < out[k].End && b > out[k].Start {
				return true
			}
		}
		return false
	}
	allHits := x.deadlines.findIn(d.toks)
	k := 0
	for pi := d.bodyStart; pi < len(d.paras); pi++ {
		p := d.paras[pi]
		var hits []phraseHit
		for ; k < len(allHits) && allHits[k].a < p.b; k++ {
			if h := allHits[k]; h.a >= p.a {
				hits = append(hits, phraseHit{h.a - p.a, h.b - p.a, h.value})
			}
		}
		if pi >= d.bodyEnd && pi < d.appendix || isTableRow(p.text) {
			continue
		}
		for hi, h := range hits {
			a := p.a + h.a
			if inCite(a) {
				continue
			}
			ph := x.rs.Deadlines[h.value]
			after := p.text[h.b:]
			var dl Deadline
			dl.Rule = deadlineRule(ph.ID)
			dl.Kind = ph.Kind
			end := p.a + h.b
			switch {
			case ph.Kind == "recurring":
				// standalone recurrences need "định kỳ", a label or a
				// due phrase in the same clause
				leads := leadsClause(p.text[:h.a])
				if !strings.HasPrefix(vntext.Fold(p.text[h.a:h.b]), "dinh ky") && !labelBefore(x, p.text, h.a) && !leads {
					continue
				}
				dl.Recurring = ph.Recurring
				// "e) Hằng năm tổ chức xác định, công bố Chỉ số CCHC …",
				// "Thủ trưởng các cơ quan định kỳ hằng tuần tổ chức rà
				// soát …": the task follows
				if leads || x.onlyUnit(actionBefore(p.text, h.a)) {
					dl.Action = clauseAfter(p.text, h.b)
				}
			case ph.Label:
				ca, cb := clauseAfterLabel(p.text, h.b)
				val := p.text[ca:cb]
				if !x.labelValueAt(p.text, h.b, ca) {
					continue
				}
				if fh, ok := x.deadlines.at(val); ok && x.rs.Deadlines[fh.value].Kind == "from" {
					// "Từ tháng 12/2025 đến quý I/2026": a range
					if date, per, ok := x.parseRange(val[fh.b:]); ok {
						dl.Date, dl.Period = date, per
						dl.Rule = deadlineRule(x.rs.Deadlines[fh.value].ID)
					}
				} else if date, per, ok := x.parseRange(val); ok {
					dl.Date, dl.Period = date, per // "tháng 3 - tháng 5/2026"
				} else if tv, ok := parseTimeAt(val); ok {
					dl.Date, dl.Period = tv.date, tv.periodOf()
				}
				if r := x.recurrenceIn(val); r != "" {
					dl.Recurring = r
				}
				if dl.Date == "" && dl.Period == nil && dl.Recurring == "" {
					continue
				}
				end = p.a + cb
			default:
				tv, ok := parseTimeAt(after)
				if !ok {
					// "trong thời hạn 10 ngày làm việc kể từ ngày nhận được
					// văn bản": a delay from an event, no calendar day
					if n := relativeAt(after); n > 0 && ph.Kind == "due" && !inCite(p.a+h.b+1) {
						dl.Relative = strings.TrimSpace(after[:n])
						end = p.a + h.b + n
						break
					}
					continue
				}
				switch {
				case ph.Kind == "from":
					continue // a start, not a deadline
				case ph.Kind == "until" && tv.date == "" && len(tv.period) == 4:
					continue // "đến năm 2030": a horizon, not a deadline
				case ph.Kind == "during" && tv.date == "" && !strings.Contains(tv.period, "-"):
					continue // "trong năm 2025" says when, not by when
				case ph.Kind == "during" && reportsPast(actionBefore(p.text, h.a)):
					continue // "đã tổ chức hội nghị vào ngày 20/5/2025": done, not due
				case ph.Kind == "until" && (d.meta.Type == "Báo cáo" || statusBefore(p.text[:h.a]) ||
					strings.HasPrefix(vntext.Fold(strings.TrimSpace(after)), "thoi diem")):
					continue // "thực hiện đến ngày 10/12/2025", "tính đến …": a status, not a deadline
				}
				if inCite(p.a + h.b + 1) {
					continue
				}
				dl.Date, dl.Period, dl.RecurOn = tv.date, tv.periodOf(), tv.on
				end = p.a + h.b + tv.n
				// "trước ngày 25/12 hàng năm"
				if hi+1 < len(hits) && x.rs.Deadlines[hits[hi+1].value].Kind == "recurring" && hits[hi+1].a-h.b-tv.n < 16 {
					dl.Recurring = x.rs.Deadlines[hits[hi+1].value].Recurring
					end = p.a + hits[hi+1].b
				} else if tv.on != "" {
					// "trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng
					// năm": the recurrence at the end of the clause is both
					// days'.
					rest := p.text[h.b+tv.n:]
					if i := strings.IndexAny(rest, ";."); i >= 0 {
						rest = rest[:i]
					}
					dl.Recurring = x.recurrenceIn(rest)
				}
				if dl.Date == "" && dl.Period == nil && dl.Recurring == "" && dl.RecurOn == "" {
					continue // "trước ngày" with nothing a calendar can hold
				}
			}
			if taken(a, end) {
				continue
			}
			dl.Span = Span{Start: a, End: end}
			dl.Text = s[a:end]
			if dl.Action == "" {
				dl.Action = actionBefore(p.text, h.a)
			}
			if dl.Action == "" && startsItem(p.text[:h.a]) {
				// "Trước ngày 15/12/2025, các đơn vị gửi báo cáo …"
				dl.Action = clauseAfter(p.text, end-p.a)
			}
			if dl.Action == "" {
				dl.Action = sectionHeadingAt(d, a)
			}
			if m := timeRe.FindStringSubmatch(s[max(p.a, a-30):min(p.b, end+20)]); m != nil && strings.Contains(s[max(p.a, a-30):min(p.b, end+20)], "giờ") {
				mm := m[2]
				if mm == "" {
					mm = "00"
				}
				dl.Time = fmt.Sprintf("%02d:%s", atoi(m[1]), mm)
			}
			dl.Unit = c.unitFor(a)
			out = append(out, dl)
		}
		// "6 tháng cuối năm 2025": the period a plan covers.
		for _, m := range halfAnyRe.FindAllStringIndex(p.text, -1) {
			a := p.a + m[0]
			if taken(a, p.a+m[1]) || inCite(a) {
				continue
			}
			tv, _ := parseTimeAt(p.text[m[0]:])
			out = append(out, Deadline{Text: s[a : p.a+m[1]], Period: tv.periodOf(), Kind: "period",
				Rule: deadlineRule("sau-thang-cuoi-nam"), Action: actionBefore(p.text, m[0]), Span: Span{Start: a, End: p.a + m[1]}})
		}
	}
	out = append(out, x.tableDeadlines(s, d, inCite)...)
	return out
}

// labelBefore reports whether a time label ("Thời gian thực hiện:") comes
// earlier in the paragraph.
func labelBefore(x *Extractor, t string, pos int) bool {
	for _, h := range x.deadlines.find(t[:pos]) {
		if x.rs.Deadlines[h.value].Label && x.labelValueAt(t, h.b, pos) {
			return true
		}
	}
	return false
}

// labelValueAt reports whether pos lies in the value of the label ending
// at end, and the label is one: followed by a colon, or by a time ("Thời
// gian thực hiện thường xuyên"). "rút ngắn thời gian thực hiện thủ tục
// hành chính … diễn ra thường xuyên" has no label.
func (x *Extractor) labelValueAt(t string, end, pos int) bool {
	ca, cb := clauseAfterLabel(t, end)
	return pos >= ca && pos < cb && (strings.Contains(t[end:ca], ":") || x.startsWithTime(t[ca:cb]))
}

// clauseAfterLabel returns the value of a "Label: value" field.
func clauseAfterLabel(t string, pos int) (int, int) {
	a := pos
	for a < len(t) && (t[a] == ' ' || t[a] == ':') {
		a++
	}
	b := len(t)
	if i := strings.IndexAny(t[a:], ";"); i >= 0 {
		b = a + i
	}
	if i := strings.Index(t[a:b], ". "); i >= 0 {
		b = a + i + 1
	}
	return a, b
}

// onlyUnit reports whether s is the name of a unit and nothing more:
// "Thủ trưởng các cơ quan, đơn vị, địa phương", not "Các sở, ngành báo cáo
// kết quả thực hiện".
func (x *Extractor) onlyUnit(s string) bool {
	h, ok := x.unitHeads.at(s)
	if !ok || !x.headOK(s, 0, h, len(s)) {
		return false
	}
	return strings.TrimSpace(s[x.unitName(s, 0, h.b, len(s), true):]) == ""
}

// relativeRe reads a delay counted from an event: "10 ngày làm việc kể từ
// ngày nhận được văn bản", "03 ngày sau khi kết thúc hội nghị".
var relativeRe = regexp.MustCompile(`(?i)^\s*(\d{1,3})\s+(ngày làm việc|ngày|tuần|tháng)\s+(kể từ|tính từ|sau khi|sau|từ khi|từ ngày)[^.,;:()]{3,90}`)

// relativeAt returns the length of the delay at the start of s, or 0.
func relativeAt(s string) int {
	m := relativeRe.FindStringIndex(s)
	if m == nil {
		return 0
	}
	return len(strings.TrimRight(s[:m[1]], " ,"))
}

// leadsClause reports whether a phrase after before begins a clause: at
// the start of the paragraph or after its item marker ("e) ", "- "), or
// after ";", ":" or ". ".
func leadsClause(before string) bool { return startsItem(before) || clauseStart(before) }

// startsItem reports whether before is nothing but an item's marker or
// bullet ("3. ", "- ", "a) "), or nothing.
func startsItem(before string) bool {
	if m := sectionMarkerRe.FindStringIndex(before); m != nil {
		before = before[m[1]:]
	}
	return strings.Trim(before, " -+•") == ""
}

// clauseAfter returns the clause after pos, up to ";" or the end of the
// sentence, without its leading comma.
func clauseAfter(t string, pos int) string {
	a, b := clauseAfterLabel(t, pos)
	return strings.TrimRight(strings.TrimLeft(t[a:b], " ,"), " .")
}

// startsWithTime reports whether s begins with a date or period, or with a
// deadline phrase (trước ngày, từ tháng …, hằng tháng, thường xuyên).
func (x *Extractor) startsWithTime(s string) bool {
	if _, ok := parseTimeAt(s); ok {
		return true
	}
	_, ok := x.deadlines.at(s)
	return ok
}

// recurrenceIn returns the recurrence named in s, if any.
func (x *Extractor) recurrenceIn(s string) string {
	for _, h := range x.deadlines.find(s) {
		if r := x.rs.Deadlines[h.value].Recurring; r != "" {
			return r
		}
	}
	return ""
}

// actionBefore returns the clause before pos: what must be done by the
// deadline ("Báo cáo lần 1 trước ngày …" → "Báo cáo lần 1").
func actionBefore(t string, pos int) string {
	a := 0
	for _, sep := range []string{"; ", ". ", ": ", "(", "- "} {
		if i := strings.LastIndex(t[:pos], sep); i >= 0 && i+len(sep) > a {
			a = i + len(sep)
		}
	}
	act := strings.Trim(t[a:pos], " ,-+•")
	if strings.HasPrefix(vntext.Fold(act), "thoi gian") {
		return ""
	}
	if r := []rune(act); len(r) > 140 {
		// the end of a long clause, from a word's start
		act = string(r[len(r)-140:])
		if i := strings.IndexByte(act, ' '); i >= 0 {
			act = act[i+1:]
		}
		act = "…" + act
	}
	return act
}

func sectionHeadingAt(d *layoutDoc, off int) string {
	if i := d.secIdxAt(off); i >= 0 {
		return d.sections[i].Heading
	}
	return ""
}

// tableDeadlines reads the time column of assignment tables.
func (x *Extractor) tableDeadlines(s string, d *layoutDoc, inCite func(int) bool) []Deadline {
	var out []Deadline
	for _, tb := range tablesOf(s, d) {
		if tb.time < 0 {
			continue
		}
		group := ""
		for _, r := range tb.rows {
			if len(r.cells) == 0 {
				continue
			}
			first := strings.TrimSpace(s[r.cells[0].a:r.cells[0].b])
			if romanRe.MatchString(first) {
				group = first
			}
			if tb.time >= len(r.cells) {
				continue
			}
			c := r.cells[tb.time]
			val := s[c.a:c.b]
			if strings.TrimSpace(val) == "" {
				continue
			}
			dl := Deadline{Text: val, Kind: "due", FromTable: true, Rule: deadlineRule("table-column"), Span: Span{Start: c.a, End: c.b}}
			found := false
			// the first date or period in the cell, after a phrase or alone
			for i := 0; i < len(val); {
				if tv, ok := parseTimeAt(val[i:]); ok && (tv.date != "" || tv.period != "") && !inCite(c.a+i) {
					dl.Date, dl.Period = tv.date, tv.periodOf()
					found = true
					break
				}
				j := strings.IndexByte(val[i:], ' ')
				if j < 0 {
					break
				}
				i += j + 1
			}
			if r := x.recurrenceIn(val); r != "" {
				dl.Recurring = r
				found = true
			}
			if !found {
				dl.Kind = "text"
			}
			if tb.task >= 0 && tb.task < len(r.cells) {
				dl.Action = headingOf(s[r.cells[tb.task].a:r.cells[tb.task].b])
			}
			if tb.lead >= 0 && tb.lead < len(r.cells) {
				dl.Unit = strings.TrimSpace(s[r.cells[tb.lead].a:r.cells[tb.lead].b])
			}
			sec := tb.section
			if group != "" {
				sec += "." + group
			}
			dl.Section = sec + "." + first
			out = append(out, dl)
		}
	}
	return out
}

var romanRe = regexp.MustCompile(`^[IVXLC]{1,6}$`)

// cell is a table cell's span in normalized text.
type cell struct{ a, b int }

type tableRow struct {
	a, b  int
	cells []cell
}

// tableInfo is a table with the columns that matter for assignments.
type tableInfo struct {
	header                             []string
	rows                               []tableRow
	time, lead, coop, monitor, task, a int
	b                                  int
	section                            string
}

// tablesOf finds tables (runs of " | " rows) whose header row names columns.
func tablesOf(s string, d *layoutDoc) []tableInfo {
	var out []tableInfo
	ps := d.paras
	for i := d.bodyStart; i < len(ps); i++ {
		if !isTableRow(ps[i].text) {
			continue
		}
		hdr := splitCells(ps[i].text)
		ti := tableInfo{header: hdr, time: -1, lead: -1, coop: -1, monitor: -1, task: -1, a: ps[i].a}
		for k, h := range hdr {
			f := vntext.Fold(h)
			switch {
			case strings.Contains(f, "thoi gian") || strings.Contains(f, "thoi han") || strings.Contains(f, "tien do"):
				ti.time = k
			case strings.Contains(f, "chu tri") || f == "don vi thuc hien" || f == "co quan thuc hien":
				ti.lead = k
			case strings.Contains(f, "phoi hop"):
				ti.coop = k
			case strings.Contains(f, "theo doi") || strings.Contains(f, "don doc"):
				ti.monitor = k
			case strings.Contains(f, "nhiem vu") || strings.Contains(f, "noi dung"):
				ti.task = k
			}
		}
		if ti.time < 0 && ti.lead < 0 {
			continue // not a header row: maybe the next one is
		}
		j := i + 1
		for ; j < len(ps) && isTableRow(ps[j].text); j++ {
			ti.rows = append(ti.rows, tableRow{a: ps[j].a, b: ps[j].b, cells: cellSpans(s, ps[j].a, ps[j].b)})
		}
		ti.b = ps[j-1].b
		ti.section = d.sectionAt(ps[i].a)
		out = append(out, ti)
		i = j - 1
	}
	return out
}

// cellSpans splits the row s[a:b] at "|" into trimmed cell spans (empty
// cells kept, so columns line up).
func cellSpans(s string, a, b int) []cell {
	var out []cell
	start := a
	for i := a; i <= b; i++ {
		if i == b || s[i] == '|' {
			ca, cb := start, i
			for ca < cb && s[ca] == ' ' {
				ca++
			}
			for cb > ca && s[cb-1] == ' ' {
				cb--
			}
			out = append(out, cell{ca, cb})
			start = i + 1
		}
	}
	// A leading "|" makes an empty first cell: drop it.
	if len(out) > 0 && out[0].a == out[0].b && strings.HasPrefix(strings.TrimSpace(s[a:b]), "|") {
		out = out[1:]
	}
	return out
}

// parseRange reads "X đến Y" after "từ": the end gives the date (when a
// day is named) and the period runs from the start of X to the end of Y.
func (x *Extractor) parseRange(s string) (string, *Period, bool) {
	a, aok := parseTimeAt(s)
	from := 0
	if aok {
		from = a.n
	}
	i, j := rangeSep(s, from)
	if i < 0 {
		return "", nil, false
	}
	b, ok := parseTimeAt(s[j:])
	if !ok {
		return "", nil, false
	}
	if !aok {
		// "tháng 3 - tháng 5/2026", "từ quý I đến quý III/2026": the
		// left end leaves its year to the right one
		left := strings.TrimSpace(s[:i])
		fl := vntext.Fold(left)
		year := b.end
		if year == "" {
			year = b.date
		}
		if len(year) < 4 || !strings.HasPrefix(fl, "thang ") && !strings.HasPrefix(fl, "quy ") {
			return "", nil, false
		}
		if a, aok = parseTimeAt(left + "/" + year[:4]); !aok || a.n != len(left)+5 {
			return "", nil, false
		}
	}
	start, end := a.start, b.end
	if start == "" {
		start = a.date
	}
	if end == "" {
		end = b.date
	}
	la, lb := a.period, b.period
	if la == "" {
		la = a.date
	}
	if lb == "" {
		lb = b.date
	}
	if la == "" || lb == "" {
		return b.date, nil, b.date != ""
	}
	return b.date, &Period{Label: la + "/" + lb, Start: start, End: end}, true
}

// rangeSep finds the separator of a range after byte from of s: "đến", or
// a dash (-, –), within a few bytes of from when the left end was read
// (from > 0), within the first words otherwise. It returns the
// separator's bounds, or -1.
func rangeSep(s string, from int) (int, int) {
	const maxGap = 12 // bytes between X and "đến"
	limit := from + maxGap
	if from == 0 {
		limit = 24 // "quý III năm" before the separator
	}
	head := strings.ToLower(s[from:min(len(s), limit+len("đến"))]) // lowercase only what can hold it
	best, size := -1, 0
	for _, sep := range []string{"đến", "–", "-"} {
		if k := strings.Index(head, sep); k >= 0 && (best < 0 || k < best) {
			best, size = k, len(sep)
		}
	}
	if best < 0 || from+best > limit {
		return -1, -1
	}
	return from + best, from + best + size
}

// statusBefore reports whether the words before "đến" make a date the
// point a status is given at ("thực hiện đến ngày", "tính đến", "lũy kế
// đến", "đến thời điểm").
func statusBefore(before string) bool {
	f := vntext.Fold(strings.TrimRight(before, " "))
	for _, w := range []string{"thuc hien", "tinh", "luy ke", "cap nhat"} {
		if strings.HasSuffix(f, " "+w) || f == w {
			return true
		}
	}
	return false
}
