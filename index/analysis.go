// Package index stores extraction records in a Bleve index with Vietnamese
// analysis and answers the questions of vanban's users: full-text search at
// section level, who cites an instrument, what a document cites, deadlines.
//
// Analysis (registered by name, like Bleve's analysis/lang packages):
//
//	vi_exact         vi_words tokenizer → vi_normalize (NFC, Đ look-alikes,
//	                 canonical tone placement, lowercase): "Uỷ ban" = "Ủy ban",
//	                 but "đường" ≠ "dương".
//	vi_fold          vi_exact → vi_fold (diacritics removed, đ → d):
//	                 "dan van" finds "dân vận".
//	vi_exact_bigram  vi_exact → shingles of two syllables, to rank a phrase
//	                 above scattered syllables; vi_fold_bigram likewise.
//	vi_text          the passage text, one pass for three analyses: each
//	                 word's folded form, its accented form marked "=" where
//	                 it differs ("=dân", at the same position), and the
//	                 folded two-syllable shingles ("dan van"). Queries pick
//	                 the terms they want with the analyzers above
//	                 (vi_exact_mark gives the "=" terms).
//	vi_docnum        a document number as one keyword: letters and digits
//	                 only, folded, uppercase; "33/ct-ttg", "33/CT-TTg" and
//	                 "CT-TTg 33" give the same term.
//
// The filters keep token offsets, so highlights of every field point into
// the stored original text.
package index

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/vanban/vanban/extract/vntext"
	"golang.org/x/text/unicode/norm"
)

// Analyzer and filter names.
const (
	AnalyzerExact       = "vi_exact"
	AnalyzerFold        = "vi_fold"
	AnalyzerExactBigram = "vi_exact_bigram"
	AnalyzerFoldBigram  = "vi_fold_bigram"
	AnalyzerDocNumber   = "vi_docnum"
	AnalyzerText        = "vi_text"
	AnalyzerExactMark   = "vi_exact_mark"

	FilterNormalize = "vi_normalize"
	FilterFold      = "vi_fold"
	FilterDocNumber = "vi_docnum"
	FilterBigram    = "vi_bigram"
	FilterText      = "vi_text"
	FilterMark      = "vi_mark"

	TokenizerWords = "vi_words"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenizer(TokenizerWords, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	}))
	must(registry.RegisterTokenFilter(FilterNormalize, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter{normalizeTerm, true, cacheFor(FilterNormalize)}, nil
	}))
	must(registry.RegisterTokenFilter(FilterFold, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter(), nil
	}))
	must(registry.RegisterTokenFilter(FilterDocNumber, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter{NumberKey, false, nil}, nil
	}))
	must(registry.RegisterTokenFilter(FilterBigram, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return shingle.NewShingleFilter(2, 2, false, " ", "_"), nil
	}))
	must(registry.RegisterTokenFilter(FilterText, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return textFilter{fold: foldFilter()}, nil
	}))
	must(registry.RegisterTokenFilter(FilterMark, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return markFilter{fold: foldFilter()}, nil
	}))
	chain := func(name, tokenizer string, filters ...string) {
		must(registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
			tok, err := cache.TokenizerNamed(tokenizer)
			if err != nil {
				return nil, err
			}
			a := &analysis.DefaultAnalyzer{Tokenizer: tok}
			for _, f := range filters {
				tf, err := cache.TokenFilterNamed(f)
				if err != nil {
					return nil, err
				}
				a.TokenFilters = append(a.TokenFilters, tf)
			}
			return a, nil
		}))
	}
	chain(AnalyzerExact, TokenizerWords, FilterNormalize)
	chain(AnalyzerFold, TokenizerWords, FilterNormalize, FilterFold)
	chain(AnalyzerExactBigram, TokenizerWords, FilterNormalize, FilterBigram)
	chain(AnalyzerFoldBigram, TokenizerWords, FilterNormalize, FilterFold, FilterBigram)
	chain(AnalyzerDocNumber, single.Name, FilterDocNumber)
	chain(AnalyzerText, TokenizerWords, FilterNormalize, FilterText)
	chain(AnalyzerExactMark, TokenizerWords, FilterNormalize, FilterMark)
}

// exactMark prefixes an accented form in the vi_text field.
const exactMark = "="

// textFilter turns normalized words into the terms of the vi_text field:
// the folded word; the accented word, marked, where it differs; and the
// folded shingle with the next word.
type textFilter struct{ fold termFilter }

