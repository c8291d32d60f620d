package extract

import (
	"strings"
	"testing"
)

func codes(r *Record) map[string]int {
	m := map[string]int{}
	for _, p := range r.Problems {
		m[p.Code]++
	}
	return m
}

// TestChecks: each kind of finding, with a case that has it and one that
// does not.
func TestChecks(t *testing.T) {
	for _, c := range []struct {
		name, in string
		code     string
		want     int
	}{
		{"glued codes", "Nghị quyết số 1669/NQUBTVQH15 ngày 16/6/2025;", "malformed_number", 1},
		{"well-formed state number", "Nghị quyết số 1669/NQ-UBTVQH15 ngày 16/6/2025;", "malformed_number", 0},
		{"party number with state separators", "Nghị quyết số 27/NQ- TW ngày 01/01/2024;", "malformed_number", 1},
		{"spaces around the hyphen", "Chỉ thị số 46 - CT/TW ngày 16/5/2025;", "malformed_number", 1},
		{"well-formed party number", "Chỉ thị số 46-CT/TW ngày 16/5/2025;", "malformed_number", 0},
		{"doubled số", "Chỉ thị số số 46-CT/TW;", "doubled_word", 1},
		{"doubled ngày", "Luật Thực hiện dân chủ ở cơ sở ngày ngày 10/11/2022;", "doubled_word", 1},
		{"no doubling", "Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022;", "doubled_word", 0},
		{"impossible date", "Quyết định số 12/QĐ-UBND ngày 31/02/2025;", "invalid_date", 1},
		{"possible date", "Quyết định số 12/QĐ-UBND ngày 28/02/2025;", "invalid_date", 0},
		{"type and code disagree", "Nghị quyết số 15/2025/NĐ-CP;", "type_mismatch", 1},
		{"party Quy định numbered QĐ", "Quy định số 178-QĐ/TW;", "type_mismatch", 0},
		{"issuer and code disagree", "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Bộ Nội vụ;", "issuer_mismatch", 1},
		{"issuer matches code", "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;", "issuer_mismatch", 0},
		{"minister of the code's ministry", "Thông tư số 55/2023/TT-BTC ngày 15/8/2023 của Bộ trưởng Bộ Tài chính;", "issuer_mismatch", 0},
		{"same number, two dates", "Chỉ thị số 33/CT-TTg ngày 26/11/2021; Chỉ thị số 33/CT-TTg ngày 26/11/2022;", "inconsistent_date", 1},
		{"same number, two issuers", "Quyết định số 12/QĐ-UBND ngày 01/02/2025 của Ủy ban nhân dân tỉnh A; Quyết định số 12/QĐ-UBND ngày 01/02/2025 của Ủy ban nhân dân tỉnh B;", "inconsistent_issuer", 1},
		{"same number, same issuer", "Quyết định số 12/QĐ-UBND ngày 01/02/2025 của Ủy ban nhân dân tỉnh A; Quyết định số 12/QĐ-UBND của UBND tỉnh A;", "inconsistent_issuer", 0},
		{"same number, same date", "Chỉ thị số 33/CT-TTg ngày 26/11/2021; Chỉ thị số 33/CT-TTg ngày 26/11/2021;", "inconsistent_date", 0},
		{"dated before the document", "Hà Nội, ngày 01 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện\nCăn cứ Quyết định số 12/QĐ-UBND ngày 05/2/2025;", "date_after_document", 0},
		{"not replaced", "Căn cứ Luật số 64/2025/QH15;", "replaced", 0},
		{"dated after the document", "Hà Nội, ngày 01 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện\nCăn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2025;", "date_after_document", 1},
		{"replaced by a newer law", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;", "replaced", 1},
		{"numbering repeats", "I. A\n1. Một\n2. Hai\n2. Hai nữa\nII. B", "numbering_repeat", 1},
		{"numbering jumps", "I. A\n1. Một\n3. Ba\nII. B", "numbering_jump", 1},
		{"numbering in order", "I. A\n1. Một\n2. Hai\nII. B\n1. Một", "numbering_jump", 0},
		{"blank number in a draft", "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:      /KH-UBND | Lâm Đồng, ngày    tháng 3 năm 2026\nKẾ HOẠCH\nVề việc X", "blank_number", 1},
		{"number given", "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND | Lâm Đồng, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nVề việc X", "blank_number", 0},
		{"no Nơi nhận", "Nội dung.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A", "missing_recipients", 1},
		{"Nơi nhận present", "Nội dung.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A", "missing_recipients", 0},
		{"no signature", "Nội dung không ký.", "missing_signature", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := extractText(c.in)
			if got := codes(r)[c.code]; got != c.want {
				t.Errorf("%s: %d, want %d (all: %v)", c.code, got, c.want, codes(r))
			}
			for _, p := range r.Problems {
				if p.Severity == "" || p.Line < 1 || p.Message == "" || p.Rule == "" {
					t.Errorf("incomplete finding %+v", p)
				}
			}
		})
	}
}

// TestReferencePlanFindings: on the reference plan the checks report the
// malformed number, the doubled word and the missing header number and
// date, and nothing about its eleven correct citations.
func TestReferencePlanFindings(t *testing.T) {
	src, err := LoadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt", DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	r := extractor().Extract(src)
	got := codes(r)
	want := map[string]int{"malformed_number": 1, "doubled_word": 1, "missing_number": 1, "missing_date": 1}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d, want %d", k, got[k], v)
		}
	}
	if len(r.Problems) != 4 {
		t.Errorf("extra findings: %+v", r.Problems)
	}
	for _, p := range r.Problems {
		if p.Code == "malformed_number" && p.Suggestion != "1669/NQ-UBTVQH15" {
			t.Errorf("suggestion %q", p.Suggestion)
		}
	}
	_ = strings.TrimSpace
}
