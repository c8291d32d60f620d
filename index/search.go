package index

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/extract/vntext"
)

// SearchOptions are the query and its filters.
type SearchOptions struct {
	Query    string
	Type     string // Kế hoạch, Quyết định …
	Issuer   string
	Year     string
	Unit     string
	From, To string // ISO dates, on the document's date
	Docs     int    // documents to return (default 10)
	Passages int    // passages per document (default 3)
}

// Passage is a matching section of a document.
type Passage struct {
	Section string  `json:"section"`
	Heading string  `json:"heading"`
	Snippet string  `json:"snippet"` // «» mark the matched words
	Score   float64 `json:"score"`
}

// DocHits groups the passages of one document.
type DocHits struct {
	Path     string    `json:"path"`
	Type     string    `json:"type"`
	Number   string    `json:"number"`
	Date     string    `json:"date"`
	Subject  string    `json:"subject"`
	Score    float64   `json:"score"`
	Passages []Passage `json:"passages"`
}

// Facet is a value of a facet with its count.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// SearchResult is what Search returns.
type SearchResult struct {
	Query       string             `json:"query"`
	Total       uint64             `json:"total_documents"`
	Docs        []DocHits          `json:"documents"`
	Facets      map[string][]Facet `json:"facets"`
	Suggestions []string           `json:"suggestions,omitempty"`
}

var phraseRe = regexp.MustCompile(`"([^"]+)"`)

// textClauses are the clauses of what a person typed.
type textClauses struct {
	// must and should make the wide query: every word must match folded
	// (so "dan van" finds "dân vận"); exact-accent matches and
	// two-syllable phrases add to the score; "quoted phrases" must match
	// as phrases; a document number matches the numbers cited.
	must, should []query.Query
	// exact and exactFilter make the narrow query that Search asks first:
	// the words as typed, accents included (exactFilter, unscored), and
	// adjacent (exact, scored: the shingles). Its hits rank above all
	// others, so an accented query ranks its own spelling first and "công
	// tác dân vận" ranks above scattered syllables. exact is nil when the
	// narrow query would be the wide one (one unaccented word).
	exact, exactFilter []query.Query
}

func textQuery(q string) textClauses {
	var c textClauses
	narrower := false
	for _, m := range phraseRe.FindAllStringSubmatch(q, -1) {
		// Every two-syllable shingle of the phrase must be there: term
		// lookups instead of position checks (phrase queries on common
		// words were the slow path: 300 ms at 10,000 documents).
		var p query.Query
		if len(strings.Fields(m[1])) > 1 {
			p = textMatch(m[1], AnalyzerFoldBigram, true, 1)
		} else {
			p = textMatch(m[1], AnalyzerFold, false, 1)
		}
		c.must, c.exact = append(c.must, p), append(c.exact, p)
		if hasDiacritics(m[1]) {
			c.should = append(c.should, textMatch(m[1], AnalyzerExactMark, true, 3))
			c.exactFilter = append(c.exactFilter, textMatch(m[1], AnalyzerExactMark, true, 1))
			narrower = true
		}
	}
	rest := strings.TrimSpace(phraseRe.ReplaceAllString(q, " "))
	if rest != "" && LooksLikeNumber(rest) {
		t := bleve.NewTermQuery(NumberKey(rest))
		t.SetField("numbers")
		t.SetBoost(10)
		pf := textMatch(rest, AnalyzerFoldBigram, true, 1) // the number's parts, adjacent
		n := bleve.NewDisjunctionQuery(t, pf)
		c.must, c.exact = append(c.must, n), append(c.exact, n)
		rest = ""
	}
	if rest != "" {
		c.must = append(c.must, textMatch(rest, AnalyzerFold, true, 1))
		multi, accented := len(strings.Fields(rest)) > 1, hasDiacritics(rest)
		if accented { // unaccented, the exact terms are the folded ones
			c.should = append(c.should, textMatch(rest, AnalyzerExactMark, true, 3))
			if multi {
				c.exactFilter = append(c.exactFilter, textMatch(rest, AnalyzerExactMark, true, 1))
			} else {
				c.exact = append(c.exact, textMatch(rest, AnalyzerExactMark, true, 1))
			}
			narrower = true
		}
		if multi {
			c.should = append(c.should, textMatch(rest, AnalyzerFoldBigram, false, 2))
			c.exact = append(c.exact, textMatch(rest, AnalyzerFoldBigram, true, 1))
			narrower = true
		} else if !accented {
			c.exact = append(c.exact, textMatch(rest, AnalyzerFold, true, 1))
		}
	}
	if !narrower {
		c.exact, c.exactFilter = nil, nil
	}
	return c
}

