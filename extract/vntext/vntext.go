// Package vntext holds the Vietnamese text primitives that every stage of
// vanban shares: canonical tone placement, folding (diacritics and đ removed),
// letter classes that work where Go's regexp \b does not, syllable checks and
// case conversion of all-caps headings.
//
// All functions expect NFC input unless they say otherwise; CanonicalTone and
// Fold normalize to NFC themselves.
package vntext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tone marks as combining characters (NFD).
const (
	grave = '\u0300'
	acute = '\u0301'
	tilde = '\u0303'
	hook  = '\u0309'
	dot   = '\u0323'
)

func isTone(r rune) bool {
	return r == grave || r == acute || r == tilde || r == hook || r == dot
}

// IsWordRune reports whether r belongs to a word: letters, combining marks and
// digits. Use it instead of \b, which is ASCII-only in Go's regexp.
func IsWordRune(r rune) bool {
	// Fast path for the Vietnamese letters (Latin-1, Latin Extended-A/B,
	// Latin Extended Additional) and combining marks.
	switch {
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7 // × ÷
	case r >= 0x1EA0 && r <= 0x1EF9, r >= 0x300 && r <= 0x36F:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// lookalikes maps letters that look like Đ/đ to the real ones (eth and
// African D are common in text copied from old web pages and some PDFs).
var lookalikes = strings.NewReplacer("\u00D0", "Đ", "\u0189", "Đ", "\u00F0", "đ", "\u0256", "đ")

// FixLookalikes replaces Ð, Ɖ, ð, ɖ by Đ and đ.
func FixLookalikes(s string) string { return lookalikes.Replace(s) }

// foldTable maps every precomposed Latin letter up to U+1EF9 to its base
// letter, lowercase, with đ → d and the look-alikes of Đ folded too; 0 means
// the rune does not fold. An array, not a map: folding runs on every word
// indexed and every word of a hit scanned for passages.
var foldTable = func() []byte {
	t := make([]byte, 0x1EFA)
	for _, r := range "đĐðÐɖƉ" {
		t[r] = 'd'
	}
	for r := rune(0xC0); r < rune(len(t)); r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 1 && d[0] < 0x80 {
			t[r] = byte(unicode.ToLower(d[0]))
		}
	}
	return t
}()

// foldRune returns the folded letter of r, if r is a Latin letter with
// diacritics or a look-alike of Đ.
func foldRune(r rune) (rune, bool) {
	if r < rune(len(foldTable)) && foldTable[r] != 0 {
		return rune(foldTable[r]), true
	}
	return 0, false
}

// Fold lowercases s, removes every diacritic and maps đ to d (also the
// look-alikes Ð, ð, Ɖ, ɖ), for NFC and NFD input alike. "Ủy ban" and "Uỷ
// ban" both fold to "uy ban"; "đường" folds to "duong".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] >= 'A' && s[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s) // singletons such as U+0374 → U+02B9
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
		default:
			if f, ok := foldRune(r); ok {
				b.WriteRune(f)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}

// FoldASCII returns the one ASCII byte Fold turns r into, and false when
// Fold turns it into something else: nothing (a combining mark) or a
// letter outside ASCII (Greek, Cyrillic…).
func FoldASCII(r rune) (byte, bool) {
	switch {
	case r >= 'A' && r <= 'Z':
		return byte(r) + 'a' - 'A', true
	case r < 0x80:
		return byte(r), true
	}
	if f, ok := foldRune(r); ok {
		return byte(f), true
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	if n := norm.NFC.String(string(r)); n != string(r) { // singletons: the Ångström sign → Å, the Greek question mark → ;
		if c, size := utf8.DecodeRuneInString(n); size == len(n) {
			return FoldASCII(c)
		}
		return 0, false
	}
	if l := unicode.ToLower(r); l < 0x80 { // the Kelvin sign
		return byte(l), true
	}
	return 0, false
}

// FoldEqual reports whether Fold(w) == folded, without allocating.
func FoldEqual(w, folded string) bool {
	j := 0
	for _, r := range w {
		var f rune
		switch {
		case r < 0x80:
			f = unicode.ToLower(r)
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			var ok bool
			if f, ok = foldRune(r); !ok {
				f = unicode.ToLower(r)
			}
		}
		if f >= 0x80 {
			return Fold(w) == folded // rare: non-Latin letters
		}
		if j >= len(folded) || folded[j] != byte(f) {
			return false
		}
		j++
	}
	return j == len(folded)
}

// Key is the form used to compare names: canonical tones, lowercase, single
// spaces. Diacritics are kept, so "đường" and "dương" stay different.
func Key(s string) string {
	s = FixLookalikes(norm.NFC.String(s))
	s = CanonicalTone(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// CanonicalTone rewrites each syllable of s with the tone mark where the
// traditional ("old") style puts it, the style of Nghị định 30/2020 templates:
// hòa, khỏe, thủy, Ủy. The two styles differ only in open syllables whose
// vowel is oa, oe or uy; every other syllable is returned unchanged. The
// result is NFC.
func CanonicalTone(s string) string {
	s = norm.NFC.String(s)
	if !ToneCanNeedMove(s) {
		return s
	}
	return canonicalWords(s)
}

// canonicalWords is CanonicalTone on NFC text without the filter: every
// word goes through canonicalSyllable.
func canonicalWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsWordRune(r) {
			if start < 0 {
				start = i
			}
			i += n
			continue
		}
		if start >= 0 {
			b.WriteString(canonicalSyllable(s[start:i]))
			start = -1
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	if start >= 0 {
		b.WriteString(canonicalSyllable(s[start:]))
	}
	return b.String()
}

// plainVowel maps a, e, o, u, y with or without a tone mark (but without
// circumflex, breve or horn) to the bare lowercase letter; carriesTone
// says which letters carry a tone mark. Arrays, not maps: the filter below
// runs on every word of every document.
var plainVowel, carriesTone = func() (v [0x1EFA]byte, t [0x1EFA]bool) {
	for r := rune(0x41); r < rune(len(v)); r++ {
		d := []rune(norm.NFD.String(string(r)))
		t[r] = slices.ContainsFunc(d, isTone)
		base := unicode.ToLower(d[0])
		if strings.ContainsRune("aeouy", base) && (len(d) == 1 || len(d) == 2 && t[r]) {
			v[r] = byte(base)
		}
	}
	return v, t
}()

// ToneCanNeedMove reports, cheaply, whether CanonicalTone could change the
// NFC text s: whether some word ends with o or u and then a, e or y, all
// without other marks (hoa, khoe, thuy: the only open syllables whose tone
// the two styles place differently), and has a tone that is not on that o
// or u (hoà, thuỷ; Th\u0301uy, a tone mark that NFC left apart).
func ToneCanNeedMove(s string) bool { return NextToneMove(s) >= 0 }

// NextToneMove returns the end of the first word of s that makes
// ToneCanNeedMove true, or -1.
func NextToneMove(s string) int {
	start := -1
	var v1, v2 byte        // plain vowels of the word's last two runes, 0: none
	var t1, t2, toned bool // whether those carry a tone; whether any rune of the word does
	for i := 0; i <= len(s); {
		var r rune
		n, word := 0, false
		if i < len(s) {
			r, n = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
				word = IsWordRune(r)
			} else {
				word = r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
			}
		}
		if word {
			if start < 0 {
				start, v1, v2, t1, t2, toned = i, 0, 0, false, false, false
			}
			var v byte
			t := isTone(r)
			if r < rune(len(plainVowel)) {
				v, t = plainVowel[r], carriesTone[r]
			}
			v1, t1, v2, t2 = v2, t2, v, t
			toned = toned || t
			i += n
			continue
		}
		if start >= 0 {
			pair := v1 == 'o' && (v2 == 'a' || v2 == 'e') || v1 == 'u' && v2 == 'y'
			if pair && (t2 || toned && !t1) {
				return i
			}
			start = -1
		}
		if i == len(s) {
			break
		}
		i += n
	}
	return -1
}

// canonicalSyllable returns w with its tone moved to the canonical vowel.
func canonicalSyllable(w string) string {
	if len(w) < 2 || len(w) > 24 {
		return w
	}
	d := []rune(norm.NFD.String(w))
	tone := rune(0)
	base := make([]rune, 0, len(d))
	for _, r := range d {
		if isTone(r) {
			if tone != 0 {
				return w // two tones: not a syllable, leave alone
			}
			tone = r
			continue
		}
		base = append(base, r)
	}
	if tone == 0 {
		return w
	}
	// Letters of base, each letter with its own non-tone marks.
	type letter struct {
		r     rune   // lowercase base letter
		marks []rune // circumflex, breve, horn
		orig  rune   // base letter as written (case kept)
	}
	var ls []letter
	for _, r := range base {
		if unicode.IsMark(r) {
			if len(ls) == 0 {
				return w
			}
			ls[len(ls)-1].marks = append(ls[len(ls)-1].marks, r)
			continue
		}
		if !unicode.Is(unicode.Latin, r) {
			return w // a digit, or a letter of another script: not a syllable
		}
		ls = append(ls, letter{r: unicode.ToLower(r), orig: r})
	}
	plain := func(l letter) bool { return len(l.marks) == 0 }
	// Onset: skip consonants; "qu" and "gi" (before a vowel) belong to the onset.
	i := 0
	for i < len(ls) && !isVowel(ls[i].r) {
		i++
	}
	if i > 0 && ls[i-1].r == 'q' && i < len(ls) && ls[i].r == 'u' {
		i++
	}
	if i == 1 && ls[0].r == 'g' && i < len(ls) && ls[i].r == 'i' && i+1 < len(ls) && isVowel(ls[i+1].r) {
		i++
	}
	j := i
	for j < len(ls) && isVowel(ls[j].r) {
		j++
	}
	if j != len(ls) || j-i != 2 { // a final consonant, or not a two-vowel nucleus
		return w
	}
	v1, v2 := ls[i], ls[j-1]
	if !plain(v1) || !plain(v2) {
		return w
	}
	pair := string([]rune{v1.r, v2.r})
	if pair != "oa" && pair != "oe" && pair != "uy" {
		return w
	}
	// Old style: tone on the first vowel of the open syllable.
	var out []rune
	for k, l := range ls {
		out = append(out, l.orig)
		out = append(out, l.marks...)
		if k == i {
			out = append(out, tone)
		}
	}
	return norm.NFC.String(string(out))
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// IsUpperText reports whether s has at least two letters and none of them is
// lowercase (all-caps headings such as "KẾ HOẠCH", "ỦY BAN NHÂN DÂN").
func IsUpperText(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// StartsUpper reports whether the first letter of s is uppercase.
func StartsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// StartsLower reports whether the first letter of s is lowercase.
func StartsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return false
		}
	}
	return false
}

var onsets = map[string]bool{
	"": true, "b": true, "c": true, "ch": true, "d": true, "đ": true, "g": true, "gh": true, "gi": true,
	"h": true, "k": true, "kh": true, "l": true, "m": true, "n": true, "ng": true, "ngh": true,
	"nh": true, "p": true, "ph": true, "q": true, "r": true, "s": true, "t": true, "th": true,
	"tr": true, "v": true, "x": true,
}

var finals = map[string]bool{
	"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "t": true,
}

// IsSyllable reports whether w (one word) has the shape of a Vietnamese
// syllable: onset, one to three vowels, final consonant, at most one tone.
// Acronyms such as "UBND" or "MTTQ" are not syllables.
func IsSyllable(w string) bool {
	d := norm.NFD.String(strings.ToLower(w))
	var letters []rune
	tones := 0
	for _, r := range d {
		switch {
		case isTone(r):
			tones++
		case unicode.IsMark(r):
		case unicode.IsLetter(r):
			letters = append(letters, r)
		default:
			return false
		}
	}
	if tones > 1 || len(letters) == 0 || len(letters) > 7 {
		return false
	}
	i := 0
	for i < len(letters) && !isVowel(letters[i]) {
		i++
	}
	j := i
	for j < len(letters) && isVowel(letters[j]) {
		j++
	}
	if j == i || j-i > 3 {
		return false
	}
	return onsets[string(letters[:i])] && finals[string(letters[j:])]
}

// IsAcronym reports whether w is written in capitals and is not a Vietnamese
// syllable: UBND, MTTQ, HĐND, TTg.
func IsAcronym(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && !IsSyllable(w)
}

// Capitalize uppercases the first letter of s.
func Capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

// lowerWords stay lowercase inside a name converted from capitals.
var lowerWords = map[string]bool{
	"ủy": true, "ban": true, "nhân": true, "dân": true, "hội": true, "đồng": true, "và": true,
	"tỉnh": true, "thành": true, "phố": true, "xã": true, "phường": true, "huyện": true, "quận": true,
	"thị": true, "trấn": true, "đặc": true, "khu": true, "của": true, "bầu": true, "cử": true,
	"thường": true, "trực": true, "vụ": true, "văn": true, "phòng": true, "sở": true, "bộ": true,
	"tiểu": true, "thông": true, "tin": true, "tuyên": true, "truyền": true, "khánh": true, "tiết": true,
	"chấp": true, "hành": true, "công": true, "an": true, "cục": true, "chi": true, "trung": true, "tâm": true,
	// words of ministry and department names (Sở Tài chính, Bộ Y tế)
	"chính": true, "tài": true, "nguyên": true, "môi": true, "trường": true, "tư": true, "pháp": true,
	"nghiệp": true, "nông": true, "giáo": true, "dục": true, "đào": true, "tạo": true, "tế": true,
	"xây": true, "dựng": true, "giao": true, "vận": true, "tải": true, "thương": true, "khoa": true,
	"học": true, "nghệ": true, "hóa": true, "thể": true, "thao": true, "du": true, "lịch": true,
	"lao": true, "động": true, "binh": true, "kế": true, "hoạch": true, "đầu": true,
	"ngoại": true, "quốc": true, "nội": true, "tướng": true, "trưởng": true, "tra": true, "thanh": true,
}

// localityWords are followed by a proper name.
var localityWords = map[string]bool{"tỉnh": true, "phố": true, "xã": true, "phường": true, "huyện": true, "quận": true, "trấn": true, "khu": true}

// SentenceCaseName turns an all-caps name ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")
// into the way it is written in running text ("Ủy ban nhân dân tỉnh Quảng
// Trị"): common words lowercase, place names after tỉnh/thành phố/xã
// capitalized, acronyms kept. It is a heuristic; names it does not know come
// out with each word capitalized.
func SentenceCaseName(s string) string {
	words := strings.Fields(s)
	afterLocality, inField := false, false
	for i, w := range words {
		core := strings.Trim(w, ",.;:()")
		lw := strings.ToLower(w)
		lcore := strings.ToLower(core)
		prev := ""
		if i > 0 {
			prev = strings.ToLower(words[i-1])
		}
		fieldStart := false // "Xã" of "và Xã hội" is no commune
		switch {
		case IsAcronym(core) && !afterLocality:
			// keep
		case i == 0:
			words[i] = Capitalize(lw)
		case afterLocality:
			words[i] = Capitalize(lw)
		case prev == "bộ" || prev == "sở":
			// The name of a ministry or department starts capitalized:
			// Bộ Công an, Sở Nội vụ.
			words[i] = Capitalize(lw)
			inField, fieldStart = true, true
		case inField && (prev == "và" || prev == "-" || strings.HasSuffix(prev, ",")):
			// and so does each field it joins: Bộ Giáo dục và Đào tạo,
			// Sở Văn hóa, Thể thao và Du lịch, Bộ Lao động - Thương binh
			// và Xã hội
			words[i] = Capitalize(lw)
			fieldStart = true
		case lowerWords[lcore]:
			words[i] = lw
		default:
			words[i] = Capitalize(lw)
		}
		if localityWords[lcore] && !fieldStart && !(lcore == "khu" && i > 0 && prev != "đặc") {
			afterLocality, inField = true, false
		}
	}
	out := strings.Join(words, " ")
	for _, p := range properNames {
		out = replaceFoldWords(out, p)
	}
	return out
}

// properNames keep their capitals inside a name in sentence case.
var properNames = []string{"Quốc hội", "Chính phủ", "Trung ương", "Mặt trận Tổ quốc", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành"}

// replaceFoldWords replaces, on word boundaries, every case variant of
// name in s with name.
func replaceFoldWords(s, name string) string {
	ls, ln := strings.ToLower(s), strings.ToLower(name)
	if len(ls) != len(s) || len(ln) != len(name) {
		return s // a case change that alters byte lengths: leave it
	}
	for from := 0; ; {
		i := strings.Index(ls[from:], ln)
		if i < 0 {
			return s
		}
		i += from
		j := i + len(ln)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if (i == 0 || !IsWordRune(before)) && (j == len(s) || !IsWordRune(after)) {
			s = s[:i] + name + s[j:]
		}
		from = j
	}
}

// nuclei are the vowel groups of Vietnamese syllables, without tones.
// IsSyllable checks onset, tone count and final only; readings of one
// encoding as another ("Tieáng" for "Tiếng", "Tiêìng") pass it but have no
// such vowel group.
var nuclei = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi
		ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi ươi ươu uyê uya yêu uyu`) {
		m[n] = true
	}
	return m
}()

// HasVowelGroup reports whether the vowel group of the syllable w (after
// its onset, with "qu" and "gi" + vowel as onsets) is one Vietnamese has.
// It is apart from IsSyllable, which callers use on names and acronyms,
// and is what tells the right reading of legacy bytes from a wrong one.
func HasVowelGroup(w string) bool {
	var letters []rune
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if !isTone(r) {
			letters = append(letters, r)
		}
	}
	rs := []rune(norm.NFC.String(string(letters)))
	i := 0
	for i < len(rs) && !strings.ContainsRune("aăâeêioôơuưy", rs[i]) {
		i++
	}
	if i > 0 && i+1 < len(rs) && (rs[i-1] == 'q' && rs[i] == 'u' ||
		rs[i-1] == 'g' && rs[i] == 'i' && strings.ContainsRune("aăâeêoôơuưy", rs[i+1])) {
		i++
	}
	j := i
	for j < len(rs) && strings.ContainsRune("aăâeêioôơuưy", rs[j]) {
		j++
	}
	n := string(rs[i:j])
	if closedNuclei[n] && j == len(rs) {
		return false // "điề" is half of "điều": iê, uô, ươ need a final
	}
	return nuclei[n]
}

// closedNuclei are the diphthongs that never end a syllable: "ia", "ua",
// "ưa" are their open forms.
var closedNuclei = map[string]bool{"iê": true, "yê": true, "uyê": true, "uô": true, "ươ": true}

// lowerTab is unicode.ToLower for the runes below U+1F00 (Latin, with
// Latin Extended Additional), where Vietnamese text lives.
var lowerTab = func() (t [0x1F00]rune) {
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
	}
	return t
}()

// ToLower is strings.ToLower, faster on Vietnamese text: a table for its
// letters, and s itself when it has no uppercase letter. Lowercasing each
// line for the phrase matchers spent most of its time in unicode tables.
func ToLower(s string) string {
	i := 0
	for i < len(s) { // the unchanged prefix
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= rune(len(lowerTab)) || lowerTab[r] != r || r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < rune(len(lowerTab)) { // an invalid byte is U+FFFD, as in strings.ToLower
			r = lowerTab[r]
		} else {
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
