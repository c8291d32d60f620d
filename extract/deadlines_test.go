package extract

import (
	"strings"
	"testing"
)

func TestDeadlines(t *testing.T) {
	type want struct{ date, period, recurring, kind string }
	for _, c := range []struct {
		name, in string
		want     []want
	}{
		{"due date", "- Báo cáo lần 1 trước ngày 03/9/2025.", []want{{date: "2025-09-03", kind: "due"}}},
		{"at the latest", "(1) Tổ chức hội nghị lần thứ nhất: Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày).", []want{{date: "2025-12-10", kind: "due"}}},
		{"label with quarter", "- Thời gian hoàn thành: Quý IV/2025 và Quý I/2026;", []want{{period: "2025-Q4", kind: "due"}}},
		{"a range whose left end takes the right end's year", "- Thời gian thực hiện: tháng 3 - tháng 5/2026.", []want{{period: "2026-03/2026-05", kind: "due"}}},
		{"a range in capitals", "- Thời gian thực hiện: TỪ THÁNG 12/2025 ĐẾN QUÝ I/2026.", []want{{period: "2025-12/2026-Q1", kind: "due"}}},
		{"the same with từ … đến, by quarters", "- Thời gian thực hiện: Từ quý I đến quý III/2026.", []want{{period: "2026-Q1/2026-Q3", kind: "due"}}},
		{"the hour before the day", "- Báo cáo trước 17 giờ 00 ngày 20/10/2026.", []want{{date: "2026-10-20", kind: "due"}}},
		{"label without a colon, then a time", "- Thời gian thực hiện thường xuyên.", []want{{recurring: "continuous", kind: "due"}}},
		{"a recurrence leading an item", "e) Hàng năm tổ chức triển khai xác định, công bố Chỉ số CCHC của các bộ, các tỉnh.", []want{{recurring: "yearly", kind: "recurring"}}},
		{"a recurrence inside a clause", "So sánh, xếp hạng kết quả cải cách hành chính hàng năm của các bộ, các tỉnh.", nil},
		{"the words of a label in running text", "Công tác CCHC được đẩy mạnh, rút ngắn quy trình, thời gian thực hiện thủ tục hành chính, nhất là những thủ tục diễn ra thường xuyên, liên tục.", nil},
		{"label with range", "- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026.", []want{{period: "2025-12/2026-Q1", kind: "due"}}},
		{"range with a note", "- Thời gian thực hiện: Từ tháng 12/2025 (năm nay) đến quý I/2026.", []want{{period: "2025-12/2026-Q1", kind: "due"}}},
		{"end of year", "3. Thời gian thực hiện:\nTừ nay đến hết năm 2025.", []want{{date: "2025-12-31", period: "2025", kind: "until"}}},
		{"named day", "2.2. Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2026", []want{{date: "2026-03-15", kind: "until"}}},
		{"yearly", "tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.", []want{{recurring: "yearly", kind: "due"}}},
		{"weekly", "Thủ trưởng các cơ quan định kỳ hằng tuần tổ chức rà soát.", []want{{recurring: "weekly", kind: "recurring"}}},
		{"half year", "thực hiện công tác dân vận 6 tháng cuối năm 2025", []want{{period: "2025-H2", kind: "period"}}},
		{"after is not a deadline", "2.3. Đợt 3: Sau ngày bầu cử 15/3/2026", nil},
		{"citation dates are not deadlines", "Thực hiện Quyết định số 3177/QĐ-UBND ngày 06/8/2025 của Ủy ban nhân dân thành phố.", nil},
		{"horizon", "Mục tiêu tổng quát đến năm 2030", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := extractText(c.in).Deadlines
			if len(got) != len(c.want) {
				t.Fatalf("got %d deadlines, want %d: %+v", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				g := got[i]
				per := ""
				if g.Period != nil {
					per = g.Period.Label
				}
				if g.Date != w.date || per != w.period || g.Recurring != w.recurring || g.Kind != w.kind {
					t.Errorf("#%d = date %q period %q recurring %q kind %q, want %+v", i, g.Date, per, g.Recurring, g.Kind, w)
				}
			}
		})
	}
}