// ranked combines what a hit must match with what ranks it higher. Each
// level of nesting costs on every hit: none is added that is not needed.
func ranked(must, should []query.Query) query.Query {
	if len(should) == 0 {
		return conjunction(must)
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(must...)
	b.AddShould(should...)
	b.SetMinShould(0)
	return b
}

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// hasDiacritics reports whether folding changes q.
func hasDiacritics(q string) bool { return vntext.Fold(q) != strings.ToLower(q) }

// textMatch matches words against the vi_text field through one of its
// analyses: AnalyzerFold (folded words), AnalyzerExactMark (accented
// words), AnalyzerFoldBigram (shingles); all of them when all is set.
func textMatch(q, analyzer string, all bool, boost float64) query.Query {
	m := bleve.NewMatchQuery(q)
	m.SetField("text")
	m.Analyzer = analyzer
	if all {
		m.SetOperator(query.MatchQueryOperatorAnd)
	}
	m.SetBoost(boost)
	return m
}

func termQ(f, v string) query.Query {
	t := bleve.NewTermQuery(v)
	t.SetField(f)
	return t
}

// filters returns the conjuncts shared by passage, citation and deadline
// queries.
func filters(kind string, o SearchOptions) []query.Query {
	var qs []query.Query
	if kind != "" {
		qs = append(qs, termQ("kind", kind))
	}
	if o.Type != "" {
		qs = append(qs, termQ("doc_type", typeName(o.Type)))
	}
	if o.Issuer != "" {
		qs = append(qs, matchAll("doc_issuer", o.Issuer))
	}
	if o.Year != "" {
		qs = append(qs, termQ("year", o.Year))
	}
	if o.Unit != "" {
		qs = append(qs, matchAll("units", o.Unit))
	}
	if o.From != "" || o.To != "" {
		qs = append(qs, dateRange("doc_date", o.From, o.To))
	}
	return qs
}

// matchAll matches every word of text in field (analyzed as the field is).
func matchAll(field, text string) query.Query {
	m := bleve.NewMatchQuery(text)
	m.SetField(field)
	m.SetOperator(query.MatchQueryOperatorAnd)
	return m
}

// typeName accepts a type as typed ("ke hoach", "Kế hoạch", "KẾ HOẠCH").
func typeName(t string) string {
	for _, n := range []string{"Kế hoạch", "Quyết định", "Công văn", "Chỉ thị", "Nghị định", "Nghị quyết", "Kết luận", "Thông báo",
		"Báo cáo", "Hướng dẫn", "Quy định", "Thông tư", "Luật", "Tờ trình", "Công điện", "Phương án", "Đề án", "Chương trình", "Hiến pháp"} {
		if vntext.Fold(n) == vntext.Fold(t) {
			return n
		}
	}
	return t
}

func dateRange(f, from, to string) query.Query {
	incl := true
	var q *query.TermRangeQuery
	if to != "" {
		to += "\uffff" // inclusive of the whole day key
	}
	q = bleve.NewTermRangeInclusiveQuery(from, to, &incl, &incl)
	q.SetField(f)
	return q
}

// Search returns the best documents and, in each, its best passages
// (sections), best first. Bleve ranks the documents; vanban then scores the
// sections of the few documents returned by the query words they hold (all
// words first, then how often) and cuts a snippet from each.
func (ix *Index) Search(o SearchOptions) (*SearchResult, error) {
	if o.Docs <= 0 {
		o.Docs = 10
	}
	if o.Passages <= 0 {
		o.Passages = 3
	}
	// Only files have the text fields: no kind filter needed.
	tq := textQuery(o.Query)
	flt := filters("", o)
	must := slices.Concat(flt, tq.must)
	// The total and the facet counts visit every hit: a second search,
	// without scores, counts them on the other core while the first ranks.
	var facets map[string]int
	var total uint64
	var facetErr error
	var fwg sync.WaitGroup
	fwg.Go(func() { facets, total, facetErr = ix.countFacets(conjunction(must)) })
	hits, err := ix.rankedHits(tq, flt, must, o.Docs)
	if err != nil {
		fwg.Wait()
		return nil, err
	}
	out := &SearchResult{Query: o.Query, Facets: map[string][]Facet{}, Docs: make([]DocHits, len(hits))}
	// Passages are cut while the facets are still being counted.
	pq := newPassageQuery(o.Query)
	var wg sync.WaitGroup
	for i, h := range hits {
		out.Docs[i] = DocHits{Path: str(h, "path"), Type: str(h, "doc_type"), Number: str(h, "doc_number"), Date: str(h, "doc_date"),
			Subject: str(h, "doc_subject"), Score: h.Score}
		wg.Go(func() {
			out.Docs[i].Passages = bestPassages(str(h, "text"), str(h, "sections"), pq, o.Passages)
		})
	}
	fwg.Wait()
	wg.Wait()
	if facetErr != nil {
		return nil, facetErr
	}
	out.Total = total
	for term, n := range facets {
		name, value, _ := strings.Cut(term, ":")
		out.Facets[name] = append(out.Facets[name], Facet{value, n})
	}
	for name, fs := range out.Facets { // highest count first, then by value
		slices.SortFunc(fs, func(a, b Facet) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value)) })
		out.Facets[name] = fs[:min(len(fs), 10)]
	}
	if len(out.Docs) == 0 {
		out.Suggestions = ix.suggest(o.Query)
	}
	return out, nil
}

