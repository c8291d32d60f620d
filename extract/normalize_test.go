package extract

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeCharacters(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"nfd", norm.NFD.String("Quyết định"), "Quyết định\n"},
		{"eth", "Ðộc lập", "Độc lập\n"},
		{"nbsp", "Kế\u00a0hoạch\u200b số", "Kế hoạch số\n"},
		{"tone", "Uỷ ban hoà giải", "Ủy ban hòa giải\n"},
		{"tone at edges", "hoà,thuỷ.(Uỷ) hoàn khoẻ", "hòa,thủy.(Ủy) hoàn khỏe\n"},
		{"crlf", "Một.\r\nHai.", "Một.\nHai.\n"},
		{"markdown", "**KẾ HOẠCH**\n\n*Hà Nội, ngày 01 tháng 12 năm 2025*\n\n**Nơi nhận** **x**", "KẾ HOẠCH\nHà Nội, ngày 01 tháng 12 năm 2025\nNơi nhận x\n"},
		{"markdown heading", "## Điều 1. __Phạm vi__\n\n#7 số_hiệu ***x*** # y\n\n####### z", "Điều 1. Phạm vi\n#7 số_hiệu x # y\n####### z\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Normalize(c.in, false).S; got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestReflow(t *testing.T) {
	// The reference plan was extracted from a PDF: every wrapped line is
	// followed by a blank line, paragraphs are not marked.
	raw, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(Normalize(string(raw), false).S, "\n")
	has := func(want string) {
		t.Helper()
		for _, l := range lines {
			if l == want {
				return
			}
		}
		t.Errorf("no paragraph %q", want)
	}
	has("Thực hiện Quyết định số 3177/QĐ-UBND ngày 06/8/2025 của Ủy ban nhân dân thành phố Hải Phòng ban hành danh mục nhiệm vụ thực hiện công tác dân vận 6 tháng cuối năm 2025 của cơ quan hành chính nhà nước, chính quyền các cấp trên địa bàn thành phố Hải Phòng; Ủy ban nhân dân phường Phù Liễn ban hành kế hoạch thực hiện công tác dân vận trên địa bàn phường 6 tháng cuối năm 2025, như sau:")
	has("I. MỤC ĐÍCH YÊU CẦU")
	has("2. Trung tâm sự nghiệp công phường")
	has("Chủ trì phối hợp với các phòng chuyên môn, các đơn vị có liên quan tuyên truyền rộng rãi về công tác dân vận chính quyền trên địa bàn phường.")
	has("- Báo cáo lần 1 trước ngày 03/9/2025.")
	has("TM. ỦY BAN NHÂN DÂN")
	has("Phạm Văn Diện")
}

func TestNumberSplitAtLineEnd(t *testing.T) {
	got := Normalize("theo Quyết định số 117/QĐ-\nUBND ngày 17/01/2025 và Nghị quyết số 19-\nNQ/TW.\n", false).S
	if !strings.Contains(got, "117/QĐ-UBND ngày") || !strings.Contains(got, "19-NQ/TW") {
		t.Errorf("got %q", got)
	}
}

func TestColumnsBecomeCells(t *testing.T) {
	in := "      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n       TỈNH LÂM ĐỒNG\t   Độc lập - Tự do - Hạnh phúc\n"
	got := Normalize(in, false).S
	if !strings.Contains(got, "ỦY BAN NHÂN DÂN | CỘNG HÒA") || !strings.Contains(got, "TỈNH LÂM ĐỒNG | Độc lập") {
		t.Errorf("got %q", got)
	}
}

// TestOffsetMap checks that every span of the normalized text maps back to
// the original text it came from.
func TestOffsetMap(t *testing.T) {
	in := "**Căn cứ** Quye\u0302\u0301t định số  3177/QĐ-UBND \n\nngày 06/8/2025 của Uỷ ban\u00a0nhân dân"
	nt := Normalize(in, true)
	for _, w := range []string{"3177/QĐ-UBND", "06/8/2025", "Căn cứ"} {
		i := strings.Index(nt.S, w)
		if i < 0 {
			t.Fatalf("%q not in %q", w, nt.S)
		}
		a, b := nt.Span(i, i+len(w))
		if in[a:b] != w {
			t.Errorf("span of %q maps to %q", w, in[a:b])
		}
	}
	i := strings.Index(nt.S, "Quyết")
	a, b := nt.Span(i, i+len("Quyết"))
	if norm.NFC.String(in[a:b]) != "Quyết" {
		t.Errorf("NFD word maps to %q", in[a:b])
	}
	i = strings.Index(nt.S, "Ủy ban")
	a, b = nt.Span(i, i+len("Ủy ban"))
	if in[a:b] != "Uỷ ban" {
		t.Errorf("re-toned word maps to %q", in[a:b])
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Kế hoạch \n\nsố 1/KH", "**a**\n|\n- b", "\xff\xfe", "a\tb    c", norm.NFD.String("Uỷ ban")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nt := Normalize(s, strings.Contains(s, "*"))
		if len(nt.Orig) != len(nt.S)+1 {
			t.Fatalf("map length %d for %d bytes", len(nt.Orig), len(nt.S))
		}
		for i := 1; i < len(nt.Orig); i++ {
			if nt.Orig[i] < nt.Orig[i-1] || int(nt.Orig[i]) > len(s) {
				t.Fatalf("map not monotonic or out of range at %d", i)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(nt.S) {
			t.Fatalf("valid input gave invalid output")
		}
	})
}

// nfcSpan's set of runes are NFC starters that cannot combine with what
// precedes them, and its span is never longer than x/text's own.
func TestNFCSpan(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		if r == 0x300 {
			r = 0x1E00
		}
		if s := string(r); nfcSpan(s) == len(s) {
			p := norm.NFC.PropertiesString(s)
			if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(s) {
				t.Errorf("U+%04X is not a plain NFC starter", r)
			}
		}
	}
	for _, s := range []string{"Quyết định", norm.NFD.String("Quyết định"), "hoa\u0300", "Ð\u0301", "a\xffb", "Ω x", "ạ\u0302"} {
		if n, q := nfcSpan(s), norm.NFC.QuickSpanString(s); n > q {
			t.Errorf("nfcSpan(%q) = %d > QuickSpanString %d", s, n, q)
		}
	}
}
