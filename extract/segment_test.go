package extract

import "testing"

// Header layouts beyond the usual two-column table: each gives its type,
// number, issuer, date and subject.
func TestHeaderLayouts(t *testing.T) {
	for _, c := range []struct {
		name, text                                 string
		typ, number, issuer, date, subject, parent string
	}{
		{"two columns", "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG | Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND | Lâm Đồng, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nTriển khai công tác năm 2026\nNội dung.",
			"Kế hoạch", "12/KH-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", "2026-03-02", "Triển khai công tác năm 2026", ""},
		{"motto on the issuer's line (OCR)", "BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 5689/BCA-C04 Hà Nội, ngày 16 tháng 12 năm 2025\nV/v dự kiến mục tiêu\nKính gửi: Các Bộ\nNội dung.",
			"Công văn", "5689/BCA-C04", "Bộ Công an", "2025-12-16", "dự kiến mục tiêu", ""},
		{"number stamped into a blank cell (PDF)", "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG | Độc lập - Tự do - Hạnh phúc\nSố: 329 | /BC-UBND | Lâm Đồng, ngày 19 tháng 12 năm 2025\nBÁO CÁO\nCông tác năm 2025\nNội dung.",
			"Báo cáo", "329/BC-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", "2025-12-19", "Công tác năm 2025", ""},
		{"trích yếu wrapped onto the next line (PDF)", "BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 8977 /BNV-TCPCP\nV/v trả lời đề nghị của | Hà Nội, ngày 06 tháng 10 năm 2025\n\nSở Nội vụ tỉnh Lâm Đồng\n\nKính gửi: Sở Nội vụ tỉnh Lâm Đồng\nBộ Nội vụ nhận được Công văn số 1843/SNV-TCBC.",
			"Công văn", "8977/BNV-TCPCP", "Bộ Nội vụ", "2025-10-06", "trả lời đề nghị của Sở Nội vụ tỉnh Lâm Đồng", ""},
		{"law: number after 'Luật số:', dated by its passing", "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLuật số: 80/2015/QH13\nLUẬT\nBAN HÀNH VĂN BẢN QUY PHẠM PHÁP LUẬT\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định nguyên tắc.\nLuật này đã được Quốc hội khóa XIII, kỳ họp thứ 9 thông qua ngày 22 tháng 6 năm 2015.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Sinh Hùng\n",
			"Luật", "80/2015/QH13", "Quốc hội", "2015-06-22", "Ban hành văn bản quy phạm pháp luật", ""},
		{"a sub-body whose name is a list, under its parent", "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG\nTIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT\n\nSố: 01/KH-TBTTKT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhố Bảng, ngày 10 tháng 12 năm 2025\nKẾ HOẠCH\nTuyên truyền bầu cử\nNội dung.",
			"Kế hoạch", "01/KH-TBTTKT", "Tiểu ban thông tin, tuyên truyền, khánh tiết - Ủy ban bầu cử xã Phố Bảng", "2025-12-10", "Tuyên truyền bầu cử", "Ủy ban bầu cử xã Phố Bảng"},
		{"consolidated text (Công báo)", "VĂN BẢN HỢP NHẤT - VĂN PHÒNG QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLUẬT BAN HÀNH VĂN BẢN QUY PHẠM PHÁP LUẬT\nCăn cứ Hiến pháp;\nNội dung.",
			"Văn bản hợp nhất", "", "Văn phòng Quốc hội", "", "Luật ban hành văn bản quy phạm pháp luật", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := extractText(c.text)
			m := r.Meta
			if c.name == "law: number after 'Luật số:', dated by its passing" && (m.Signer.Name != "Nguyễn Sinh Hùng" || m.Signer.Title != "Chủ tịch Quốc hội") {
				t.Errorf("signer %+v", m.Signer)
			}
			if m.Type != c.typ || m.Number != c.number || m.Issuer != c.issuer || m.Date != c.date || m.Subject != c.subject || m.ParentBody != c.parent {
				t.Errorf("got type %q number %q issuer %q date %q subject %q parent %q", m.Type, m.Number, m.Issuer, m.Date, m.Subject, m.ParentBody)
			}
		})
	}
}

// The subject of a Party document follows the line naming its author
// ("CỦA BỘ CHÍNH TRỊ"), and may be joined to the type's line when lines
// are unwrapped; it keeps its case (numbers stay 18-NQ/TW).
func TestSubjectAfterAuthorLine(t *testing.T) {
	for _, in := range []string{
		"BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 15-KL/TW\nHà Nội, ngày 10 tháng 10 năm 2025\n\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\nvề tiếp tục thực hiện Nghị quyết số 18-NQ/TW\n\n1. Các tỉnh ủy lãnh đạo.\n",
		"BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 15-KL/TW\nHà Nội, ngày 10 tháng 10 năm 2025\n\nKẾT LUẬN\nvề tiếp tục thực hiện Nghị quyết số 18-NQ/TW\n\n1. Các tỉnh ủy lãnh đạo.\n",
	} {
		if m := extractText(in).Meta; m.Type != "Kết luận" || m.Subject != "về tiếp tục thực hiện Nghị quyết số 18-NQ/TW" {
			t.Errorf("type %q subject %q", m.Type, m.Subject)
		}
	}
}
