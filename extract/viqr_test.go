package extract

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestDecodeVIQR(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Tie^'ng Vie^.t co' 29 chu+~ ca'i", "Tiếng Việt có 29 chữ cái"},
		{"DDo^.c la^.p - Tu+. do - Ha.nh phu'c", "Độc lập - Tự do - Hạnh phúc"},
		{"Ha` No^.i.", "Hà Nội."},                      // the tone is taken: the last period is one
		{"ddu+o+`ng kha(n", "đường khăn"},              // shapes and đ
		{"tho^ng tu+ so^' 12\\.", "thông tư số 12."},   // escaped period
		{"UY? BAN NHA^N DA^N", "UỶ BAN NHÂN DÂN"},      // capitals
		{"don't (see) a+b 3^2", "don't (see) a+b 3^2"}, // no letter takes these marks
	} {
		if got := DecodeVIQR(c.in); got != c.want {
			t.Errorf("DecodeVIQR(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A VIQR file is detected and converted; ASCII English or unaccented
// Vietnamese is not taken for VIQR.
func TestLoadVIQR(t *testing.T) {
	viqr := "Ke^' hoa.ch so^' 12/KH-UBND ve^` co^ng ta'c da^n va^.n tre^n ddi.a ba`n phu+o+`ng.\n" +
		"Tie^'ng Vie^.t co' 29 chu+~ ca'i, ddu+o+.c du`ng tho^'ng nha^'t tu+` nhie^`u na(m nay.\n"
	src, err := LoadBytes("a.txt", []byte(viqr), DefaultOptions)
	if err != nil || src.Encoding != "viqr" || !strings.HasPrefix(src.Text, "Kế hoạch số 12/KH-UBND về công tác dân vận trên địa bàn phường.") {
		t.Errorf("got %q (%s), %v", src.Text, src.Encoding, err)
	}
	for _, plain := range []string{
		"Don't panic: it's the user's choice (see a+b). What? Yes. ~tilde `code` ^caret\n",
		"Ke hoach so 12/KH-UBND ve cong tac dan van tren dia ban phuong. Ha Noi, ngay 2 thang 3 nam 2026.\n",
	} {
		src, err := LoadBytes("a.txt", []byte(strings.Repeat(plain, 5)), DefaultOptions)
		if err != nil || src.Encoding != "utf-8" {
			t.Errorf("%q read as %s, %v", plain, src.Encoding, err)
		}
	}
}

// encodeVIQR writes text in VIQR, escaping a literal mark that would
// otherwise modify the letter before it ("ra." → "ra\."). Runes that are
// neither ASCII nor Vietnamese letters become '?'.
func encodeVIQR(s string) string {
	shapes := map[rune]string{'\u0302': "^", '\u0306': "(", '\u031b': "+"}
	tones := map[rune]string{'\u0301': "'", '\u0300': "`", '\u0309': "?", '\u0303': "~", '\u0323': "."}
	var sb strings.Builder
	var last rune // as the decoder sees it
	toned := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case r == 'đ' || r == 'Đ':
			sb.WriteString(map[rune]string{'đ': "dd", 'Đ': "DD"}[r])
			last = r
			continue
		case r >= 0x80:
			d := []rune(norm.NFD.String(string(r)))
			if d[0] >= 0x80 || !unicode.IsLetter(d[0]) {
				sb.WriteByte('?')
				last, toned = 0, false
				continue
			}
			sb.WriteRune(d[0])
			shaped := d[0]
			tone := ""
			for _, m := range d[1:] {
				if sh, ok := shapes[m]; ok {
					sb.WriteString(sh)
					shaped = 'ă' // any shaped vowel: the decoder's state only needs "a vowel"
				} else {
					tone = tones[m]
				}
			}
			sb.WriteString(tone)
			if last == 0 {
				toned = false
			}
			last, toned = shaped, toned || tone != ""
			continue
		}
		c := byte(r)
		literal := c == '\\' ||
			last != 0 && !toned && strings.IndexByte("(^+", c) >= 0 && viqrShape[string(unicode.ToLower(last))+string(c)] != 0 ||
			last != 0 && !toned && viqrTone[c] != 0 && isViqrVowel(last)
		if literal {
			sb.WriteByte('\\')
		}
		sb.WriteByte(c)
		if unicode.IsLetter(r) {
			if last == 0 {
				toned = false
			}
			last = r
		} else {
			last, toned = 0, false
		}
	}
	return sb.String()
}

// The reference plan written in VIQR loads back as the original text,
// exactly, but for the symbols outside ASCII and Vietnamese (“ ” → '?').
func TestVIQRRoundTripReferencePlan(t *testing.T) {
	raw, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	orig := norm.NFC.String(string(raw))
	src, err := LoadBytes("plan.txt", []byte(encodeVIQR(orig)), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != "viqr" {
		t.Fatalf("encoding %q", src.Encoding)
	}
	want := representable(orig, func(r rune) bool { return encodeVIQR(string(r)) != "?" })
	if src.Text != want {
		i := firstDiff(src.Text, want)
		t.Errorf("VIQR round trip differs at byte %d: %q vs %q", i, src.Text[i:min(i+40, len(src.Text))], want[i:min(i+40, len(want))])
	}
}
