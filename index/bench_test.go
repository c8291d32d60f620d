package index

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The generated corpus: real documents (samples and the shared corpus)
// varied in their numbers, dates, units and passages, so that 10,000
// documents look like a real archive: shared vocabulary, different facts.

var (
	serialRe = regexp.MustCompile(`\b(\d{1,4})([/-])([A-ZĐ])`)
	dateRe   = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(20\d\d)\b`)
	unitsGen = []string{"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Sở Giáo dục và Đào tạo",
		"Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Công an tỉnh", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
		"Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công tỉnh", "Bảo hiểm xã hội tỉnh"}
	unitRe = regexp.MustCompile(`Sở [A-ZĐ][\p{L}]*(?: [\p{L}]+){0,4}? (?:chủ trì|phối hợp|tham mưu)`)
)

func baseDocs(tb testing.TB) []string {
	var files []string
	for _, pat := range []string{"../samples/*.txt", filepath.Join(corpus, "dev", "docs", "*.txt"), filepath.Join(corpus, "seed", "docs", "*.txt")} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	var docs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err == nil {
			docs = append(docs, string(b))
		}
	}
	if len(docs) == 0 {
		tb.Skip("no base documents")
	}
	return docs
}

// generate writes n varied documents into dir.
func generate(tb testing.TB, dir string, n int) int64 {
	docs := baseDocs(tb)
	rng := rand.New(rand.NewSource(42))
	var paras [][]string
	for _, d := range docs {
		paras = append(paras, strings.Split(d, "\n"))
	}
	var total int64
	for i := 0; i < n; i++ {
		b := docs[i%len(docs)]
		t := serialRe.ReplaceAllStringFunc(b, func(m string) string {
			sm := serialRe.FindStringSubmatch(m)
			return strconv.Itoa(1+rng.Intn(4000)) + sm[2] + sm[3]
		})
		t = dateRe.ReplaceAllStringFunc(t, func(string) string {
			return fmt.Sprintf("%02d/%02d/%d", 1+rng.Intn(28), 1+rng.Intn(12), 2019+rng.Intn(8))
		})
		t = unitRe.ReplaceAllStringFunc(t, func(m string) string {
			verb := m[strings.LastIndex(m, " ")+1:]
			if strings.HasSuffix(m, "chủ trì") {
				verb = "chủ trì"
			} else if strings.HasSuffix(m, "phối hợp") {
				verb = "phối hợp"
			} else {
				verb = "tham mưu"
			}
			return unitsGen[rng.Intn(len(unitsGen))] + " " + verb
		})
		// a passage from another document
		o := paras[rng.Intn(len(paras))]
		t += "\n" + o[rng.Intn(len(o))] + "\n"
		total += int64(len(t))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%05d.txt", i)), []byte(t), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return total
}

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

func dirSize(p string) int64 {
	var n int64
	filepath.Walk(p, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func percentile(ds []time.Duration, p float64) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[int(float64(len(ds)-1)*p)]
}

// benchQueries are the measured queries, by kind.
var benchQueries = map[string][]string{
	"term":   {"nghèo", "rừng", "bầu", "thủ tục", "ngân sách"},
	"phrase": {`"công tác dân vận"`, `"cải cách hành chính"`, `"đất lâm nghiệp"`, `"bầu cử đại biểu"`},
	"number": {"33/ct-ttg", "59/2023/ND-CP", "114-KL/TW", "46-CT/TW"},
	"folded": {"dan van", "cai cach hanh chinh", "giam ngheo", "bau cu"},
}

// BenchmarkIngestAndQuery ingests the generated corpus (VANBAN_BENCH_DOCS
// documents, 10,000 by default) and measures queries on it. Run with
// -benchtime 1x: one iteration is one whole ingest.
func BenchmarkIngestAndQuery(b *testing.B) {
	n := benchDocs()
	dir := b.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	bytes := generate(b, docs, n)
	for b.Loop() {
		ixPath := filepath.Join(dir, fmt.Sprintf("idx%d", time.Now().UnixNano()))
		ix, err := Open(ixPath)
		if err != nil {
			b.Fatal(err)
		}
		start, cpu0 := time.Now(), cpuTime()
		sum, err := ix.Ingest([]string{docs}, extractor(), IngestOptions{})
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		// CPU seconds vary less than wall time on a shared VM.
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "ingest-cpu-s")
		b.ReportMetric(float64(sum.Indexed)/el.Seconds(), "docs/s")
		b.ReportMetric(el.Seconds(), "ingest-s")
		b.ReportMetric(float64(bytes)/1e6, "corpus-MB")
		b.ReportMetric(float64(dirSize(ixPath))/1e6, "index-MB")
		for _, kind := range []string{"term", "phrase", "number", "folded"} {
			var ds []time.Duration
			for r := 0; r < 25; r++ {
				for _, q := range benchQueries[kind] {
					t0 := time.Now()
					if _, err := ix.Search(SearchOptions{Query: q}); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(t0))
				}
			}
			b.ReportMetric(float64(percentile(ds, 0.5).Microseconds())/1000, kind+"-p50-ms")
			b.ReportMetric(float64(percentile(ds, 0.99).Microseconds())/1000, kind+"-p99-ms")
		}
		ix.Close()
	}
}

// BenchmarkAnalysisCost indexes the same passages with vanban's vi_text
// field (folded words, marked accented words, shingles) and with Bleve's
// standard analyzer on one field, to show what the Vietnamese analysis
// costs.
func BenchmarkAnalysisCost(b *testing.B) {
	n := benchDocs() / 5
	dir := b.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	generate(b, docs, n)
	files, _ := filepath.Glob(filepath.Join(docs, "*.txt"))
	var texts []string
	for _, f := range files {
		d, _ := os.ReadFile(f)
		texts = append(texts, string(d))
	}
	run := func(b *testing.B, m mapping.IndexMapping, fields []string) {
		for b.Loop() {
			ix, err := bleve.New(filepath.Join(dir, fmt.Sprintf("i%d", time.Now().UnixNano())), m)
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			batch := ix.NewBatch()
			for i, t := range texts {
				doc := map[string]interface{}{}
				for _, f := range fields {
					doc[f] = t
				}
				batch.Index(strconv.Itoa(i), doc)
				if batch.Size() >= 100 {
					ix.Batch(batch)
					batch.Reset()
				}
			}
			ix.Batch(batch)
			b.ReportMetric(float64(len(texts))/time.Since(start).Seconds(), "docs/s")
			ix.Close()
		}
	}
	b.Run("vietnamese", func(b *testing.B) {
		run(b, newMapping(), []string{"text"})
	})
	b.Run("standard", func(b *testing.B) {
		m := bleve.NewIndexMapping()
		dm := bleve.NewDocumentStaticMapping()
		f := bleve.NewTextFieldMapping()
		f.Analyzer = standard.Name
		f.IncludeInAll = false
		f.DocValues = false
		dm.AddFieldMappingsAt("text", f)
		m.DefaultMapping = dm
		run(b, m, []string{"text"})
	})
}

// BenchmarkQuery measures the queries of each kind on an index built once
// from VANBAN_BENCH_DOCS generated documents (for profiling the query path).
func BenchmarkQuery(b *testing.B) {
	ix := benchIndex(b)
	defer ix.Close()
	for _, kind := range []string{"term", "phrase", "number", "folded"} {
		b.Run(kind, func(b *testing.B) {
			var ds []time.Duration
			for b.Loop() {
				for _, q := range benchQueries[kind] {
					t0 := time.Now()
					if _, err := ix.Search(SearchOptions{Query: q}); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(t0))
				}
			}
			b.ReportMetric(float64(percentile(ds, 0.5).Microseconds())/1000, "p50-ms")
		})
	}
}

// benchIndex returns an index of the generated corpus. With
// VANBAN_BENCH_INDEX set it is kept in that directory and reused by later
// runs (query work without an ingest each time, and without the merges
// that follow an ingest running under the queries).
func benchIndex(b *testing.B) *Index {
	keep := os.Getenv("VANBAN_BENCH_INDEX")
	if keep != "" {
		if _, err := os.Stat(filepath.Join(keep, "bleve")); err == nil {
			ix, err := Open(keep)
			if err != nil {
				b.Fatal(err)
			}
			return ix
		}
	}
	dir := b.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	generate(b, docs, benchDocs())
	p := keep
	if p == "" {
		p = filepath.Join(dir, "idx")
	}
	ix, err := Open(p)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Ingest([]string{docs}, extractor(), IngestOptions{Compact: true}); err != nil {
		b.Fatal(err)
	}
	return ix
}

// BenchmarkScanWords: the word scanner under the tokenizer and the passage
// cutter, on the reference plan.
func BenchmarkScanWords(b *testing.B) {
	data, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		scanWords(text, func(a, b int) { n++ })
	}
}

// BenchmarkWordSpans: finding a query's words in the texts of ten hits,
// the first step of cutting passages.
func BenchmarkWordSpans(b *testing.B) {
	texts := baseDocs(b)
	texts = texts[:min(10, len(texts))]
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	for _, q := range []string{"nghèo", "dan van", "33/ct-ttg"} {
		ws := wordList(queryWords(q))
		b.Run(q, func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, t := range texts {
					wordSpans(t, ws)
				}
			}
		})
	}
}
