package extract

import (
	_ "embed"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/extract/vntext"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Pre-Unicode Vietnamese encodings. Files from the 1990s–2000s arrive in
// TCVN3 (TCVN 5712:1993, the ".VnTime" fonts) or Windows-1258; text copied
// from such files into UTF-8 arrives as mojibake ("TiÕng ViÖt"). Both are
// detected by scoring the share of well-formed Vietnamese syllables under
// each reading, and converted.

//go:embed legacy/tcvn5712.tsv
var tcvnTSV string

// tcvnDecode maps each byte of TCVN 5712:1993 (VN1) to Unicode; tcvnEncode
// is its inverse for precomposed letters.
var tcvnDecode, tcvnEncode = func() ([256]rune, map[rune]byte) {
	var dec [256]rune
	for i := range dec {
		dec[i] = rune(i)
	}
	enc := map[rune]byte{}
	for _, line := range strings.Split(tcvnTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		b, err1 := strconv.ParseUint(f[0], 16, 8)
		u, err2 := strconv.ParseUint(f[1], 16, 32)
		if err1 != nil || err2 != nil || u < 0x20 {
			continue
		}
		dec[b] = rune(u)
		if _, ok := enc[rune(u)]; !ok {
			enc[rune(u)] = byte(b)
		}
	}
	return dec, enc
}()

// DecodeTCVN3 reads bytes in TCVN 5712:1993 (TCVN3/ABC and VN1).
func DecodeTCVN3(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(tcvnDecode[c])
	}
	return norm.NFC.String(sb.String())
}

// EncodeTCVN3 writes text in TCVN 5712:1993 (VN1, with its capitals);
// letters it cannot hold become '?'. For tests and for users' conversions.
func EncodeTCVN3(s string) []byte {
	var out []byte
	for _, r := range norm.NFC.String(s) {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		default:
			if b, ok := tcvnEncode[r]; ok {
				out = append(out, b)
			} else {
				out = append(out, '?')
			}
		}
	}
	return out
}

// syllableScore is the share of the words of s, among those with a letter
// outside ASCII, that are well-formed Vietnamese syllables. Mojibake fails
// ("TiÕng"), real text passes ("Tiếng").
func syllableScore(s string) (score float64, words int) {
	ok, words := syllableCounts(s)
	if words == 0 {
		return 0, 0
	}
	return float64(ok) / float64(words), words
}

// wellFormed reports whether w is a well-formed Vietnamese syllable:
// onset, tone and final (IsSyllable) and a vowel group the language has.
func wellFormed(w string) bool { return vntext.IsSyllable(w) && vntext.HasVowelGroup(w) }

// wellFormedShare is the share of the words of two letters or more that
// are well-formed Vietnamese syllables, accented or not.
func wellFormedShare(s string) (share float64, words int) {
	ok := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		words++
		if wellFormed(w) {
			ok++
		}
	}
	if words == 0 {
		return 0, 0
	}
	return float64(ok) / float64(words), words
}

