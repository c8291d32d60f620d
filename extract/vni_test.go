package extract

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The known strings of the research notes (§9) and letters of every kind.
func TestDecodeVNI(t *testing.T) {
	for in, want := range map[string]string{
		"Tie\xe1ng Vie\xe4t co\xf9 29 ch\xf6\xf5 ca\xf9i":              "Tiếng Việt có 29 chữ cái",
		"Xin cha\xf8o ca\xf9c ba\xefn":                                 "Xin chào các bạn",
		"\xf1\xf6\xf4\xefc gia\xf9m \xf1o\xe1c":                        "được giám đốc",
		"\xd1A\xdbNG U\xdbY":                                           "ĐẢNG ỦY",
		"uo\xe1ng n\xf6\xf4\xf9c, a\xean, kh\xf6\xf4ng, ly\xf9, k\xf3": "uống nước, ăn, khương, lý, kĩ",
		"ta\xe9c la\xfang, chuye\xe2n":                                 "tắc lẳng, chuyên",
		"100%, a/b":                                                    "100%, a/b",
	} {
		if got := DecodeVNI([]byte(in)); got != want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", in, got, want)
		}
	}
}

// A VNI file and VNI text pasted into UTF-8 are both read as Unicode.
func TestLoadVNI(t *testing.T) {
	vni := "Keá hoaïch soá 12/KH-UBND veà coâng taùc daân vaän. Tieáng Vieät coù 29 chöõ caùi"
	want := "Kế hoạch số 12/KH-UBND về công tác dân vận. Tiếng Việt có 29 chữ cái"
	latin1 := make([]byte, 0, len(vni))
	for _, r := range vni {
		latin1 = append(latin1, byte(r))
	}
	for _, c := range []struct {
		data []byte
		enc  string
	}{{latin1, "vni"}, {[]byte(vni), "vni-as-latin1"}} {
		src, err := LoadBytes("a.txt", c.data, DefaultOptions)
		if err != nil || src.Text != want || src.Encoding != c.enc {
			t.Errorf("%s: got %q (%s), %v", c.enc, src.Text, src.Encoding, err)
		}
	}
}

// Only the legacy lines of a mixed document are converted; real lines made
// of Latin-1 letters only ("Các phòng chuyên môn") are kept.
func TestRepairMixedDocument(t *testing.T) {
	in := "Kế hoạch số 12/KH-UBND\nTieáng Vieät coù 29 chöõ caùi, ñöôïc duøng\nCác phòng chuyên môn\n"
	want := "Kế hoạch số 12/KH-UBND\nTiếng Việt có 29 chữ cái, được dùng\nCác phòng chuyên môn\n"
	src, err := LoadBytes("a.txt", []byte(in), DefaultOptions)
	if err != nil || src.Text != want || src.Encoding != "vni-as-latin1" {
		t.Errorf("got %q (%s), %v", src.Text, src.Encoding, err)
	}
	// One quoted example of mojibake is not a legacy document.
	quote := "Lỗi font thường gặp:\nsuch as `Céng hoµ` / `Coäng hoøa` cannot be tested\n"
	if src, err := LoadBytes("q.md", []byte(quote), DefaultOptions); err != nil || src.Text != quote {
		t.Errorf("quoted mojibake changed: %q, %v", src.Text, err)
	}
	// A DOCX set in .VnTime: its runs hold TCVN3 bytes as Latin-1 letters.
	doc := docxHead + `<w:p><w:r><w:t>KÕ ho¹ch sè 12/KH-UBND vÒ c«ng t¸c d©n vËn</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Các phòng chuyên môn</w:t></w:r></w:p></w:body></w:document>`
	src, err = LoadBytes("b.docx", makeDOCX(t, map[string]string{"word/document.xml": doc}), DefaultOptions)
	if err != nil || src.Text != "Kế hoạch số 12/KH-UBND về công tác dân vận\nCác phòng chuyên môn\n" || src.Encoding != "tcvn3-as-latin1" {
		t.Errorf("docx: got %q (%s), %v", src.Text, src.Encoding, err)
	}
}

// encodeVNI writes text in VNI-Windows: the inverse of DecodeVNI. Runes
// the encoding lacks (“ ” …) become '?'.
func encodeVNI(s string) []byte {
	letters := map[rune]byte{}
	for b, l := range vniLetters {
		letters[l] = byte(b)
	}
	lower, upper := map[string]byte{}, map[string]byte{}
	for b, m := range vniMarks {
		if unicode.IsLower(b) {
			lower[m.marks] = byte(b)
		} else {
			upper[m.marks] = byte(b)
		}
	}
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		if b, ok := letters[r]; ok {
			out = append(out, b)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, shape, tone := d[0], "", ""
		for _, m := range d[1:] {
			switch m {
			case '\u031b': // horn: ư and ơ are letters of their own
				base = map[rune]rune{'u': 'ư', 'U': 'Ư', 'o': 'ơ', 'O': 'Ơ'}[base]
			case '\u0302', '\u0306':
				shape = string(m)
			default:
				tone = string(m)
			}
		}
		b, ok := letters[base]
		if base < 0x80 {
			b, ok = byte(base), true
		}
		mods := lower
		if unicode.IsUpper(base) {
			mods = upper
		}
		mod, modOK := mods[shape+tone]
		switch {
		case !ok || base == 0:
			out = append(out, '?')
		case shape+tone == "":
			out = append(out, b)
		case modOK:
			out = append(out, b, mod)
		default:
			out = append(out, '?')
		}
	}
	return out
}

// The reference plan written in VNI-Windows loads back as the original
// text, exactly, except for the symbols VNI lacks, and extracts the same.
func TestVNIRoundTripReferencePlan(t *testing.T) {
	raw, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	orig := norm.NFC.String(string(raw))
	enc := encodeVNI(orig)
	src, err := LoadBytes("plan.txt", enc, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != "vni" {
		t.Errorf("encoding %q", src.Encoding)
	}
	want := representable(orig, func(r rune) bool { return len(encodeVNI(string(r))) > 0 && encodeVNI(string(r))[0] != '?' })
	if got := norm.NFC.String(src.Text); got != want {
		t.Errorf("VNI round trip differs at byte %d", firstDiff(got, want))
	}
	if r := extractor().Extract(src); len(r.Citations) < 11 || r.Meta.Signer.Name != "Phạm Văn Diện" {
		t.Errorf("extraction of the VNI plan: %d citations, signer %q", len(r.Citations), r.Meta.Signer.Name)
	}
}

// representable replaces the runes an encoding lacks with '?'.
func representable(s string, ok func(rune) bool) string {
	var sb strings.Builder
	for _, r := range s {
		if r < 0x80 || ok(r) {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('?')
		}
	}
	return sb.String()
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