func TestDeadlineActionAndUnit(t *testing.T) {
	r := extractText("III. TỔ CHỨC THỰC HIỆN\n3. Các phòng, đơn vị sự nghiệp thuộc phường\nbáo cáo kết quả thực hiện về Ủy ban nhân dân phường.\n- Báo cáo lần 1 trước ngày 03/9/2025.\n- Báo cáo lần 2 trước ngày 02/12/2025.")
	if len(r.Deadlines) != 2 {
		t.Fatalf("deadlines: %+v", r.Deadlines)
	}
	d := r.Deadlines[0]
	if d.Action != "Báo cáo lần 1" || d.Unit != "Các phòng, đơn vị sự nghiệp thuộc phường" || d.Section != "III.3" {
		t.Errorf("deadline = %+v", d)
	}
}

// The deadline of "A chủ trì, phối hợp với B …" is A's, the lead, though
// B is named nearer.
func TestDeadlineUnitIsTheLead(t *testing.T) {
	r := extractText("1. Bộ Nội vụ chủ trì, phối hợp với Thanh tra Chính phủ tổng hợp, báo cáo kết quả trong Quý III/2025.")
	if len(r.Deadlines) != 1 || r.Deadlines[0].Unit != "Bộ Nội vụ" {
		t.Errorf("deadlines: %+v", r.Deadlines)
	}
}

func TestTableDeadlines(t *testing.T) {
	in := "PHỤ LỤC\nSTT | Nhiệm vụ | Thời gian hoàn thành | Chủ trì thực hiện | Phối hợp thực hiện\nI | Cải cách thể chế | | |\n1 | Ban hành kế hoạch | Chậm nhất là ngày 15/4/2026 | Sở Nội vụ | Sở Tư pháp\n2 | Công khai kết quả | Định kỳ hằng tháng | Văn phòng UBND tỉnh |\n"
	r := extractText(in)
	if len(r.Deadlines) != 2 {
		t.Fatalf("deadlines: %+v", r.Deadlines)
	}
	if d := r.Deadlines[0]; d.Date != "2026-04-15" || d.Unit != "Sở Nội vụ" || !d.FromTable || d.Action != "Ban hành kế hoạch" {
		t.Errorf("row 1: %+v", d)
	}
	if d := r.Deadlines[1]; d.Recurring != "monthly" {
		t.Errorf("row 2: %+v", d)
	}
	roles := map[string]string{}
	for _, u := range r.Units {
		roles[u.Name] = u.Roles[0]
	}
	if roles["Sở Nội vụ"] != "chủ trì" || roles["Sở Tư pháp"] != "phối hợp" {
		t.Errorf("table units: %v", roles)
	}
}

// A day without a year is kept as the day of a recurrence (ISO 8601
// "--MM-DD", "---DD"), and a recurrence at the end of the clause is every
// listed day's; "trước ngày" with nothing to put in a calendar is no
// deadline.
func TestRecurringDays(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [][2]string // recurring, recur_on
	}{
		{"Các sở báo cáo trước ngày 20 tháng 6 hằng năm.", [][2]string{{"yearly", "--06-20"}}},
		{"Các sở báo cáo trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm.", [][2]string{{"yearly", "--06-20"}, {"yearly", "--12-20"}}},
		{"tổng hợp báo cáo trước ngày 25/12 hàng năm.", [][2]string{{"yearly", "--12-25"}}},
		{"Các sở báo cáo trước ngày 15 hằng tháng.", [][2]string{{"monthly", "---15"}}},
		{"Các sở báo cáo trước ngày 31 tháng 2 hằng năm.", [][2]string{{"yearly", ""}}},
	} {
		got := extractText(c.in).Deadlines
		if len(got) != len(c.want) {
			t.Errorf("%q: %d deadlines %+v", c.in, len(got), got)
			continue
		}
		for i, w := range c.want {
			if got[i].Recurring != w[0] || got[i].RecurOn != w[1] {
				t.Errorf("%q #%d: recurring %q on %q, want %q on %q", c.in, i, got[i].Recurring, got[i].RecurOn, w[0], w[1])
			}
		}
	}
}

