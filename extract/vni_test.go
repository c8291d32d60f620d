package extract

import "testing"

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