func (f textFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)*3)
	slab := make([]analysis.Token, 0, len(in)*2)
	// The new terms (marked and shingles) are cut from one byte slab: an
	// allocation per term was a tenth of the analysis.
	n := 0
	for _, t := range in {
		n += len(t.Term)
	}
	terms := make([]byte, 0, 3*n+2*len(in))
	term := func(parts ...[]byte) []byte {
		start := len(terms)
		for _, p := range parts {
			terms = append(terms, p...)
		}
		return terms[start:len(terms):len(terms)]
	}
	mark, space := []byte(exactMark), []byte{' '}
	var prev *analysis.Token
	for _, t := range in {
		folded := f.fold.rewrite(t.Term)
		if !bytes.Equal(folded, t.Term) {
			slab = append(slab, *t)
			m := &slab[len(slab)-1]
			m.Term = term(mark, t.Term)
			out = append(out, m)
		}
		t.Term = folded
		out = append(out, t)
		if prev != nil {
			slab = append(slab, analysis.Token{Start: prev.Start, End: t.End, Position: prev.Position, Type: analysis.Shingle,
				Term: term(prev.Term, space, t.Term)})
			out = append(out, &slab[len(slab)-1])
		}
		prev = t
	}
	return out
}

// markFilter gives a query word the term vi_text holds for its accented
// form: marked where folding changes it, the word itself otherwise.
type markFilter struct{ fold termFilter }

func (f markFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if folded := f.fold.rewrite(t.Term); !bytes.Equal(folded, t.Term) {
			t.Term = append([]byte(exactMark), t.Term...)
		}
	}
	return in
}

// termFilter rewrites each token's term, keeping offsets and positions.
// When asciiLower is set, an ASCII term is only lowercased, in place: the
// Vietnamese filters do nothing else to ASCII, and most terms are ASCII.
type termFilter struct {
	f          func(string) string
	asciiLower bool
	cache      *termCache
}

func (tf termFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = tf.rewrite(t.Term)
	}
	return in
}

// rewrite returns the rewritten term: an ASCII term lowercased in place
// (when asciiLower), others through the cache.
func (tf termFilter) rewrite(term []byte) []byte {
	if tf.asciiLower && isASCII(term) {
		for i, c := range term {
			if c >= 'A' && c <= 'Z' {
				term[i] = c + 'a' - 'A'
			}
		}
		return term
	}
	return tf.cached(term)
}

// termCache memoizes term rewrites: Vietnamese has a few thousand
// syllables, so nearly every token was seen before. Shared by all analysis
// goroutines and bounded. Lookups read a published map without locking (a
// sync.Map took a fifth of the analysis time in hashing interfaces); a miss
// looks in a pending map under a lock and adds the rewrite there; every so
// often the pending terms are published in a new copy of the map.
type termCache struct {
	read    atomic.Pointer[map[string][]byte]
	mu      sync.Mutex
	pending map[string][]byte
	size    int
}

const (
	termCacheMax     = 500000 // terms; beyond this, misses are not kept
	termCachePublish = 256    // pending terms that trigger a new map
)

var caches sync.Map // filter name → *termCache

// cached returns the rewritten term. A cached term's bytes are shared by
// every token that has it: later filters must not write into them, and do
// not (the ASCII lowercasing above only writes uppercase bytes, which a
// rewritten term never has; shingles build new terms).
func (tf termFilter) cached(term []byte) []byte {
	c := tf.cache
	if c == nil {
		return []byte(tf.f(string(term)))
	}
	if m := c.read.Load(); m != nil {
		if v, ok := (*m)[string(term)]; ok { // no allocation for the key
			return v
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.pending[string(term)]; ok {
		return v
	}
	if m := c.read.Load(); m != nil { // published since the lookup above
		if v, ok := (*m)[string(term)]; ok {
			return v
		}
	}
	k := string(term)
	v := []byte(tf.f(k))
	if c.size >= termCacheMax {
		return v
	}
	if c.pending == nil {
		c.pending = map[string][]byte{}
	}
	c.pending[k] = v
	// Publishing copies the map: wait for a quarter of its size in new
	// terms, so that copies cost O(1) per term.
	if len(c.pending) >= max(termCachePublish, c.size/4) || c.read.Load() == nil {
		old := c.read.Load()
		next := make(map[string][]byte, c.size+len(c.pending))
		if old != nil {
			for k, v := range *old {
				next[k] = v
			}
		}
		for k, v := range c.pending {
			next[k] = v
		}
		c.size = len(next)
		c.pending = nil
		c.read.Store(&next)
	}
	return v
}

func isASCII[T string | []byte](b T) bool {
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			return false
		}
	}
	return true
}

// wordTokenizer splits text into words: runs of letters, combining marks
// and digits (Vietnamese syllables, numbers, codes such as TTg). Everything
// else separates. It is faster than Bleve's Unicode segmenter and treats
// NFD text and tone marks as part of the word.
type wordTokenizer struct{}

func (wordTokenizer) Tokenize(in []byte) analysis.TokenStream {
	// Tokens and their terms live in two slabs, two allocations instead of
	// two per token: ingest spent a tenth of its time here and in the
	// garbage collection it caused. Terms are copies (filters rewrite them
	// in place; the input is also the stored text).
	est := len(in)/5 + 8 // Vietnamese text: a word every 5-6 bytes
	slab := make([]analysis.Token, 0, est)
	terms := make([]byte, 0, len(in))
	out := make(analysis.TokenStream, 0, est)
	scanWords(unsafeString(in), func(a, b int) {
		if len(slab) == cap(slab) { // a new slab; tokens in the old one stay put
			slab = make([]analysis.Token, 0, est)
		}
		slab = slab[:len(slab)+1]
		t := &slab[len(slab)-1]
		start := len(terms)
		terms = append(terms, in[a:b]...)
		*t = analysis.Token{Start: a, End: b, Term: terms[start:len(terms):len(terms)], Position: len(out) + 1, Type: analysis.AlphaNumeric}
		out = append(out, t)
	})
	return out
}

