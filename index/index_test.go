package index

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/extract"
	"github.com/vanban/vanban/rules"
	"golang.org/x/text/unicode/norm"
)

var (
	exOnce sync.Once
	ex     *extract.Extractor
)

func extractor() *extract.Extractor {
	exOnce.Do(func() { ex = extract.New(rules.Builtin()) })
	return ex
}

const corpus = "../../shared/corpus"

// testIndex ingests samples/ and, when present, the shared corpus.
func testIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	paths := []string{"../samples"}
	if _, err := os.Stat(corpus); err == nil {
		paths = append(paths, corpus)
	}
	sum, err := ix.Ingest(paths, extractor(), IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed == 0 {
		t.Fatalf("nothing indexed: %+v", sum)
	}
	return ix
}

func docPaths(r *SearchResult) []string {
	var ps []string
	for _, d := range r.Docs {
		ps = append(ps, filepath.Base(d.Path))
	}
	return ps
}

func has(ps []string, name string) bool {
	for _, p := range ps {
		if strings.HasPrefix(p, name) {
			return true
		}
	}
	return false
}

const plan = "ke-hoach-dan-van-phu-lien-2025"

func TestEndToEnd(t *testing.T) {
	ix := testIndex(t)
	for _, q := range []string{"dan van", "dân vận"} {
		r, err := ix.Search(SearchOptions{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if !has(docPaths(r), plan) {
			t.Errorf("%q does not find the plan: %v", q, docPaths(r))
		}
	}
	// Facet counts cover every hit, not only the ones shown.
	f, _ := ix.Search(SearchOptions{Query: "dân vận", Type: "ke hoach", Docs: 1})
	if len(f.Facets["doc_type"]) != 1 || f.Facets["doc_type"][0] != (Facet{"Kế hoạch", int(f.Total)}) || f.Total < 2 {
		t.Errorf("doc_type facet of %d Kế hoạch hits: %+v", f.Total, f.Facets["doc_type"])
	}
	years := 0
	for _, y := range f.Facets["year"] {
		years += y.Count
	}
	if years == 0 || years > int(f.Total) {
		t.Errorf("year facet of %d hits: %+v", f.Total, f.Facets["year"])
	}
	a, _ := ix.Search(SearchOptions{Query: "Uỷ ban", Docs: 100})
	b, _ := ix.Search(SearchOptions{Query: "Ủy ban", Docs: 100})
	if strings.Join(docPaths(a), ",") != strings.Join(docPaths(b), ",") || len(a.Docs) == 0 {
		t.Errorf("Uỷ ban %v ≠ Ủy ban %v", docPaths(a), docPaths(b))
	}
	r, _ := ix.Search(SearchOptions{Query: "33/ct-ttg", Docs: 100})
	if !has(docPaths(r), plan) {
		t.Errorf("33/ct-ttg: %v", docPaths(r))
	}
	c, err := ix.Cites("59/2023/NĐ-CP")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range c.Hits {
		found = found || strings.Contains(h.Path, plan)
	}
	if !found {
		t.Errorf("cites 59/2023/NĐ-CP: %+v", c.Hits)
	}
	if len(c.Hits) < 2 || !sort.SliceIsSorted(c.Hits, func(i, j int) bool { return c.Hits[i].Path < c.Hits[j].Path }) {
		t.Errorf("cites 59/2023/NĐ-CP: want several hits sorted by path: %+v", c.Hits)
	}
	dls, err := ix.Deadlines(DeadlineOptions{From: "2025-09-01", To: "2025-09-30"})
	if err != nil {
		t.Fatal(err)
	}
	found = false
	for _, d := range dls {
		found = found || d.Date == "2025-09-03" && strings.Contains(d.Path, plan)
		if d.Date != "" && (d.Date < "2025-09-01" || d.Date > "2025-09-30") {
			t.Errorf("deadline out of range: %+v", d)
		}
	}
	if !found {
		t.Errorf("no 2025-09-03 deadline: %+v", dls)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile("../samples/" + plan + ".txt")
	os.WriteFile(filepath.Join(dir, "a.txt"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), data, 0o644)
	ix, err := Open(filepath.Join(dir, "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s1, _ := ix.Ingest([]string{dir}, extractor(), IngestOptions{})
	s2, _ := ix.Ingest([]string{dir}, extractor(), IngestOptions{})
	if s1.Indexed != 2 || s2.Indexed != 0 || s2.Skipped != 2 || s2.Changed() {
		t.Errorf("first %+v, second %+v", s1, s2)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), append(data, []byte("\nBổ sung: Báo cáo trước ngày 15/10/2025.\n")...), 0o644)
	os.Remove(filepath.Join(dir, "b.txt"))
	s3, _ := ix.Ingest([]string{dir}, extractor(), IngestOptions{Prune: true, Compact: true})
	if s3.Replaced != 1 || s3.Pruned != 1 {
		t.Errorf("third %+v", s3)
	}
	r, _ := ix.Search(SearchOptions{Query: "dân vận", Docs: 10})
	if len(r.Docs) != 1 {
		t.Errorf("after prune: %v", docPaths(r))
	}
	c, _ := ix.Cites("3177/QĐ-UBND")
	if len(c.Hits) != 1 {
		t.Errorf("old records left behind: %d citations", len(c.Hits))
	}
}

func TestSecondProcessGetsClearError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Open(p); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second open: %v", err)
	}
}

// Queries share the index: two read-only opens at once, an ingest refused
// while they hold it, and the other way round.
func TestReadersShareWritersExclude(t *testing.T) {
	p := filepath.Join(t.TempDir(), "idx")
	r1, err := OpenReadOnly(p) // creates the empty index
	if err != nil {
		t.Fatal(err)
	}
	r2, err := OpenReadOnly(p)
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	if _, err := r2.Search(SearchOptions{Query: "dân vận"}); err != nil {
		t.Errorf("search on a read-only index: %v", err)
	}
	if _, err := Open(p); !errors.Is(err, ErrLocked) {
		t.Errorf("writer while readers hold the index: %v", err)
	}
	r1.Close()
	r2.Close()
	w, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := OpenReadOnly(p); !errors.Is(err, ErrLocked) {
		t.Errorf("reader while a writer holds the index: %v", err)
	}
}

// An index built by another version of vanban is refused by Open with a
// clear error, and emptied by OpenReset for the next ingest.
func TestOldSchema(t *testing.T) {
	p := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	ix.b.SetInternal([]byte(schemaKey), []byte("1"))
	ix.Close()
	if _, err := Open(p); !errors.Is(err, ErrOldSchema) {
		t.Fatalf("Open: got %v, want ErrOldSchema", err)
	}
	ix, err = OpenReset(p)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if v, _ := ix.b.GetInternal([]byte(schemaKey)); string(v) != schemaVersion {
		t.Errorf("schema after reset: %q", v)
	}
}

// Passages: the section holding the most distinct query words comes first,
// and its snippet is cut where they are, even far into a long section.
func TestBestPassages(t *testing.T) {
	filler := strings.Repeat("Các phòng chuyên môn thực hiện nhiệm vụ được giao. ", 80)
	text := "KẾ HOẠCH\n" + filler + "\nI. MỤC ĐÍCH\n" + filler + "giảm nghèo bền vững. " + filler +
		"\nII. NHIỆM VỤ\n" + filler + "Công tác Dân vận chính quyền và giảm nghèo đa chiều. " + filler
	secs := []section{{0, "preamble", ""}}
	for _, h := range []string{"I. MỤC ĐÍCH", "II. NHIỆM VỤ"} {
		secs = append(secs, section{strings.Index(text, h), h[:strings.Index(h, ".")], h})
	}
	ps := bestPassages(text, encodeSections(secs), newPassageQuery("dan van giam ngheo"), 3)
	if len(ps) != 2 || ps[0].Section != "II" || ps[1].Section != "I" {
		t.Fatalf("passages %+v", ps)
	}
	for _, want := range []string{"«Dân» «vận» chính quyền và «giảm» «nghèo»", "«giảm» «nghèo» bền vững"} {
		if !strings.Contains(ps[0].Snippet+ps[1].Snippet, want) {
			t.Errorf("no %q in snippets %q / %q", want, ps[0].Snippet, ps[1].Snippet)
		}
	}
	if !strings.HasPrefix(ps[0].Snippet, "…") || !strings.HasSuffix(ps[0].Snippet, "…") {
		t.Errorf("snippet cut from the middle of a section has no ellipses: %q", ps[0].Snippet)
	}
}

// wordSpans looks only at words starting with a possible first byte: it
// finds what cutting the whole text into words finds.
func TestWordSpansAgreeWithScan(t *testing.T) {
	texts := baseDocs(t)
	texts = append(texts, "Ủy ban ỦY BAN uỷ Đảng ĐẢNG đảng Ðảng "+norm.NFD.String("Ủy Đảng ấp Ấp")+" ơn Ơn ưu Ưu 33/CT-TTg x33 ăn Ăn",
		"Ⱥ ⱥ Ⱥb Ωmega ωmega", // capitals whose lowercase is longer (Ⱥ: 2 bytes, ⱥ: 3) or starts with another byte
		// a word longer than the query word, by a letter, a combining
		// mark or a Greek letter; the Kelvin sign; a word inside a word
		"cách cáchs cach\u0301 cachα \u212Aach Cách-Chính thành-chinh chinhchinh hànhchính 3ct")
	queries := [][]string{{"dan", "van"}, {"uy", "ban"}, {"dang"}, {"33", "ct", "ttg"}, {"ap", "on", "uu", "an"}, {"giam", "ngheo"},
		{"y", "e", "o"}, {"Ⱥ", "Ωmega"}, {"cai", "cach", "hanh", "chinh"}, {"kach"}}
	for _, text := range texts {
		for _, ws := range queries {
			checkWordSpans(t, text, strings.Join(ws, " "))
		}
	}
}

// checkWordSpans compares wordSpans with cutting every word of text.
func checkWordSpans(t *testing.T, text, query string) {
	ws := wordList(queryWords(query))
	want := matchedTokens(text, 0, len(text), ws)
	if got := wordSpans(text, ws); !reflect.DeepEqual(got, want) {
		t.Errorf("%q in %q: spans %v, want %v", ws, text, got, want)
	}
}

func FuzzWordSpans(f *testing.F) {
	f.Add("Cải cách hành chính, cách làm", "cai cach")
	f.Add("ĐẢNG Ðảng đảng", "dang")
	f.Add("cach\u0301 \u212Aach", "kach cach")
	f.Fuzz(func(t *testing.T, text, query string) {
		if !utf8.ValidString(text) || !utf8.ValidString(query) {
			return
		}
		checkWordSpans(t, text, query)
	})
}

// TestExactFirst: the words as typed (accents, adjacency) rank above
// documents that match them only folded or scattered, even when those
// hold the folded words more often; both are found and counted.
func TestExactFirst(t *testing.T) {
	dir := t.TempDir()
	docs := map[string]string{
		"duong-acc.txt":   "KẾ HOẠCH\nLàm đường giao thông nông thôn.\n",
		"duong-plain.txt": "KẾ HOẠCH\n" + strings.Repeat("Cây dương, rừng dương, giống dương, vườn dương. ", 20) + "\n",
		"dan-van.txt":     "KẾ HOẠCH\nTăng cường công tác dân vận ở cơ sở.\n",
		"scattered.txt":   "KẾ HOẠCH\n" + strings.Repeat("Người dân, dân cư, vận động, vận tải, dân số, vận hành, công tác. ", 20) + "\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Ingest([]string{dir}, extractor(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q     string
		want  []string
		total uint64
	}{
		{"đường", []string{"duong-acc.txt", "duong-plain.txt"}, 2},
		{"dương", []string{"duong-plain.txt", "duong-acc.txt"}, 2},
		{"dan van", []string{"dan-van.txt", "scattered.txt"}, 2},
		{"dân vận", []string{"dan-van.txt", "scattered.txt"}, 2},
		{`"công tác dân vận"`, []string{"dan-van.txt"}, 1},
	} {
		r, err := ix.Search(SearchOptions{Query: c.q})
		if err != nil {
			t.Fatal(err)
		}
		if got := docPaths(r); !reflect.DeepEqual(got, c.want) || r.Total != c.total {
			t.Errorf("%s: %v (total %d), want %v (total %d)", c.q, got, r.Total, c.want, c.total)
		}
	}
}

// Passages of a number or a quoted phrase count its words only in order
// and adjacent: another directive's CT-TTg, or scattered syllables of the
// phrase, neither rank a section nor are marked.
func TestPassageRuns(t *testing.T) {
	text := "KẾ HOẠCH\nI. CĂN CỨ\nChỉ thị số 16/CT-TTg ngày 16/5/2016; công tác của dân, vận động, công tác tuyên truyền, dân vận động.\n" +
		"II. NHIỆM VỤ\nThực hiện Chỉ thị số 33/CT-TTg; tăng cường công tác dân vận.\n"
	var secs []section
	for _, h := range []string{"I. CĂN CỨ", "II. NHIỆM VỤ"} {
		secs = append(secs, section{strings.Index(text, h), h[:strings.Index(h, ".")], h})
	}
	for _, c := range []struct{ q, want, notWant string }{
		{"33/ct-ttg", "«33»/«CT»-«TTg»", "16/«CT»"},
		{"CT-TTg 33", "«33»/«CT»-«TTg»", "16/«CT»"},
		{`"công tác dân vận"`, "«công» «tác» «dân» «vận»", "«công» «tác» của"},
	} {
		ps := bestPassages(text, encodeSections(secs), newPassageQuery(c.q), 3)
		if len(ps) != 1 || ps[0].Section != "II" || !strings.Contains(ps[0].Snippet, c.want) || strings.Contains(ps[0].Snippet, c.notWant) {
			t.Errorf("%s: passages %+v", c.q, ps)
		}
	}
}