// rankedHits returns the best n documents of the text query tq under the
// filters flt (must is the wide query: flt and tq.must). The documents matching the narrow query (the words as
// typed, adjacent) come first: it is asked first, and the wide one only
// fills the places it leaves. Besides ranking the exact spelling and the
// phrase first, this is faster: the narrow query of a common phrase ranks
// a quarter of the documents of its folded words ("thu tuc" 8,066 on the
// benchmark, "thủ tục" adjacent 2,137), scores only the shingles, and has
// no should-clause (Bleve's boolean query costs more per hit than its
// terms).
func (ix *Index) rankedHits(tq textClauses, flt, must []query.Query, n int) (search.DocumentMatchCollection, error) {
	fields := []string{"path", "doc_type", "doc_number", "doc_date", "doc_subject", "text", "sections"}
	var hits search.DocumentMatchCollection
	if tq.exact != nil {
		q := conjunction(tq.exact)
		if f := slices.Concat(flt, tq.exactFilter); len(f) > 0 {
			b := bleve.NewBooleanQuery()
			b.AddMust(q)
			b.AddFilter(conjunction(f))
			q = b
		}
		req := bleve.NewSearchRequestOptions(q, n, 0, false)
		req.Fields = fields
		res, err := ix.b.Search(req)
		if err != nil {
			return nil, err
		}
		if hits = res.Hits; len(hits) == n {
			return hits, nil
		}
	}
	req := bleve.NewSearchRequestOptions(ranked(must, tq.should), n+len(hits), 0, false)
	req.Fields = fields
	res, err := ix.b.Search(req)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, h := range hits {
		seen[h.ID] = true
	}
	for _, h := range res.Hits {
		if !seen[h.ID] && len(hits) < n {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// countFacets counts the values of the "facets" field ("doc_type:Kế
// hoạch", "year:2025") over every document matching q, unscored. Bleve's
// own facet builder copies each value of each hit into a new string (a
// third of the time on 10,000 hits); this counts through a map lookup
// that does not.
func (ix *Index) countFacets(q query.Query) (map[string]int, uint64, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	s, err := q.Searcher(context.Background(), r, ix.b.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, 0, err
	}
	defer s.Close()
	dv, err := r.DocValueReader([]string{"facets"})
	if err != nil {
		return nil, 0, err
	}
	counts := map[string]*int{}
	var n uint64 // documents matched
	visit := func(_ string, term []byte) {
		if c := counts[string(term)]; c != nil {
			*c++
		} else {
			counts[string(term)] = new(1)
		}
	}
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for {
		m, err := s.Next(ctx)
		if err != nil {
			return nil, 0, err
		}
		if m == nil {
			break
		}
		n++
		if err := dv.VisitDocValues(m.IndexInternalID, visit); err != nil {
			return nil, 0, err
		}
		ctx.DocumentMatchPool.Put(m)
	}
	out := make(map[string]int, len(counts))
	for t, c := range counts {
		out[t] = *c
	}
	return out, n, nil
}

// section is where a section starts in a file's text, as stored in the
// "sections" field: one line per section, "offset<TAB>id<TAB>heading"
// (decoding JSON there took a tenth of a query).
type section struct {
	Off         int
	ID, Heading string
}

func encodeSections(secs []section) string {
	var sb strings.Builder
	for _, s := range secs {
		sb.WriteString(strconv.Itoa(s.Off))
		sb.WriteByte('\t')
		sb.WriteString(oneLine(s.ID))
		sb.WriteByte('\t')
		sb.WriteString(oneLine(s.Heading))
		sb.WriteByte('\n')
	}
	return sb.String()
}

func oneLine(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }

func decodeSections(f string) []section {
	var out []section
	for len(f) > 0 {
		line := f
		if i := strings.IndexByte(f, '\n'); i >= 0 {
			line, f = f[:i], f[i+1:]
		} else {
			f = ""
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		off, err := strconv.Atoi(parts[0])
		if err != nil {
			continue
		}
		out = append(out, section{off, parts[1], parts[2]})
	}
	return out
}

// bestPassages splits text at its sections and returns the n sections
// holding the most distinct query words ws (then the most occurrences),
// each with a snippet and its section id.
func bestPassages(text, sectionsField string, pq passageQuery, n int) []Passage {
	secs := decodeSections(sectionsField)
	spans := wordSpans(text, pq.ws)
	if pq.keepRuns(text, spans) {
		spans = slices.DeleteFunc(spans, func(t wtok) bool { return t.hit < 0 })
	}
	if len(secs) == 0 {
		return []Passage{{Section: "preamble", Snippet: snippetAround(text, 0, len(text), spans, pq)}}
	}
	type scored struct {
		p      Passage
		lo, hi int    // byte range of the text
		spans  []wtok // the query words in it
	}
	var all []scored
	k, lo := 0, 0
	for i, s := range secs {
		hi := len(text)
		if i+1 < len(secs) {
			hi = secs[i+1].Off
		}
		k0 := k
		seen := 0
		var mask uint64
		for ; k < len(spans) && spans[k].a < hi; k++ {
			if bit := uint64(1) << (spans[k].hit % 64); mask&bit == 0 {
				mask |= bit
				seen++
			}
		}
		if hits := k - k0; hits > 0 {
			all = append(all, scored{Passage{Section: s.ID, Heading: s.Heading, Score: float64(seen*1000 + hits)}, lo, hi, spans[k0:k]})
		}
		lo = hi
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].p.Score > all[j].p.Score })
	var out []Passage
	for i := 0; i < len(all) && i < n; i++ {
		p := all[i].p
		p.Snippet = snippetAround(text, all[i].lo, all[i].hi, all[i].spans, pq)
		out = append(out, p)
	}
	if len(out) == 0 && len(text) > 0 { // matched through a number or a shingle only
		out = append(out, Passage{Section: secs[0].ID, Heading: secs[0].Heading, Snippet: snippetAround(text, 0, len(text), nil, pq)})
	}
	return out
}

// snippetAround cuts the snippet of text[lo:hi] where its query words
// (spans, in text order) are densest, cutting into words only the bytes
// around that place: sections can be the whole text.
func snippetAround(text string, lo, hi int, spans []wtok, pq passageQuery) string {
	const window = 300 // bytes: about the 40 words of a snippet
	at := lo
	count := map[int]int{}
	best, j := -1, 0
	for i := range spans {
		for ; j < len(spans) && spans[j].a < spans[i].a+window; j++ {
			count[spans[j].hit]++
		}
		if len(count) > best {
			best, at = len(count), spans[i].a
		}
		if count[spans[i].hit]--; count[spans[i].hit] == 0 {
			delete(count, spans[i].hit)
		}
	}
	from, to := max(lo, at-2*window), min(hi, at+3*window)
	for from > lo && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < hi && !utf8.RuneStart(text[to]) {
		to++
	}
	toks := wordTokens(text, from, to, pq.ws)
	pq.keepRuns(text, toks)
	s, _ := snippetOf(text, toks, 40)
	return s
}

// passageQuery is what passages look for: the query's folded words (ws,
// sorted), and the runs of them that count only in order and adjacent (a
// document number's parts, a quoted phrase's words), as indexes into ws.
type passageQuery struct {
	ws   []string
	runs [][]int
}

func newPassageQuery(q string) passageQuery {
	pq := passageQuery{ws: wordList(queryWords(q))}
	var runs []string
	for _, m := range phraseRe.FindAllStringSubmatch(q, -1) {
		runs = append(runs, m[1])
	}
	if rest := strings.TrimSpace(phraseRe.ReplaceAllString(q, " ")); rest != "" && LooksLikeNumber(rest) {
		runs = append(runs, numberFirst(rest)) // "CT-TTg 33" is written 33/CT-TTg
	}
	for _, r := range runs {
		var run []int
		for _, w := range strings.FieldsFunc(vntext.Fold(r), func(r rune) bool { return !vntext.IsWordRune(r) }) {
			if k := slices.Index(pq.ws, w); k >= 0 {
				run = append(run, k)
			}
		}
		if len(run) > 1 {
			pq.runs = append(pq.runs, run)
		}
	}
	return pq
}

// keepRuns unmarks (hit -1) the words of toks, in text order, that belong
// to a run of pq but do not stand in a whole one: searching 33/CT-TTg,
// the CT-TTg of 16/CT-TTg is not a match, nor is a lone "dân" for the
// phrase "công tác dân vận". Words of a run may be separated by a few
// bytes that are not letters ("/", " - ", ", ", a line break). It reports
// whether pq has runs.
func (pq passageQuery) keepRuns(text string, toks []wtok) bool {
	if len(pq.runs) == 0 {
		return false
	}
	inRun := make([]bool, len(pq.ws))
	for _, run := range pq.runs {
		for _, k := range run {
			inRun[k] = true
		}
	}
	kept := make([]bool, len(toks))
	for _, run := range pq.runs {
	next:
		for p := 0; p+len(run) <= len(toks); p++ {
			for j, k := range run {
				t := toks[p+j]
				if t.hit != k || j > 0 && !separatorOnly(text[toks[p+j-1].b:t.a]) {
					continue next
				}
			}
			for j := range run {
				kept[p+j] = true
			}
		}
	}
	for p, t := range toks {
		if t.hit >= 0 && inRun[t.hit] && !kept[p] {
			toks[p].hit = -1
		}
	}
	return true
}

// separatorOnly reports whether gap, between two words of a run, is a
// short separator: at most three bytes, none of a word.
func separatorOnly(gap string) bool {
	if len(gap) > 3 {
		return false
	}
	for _, r := range gap {
		if vntext.IsWordRune(r) {
			return false
		}
	}
	return true
}

// wtok is a word of a text and the query word it matches (-1: none).
type wtok struct{ a, b, hit int }

func wordList(words map[string]bool) []string {
	var ws []string
	for w := range words {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	return ws
}

// wordSpans returns the words of text equal, folded, to a query word (ws),
// in text order. Only these are kept (a slice of every word of ten texts
// was a megabyte per query), and only the words whose first letter folds
// to the first letter of a query word are compared, letter by letter until
// the first that differs: cutting whole texts into words and folding them
// was a fifth of a query.
func wordSpans(text string, ws []string) []wtok {
	var first [256]bool // the folded first letters of ws, and foldsToNothing
	for _, w := range ws {
		if !isASCII(w) { // a Greek or Cyrillic query word: fold every word
			return matchedTokens(text, 0, len(text), ws)
		}
		if w != "" {
			first[w[0]] = true
		}
	}
	first[foldsToNothing] = true // a word may begin with a combining mark
	var spans []wtok
	for i := 0; i < len(text); {
		c, n := text[i], 1
		if c < 0x80 {
			if !first[asciiFold[c]] {
				i++
				continue
			}
		} else if c < 0xC0 { // inside a rune
			i++
			continue
		}
		if i > 0 && text[i-1] < 0x80 && asciiFold[text[i-1]] != 0 {
			i++ // after an ASCII letter: inside a word, most candidates
			continue
		}
		if c >= 0x80 {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			if !first[firstFold(r)] {
				i += n
				continue
			}
		}
		if !wordStart(text, i) {
			i += n
			continue
		}
		k, j, sure := foldedMatch(text, i, ws)
		if !sure { // fold the whole word
			for j = i; j < len(text); {
				m, word := wordRuneAt(text, j)
				if !word {
					break
				}
				j += m
			}
			k = queryWordOf(text[i:j], ws)
		}
		if k >= 0 {
			spans = append(spans, wtok{i, j, k})
		}
		i = max(j, i+n) // no word starts inside this one
	}
	return spans
}

// matchedTokens returns the words of text[lo:hi] equal, folded, to a
// query word: the slow way, folding every word.
func matchedTokens(text string, lo, hi int, ws []string) []wtok {
	var out []wtok
	for _, t := range wordTokens(text, lo, hi, ws) {
		if t.hit >= 0 {
			out = append(out, t)
		}
	}
	return out
}

// foldsToNothing is firstFold's answer for a combining mark, which folding
// drops: the word's first letter is the next one.
const foldsToNothing = 1

// asciiFold maps the ASCII bytes of words to their lowercase, and every
// other byte to 0.
var asciiFold = func() (t [256]byte) {
	for c := range 128 {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = byte(c)
		}
	}
	return t
}()

// firstFold returns the ASCII letter a word rune r above ASCII folds to
// (á, Ấ → a; đ, Ð → d; the Kelvin sign → k), foldsToNothing for a
// combining mark, and 0 for anything else.
func firstFold(r rune) byte {
	if r < 0x10000 {
		return foldTable()[r]
	}
	if unicode.Is(unicode.Mn, r) {
		return foldsToNothing
	}
	return 0
}

// foldTable is firstFold for the Basic Multilingual Plane, as a table:
// the passage scan looks up every rune above ASCII of ten texts a query.
var foldTable = sync.OnceValue(func() *[0x10000]byte {
	var t [0x10000]byte
	for r := rune(0x80); r < 0x10000; r++ {
		switch c, ok := vntext.FoldASCII(r); {
		case ok && vntext.IsWordRune(r):
			t[r] = c
		case unicode.Is(unicode.Mn, r):
			t[r] = foldsToNothing
		}
	}
	return &t
})

// foldedMatch compares the word starting at text[i] with the query words
// ws (folded, ASCII) letter by letter, without cutting the word first:
// most candidates differ from every query word in their first letters. It
// returns the query word matched (-1: none) and the word's end. sure is
// false when the word holds a letter that does not fold to one ASCII
// letter (a combining mark, Greek…): the caller then folds the whole word.
// It does not check that a word starts at i.
func foldedMatch(text string, i int, ws []string) (k, end int, sure bool) {
	for k, w := range ws {
		j, p := i, 0
		for ; p < len(w) && j < len(text); p++ {
			c, n, word, ok := foldedLetter(text, j)
			if !ok {
				return -1, 0, false
			}
			if !word || c != w[p] {
				break
			}
			j += n
		}
		if p < len(w) {
			continue
		}
		if j < len(text) { // the word must end here
			_, _, word, ok := foldedLetter(text, j)
			if !ok {
				return -1, 0, false
			}
			if word {
				continue
			}
		}
		return k, j, true
	}
	return -1, 0, true
}

// foldedLetter reads the rune at text[j]: its ASCII letter once folded,
// its length, and whether it belongs to a word. ok is false for a word
// rune that does not fold to one ASCII letter.
func foldedLetter(text string, j int) (c byte, n int, word, ok bool) {
	if c = text[j]; c < 0x80 {
		c = asciiFold[c]
		return c, 1, c != 0, true
	}
	r, n := utf8.DecodeRuneInString(text[j:])
	c, ok = vntext.FoldASCII(r)
	word = vntext.IsWordRune(r)
	return c, n, word, ok || !word
}

// queryWordOf returns the index of the query word (folded, in ws) that
// word equals once folded, or -1.
func queryWordOf(word string, ws []string) int {
	for k, w := range ws {
		if vntext.FoldEqual(word, w) {
			return k
		}
	}
	return -1
}

// wordTokens cuts text[lo:hi] into words and marks those equal, folded,
// to a query word. Offsets are in text.
func wordTokens(text string, lo, hi int, ws []string) []wtok {
	toks := make([]wtok, 0, (hi-lo)/5)
	scanWords(text[lo:hi], func(a, b int) {
		a, b = a+lo, b+lo
		toks = append(toks, wtok{a, b, queryWordOf(text[a:b], ws)})
	})
	return toks
}

// Snippet cuts the window of about n words of text holding the most
// distinct query words, marks them «like this», and returns the offset of
// the first marked word. Words are compared folded, so an unaccented query
// marks accented text.
func Snippet(text string, words map[string]bool, n int) (string, int) {
	return snippetOf(text, wordTokens(text, 0, len(text), wordList(words)), n)
}

func snippetOf(text string, toks []wtok, n int) (string, int) {
	if len(toks) == 0 {
		return "", 0
	}
	// Slide a window of n tokens, counting the distinct words in it.
	count := map[int]int{}
	distinct, best, bestN := 0, 0, -1
	for i := range toks {
		if h := toks[i].hit; h >= 0 {
			if count[h] == 0 {
				distinct++
			}
			count[h]++
		}
		if i >= n {
			if h := toks[i-n].hit; h >= 0 {
				count[h]--
				if count[h] == 0 {
					distinct--
				}
			}
		}
		if distinct > bestN {
			best, bestN = max(0, i-n+1), distinct
		}
	}
	firstHit := best
	for firstHit < len(toks)-1 && firstHit < best+n && toks[firstHit].hit < 0 {
		firstHit++
	}
	first := max(0, firstHit-5)
	last := min(len(toks)-1, first+n)
	var sb strings.Builder
	if first > 0 {
		sb.WriteString("…")
	}
	pos := toks[first].a
	for k := first; k <= last; k++ {
		sb.WriteString(text[pos:toks[k].a])
		if toks[k].hit >= 0 {
			sb.WriteString("«" + text[toks[k].a:toks[k].b] + "»")
		} else {
			sb.WriteString(text[toks[k].a:toks[k].b])
		}
		pos = toks[k].b
	}
	if last < len(toks)-1 {
		sb.WriteString("…")
	}
	return strings.Join(strings.Fields(sb.String()), " "), toks[firstHit].a
}

// suggest proposes, for a query that found nothing, the query with each
// unknown word replaced by the most frequent indexed word within one edit
// (on the folded forms).
func (ix *Index) suggest(q string) []string {
	words := strings.Fields(vntext.Fold(phraseRe.ReplaceAllString(q, "$1")))
	if len(words) == 0 {
		return nil
	}
	dict, err := ix.b.FieldDict("text")
	if err != nil {
		return nil
	}
	defer dict.Close()
	type cand struct {
		term  string
		count uint64
	}
	best := make([]cand, len(words))
	known := make([]bool, len(words))
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			break
		}
		if strings.HasPrefix(e.Term, exactMark) || strings.Contains(e.Term, " ") {
			continue // accented forms and shingles: the words are the folded terms
		}
		for i, w := range words {
			if e.Term == w {
				known[i] = true
			}
			if d := editDistance(e.Term, w, 1); d <= 1 && e.Count > best[i].count {
				best[i] = cand{e.Term, e.Count}
			}
		}
	}
	var out []string
	changed := false
	for i, w := range words {
		if !known[i] && best[i].term != "" {
			out = append(out, best[i].term)
			changed = true
		} else {
			out = append(out, w)
		}
	}
	if !changed {
		return nil
	}
	return []string{strings.Join(out, " ")}
}

// editDistance is the Levenshtein distance of a and b, or max+1 when it is
// larger than max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			low = min(low, cur[j])
		}
		if low > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func str(h *search.DocumentMatch, f string) string {
	s, _ := h.Fields[f].(string)
	return s
}

// queryWords are the folded words of a query (quotes and number
// punctuation dropped), for snippets and passage ranking.
func queryWords(q string) map[string]bool {
	w := map[string]bool{}
	for _, f := range strings.FieldsFunc(vntext.Fold(q), func(r rune) bool { return !vntext.IsWordRune(r) }) {
		w[f] = true
	}
	return w
}