// syllableCounts counts the words of s with a letter outside ASCII, and
// those of them that are well-formed syllables.
func syllableCounts(s string) (ok, words int) {
	start := -1
	check := func(w string) {
		for _, r := range w {
			if r >= 0x80 {
				words++
				if wellFormed(w) {
					ok++
				}
				return
			}
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			check(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		check(s[start:])
	}
	return ok, words
}

// decodeLegacy reads bytes that are not UTF-8: the reading (TCVN3, VNI or
// Windows-1258) with the most well-formed syllables wins, if it has enough.
func decodeLegacy(data []byte) (string, string, bool) {
	cands := []struct {
		name string
		text string
	}{{"tcvn3", DecodeTCVN3(data)}, {"vni", DecodeVNI(data)}}
	if t, err := charmap.Windows1258.NewDecoder().Bytes(data); err == nil {
		cands = append(cands, struct {
			name string
			text string
		}{"windows-1258", norm.NFC.String(string(t))})
	}
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if sc, n := syllableScore(c.text); n > 0 && sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best < 0 || bestScore < 0.8 {
		return "", "", false
	}
	return cands[best].text, cands[best].name, true
}

// vietLatin1 are the Latin-1 letters Vietnamese uses; the other runes of
// U+00A0–U+00FF (¸ µ ÷ Ö Õ's neighbours …) are what TCVN3 text read as
// Latin-1 looks like.
const vietLatin1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"

// repairMojibake converts the lines of UTF-8 text whose letters are TCVN3
// or VNI bytes read as Latin-1 ("TiÕng ViÖt", "Tieáng Vieät" → "Tiếng
// Việt"): DOCX and PDF files set in the .VnTime or VNI-Times fonts, and
// text pasted from them. The encoding is chosen once for the document, on
// all its lines made of Latin-1 letters only (a line with a real Vietnamese
// letter beyond U+00FF is left alone), by the share of well-formed
// syllables; only those lines are converted. It returns the encoding it
// undid.
func repairMojibake(s string) (string, string, bool) {
	lines := strings.SplitAfter(s, "\n")
	type candidate struct{ line, ok int } // a line and its well-formed syllables as it is
	var cands []candidate
	foreign, high, origOK := 0, 0, 0
lines:
	for i, l := range lines {
		f, h := 0, 0
		for _, r := range l {
			if r >= 0xA0 && r <= 0xFF {
				h++
				if !strings.ContainsRune(vietLatin1, r) {
					f++
				}
			} else if r > 0xFF && unicode.IsLetter(r) {
				continue lines // real Unicode Vietnamese (or another script)
			}
		}
		if h > 0 {
			ok, _ := syllableCounts(l)
			cands = append(cands, candidate{i, ok})
			foreign, high, origOK = foreign+f, high+h, origOK+ok
		}
	}
	if high < 3 {
		return s, "", false
	}
	// VNI's modifiers are mostly Vietnamese-looking Latin-1 letters, so
	// only TCVN3 needs the foreign-rune test; the syllables decide.
	type reading struct {
		enc    string
		decode func(string) string
	}
	readings := []reading{{"vni-as-latin1", func(l string) string { return vniRunes([]rune(l)) }}}
	if foreign >= 3 && foreign*3 >= high {
		readings = append(readings, reading{"tcvn3-as-latin1", tcvnRunes})
	}
	// Many real lines are Latin-1 letters only ("Các phòng chuyên môn"),
	// and read as VNI they still look Vietnamese ("Các phịng chuyên mơn"):
	// a reading must give more well-formed syllables than the text as it
	// is: at least 3 more for the document (one quoted example of mojibake
	// in a README is not a legacy document), and more for each line it
	// converts.
	bestEnc, bestOK := "", origOK+2
	var bestLines []string
	var bestLineOK []int
	for _, r := range readings {
		decoded, lineOK := make([]string, len(cands)), make([]int, len(cands))
		ok, n := 0, 0
		for k, c := range cands {
			decoded[k] = r.decode(lines[c.line])
			o, w := syllableCounts(decoded[k])
			lineOK[k], ok, n = o, ok+o, n+w
		}
		if ok > bestOK && ok*5 >= n*4 {
			bestEnc, bestOK, bestLines, bestLineOK = r.enc, ok, decoded, lineOK
		}
	}
	if bestEnc == "" {
		return s, "", false
	}
	for k, c := range cands {
		if bestLineOK[k] > c.ok {
			lines[c.line] = bestLines[k]
		}
	}
	return strings.Join(lines, ""), bestEnc, true
}

// tcvnRunes converts text whose runes U+00A0–U+00FF are TCVN3 bytes.
func tcvnRunes(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if r >= 0xA0 && r <= 0xFF {
			r = tcvnDecode[r]
		}
		sb.WriteRune(r)
	}
	return norm.NFC.String(sb.String())
}
