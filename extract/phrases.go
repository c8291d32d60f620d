package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/extract/vntext"
)

// phraseSet finds any of a list of phrases in text, case-insensitively, on
// Vietnamese word boundaries (Go's \b is ASCII-only), preferring the longest
// phrase at a position. Phrases are put in canonical tone form, as the
// normalized text is; spaces in a phrase match any run of spaces.
type phraseSet struct {
	re      *regexp.Regexp
	phrases []string // canonical form, index = value index
	values  []int    // caller's index for each phrase
	byKey   map[string]int
}

func newPhraseSet(phrases []string, values []int) *phraseSet {
	type pv struct {
		p string
		v int
	}
	var list []pv
	seen := map[string]bool{}
	for i, p := range phrases {
		c := vntext.CanonicalTone(strings.TrimSpace(p))
		k := strings.ToLower(c)
		if c == "" || seen[k] {
			continue
		}
		seen[k] = true
		list = append(list, pv{c, values[i]})
	}
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].p) > len(list[j].p) })
	ps := &phraseSet{byKey: map[string]int{}}
	var alts []string
	for i, x := range list {
		ps.phrases = append(ps.phrases, x.p)
		ps.values = append(ps.values, x.v)
		ps.byKey[strings.ToLower(x.p)] = i
		q := regexp.QuoteMeta(x.p)
		q = strings.ReplaceAll(q, " ", `\s+`)
		alts = append(alts, q)
	}
	if len(alts) == 0 {
		alts = []string{`\x00never\x00`}
	}
	ps.re = regexp.MustCompile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
	return ps
}

// phraseHit is one match of a phraseSet.
type phraseHit struct {
	a, b  int
	value int
}

// find returns the non-overlapping matches in s that sit on word boundaries.
func (p *phraseSet) find(s string) []phraseHit {
	var out []phraseHit
	for _, m := range p.re.FindAllStringIndex(s, -1) {
		if !wordBoundaries(s, m[0], m[1]) {
			continue
		}
		out = append(out, phraseHit{m[0], m[1], p.valueOf(s[m[0]:m[1]])})
	}
	return out
}

// at returns the phrase matching at the start of s, if any.
func (p *phraseSet) at(s string) (phraseHit, bool) {
	loc := p.re.FindStringIndex(s)
	if loc == nil || loc[0] != 0 || !wordBoundaries(s, 0, loc[1]) {
		return phraseHit{}, false
	}
	return phraseHit{0, loc[1], p.valueOf(s[:loc[1]])}, true
}

func (p *phraseSet) valueOf(m string) int {
	k := strings.ToLower(strings.Join(strings.Fields(m), " "))
	if i, ok := p.byKey[k]; ok {
		return p.values[i]
	}
	return -1
}

// wordBoundaries reports whether s[a:b] is not glued to letters or digits.
func wordBoundaries(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if vntext.IsWordRune(r) {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if vntext.IsWordRune(r) {
			return false
		}
	}
	return true
}

// token is a word or punctuation mark of a line.
type token struct {
	a, b int
	s    string
	word bool
}

// tokenize splits s into words (letters, marks, digits, and inner '/' '-'
// of codes are not included) and single punctuation runes, dropping spaces.
func tokenize(s string, from, to int) []token {
	var out []token
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\t' || r == '\n' {
			i += n
			continue
		}
		if vntext.IsWordRune(r) {
			j := i + n
			for j < to {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !vntext.IsWordRune(r2) {
					break
				}
				j += n2
			}
			out = append(out, token{i, j, s[i:j], true})
			i = j
			continue
		}
		out = append(out, token{i, i + n, s[i : i+n], false})
		i += n
	}
	return out
}

// lineBounds returns the start and end of the line (paragraph) holding pos.
func lineBounds(s string, pos int) (int, int) {
	a := strings.LastIndexByte(s[:pos], '\n') + 1
	b := strings.IndexByte(s[pos:], '\n')
	if b < 0 {
		b = len(s)
	} else {
		b += pos
	}
	return a, b
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 'A' && r <= 'Z' || r > 0x7f && vntext.StartsUpper(w)
}

func foldWord(w string) string { return vntext.Fold(w) }
