package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/extract"
	"github.com/vanban/vanban/extract/vntext"
)

// CiteHit is a document citing an instrument: the sections where it does,
// and the spellings, dates and issuers it writes.
type CiteHit struct {
	Path       string   `json:"path"`
	DocNumber  string   `json:"doc_number"`
	DocSubject string   `json:"doc_subject"`
	Sections   []string `json:"sections"`
	Count      int      `json:"count"`
	Number     string   `json:"number"`
	Written    []string `json:"written"`
	Type       string   `json:"type"`
	Dates      []string `json:"dates"`
	Issuers    []string `json:"issuers"`
	Text       string   `json:"text"`
	Problems   string   `json:"problems,omitempty"`
}

// CitesResult lists the documents citing one instrument and where they
// disagree.
type CitesResult struct {
	Number        string    `json:"number"`
	Hits          []CiteHit `json:"citations"`
	Disagreements []string  `json:"disagreements"`
}

// strs returns a stored field as a list (Bleve gives one value as a string,
// several as a slice).
func strs(h *search.DocumentMatch, f string) []string {
	switch v := h.Fields[f].(type) {
	case string:
		return []string{v}
	case []interface{}:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// each runs q and calls f for every hit, page by page.
func (ix *Index) each(q query.Query, fields []string, f func(*search.DocumentMatch)) error {
	for from := 0; ; {
		req := bleve.NewSearchRequestOptions(q, 1000, from, false)
		req.Fields = fields
		res, err := ix.b.Search(req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			f(h)
		}
		from += len(res.Hits)
		if len(res.Hits) == 0 || uint64(from) >= res.Total {
			return nil
		}
	}
}

func (ix *Index) all(q query.Query, fields []string) ([]map[string]string, error) {
	var out []map[string]string
	err := ix.each(q, fields, func(h *search.DocumentMatch) {
		m := map[string]string{"_id": h.ID}
		for _, f := range fields {
			m[f] = strings.Join(strs(h, f), "; ")
		}
		out = append(out, m)
	})
	return out, err
}

// Cites lists every document citing the instrument numbered n (any
// spelling: "33/ct-ttg", "CT-TTg 33"), and flags dates or issuers that
// disagree, within a document or across documents.
func (ix *Index) Cites(n string) (*CitesResult, error) {
	key := NumberKey(n)
	r := &CitesResult{Number: n, Hits: []CiteHit{}, Disagreements: []string{}}
	dates, issuers := map[string]int{}, map[string]string{}
	q := bleve.NewConjunctionQuery(termQ("kind", KindFile), termQ("numbers", key))
	var decodeErr error
	err := ix.each(q, []string{"path", "doc_number", "doc_subject", "doc_json"}, func(h *search.DocumentMatch) {
		var rec extract.Record
		if err := json.Unmarshal([]byte(str(h, "doc_json")), &rec); err != nil {
			decodeErr = err
			return
		}
		for _, g := range citeGroups(rec.Citations) {
			if g.numberKey != key {
				continue
			}
			c := CiteHit{Path: str(h, "path"), DocNumber: str(h, "doc_number"), DocSubject: str(h, "doc_subject"), Sections: g.secs,
				Number: g.label(), Written: g.written, Type: g.typ, Dates: g.dates, Issuers: g.issuers, Text: g.text,
				Problems: strings.Join(g.probs, "; "), Count: g.count}
			r.Hits = append(r.Hits, c)
			r.Number = c.Number
			for _, d := range c.Dates {
				dates[d]++
			}
			for _, is := range c.Issuers {
				issuers[vntext.Fold(is)] = is
			}
		}
	})
	if err == nil {
		err = decodeErr
	}
	if err != nil {
		return nil, err
	}
	// By path, sorted here: "path" has no doc values for Bleve to sort on.
	sort.SliceStable(r.Hits, func(i, j int) bool { return r.Hits[i].Path < r.Hits[j].Path })
	if len(dates) > 1 {
		var ds []string
		for d, n := range dates {
			ds = append(ds, fmt.Sprintf("%s (%d văn bản)", d, n))
		}
		sort.Strings(ds)
		r.Disagreements = append(r.Disagreements, "Ngày ban hành khác nhau: "+strings.Join(ds, ", "))
	}
	if len(issuers) > 1 && !nested(issuers) {
		var is []string
		for _, v := range issuers {
			is = append(is, v)
		}
		sort.Strings(is)
		r.Disagreements = append(r.Disagreements, "Cơ quan ban hành khác nhau: "+strings.Join(is, "; "))
	}
	return r, nil
}

// nested reports whether every issuer name contains or is contained in
// every other ("Chính phủ" and "Thủ tướng Chính phủ" disagree, but
// "Bộ trưởng Bộ Tài chính" and "Bộ Tài chính" do not).
func nested(m map[string]string) bool {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := range ks {
			if i != j && !strings.Contains(ks[i], ks[j]) && !strings.Contains(ks[j], ks[i]) {
				return false
			}
		}
	}
	return true
}

// Ref is an instrument a document cites, resolved to an ingested document
// when the index holds it.
type Ref struct {
	Type       string `json:"type"`
	Number     string `json:"number"`
	Title      string `json:"title,omitempty"`
	Date       string `json:"date,omitempty"`
	Issuer     string `json:"issuer,omitempty"`
	Count      int    `json:"count"`
	InCorpus   bool   `json:"in_corpus"`
	ResolvedTo string `json:"resolved_to,omitempty"` // path of the ingested document
}

// Record returns the stored record of an ingested file (its source, meta,
// citations and problems: see addRecord), found by path (or the end of
// it) or by its number. Only the matching file's record is read.
func (ix *Index) Record(doc string) (*extract.Record, string, error) {
	file := termQ("kind", KindFile)
	load := func(q query.Query) (*extract.Record, string, error) {
		rows, err := ix.all(bleve.NewConjunctionQuery(file, q), []string{"path", "doc_json"})
		if err != nil || len(rows) == 0 {
			return nil, "", err
		}
		var r extract.Record
		if err := json.Unmarshal([]byte(rows[0]["doc_json"]), &r); err != nil {
			return nil, "", err
		}
		return &r, rows[0]["path"], nil
	}
	if r, p, err := load(termQ("path", doc)); r != nil || err != nil {
		return r, p, err
	}
	if key := NumberKey(doc); key != "" {
		if r, p, err := load(termQ("doc_number_key", key)); r != nil || err != nil {
			return r, p, err
		}
	}
	// The end of a path: scan the paths alone, then load the one record.
	rows, err := ix.all(file, []string{"path"})
	if err != nil {
		return nil, "", err
	}
	for _, m := range rows {
		if strings.HasSuffix(m["path"], "/"+strings.TrimPrefix(doc, "./")) {
			return load(termQ("path", m["path"]))
		}
	}
	return nil, "", fmt.Errorf("%q: không có trong chỉ mục", doc)
}

// Refs lists what a document cites, each instrument once.
func (ix *Index) Refs(doc string) ([]Ref, string, error) {
	r, path, err := ix.Record(doc)
	if err != nil {
		return nil, "", err
	}
	byNum := map[string]string{} // number key → path
	files, err := ix.all(termQ("kind", KindFile), []string{"path", "doc_number"})
	if err != nil {
		return nil, "", err
	}
	for _, f := range files {
		if f["doc_number"] != "" {
			byNum[NumberKey(f["doc_number"])] = f["path"]
		}
	}
	var out []Ref
	for _, g := range citeGroups(r.Citations) {
		ref := Ref{Type: g.typ, Number: g.number, Title: g.title, Date: g.date, Issuer: g.issuer, Count: g.count}
		if p, ok := byNum[g.numberKey]; ok && g.numberKey != "" {
			ref.InCorpus, ref.ResolvedTo = true, p
		}
		out = append(out, ref)
	}
	return out, path, nil
}

// Edge is a citation from a document to an instrument.
type Edge struct {
	From   string `json:"from"`   // citing document: its number, else its path
	To     string `json:"to"`     // cited instrument's number (or title)
	Type   string `json:"type"`   // of the cited instrument
	Count  int    `json:"count"`  // mentions
	Target string `json:"target"` // path when the cited instrument is ingested
}

// Graph returns the citation graph of the whole index.
func (ix *Index) Graph() ([]Edge, error) {
	files, err := ix.all(termQ("kind", KindFile), []string{"path", "doc_number"})
	if err != nil {
		return nil, err
	}
	name, byNum := map[string]string{}, map[string]string{}
	for _, f := range files {
		name[f["path"]] = f["path"]
		if f["doc_number"] != "" {
			name[f["path"]] = f["doc_number"]
			byNum[NumberKey(f["doc_number"])] = f["path"]
		}
	}
	recs, err := ix.Records()
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(recs))
	for p := range recs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var out []Edge
	for _, p := range paths {
		for _, g := range citeGroups(recs[p].Citations) {
			e := Edge{From: name[p], To: g.label(), Type: g.typ, Count: g.count}
			if g.numberKey != "" {
				e.Target = byNum[g.numberKey]
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// citeGroup is one instrument as a document cites it: every section,
// spelling, date, issuer and problem of its mentions, and the first
// mention's text, date and issuer.
type citeGroup struct {
	number, numberKey, typ, title, text  string
	date, issuer                         string // of the first mention, as written
	dates, issuers, written, secs, probs []string
	count                                int
}

// citeGroups groups a document's citations by instrument: by normalized
// number, or by name for a law cited by name (whatever its case and tone
// placement; shown as running text writes it, not a heading's capitals).
func citeGroups(cs []extract.Citation) []*citeGroup {
	var out []*citeGroup
	byKey := map[string]*citeGroup{}
	for _, ct := range cs {
		id := ct.NumberNormalized
		if id == "" {
			id = "name:" + vntext.Key(ct.Title)
		}
		g, ok := byKey[id]
		if !ok {
			g = &citeGroup{number: ct.NumberNormalized, typ: ct.Type, title: ct.Title, text: ct.Text, date: ct.Date, issuer: ct.Issuer}
			if ct.NumberNormalized != "" {
				g.numberKey = NumberKey(ct.NumberNormalized)
			}
			byKey[id] = g
			out = append(out, g)
		} else if vntext.IsUpperText(g.title) && !vntext.IsUpperText(ct.Title) {
			g.title = ct.Title // "Luật Việc làm" rather than "LUẬT VIỆC LÀM"
		}
		g.count++
		g.dates = appendNew(g.dates, ct.Date)
		g.issuers = appendNew(g.issuers, ct.Issuer)
		g.written = appendNew(g.written, ct.Number)
		g.secs = appendNew(g.secs, ct.Section)
		for _, p := range ct.Problems {
			g.probs = appendNew(g.probs, p.Message)
		}
	}
	return out
}

// label is how a group is named: its number, or a law's name.
func (g *citeGroup) label() string {
	if g.number != "" {
		return g.number
	}
	return g.title
}

// DeadlineRow is one deadline of an ingested document.
type DeadlineRow struct {
	Path      string `json:"path"`
	DocNumber string `json:"doc_number"`
	Date      string `json:"date"`
	Period    string `json:"period"`
	Start     string `json:"start"`
	End       string `json:"end"`
	Recurring string `json:"recurring"`
	RecurOn   string `json:"recur_on,omitempty"` // "--12-25" each year, "---05" each month
	Relative  string `json:"relative,omitempty"` // "10 ngày làm việc kể từ ngày nhận được văn bản"
	Text      string `json:"text"`
	Action    string `json:"action"`
	Unit      string `json:"unit"`
	Section   string `json:"section"`
}

// meets reports whether a deadline falls in [from, to] (either may be
// empty): its date when it has one, else its period's overlap.
func (r DeadlineRow) meets(from, to string) bool {
	if r.Date != "" {
		return (from == "" || r.Date >= from) && (to == "" || r.Date <= to)
	}
	if r.Start == "" || r.End == "" {
		return false
	}
	return (to == "" || r.Start <= to) && (from == "" || r.End >= from)
}

// containsWords reports whether every word of want is among words.
func containsWords(words, want []string) bool {
	for _, w := range want {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// DeadlineOptions filter deadlines.
type DeadlineOptions struct {
	Unit     string
	From, To string // ISO; a deadline matches when its date, or its period, meets the range
	Doc      string // path suffix or number
}

// Deadlines lists deadlines across the index, sorted by date. They are
// stored with their files and filtered here: by unit (every word of o.Unit,
// folded), by range (a date within it, or a period that meets it; a
// deadline with neither is left out when a range is asked), by document.
func (ix *Index) Deadlines(o DeadlineOptions) ([]DeadlineRow, error) {
	q := bleve.NewConjunctionQuery(termQ("kind", KindFile), termQ("has_deadlines", "1"))
	unitWords := strings.Fields(vntext.Fold(o.Unit))
	var out []DeadlineRow
	var decodeErr error
	err := ix.each(q, []string{"path", "doc_number", "deadlines_json"}, func(h *search.DocumentMatch) {
		path, num := str(h, "path"), str(h, "doc_number")
		if o.Doc != "" && !strings.HasSuffix(path, o.Doc) && NumberKey(num) != NumberKey(o.Doc) {
			return
		}
		var dls []extract.Deadline
		if err := json.Unmarshal([]byte(str(h, "deadlines_json")), &dls); err != nil {
			decodeErr = err
			return
		}
		for _, dl := range dls {
			row := DeadlineRow{Path: path, DocNumber: num, Date: dl.Date, Recurring: dl.Recurring, RecurOn: dl.RecurOn, Relative: dl.Relative,
				Text: dl.Text, Action: dl.Action, Unit: dl.Unit, Section: dl.Section}
			if dl.Period != nil {
				row.Period, row.Start, row.End = dl.Period.Label, dl.Period.Start, dl.Period.End
			}
			if len(unitWords) > 0 && !containsWords(strings.Fields(vntext.Fold(dl.Unit)), unitWords) {
				continue
			}
			if (o.From != "" || o.To != "") && !row.meets(o.From, o.To) {
				continue
			}
			out = append(out, row)
		}
	})
	if err == nil {
		err = decodeErr
	}
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Date, out[j].Date
		if a == "" {
			a = out[i].End
		}
		if b == "" {
			b = out[j].End
		}
		if a == "" {
			a = "9999"
		}
		if b == "" {
			b = "9999"
		}
		if a != b {
			return a < b
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

// Records returns the extraction record of every ingested file, by path.
func (ix *Index) Records() (map[string]*extract.Record, error) {
	out := map[string]*extract.Record{}
	err := ix.each(termQ("kind", KindFile), []string{"path", "doc_json"}, func(h *search.DocumentMatch) {
		var r extract.Record
		if json.Unmarshal([]byte(str(h, "doc_json")), &r) == nil {
			out[str(h, "path")] = &r
		}
	})
	return out, err
}
