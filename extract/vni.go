package extract

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// VNI-Windows (the "VNI-Times" fonts, common in the South) writes a toned
// vowel as its ASCII base letter followed by a byte that carries the marks
// ("Tieáng" = T i e + á(circumflex and acute) n g = "Tiếng"); a few letters
// have one byte of their own (ñ = đ, ö = ư, ô = ơ, í ì æ ó ò = í ì ỉ ĩ ị,
// î = ỵ). Bytes are the Latin-1 code points. The tables are the layout the
// research notes describe (§8.1) and are checked by the known strings of
// §9 in vni_test.go.

// vniMarks are the modifier bytes: the combining marks they add and the
// base letters they may follow (lowercase; the capital forms of the bytes
// carry the same marks).
var vniMarks = func() map[rune]struct{ marks, after string } {
	m := map[rune]struct{ marks, after string }{}
	add := func(lower, upper rune, marks, after string) {
		m[lower] = struct{ marks, after string }{marks, after}
		m[upper] = m[lower]
	}
	const tones = "aeiouyươ" // vowels that take a bare tone
	add('ù', 'Ù', "\u0301", tones)
	add('ø', 'Ø', "\u0300", tones)
	add('û', 'Û', "\u0309", tones)
	add('õ', 'Õ', "\u0303", tones)
	add('ï', 'Ï', "\u0323", tones)
	add('â', 'Â', "\u0302", "aeo")
	add('á', 'Á', "\u0302\u0301", "aeo")
	add('à', 'À', "\u0302\u0300", "aeo")
	add('å', 'Å', "\u0302\u0309", "aeo")
	add('ã', 'Ã', "\u0302\u0303", "aeo")
	add('ä', 'Ä', "\u0302\u0323", "aeo")
	add('ê', 'Ê', "\u0306", "a")
	add('é', 'É', "\u0306\u0301", "a")
	add('è', 'È', "\u0306\u0300", "a")
	add('ú', 'Ú', "\u0306\u0309", "a")
	add('ü', 'Ü', "\u0306\u0303", "a")
	add('ë', 'Ë', "\u0306\u0323", "a")
	return m
}()

// vniLetters are the bytes that are letters by themselves.
var vniLetters = map[rune]rune{
	'ñ': 'đ', 'Ñ': 'Đ', 'ö': 'ư', 'Ö': 'Ư', 'ô': 'ơ', 'Ô': 'Ơ',
	'í': 'í', 'Í': 'Í', 'ì': 'ì', 'Ì': 'Ì', 'æ': 'ỉ', 'Æ': 'Ỉ',
	'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
}

// DecodeVNI reads bytes in VNI-Windows.
func DecodeVNI(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c) // Latin-1
	}
	return vniRunes(rs)
}

// vniRunes converts text whose runes are VNI bytes read as Latin-1.
func vniRunes(rs []rune) string {
	var sb strings.Builder
	sb.Grow(len(rs) + len(rs)/4)
	var prev rune // the base letter just written, lowercase, or 0
	for _, r := range rs {
		if m, ok := vniMarks[r]; ok && prev != 0 && strings.ContainsRune(m.after, prev) {
			sb.WriteString(m.marks)
			prev = 0
			continue
		}
		if l, ok := vniLetters[r]; ok {
			r = l
		}
		sb.WriteRune(r)
		switch lr := toLowerVowel(r); lr {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'ư', 'ơ':
			prev = lr
		default:
			prev = 0
		}
	}
	return norm.NFC.String(sb.String())
}

func toLowerVowel(r rune) rune {
	switch r {
	case 'Ư':
		return 'ư'
	case 'Ơ':
		return 'ơ'
	}
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}
