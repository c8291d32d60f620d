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
//
// Matching is by tokens (words and punctuation marks) and a map from a
// phrase's first token to the phrases it starts, so a pass over a text is
// linear in its length: a case-insensitive regexp alternation of a few
// hundred phrases was 20 times slower.
type phraseSet struct {
	first     map[string][]phraseEntry // lowercase first token → phrases, longest first
	maxTokens int
}

type phraseEntry struct {
	toks  []string // lowercase tokens
	value int
}

func newPhraseSet(phrases []string, values []int) *phraseSet {
	ps := &phraseSet{first: map[string][]phraseEntry{}}
	seen := map[string]bool{}
	for i, p := range phrases {
		c := strings.ToLower(vntext.CanonicalTone(strings.TrimSpace(p)))
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		var toks []string
		for _, t := range tokenize(c, 0, len(c)) {
			toks = append(toks, t.s)
		}
		ps.first[toks[0]] = append(ps.first[toks[0]], phraseEntry{toks, values[i]})
		ps.maxTokens = max(ps.maxTokens, len(toks))
	}
	for k, es := range ps.first {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].toks) > len(es[j].toks) })
		ps.first[k] = es
	}
	return ps
}

// phraseHit is one match of a phraseSet.
type phraseHit struct {
	a, b  int
	value int
}

// matchAt returns the longest phrase starting at token i of toks, whose
// texts are lowercase.
func (p *phraseSet) matchAt(toks []token, i int) (phraseEntry, bool) {
	es := p.first[toks[i].s]
	for _, e := range es {
		if i+len(e.toks) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(e.toks); k++ {
			if toks[i+k].s != e.toks[k] {
				ok = false
				break
			}
		}
		if ok {
			return e, true
		}
	}
	return phraseEntry{}, false
}

// find returns the non-overlapping matches in s, line by line.
func (p *phraseSet) find(s string) []phraseHit { return p.findIn(lineTokens(s)) }

// findIn is find over tokens already cut (see lineTokens), so that several
// phrase sets share one pass of tokenizing.
func (p *phraseSet) findIn(lines [][]token) []phraseHit {
	var out []phraseHit
	for _, toks := range lines {
		for i := 0; i < len(toks); i++ {
			if e, ok := p.matchAt(toks, i); ok {
				out = append(out, phraseHit{toks[i].a, toks[i+len(e.toks)-1].b, e.value})
				i += len(e.toks) - 1
			}
		}
	}
	return out
}

// lineTokens cuts s into lowercase tokens, line by line.
func lineTokens(s string) [][]token {
	var lines [][]token
	eachLine(s, func(a, b int) {
		toks := tokenize(s, a, b)
		if low := vntext.ToLower(s[a:b]); len(low) == b-a {
			for i := range toks { // one lowercasing per line, sliced
				toks[i].s = low[toks[i].a-a : toks[i].b-a]
			}
		} else {
			lowerTokens(toks)
		}
		lines = append(lines, toks)
	})
	return lines
}

// at returns the phrase matching at the very start of s, if any.
func (p *phraseSet) at(s string) (phraseHit, bool) {
	end := strings.IndexByte(s, '\n')
	if end < 0 {
		end = len(s)
	}
	toks := lowerTokens(tokenizeN(s, 0, end, p.maxTokens))
	if len(toks) == 0 || toks[0].a != 0 {
		return phraseHit{}, false
	}
	e, ok := p.matchAt(toks, 0)
	if !ok {
		return phraseHit{}, false
	}
	return phraseHit{0, toks[len(e.toks)-1].b, e.value}, true
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
func tokenize(s string, from, to int) []token { return tokenizeN(s, from, to, -1) }

// tokenizeN is tokenize stopping after n tokens (n < 0: all).
func tokenizeN(s string, from, to, n int) []token {
	// Sized ahead: growing the slice was a tenth of extraction's time.
	est := (to-from)/5 + 1 // a token every 5-6 bytes of Vietnamese
	if n >= 0 {
		est = min(est, n)
	}
	out := make([]token, 0, est)
	i := from
	for i < to && len(out) != n {
		if c := s[i]; c < 0x80 { // ASCII fast path
			if c == ' ' || c == '\t' || c == '\n' {
				i++
				continue
			}
			if !asciiWord(c) {
				out = append(out, token{i, i + 1, s[i : i+1], false})
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\t' || r == '\n' {
			i += n
			continue
		}
		if vntext.IsWordRune(r) {
			j := i + n
			for j < to {
				if c := s[j]; c < 0x80 {
					if !asciiWord(c) {
						break
					}
					j++
					continue
				}
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

// findInLines runs re only on the lines that contain one of the words: a
// cheap filter for expensive patterns. Offsets are in s.
func findInLines(s string, re *regexp.Regexp, words ...string) [][]int {
	var out [][]int
	eachLine(s, func(a, b int) {
		line := s[a:b]
		for _, w := range words {
			if strings.Contains(line, w) {
				for _, m := range re.FindAllStringSubmatchIndex(line, -1) {
					for k := range m {
						if m[k] >= 0 {
							m[k] += a
						}
					}
					out = append(out, m)
				}
				break
			}
		}
	})
	return out
}

// lowerTokens lowercases the token texts (offsets still point into the text).
func lowerTokens(toks []token) []token {
	for i := range toks {
		toks[i].s = vntext.ToLower(toks[i].s) // the same string when already lowercase
	}
	return toks
}

func asciiWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// hasPrefixFold reports whether s begins with prefix, ignoring case. It
// looks at the first bytes of s only: lowercasing s first made callers that
// pass the rest of a paragraph quadratic.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
