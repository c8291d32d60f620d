package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// makePDF writes a one-page PDF with the given font dictionaries (F1, F2 …)
// and content stream, with a correct cross-reference table.
func makePDF(fonts []string, content string) []byte {
	var objs []string
	fontRefs := ""
	for i := range fonts {
		fontRefs += fmt.Sprintf("/F%d %d 0 R ", i+1, 4+i)
	}
	objs = append(objs, "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
		fmt.Sprintf("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<<%s>>>>/Contents %d 0 R>>", fontRefs, 4+len(fonts)))
	objs = append(objs, fonts...)
	objs = append(objs, fmt.Sprintf("<</Length %d>>stream\n%s\nendstream", len(content)+1, content))
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
	lim := DefaultLimits
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
