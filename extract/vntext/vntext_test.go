package vntext

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestCanonicalTone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"hoà", "hòa"}, {"hòa", "hòa"}, {"Uỷ ban", "Ủy ban"}, {"Ủy ban", "Ủy ban"},
		{"thuỷ lợi", "thủy lợi"}, {"khoẻ", "khỏe"}, {"hoá đơn", "hóa đơn"},
		{"UỶ BAN", "ỦY BAN"}, {"khoá XII", "khóa XII"},
		// unchanged: final consonant, qu/gi onsets, other vowels
		{"hoàn", "hoàn"}, {"thuyết", "thuyết"}, {"quý", "quý"}, {"già", "già"},
		{"người", "người"}, {"quả", "quả"}, {"Quyết định", "Quyết định"}, {"hoạch", "hoạch"},
		{"33/CT-TTg", "33/CT-TTg"}, {"", ""},
		// NFD input comes out NFC and canonical
		{norm.NFD.String("hoà"), "hòa"}, {norm.NFD.String("Quyết"), "Quyết"},
	} {
		if got := CanonicalTone(c.in); got != c.want {
			t.Errorf("CanonicalTone(%q) = %q, want %q", c.in, got, c.want)
		}
		if n := norm.NFC.String(c.in); canonicalWords(n) != c.want {
			t.Errorf("canonicalWords(%q) = %q: the ToneCanNeedMove filter hid a move", n, canonicalWords(n))
		}
	}
}

// The filter is cheap because it is narrow: closed syllables, other
// vowels and tones already in place are not sent to CanonicalTone.
func TestToneCanNeedMoveSkips(t *testing.T) {
	for _, s := range []string{"hoàn", "hoạch", "thuyết", "người", "hòa", "Ủy ban", "khỏe", "Kế hoạch", "33/CT-TTg", "oa", "hoa"} {
		if ToneCanNeedMove(s) {
			t.Errorf("ToneCanNeedMove(%q) = true", s)
		}
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"dân vận", "dan van"}, {"Ủy ban", "uy ban"}, {"Uỷ ban", "uy ban"},
		{"đường", "duong"}, {"ĐIỀU", "dieu"}, {"Ðiều", "dieu"}, // eth look-alike
		{"59/2023/NĐ-CP", "59/2023/nd-cp"}, {norm.NFD.String("Quyết định"), "quyet dinh"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKeyKeepsDiacritics(t *testing.T) {
	if Key("đường") == Key("dương") {
		t.Error("đường and dương must differ")
	}
	if Key("Uỷ  ban") != Key("ủy ban") {
		t.Error("Uỷ ban and ủy ban must be equal")
	}
}

func TestIsSyllableAndAcronym(t *testing.T) {
	for _, w := range []string{"nghiêng", "Quyết", "người", "khuya", "gì", "Việt", "trưởng"} {
		if !IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"UBND", "MTTQ", "HĐND", "TTg", "VHXH"} {
		if !IsAcronym(w) {
			t.Errorf("IsAcronym(%q) = false", w)
		}
	}
	for _, w := range []string{"VIỆT", "NAM", "Sở"} {
		if IsAcronym(w) {
			t.Errorf("IsAcronym(%q) = true", w)
		}
	}
}

func TestSentenceCaseName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "Ủy ban nhân dân tỉnh Quảng Trị"},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"},
		{"ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "Ủy ban MTTQ Việt Nam xã Lương Minh"},
		{"BỘ CÔNG AN", "Bộ Công an"},
		{"VĂN PHÒNG QUỐC HỘI", "Văn phòng Quốc hội"},
		{"ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
		{"SỞ TÀI CHÍNH", "Sở Tài chính"},
		{"BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"},
		{"BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo"},
		{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LÂM ĐỒNG", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng"},
		{"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"},
		{"SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"},
		{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"},
	} {
		if got := SentenceCaseName(c.in); got != c.want {
			t.Errorf("SentenceCaseName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzCanonicalTone(f *testing.F) {
	for _, s := range []string{"hoà", "Uỷ ban nhân dân", "thuỷ", "ĐIỀ U", "\u0301a", "q\u0301uy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CanonicalTone(s)
		if CanonicalTone(c) != c {
			t.Errorf("not idempotent: %q → %q → %q", s, c, CanonicalTone(c))
		}
		if n := norm.NFC.String(s); c != canonicalWords(n) {
			t.Errorf("CanonicalTone(%q) = %q, but every syllable through canonicalSyllable gives %q: the ToneCanNeedMove filter hid a move", s, c, canonicalWords(n))
		}
		if Fold(c) != Fold(s) {
			t.Errorf("tone placement changed the folded form: %q vs %q", Fold(s), Fold(c))
		}
	})
}

// The fast paths of IsWordRune agree with the Unicode tables.
func TestIsWordRuneFastPath(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		want := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
		if got := IsWordRune(r); got != want {
			t.Errorf("IsWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestHasVowelGroup(t *testing.T) {
	for w, want := range map[string]bool{
		"tiếng": true, "quyết": true, "giường": true, "gì": true, "giữa": true, "khuỷu": true,
		"người": true, "thuở": true, "Huế": true, "ngoằn": true, "QUỐC": true, "gìn": true,
		"tieáng": false, "tiêìng": false, "viêịt": false, "caói": false,
	} {
		if got := HasVowelGroup(w); got != want {
			t.Errorf("HasVowelGroup(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestToLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ỦY BAN NHÂN DÂN", "Quyết định số 33/CT-TTg", "ĐẢNG", "İstanbul K Ω", "a\xffB\xc3", "đường", "ƯƠ Ơ"} {
		if got, want := ToLower(s), strings.ToLower(s); got != want {
			t.Errorf("ToLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzToLower(f *testing.F) {
	f.Add("Ủy Ban\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ToLower(s), strings.ToLower(s); got != want {
			t.Errorf("ToLower(%q) = %q, want %q", s, got, want)
		}
	})
}

// FoldASCII agrees with Fold on every rune of the Basic Multilingual
// Plane: it answers one ASCII byte exactly when Fold does.
func TestFoldASCIIAgreesWithFold(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		f := Fold(string(r))
		c, ok := FoldASCII(r)
		if want := len(f) == 1 && f[0] < 0x80; ok != want || ok && f != string(c) {
			t.Errorf("FoldASCII(%U) = %q, %v; Fold gives %q", r, c, ok, f)
		}
	}
}
