package extract

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/rules"
)

var (
	testXOnce sync.Once
	testX     *Extractor
)

func extractor() *Extractor {
	testXOnce.Do(func() { testX = New(rules.Builtin()) })
	return testX
}

func extractText(s string) *Record {
	return extractor().Extract(&Source{Path: "test.txt", Format: "txt", Text: s})
}

type wantCite struct {
	typ, number, canon, date, issuer, title string
	problems                                []string // problem codes
}

func TestCitations(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []wantCite
	}{
		{"state full", "Thực hiện Quyết định số 3177/QĐ-UBND ngày 06/8/2025 của Ủy ban nhân dân thành phố Hải Phòng ban hành danh mục nhiệm vụ.",
			[]wantCite{{typ: "Quyết định", number: "3177/QĐ-UBND", canon: "3177/QĐ-UBND", date: "2025-08-06", issuer: "Ủy ban nhân dân thành phố Hải Phòng"}}},
		{"word date across a line break", "Căn cứ Thông tư số\n06/2022/TT-BTTTT ngày 30 tháng 6 năm 2022 của Bộ trưởng Bộ Thông tin và Truyền\nthông hướng dẫn thực hiện Dự án.",
			[]wantCite{{typ: "Thông tư", number: "06/2022/TT-BTTTT", date: "2022-06-30", issuer: "Bộ trưởng Bộ Thông tin và Truyền thông"}}},
		{"party", "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư Trung ương Đảng về nâng cao hiệu quả công tác dân vận.",
			[]wantCite{{typ: "Kết luận", number: "114-KL/TW", canon: "114-KL/TW", date: "2015-07-14", issuer: "Ban Bí thư Trung ương Đảng", title: "nâng cao hiệu quả công tác dân vận"}}},
		{"party spaces and doubled số", "Tuyên truyền Chỉ thị số số 46 - CT/TW ngày 16/5/2025 của Bộ Chính trị về lãnh đạo cuộc bầu cử.",
			[]wantCite{{typ: "Chỉ thị", canon: "46-CT/TW", date: "2025-05-16", issuer: "Bộ Chính trị", problems: []string{"doubled_word", "malformed_number"}}}},
		{"party with state separators", "thực hiện Nghị quyết số 27/NQ- TW của Ban Chấp hành Trung ương.",
			[]wantCite{{typ: "Nghị quyết", canon: "27-NQ/TW", problems: []string{"malformed_number"}}}},
		{"glued codes", "Nghị quyết số 1669/NQUBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp.",
			[]wantCite{{typ: "Nghị quyết", number: "1669/NQUBTVQH15", canon: "1669/NQ-UBTVQH15", date: "2025-06-16", problems: []string{"malformed_number"}}}},
		{"normative", "theo Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 quy định chi tiết.",
			[]wantCite{{typ: "Nghị định", canon: "59/2023/NĐ-CP", date: "2023-08-14", issuer: "Chính phủ"}}},
		{"glued ngày", "Căn cứ Luật số 83/2025/QH15, ngày15/8/2013;", []wantCite{{typ: "Luật", canon: "83/2025/QH15", date: "2013-08-15", issuer: "Quốc hội"}}},
		{"list continuation", "các Nghị định của Chính phủ: số 59/2023/NĐ-CP ngày 14/8/2023 quy định chi tiết; số 61/2023/NĐ-CP ngày 16/8/2023 về xây dựng hương ước;",
			[]wantCite{{typ: "Nghị định", canon: "59/2023/NĐ-CP", date: "2023-08-14", issuer: "Chính phủ"}, {typ: "Nghị định", canon: "61/2023/NĐ-CP", date: "2023-08-16", issuer: "Chính phủ"}}},
		{"short form resolved", "Triển khai Chỉ thị số 33/CT-TTg; sau đó thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.",
			[]wantCite{{typ: "Chỉ thị", canon: "33/CT-TTg", date: "2021-11-26", issuer: "Thủ tướng Chính phủ"}, {typ: "Chỉ thị", canon: "33/CT-TTg", date: "2021-11-26", issuer: "Thủ tướng Chính phủ"}}},
		{"shared issuer", "Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy;",
			[]wantCite{{typ: "Chỉ thị", canon: "31-CT/TU", issuer: "Ban Thường vụ Tỉnh ủy"}, {typ: "Kế hoạch", canon: "134-KH/TU", issuer: "Ban Thường vụ Tỉnh ủy"}}},
		{"shared issuer across a semicolon list", "Kết luận 177-KL/TW, ngày 11/7/2025; Kết luận 178-KL/TW ngày 17/7/2025 của Bộ Chính trị về xây dựng.",
			[]wantCite{{typ: "Kết luận", canon: "177-KL/TW", issuer: "Bộ Chính trị"}, {typ: "Kết luận", canon: "178-KL/TW", issuer: "Bộ Chính trị"}}},
		{"no sharing for a short form", "Triển khai Chỉ thị số 33/CT-TTg; Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Văn phòng Chính phủ;",
			[]wantCite{{typ: "Chỉ thị", canon: "33/CT-TTg", issuer: "Thủ tướng Chính phủ"}, {typ: "Chỉ thị", canon: "16/CT-TTg", issuer: "Văn phòng Chính phủ", problems: []string{"issuer_mismatch"}}}},
		{"law by name with doubled ngày", "Luật Thực hiện dân chủ ở cơ sở ngày ngày 10/11/2022; Luật Việc làm và các văn bản.",
			[]wantCite{{typ: "Luật", title: "Luật Thực hiện dân chủ ở cơ sở", date: "2022-11-10", issuer: "Quốc hội", problems: []string{"doubled_word"}}, {typ: "Luật", title: "Luật Việc làm"}}},
		{"amending law keeps inner names", "Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn và Luật Thanh niên ngày 27/6/2025;",
			[]wantCite{{typ: "Luật", date: "2025-06-27", title: "Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn và Luật Thanh niên"}}},
		{"invalid date", "Quyết định số 12/QĐ-UBND ngày 31/02/2025 của Ủy ban nhân dân tỉnh;", []wantCite{{typ: "Quyết định", canon: "12/QĐ-UBND", problems: []string{"invalid_date"}}}},
		{"type and code disagree", "Nghị quyết số 15/2025/NĐ-CP ngày 01/3/2025;", []wantCite{{typ: "Nghị quyết", canon: "15/2025/NĐ-CP", problems: []string{"type_mismatch"}}}},
		{"no self reference", "Kế hoạch này thay thế các kế hoạch trước.", nil},
		{"no blank draft number", "(Ban hành kèm theo Kế hoạch số          /KH-UBND ngày         /3/2026 của Chủ tịch UBND tỉnh)", nil},
		{"no form id", "theo Mẫu số 03/HNMT ban hành kèm theo.", nil},
		{"no lawyer", "Luật sư Nguyễn Văn A tham gia.", nil},
		{"no generic", "theo các Nghị quyết của Ban Chấp hành Trung ương Đảng; Nghị quyết Đại hội XIII của Đảng.", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := extractText(c.in).Citations
			if len(got) != len(c.want) {
				t.Fatalf("got %d citations, want %d: %+v", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				g := got[i]
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("#%d %s = %q, want %q", i, field, got, want)
					}
				}
				check("type", g.Type, w.typ)
				check("number", g.Number, w.number)
				check("number_normalized", g.NumberNormalized, w.canon)
				check("date", g.Date, w.date)
				check("issuer", g.Issuer, w.issuer)
				check("title", g.Title, w.title)
				var codes []string
				for _, p := range g.Problems {
					codes = append(codes, p.Code)
				}
				if strings.Join(codes, ",") != strings.Join(w.problems, ",") {
					t.Errorf("#%d problems = %v, want %v", i, codes, w.problems)
				}
				if g.Text == "" || !strings.Contains(c.in, g.Text) {
					t.Errorf("#%d text %q is not a span of the input", i, g.Text)
				}
			}
		})
	}
}

