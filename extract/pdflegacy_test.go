package extract

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// makePDF writes a one-page PDF with the given font dictionaries (F1, F2 …)
// and content stream, with a correct cross-reference table.
func makePDF(fonts []string, content string) []byte {
	return makePDFPage(fonts, content, "", "")
}

// makePDFPage is makePDF with more: resources and page keys (such as
// "/XObject<<…>>" and "/Annots[…]") and extra objects, numbered from
// 5+len(fonts) in order.
func makePDFPage(fonts []string, content, resources, pageKeys string, extra ...string) []byte {
	var objs []string
	fontRefs := ""
	for i := range fonts {
		fontRefs += fmt.Sprintf("/F%d %d 0 R ", i+1, 4+i)
	}
	objs = append(objs, "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
		fmt.Sprintf("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<<%s>>%s>>/Contents %d 0 R%s>>", fontRefs, resources, 4+len(fonts), pageKeys))
	objs = append(objs, fonts...)
	objs = append(objs, pdfStream("", content))
	objs = append(objs, extra...)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Runs set in the TCVN3 fonts of the 1990s (.VnTime, capitals in
// .VnTimeH) without ToUnicode are decoded font by font, also when a line
// mixes them with an ordinary font.
func TestPDFLegacyFonts(t *testing.T) {
	fonts := []string{
		"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
		"<</Type/Font/Subtype/TrueType/BaseFont/ABCDEF+.VnTime/Encoding/WinAnsiEncoding>>",
		"<</Type/Font/Subtype/TrueType/BaseFont/.VnTimeH,Bold/Encoding/WinAnsiEncoding>>",
	}
	content := "BT /F3 12 Tf 72 720 Td (k\xd5 ho\xb9ch) Tj ET\n" +
		"BT /F1 12 Tf 72 700 Td (Ban h\xe0nh ) Tj /F2 12 Tf (k\xd5 ho\xb9ch 12/KH-UBND) Tj ET"
	lim := DefaultOptions
	lim.MinCharsPage = 10 // a short test page is not a scan
	src, err := LoadBytes("a.pdf", makePDF(fonts, content), lim)
	if err != nil {
		t.Fatal(err)
	}
	if want := "KẾ HOẠCH\nBan hành kế hoạch 12/KH-UBND"; strings.TrimSpace(src.Text) != want {
		t.Errorf("got %q, want %q", src.Text, want)
	}
	for name, want := range map[string][2]bool{
		".VnTime": {true, false}, "ABCDEF+.VnArialH": {true, true}, ".VnTimeH-BoldItalic": {true, true},
		"TimesNewRomanPSMT": {false, false}, "VNI-Times": {false, false},
	} {
		if a, b := legacyFontName(name); a != want[0] || b != want[1] {
			t.Errorf("legacyFontName(%q) = %v, %v", name, a, b)
		}
	}
}

// pdfStream writes a stream object with the given dictionary keys.
func pdfStream(keys, data string) string {
	return fmt.Sprintf("<<%s/Length %d>>stream\n%s\nendstream", keys, len(data)+1, data)
}

// What a viewer prints is read: text in Form XObjects, and the appearance
// of visible annotations (e-signing tools stamp the number and day into
// form fields over the blanks Word left), which replaces the spaces under
// it; hidden annotations and a form that draws itself are harmless.
func TestPDFFormsAndAnnotations(t *testing.T) {
	fonts := []string{"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"}
	content := "BT /F1 12 Tf 72 720 Td (S\xf4: /KH-UBND) Tj ET\n" +
		"q 1 0 0 1 72 690 cm /Fm1 Do Q\n" +
		"/Loop Do"
	// Objects from 6: the form, the looping form, two annotation appearances.
	res := "/XObject<</Fm1 6 0 R/Loop 7 0 R>>"
	form := pdfStream("/Type/XObject/Subtype/Form/BBox[0 0 300 20]/Resources<</Font<</F9 4 0 R>>>>",
		"BT /F9 12 Tf 0 5 Td (Ban h\xe0nh k\xe8m theo) Tj ET")
	loop := pdfStream("/Type/XObject/Subtype/Form/BBox[0 0 10 10]/Resources<</XObject<</Loop 7 0 R>>>>", "/Loop Do")
	stamp := pdfStream("/Type/XObject/Subtype/Form/BBox[0 0 40 20]/Resources<</Font<</F1 4 0 R>>>>",
		"BT /F1 12 Tf 1 5 Td (8977) Tj ET")
	hidden := pdfStream("/Type/XObject/Subtype/Form/BBox[0 0 40 20]/Resources<</Font<</F1 4 0 R>>>>",
		"BT /F1 12 Tf 1 5 Td (HIDDEN) Tj ET")
	annots := "/Annots[<</Type/Annot/Subtype/Widget/F 4/Rect[95 715 135 735]/AP<</N 8 0 R>>>>" +
		"<</Type/Annot/Subtype/Widget/F 2/Rect[300 715 340 735]/AP<</N 9 0 R>>>>]"
	// "Số:" then spaces where the stamp goes: rewrite the page line so that
	// spaces lie under the stamp.
	content = strings.Replace(content, "(S\xf4: /KH-UBND)", "(S\xf4:        /KH-UBND)", 1)
	lim := DefaultOptions
	lim.MinCharsPage = 10
	src, err := LoadBytes("a.pdf", makePDFPage(fonts, content, res, annots, form, loop, stamp, hidden), lim)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(src.Text)
	if want := "Sô: 8977 /KH-UBND\nBan hành kèm theo"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Footnote marks (small raised digits) after a word are dropped, also
// before punctuation; the notes at the foot of the page, in a smaller font,
// move after the text as "[n] text"; a number in a sentence stays.
func TestPDFFootnotes(t *testing.T) {
	fonts := []string{"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"}
	content := "BT /F1 14 Tf 72 720 Td (Thuc hien Nghi quyet so 18-NQ/TW) Tj /F1 9 Tf 6 Ts (1) Tj /F1 14 Tf 0 Ts (. Giao 2 don vi) Tj ET\n" +
		"BT /F1 14 Tf 72 700 Td (Dong thu hai cua van ban co 2 dong.) Tj ET\n" +
		"BT /F1 8 Tf 72 106 Td (1) Tj /F1 12 Tf 5 -6 Td (Nghi quyet nay da het hieu luc.) Tj ET\n" +
		"BT /F1 12 Tf 72 86 Td (Dong thu hai cua chu thich.) Tj ET"
	lim := DefaultOptions
	lim.MinCharsPage = 10
	src, err := LoadBytes("a.pdf", makePDF(fonts, content), lim)
	if err != nil {
		t.Fatal(err)
	}
	want := "Thuc hien Nghi quyet so 18-NQ/TW. Giao 2 don vi\nDong thu hai cua van ban co 2 dong.\n\f\n[1] Nghi quyet nay da het hieu luc. Dong thu hai cua chu thich.\n"
	if src.Text != want {
		t.Errorf("got  %q\nwant %q", src.Text, want)
	}
}

func TestDropRunningLinesAndStamps(t *testing.T) {
	var pages [][]string
	for i := 1; i <= 4; i++ {
		head := fmt.Sprintf("CÔNG BÁO/Số 1093 + 1094/Ngày 21-11-2020    %d", 63+i)
		if i%2 == 0 {
			head = fmt.Sprintf("%d    CÔNG BÁO/Số 1093 + 1094/Ngày 21-11-2020", 63+i)
		}
		pages = append(pages, []string{head, fmt.Sprintf("Điều %d. Nội dung", i), fmt.Sprintf("Khoản %d", i)})
	}
	dropRunningLines(pages)
	for i, p := range pages {
		if len(p) != 2 || !strings.HasPrefix(p[0], "Điều") {
			t.Errorf("page %d: %q", i+1, p)
		}
	}
	got := dropStamps([]string{"Ký bởi: Cổng Thông tin điện tử Chính phủ", "Email: a@b.vn", "Cơ quan: Văn phòng Chính phủ", "Thời gian ký: 20.11.2020 10:56:02 +07:00",
		"VĂN BẢN HỢP NHẤT", "Thời gian ký: 2025-10-01T17:08:18+07:00", "Cơ quan: chủ trì là Sở Nội vụ"})
	if want := []string{"VĂN BẢN HỢP NHẤT", "Cơ quan: chủ trì là Sở Nội vụ"}; !slices.Equal(got, want) {
		t.Errorf("dropStamps: %q", got)
	}
}

// Text in a VNI-Times font without ToUnicode (the font draws each mark as a
// zero-width glyph after its letter) reads as Unicode: the glyphs stay
// together and the document-level repair converts the VNI bytes.
func TestPDFVNIFont(t *testing.T) {
	var widths []string
	for c := 32; c <= 255; c++ {
		w := "500"
		if _, mark := vniMarks[rune(c)]; mark {
			w = "0"
		}
		widths = append(widths, w)
	}
	fonts := []string{"<</Type/Font/Subtype/TrueType/BaseFont/VNI-Times/FirstChar 32/LastChar 255/Widths[" + strings.Join(widths, " ") + "]/Encoding/WinAnsiEncoding>>"}
	latin1 := func(s string) string {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r))
		}
		return string(b)
	}
	content := "BT /F1 12 Tf 72 720 Td (" + latin1("Keá hoaïch soá 12/KH-UBND veà coâng taùc daân vaän.") + ") Tj ET\n" +
		"BT /F1 12 Tf 72 700 Td (" + latin1("Tieáng Vieät coù 29 chöõ caùi, ñöôïc duøng roäng raõi.") + ") Tj ET"
	lim := DefaultOptions
	lim.MinCharsPage = 10
	src, err := LoadBytes("a.pdf", makePDF(fonts, content), lim)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Kế hoạch số 12/KH-UBND về công tác dân vận.\nTiếng Việt có 29 chữ cái, được dùng rộng rãi.\n\f"; src.Text != want || src.Encoding != "vni-as-latin1" {
		t.Errorf("got %q (%s)", src.Text, src.Encoding)
	}
}

