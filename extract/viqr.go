package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// VIQR (RFC 1456) writes Vietnamese in 7-bit ASCII: a mark follows the
// letter it modifies: ( breve, ^ circumflex, + horn, ' acute, ` grave,
// ? hook, ~ tilde, . dot below; dd/DD is đ/Đ; \ escapes a mark that is
// meant literally (no Vietnamese word has "dd" but for đ). "Tie^'ng Vie^.t co' 29 chu+~ ca'i" = "Tiếng Việt có 29
// chữ cái". A mark counts only after a letter that takes it, and a tone
// only once per word, so "Ha` No^.i." keeps its final period.
//
// Plain ASCII text is read as VIQR only when it is plainly so: many words
// carry marks inside them and read as Vietnamese syllables once converted
// (an English "don't" or a URL does not).

var (
	viqrShape = map[string]rune{"a(": 'ă', "a^": 'â', "e^": 'ê', "o^": 'ô', "o+": 'ơ', "u+": 'ư'}
	viqrTone  = map[byte]rune{'\'': '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323'}
)

// DecodeVIQR converts VIQR text to Unicode (NFC).
func DecodeVIQR(s string) string {
	out := make([]rune, 0, len(s))
	toned := false // the current word already has its tone
	var last rune  // the last letter written, 0 after a non-letter
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("(^+'`?~.\\", s[i+1]) >= 0:
			out = append(out, rune(s[i+1]))
			i++
			last = 0
			continue
		case (c == 'd' || c == 'D') && i+1 < len(s) && (s[i+1] == 'd' || s[i+1] == 'D'):
			// Also inside a word: "QDD-UBND" is QĐ-UBND.
			r := 'đ'
			if c == 'D' {
				r = 'Đ'
			}
			out = append(out, r)
			i++
			last = r
			continue
		case last != 0 && !toned && (c == '(' || c == '^' || c == '+'):
			// The shaped letter replaces its base, which was the last rune
			// written: a shape comes before the tone.
			if r, ok := viqrShape[string(unicode.ToLower(last))+string(c)]; ok && out[len(out)-1] == last {
				if unicode.IsUpper(last) {
					r = unicode.ToUpper(r)
				}
				out[len(out)-1] = r
				last = r
				continue
			}
		case last != 0 && !toned && viqrTone[c] != 0 && isViqrVowel(last):
			// A tone after the vowel group, before or after a final
			// consonant: "Vie^.t", "Tie^'ng".
			out = append(out, viqrTone[c])
			toned = true
			continue
		}
		r := rune(c)
		if c >= utf8.RuneSelf { // text that is not pure VIQR: keep its runes
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n - 1
		}
		out = append(out, r)
		if unicode.IsLetter(r) {
			if last == 0 {
				toned = false
			}
			last = r
		} else {
			last, toned = 0, false
		}
	}
	return norm.NFC.String(string(out))
}

func isViqrVowel(r rune) bool {
	return strings.ContainsRune("aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ", r)
}

// looksLikeVIQR reports whether ASCII text is VIQR: at least 10 words, and
// a fifth of all words, have marks inside and convert to well-formed
// syllables with diacritics.
func looksLikeVIQR(s string) bool {
	words, hits := 0, 0
	for _, w := range strings.Fields(s) {
		words++
		core := strings.TrimRight(w, ",;:!\"')")
		if len(core) < 2 || !strings.ContainsAny(core[:len(core)-1], "(^+'`?~.") {
			continue
		}
		if u := DecodeVIQR(core); u != core && wellFormed(strings.TrimRight(u, ".?")) {
			hits++
		}
	}
	return hits >= 10 && hits*5 >= words
}