func FuzzExtractText(f *testing.F) {
	for _, s := range []string{
		"Quyết định số 3177/QĐ-UBND ngày 06/8/2025 của Ủy ban nhân dân",
		"Chỉ thị số số 46 - CT/TW; số 59/2023/NĐ-CP",
		"I. A\n1. Sở Nội vụ chủ trì\n- Báo cáo trước ngày 03/9/2025.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A",
		"STT | Nhiệm vụ | Thời gian hoàn thành | Chủ trì\n1 | x | Quý I/2026 | Sở Tư pháp",
		"Luật sửa đổi, bổ sung một số điều của Luật A",
		"II. NHIỆM VỤ\n- Đơn vị phối hợp: Các đ/c Phó chủ tịch, Trưởng đoàn thể xã.",
		"Căn cứ Quyết định số 12/QĐ-UBND ngày 02/3/2025 về quy hoạch đô thị.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := extractText(s)
		// Every string of the record is whole runes: no name or title is
		// cut inside a letter (JSON would show U+FFFD).
		if utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
			js, _ := json.Marshal(r)
			if bytes.Contains(js, []byte(`\ufffd`)) || bytes.ContainsRune(js, utf8.RuneError) {
				t.Fatalf("a string of the record is cut inside a rune: %s", js)
			}
		}
		for _, c := range r.Citations {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End {
				t.Fatalf("citation span %d-%d outside input of %d bytes", c.Start, c.End, len(s))
			}
		}
		for _, d := range r.Deadlines {
			if d.Start < 0 || d.End > len(s) || d.Start > d.End {
				t.Fatalf("deadline span out of range")
			}
		}
	})
}