// The action of a recurrence is the task after it when nothing but its
// subject comes before it.
func TestRecurrenceAction(t *testing.T) {
	for in, want := range map[string]string{
		"e) Hàng năm tổ chức triển khai xác định, công bố Chỉ số CCHC của các bộ, các tỉnh.":                                    "tổ chức triển khai xác định, công bố Chỉ số CCHC của các bộ, các tỉnh",
		"- Thủ trưởng các cơ quan, đơn vị định kỳ hằng tuần tổ chức rà soát, theo dõi tình hình giải quyết thủ tục hành chính.": "tổ chức rà soát, theo dõi tình hình giải quyết thủ tục hành chính",
		"- Các sở, ngành báo cáo kết quả thực hiện định kỳ hằng quý về Sở Nội vụ.":                                              "Các sở, ngành báo cáo kết quả thực hiện",
		"- Báo cáo kết quả định kỳ hằng quý về Ủy ban nhân dân tỉnh.":                                                           "Báo cáo kết quả",
	} {
		ds := extractText(in).Deadlines
		if len(ds) != 1 || ds[0].Action != want {
			t.Errorf("%s: %+v, want action %q", in, ds, want)
		}
	}
}

// A long clause before a deadline gives its end as the action, cut at a
// word's start and marked as cut.
func TestDeadlineActionCut(t *testing.T) {
	in := "- Các phòng chuyên môn tổ chức triển khai thực hiện Quyết định số 3177/QĐ-UBND ngày 06/8/2025 của Ủy ban nhân dân thành phố Hải Phòng ban hành danh mục nhiệm vụ thực hiện công tác dân vận và báo cáo kết quả trước ngày 15/12/2025."
	ds := extractText(in).Deadlines
	if len(ds) != 1 {
		t.Fatalf("deadlines %+v", ds)
	}
	a := ds[0].Action
	if !strings.HasPrefix(a, "…") || !strings.HasSuffix(a, "báo cáo kết quả") {
		t.Errorf("action %q", a)
	}
	if first := strings.Fields(strings.TrimPrefix(a, "…"))[0]; !strings.Contains(in, " "+first+" ") {
		t.Errorf("action starts inside a word: %q", a)
	}
}

// A delay counted from an event has no calendar day: it is kept as
// relative, with the clause after it as its action when it leads.
func TestRelativeDeadlines(t *testing.T) {
	for in, want := range map[string][2]string{
		"1. Trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này, các đơn vị gửi báo cáo về Sở Nội vụ.": {"10 ngày làm việc kể từ ngày nhận được văn bản này", "các đơn vị gửi báo cáo về Sở Nội vụ"},
		"- Sở Tài chính thẩm định chậm nhất 05 ngày sau khi nhận đủ hồ sơ.":                                         {"05 ngày sau khi nhận đủ hồ sơ", "Sở Tài chính thẩm định"},
	} {
		ds := extractText(in).Deadlines
		if len(ds) != 1 || ds[0].Relative != want[0] || ds[0].Action != want[1] || ds[0].Date != "" || ds[0].Kind != "due" {
			t.Errorf("%s: %+v, want relative %q, action %q", in, ds, want[0], want[1])
		}
	}
	if ds := extractText("- Tổ chức hội nghị trong vòng 2 ngày.").Deadlines; len(ds) != 0 {
		t.Errorf("a duration from nothing is no deadline: %+v", ds)
	}
}