// unsafeString views bytes as a string without copying; the bytes must not
// change while the string is used (here: during one scan).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// vietLetterLen recognizes, from its bytes, a UTF-8 letter of the ranges
// Vietnamese uses: U+00C0–U+01BF but × and ÷ (lead bytes C3–C6), the
// combining marks U+0300–U+036F (CC, CD), and Latin Extended Additional
// U+1E00–U+1EFF (E1 B8–BB). It returns the rune's length; other bytes
// take the general path.
func vietLetterLen(s string) (int, bool) {
	if len(s) < 2 || s[1]&0xC0 != 0x80 {
		return 0, false
	}
	switch c := s[0]; {
	case c == 0xC3:
		return 2, s[1] >= 0x80 && s[1] != 0x97 && s[1] != 0xB7
	case c >= 0xC4 && c <= 0xC6:
		return 2, true
	case c == 0xCC || c == 0xCD && s[1] <= 0xAF:
		return 2, true
	case c == 0xE1:
		return 3, len(s) >= 3 && s[1] >= 0xB8 && s[1] <= 0xBB && s[2]&0xC0 == 0x80
	}
	return 0, false
}

// scanWords calls f with the bounds of every word of text: runs of
// letters, combining marks and digits.
func scanWords(text string, f func(a, b int)) {
	start := -1
	for i := 0; i < len(text); {
		n, word := wordRuneAt(text, i)
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(start, i)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		f(start, len(text))
	}
}

// wordRuneAt returns the length of the rune at text[i] and whether it
// belongs to a word.
func wordRuneAt(text string, i int) (int, bool) {
	c := text[i]
	if c < 0x80 {
		return 1, asciiFold[c] != 0
	}
	if l, ok := vietLetterLen(text[i:]); ok {
		return l, true // Vietnamese letters without decoding: most runes of the text
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return n, vntext.IsWordRune(r)
}

// wordStart reports whether a word of text starts at i (a rune start
// after no word rune).
func wordStart(text string, i int) bool {
	if i > 0 && text[i]&0xC0 == 0x80 {
		return false
	}
	j := i - 1
	for j > 0 && i-j < utf8.UTFMax && text[j]&0xC0 == 0x80 {
		j--
	}
	if j < 0 {
		return true
	}
	_, word := wordRuneAt(text, j)
	return !word
}

// foldFilter folds terms (vi_fold), with the cache the filters that fold
// share.
func foldFilter() termFilter { return termFilter{vntext.Fold, true, cacheFor(FilterFold)} }

func cacheFor(name string) *termCache {
	c, _ := caches.LoadOrStore(name, &termCache{})
	return c.(*termCache)
}

// normalizeTerm: NFC, look-alikes, canonical tone placement, lowercase.
func normalizeTerm(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	// Most tokens need no repair: skip the normalization work for them.
	if norm.NFC.IsNormalString(s) && !vntext.ToneCanNeedMove(s) && !strings.ContainsAny(s, "ÐðƉɖ") {
		return strings.ToLower(s)
	}
	return strings.ToLower(vntext.CanonicalTone(vntext.FixLookalikes(s)))
}

var (
	nonKeyRune   = regexp.MustCompile(`[^0-9A-Z]+`)
	codeThenNum  = regexp.MustCompile(`^\s*([\p{L}][\p{L}\d\s\-–/]*?)\s+(\d+(?:\s*/\s*\d{4})?)\s*$`)
	looksLikeNum = regexp.MustCompile(`^\s*\d{1,5}\s*[/\-–]\s*[\p{L}\d]|^\s*[\p{L}]{1,8}[\-–/]?[\p{L}\d]*\s+\d{1,5}\s*$`)
)

// NumberKey is the search key of a document number: folded, uppercase,
// letters and digits only, the serial number first ("CT-TTg 33" →
// "33CTTTG"). Separators vary in the wild (27/NQ- TW, 27-NQ/TW), the key
// does not.
func NumberKey(s string) string {
	return nonKeyRune.ReplaceAllString(strings.ToUpper(vntext.Fold(numberFirst(s))), "")
}

// numberFirst writes a number typed code first ("CT-TTg 33") as documents
// write it ("33/CT-TTg").
func numberFirst(s string) string {
	if m := codeThenNum.FindStringSubmatch(s); m != nil {
		return m[2] + "/" + m[1]
	}
	return s
}

// LooksLikeNumber reports whether a query is a document number.
func LooksLikeNumber(q string) bool { return looksLikeNum.MatchString(q) }