// Gaps inside a spaced-out heading drawn without space glyphs are not
// spaces where the letters around them only make a syllable together.
func TestRejoinSyllables(t *testing.T) {
	const gap = string(inferredSpace)
	for _, c := range []struct {
		in   string
		gaps []float64
		want string
	}{
		{"ĐIỀ" + gap + "U" + gap + "KHOẢN", []float64{0.3, 0.6}, "ĐIỀU KHOẢN"},
		{"D" + gap + "Ị" + gap + "CH" + gap + "V" + gap + "Ụ", []float64{0.3, 0.3, 0.6, 0.3}, "DỊCH VỤ"},
		{"VU" + gap + "C" + gap + "ONG", []float64{0.8, 0.3}, "VU CONG"}, // the consonant goes to the nearer side
		{"KHO" + gap + "ẢN", []float64{0.3}, "KHO ẢN"},                   // both halves are syllables: kept apart
		{"UBND" + gap + "TỈNH", []float64{0.3}, "UBND TỈNH"},
		{"số" + gap + "12/KH", []float64{0.3}, "số 12/KH"},
		{"Điều" + gap + "5", []float64{0.3}, "Điều 5"},
	} {
		if got := rejoinSyllables(c.in, c.gaps); got != c.want {
			t.Errorf("rejoinSyllables(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	fonts := []string{"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"}
	content := "BT /F1 12 Tf 72 720 Td [(D) -300 (I) -300 (C) 0 (H) -900 (V) -300 (U) -900 (C) -300 (O) -300 (NG)] TJ ET"
	lim := DefaultOptions
	lim.MinCharsPage = 5
	src, err := LoadBytes("a.pdf", makePDF(fonts, content), lim)
	if err != nil {
		t.Fatal(err)
	}
	if want := "DICH VU CONG\n\f"; src.Text != want {
		t.Errorf("got %q, want %q", src.Text, want)
	}
}
