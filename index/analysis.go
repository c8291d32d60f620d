// Package index stores extraction records in a Bleve index with Vietnamese
// analysis and answers the questions of vanban's users: full-text search at
// section level, who cites an instrument, what a document cites, deadlines.
//
// Analysis (registered by name, like Bleve's analysis/lang packages):
//
//	vi_exact         unicode tokenizer → vi_normalize (NFC, Đ look-alikes,
//	                 canonical tone placement, lowercase): "Uỷ ban" = "Ủy ban",
//	                 but "đường" ≠ "dương".
//	vi_fold          vi_exact → vi_fold (diacritics removed, đ → d):
//	                 "dan van" finds "dân vận".
//	vi_exact_bigram  vi_exact → shingles of two syllables, to rank a phrase
//	                 above scattered syllables; vi_fold_bigram likewise.
//	vi_docnum        a document number as one keyword: letters and digits
//	                 only, folded, uppercase; "33/ct-ttg", "33/CT-TTg" and
//	                 "CT-TTg 33" give the same term.
//
// The filters keep token offsets, so highlights of every field point into
// the stored original text.
package index

import (
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/vanban/vanban/extract/vntext"
)

// Analyzer and filter names.
const (
	AnalyzerExact       = "vi_exact"
	AnalyzerFold        = "vi_fold"
	AnalyzerExactBigram = "vi_exact_bigram"
	AnalyzerFoldBigram  = "vi_fold_bigram"
	AnalyzerDocNumber   = "vi_docnum"

	FilterNormalize = "vi_normalize"
	FilterFold      = "vi_fold"
	FilterDocNumber = "vi_docnum"
	FilterBigram    = "vi_bigram"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenFilter(FilterNormalize, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(normalizeTerm), nil
	}))
	must(registry.RegisterTokenFilter(FilterFold, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(vntext.Fold), nil
	}))
	must(registry.RegisterTokenFilter(FilterDocNumber, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(NumberKey), nil
	}))
	must(registry.RegisterTokenFilter(FilterBigram, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return shingle.NewShingleFilter(2, 2, false, " ", "_"), nil
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
	chain(AnalyzerExact, unicode.Name, FilterNormalize)
	chain(AnalyzerFold, unicode.Name, FilterNormalize, FilterFold)
	chain(AnalyzerExactBigram, unicode.Name, FilterNormalize, FilterBigram)
	chain(AnalyzerFoldBigram, unicode.Name, FilterNormalize, FilterFold, FilterBigram)
	chain(AnalyzerDocNumber, single.Name, FilterDocNumber)
}

// termFilter rewrites each token's term, keeping offsets and positions.
type termFilter func(string) string

func (f termFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(f(string(t.Term)))
	}
	return in
}

// normalizeTerm: NFC, look-alikes, canonical tone placement, lowercase.
func normalizeTerm(s string) string {
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
	if m := codeThenNum.FindStringSubmatch(s); m != nil {
		s = m[2] + "/" + m[1]
	}
	return nonKeyRune.ReplaceAllString(strings.ToUpper(vntext.Fold(s)), "")
}

// LooksLikeNumber reports whether a query is a document number.
func LooksLikeNumber(q string) bool { return looksLikeNum.MatchString(q) }
