package extract

import (
	"errors"
	"os"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDecodeTCVN3KnownStrings(t *testing.T) {
	for in, want := range map[string]string{
		"Ti\xd5ng Vi\xd6t c\xe3 29 ch\xf7 c\xb8i": "Tiếng Việt có 29 chữ cái",
		"B\xb6o Th\xbeng":                         "Bảo Thắng",
		"Xin ch\xb5o, \xae\xa9y l\xb5 m\xe9t d\xdfng ch\xf7 b\xde l\xe7i font": "Xin chào, đây là một dòng chữ bị lỗi font",
		"M\xad\xeang Kh\xad\xacng": "Mường Khương",
	} {
		if got := DecodeTCVN3([]byte(in)); got != want {
			t.Errorf("DecodeTCVN3(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTCVN3RoundTrip: the reference plan written in TCVN 5712:1993 reads
// back as the original text, exactly.
func TestTCVN3RoundTrip(t *testing.T) {
	raw, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	// the plan's quotes and other symbols outside the set are left out
	orig := norm.NFC.String(string(raw))
	enc := EncodeTCVN3(orig)
	src, err := LoadBytes("plan.txt", enc, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != "tcvn3" {
		t.Errorf("encoding %q", src.Encoding)
	}
	// Exactly the original, but for the symbols TCVN3 lacks (“ ” …),
	// which become '?'.
	want := representable(orig, func(r rune) bool { _, ok := tcvnEncode[r]; return ok })
	if src.Text != want {
		t.Errorf("TCVN3 round trip differs at byte %d", firstDiff(src.Text, want))
	}
	if r := extractor().Extract(src); len(r.Citations) < 11 || r.Meta.Signer.Name != "Phạm Văn Diện" {
		t.Errorf("extraction of the TCVN3 plan: %d citations, signer %q", len(r.Citations), r.Meta.Signer.Name)
	}
}

func TestMojibakeRepaired(t *testing.T) {
	src, err := LoadBytes("a.txt", []byte("Ti\u00d5ng Vi\u00d6t c\u00e3 29 ch\u00f7 c\u00b8i. K\u00d5 ho\u00b9ch s\u00e8 12/KH-UBND"), DefaultOptions)
	if err != nil || src.Encoding != "tcvn3-as-latin1" || src.Text != "Tiếng Việt có 29 chữ cái. Kế hoạch số 12/KH-UBND" {
		t.Errorf("got %q (%s), %v", src.Text, src.Encoding, err)
	}
	// ordinary French or Vietnamese UTF-8 is left alone
	for _, s := range []string{"Café à la crème, déjà vu", "Tiếng Việt có dấu, Kế hoạch số 12"} {
		src, err := LoadBytes("b.txt", []byte(s), DefaultOptions)
		if err != nil || src.Text != s || src.Encoding != "utf-8" {
			t.Errorf("%q changed to %q (%s)", s, src.Text, src.Encoding)
		}
	}
}

func TestWindows1258(t *testing.T) {
	// "Tiếng Việt" in CP1258: ê = 0xEA, acute = 0xEC, dot below = 0xF2
	src, err := LoadBytes("a.txt", []byte("Ti\xeang Vi\xeat c\xf3 29 ch\xfd c\xe1i. Ti\xea\xecng Vi\xea\xf2t"), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != "windows-1258" {
		t.Errorf("encoding %q, text %q", src.Encoding, src.Text)
	}
	if _, err := LoadBytes("b.txt", []byte("\x80\x81\x82\x83\x84 \x85\x86\x87\x88 garbage \x90\x91\x92\x93"), DefaultOptions); !errors.Is(err, ErrNotText) {
		t.Errorf("garbage: %v", err)
	}
}
