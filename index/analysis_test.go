package index

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/vanban/vanban/extract/vntext"
	"golang.org/x/text/unicode/norm"
)

type tok struct {
	term       string
	start, end int
	pos        int
}

func analyze(t *testing.T, name, in string) []tok {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []tok
	for _, x := range a.Analyze([]byte(in)) {
		out = append(out, tok{string(x.Term), x.Start, x.End, x.Position})
	}
	return out
}

func check(t *testing.T, name, in string, want []tok) {
	t.Helper()
	got := analyze(t, name, in)
	if len(got) != len(want) {
		t.Fatalf("%s(%q) = %v, want %v", name, in, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s(%q) token %d = %+v, want %+v", name, in, i, got[i], want[i])
		}
	}
}

func TestAnalyzerExact(t *testing.T) {
	// tone placement: both spellings give one term; offsets stay on the input
	check(t, AnalyzerExact, "Uỷ ban hoà giải", []tok{{"ủy", 0, 4, 1}, {"ban", 5, 8, 2}, {"hòa", 9, 13, 3}, {"giải", 14, 20, 4}})
	check(t, AnalyzerExact, "Ủy ban", []tok{{"ủy", 0, 4, 1}, {"ban", 5, 8, 2}})
	// đ is kept: đường ≠ dương
	check(t, AnalyzerExact, "đường dương", []tok{{"đường", 0, 9, 1}, {"dương", 10, 17, 2}})
	// NFD input and mixed case
	nfd := norm.NFD.String("QUYẾT Định")
	got := analyze(t, AnalyzerExact, nfd)
	if len(got) != 2 || got[0].term != "quyết" || got[1].term != "định" || got[1].end != len(nfd) {
		t.Errorf("NFD: %v", got)
	}
	// look-alike eth
	check(t, AnalyzerExact, "Ðiều 3", []tok{{"điều", 0, 7, 1}, {"3", 8, 9, 2}})
}

func TestAnalyzerFold(t *testing.T) {
	check(t, AnalyzerFold, "Dân vận ĐƯỜNG", []tok{{"dan", 0, 4, 1}, {"van", 5, 10, 2}, {"duong", 11, 20, 3}})
	check(t, AnalyzerFold, "dan van", []tok{{"dan", 0, 3, 1}, {"van", 4, 7, 2}})
	// both tone placements fold to one term (same byte lengths here)
	check(t, AnalyzerFold, "Uỷ ban", analyze(t, AnalyzerFold, "Ủy ban"))
}

func TestAnalyzerBigrams(t *testing.T) {
	got := analyze(t, AnalyzerExactBigram, "công tác dân vận")
	var terms []string
	for _, g := range got {
		terms = append(terms, g.term)
	}
	want := []string{"công tác", "tác dân", "dân vận"}
	if len(terms) != 3 || terms[0] != want[0] || terms[2] != want[2] {
		t.Errorf("bigrams %v, want %v", terms, want)
	}
	got = analyze(t, AnalyzerFoldBigram, "Dân Vận")
	if len(got) != 1 || got[0].term != "dan van" {
		t.Errorf("folded bigram %v", got)
	}
}

func TestAnalyzerDocNumber(t *testing.T) {
	for _, in := range []string{"33/CT-TTg", "33/ct-ttg", "CT-TTg 33", "33 / CT - TTg"} {
		got := analyze(t, AnalyzerDocNumber, in)
		if len(got) != 1 || got[0].term != "33CTTTG" {
			t.Errorf("%q → %v", in, got)
		}
	}
	for in, want := range map[string]string{"59/2023/NĐ-CP": "592023NDCP", "59/2023/nd-cp": "592023NDCP", "114-KL/TW": "114KLTW", "27/NQ- TW": "27NQTW"} {
		if got := analyze(t, AnalyzerDocNumber, in); len(got) != 1 || got[0].term != want {
			t.Errorf("%q → %v, want %s", in, got, want)
		}
	}
}

// vi_text: per word the folded term, the marked accented term where it
// differs (same position and offsets), and the shingle with the next word
// (at the first word's position, spanning both); vi_exact_mark gives a
// query word the term vi_text holds for its accented form.
func TestAnalyzerText(t *testing.T) {
	check(t, AnalyzerText, "Uỷ ban UBND", []tok{
		{"=ủy", 0, 4, 1}, {"uy", 0, 4, 1},
		{"ban", 5, 8, 2}, {"uy ban", 0, 8, 1},
		{"ubnd", 9, 13, 3}, {"ban ubnd", 5, 13, 2},
	})
	check(t, AnalyzerText, "đường", []tok{{"=đường", 0, 9, 1}, {"duong", 0, 9, 1}})
	check(t, AnalyzerExactMark, "Ủy ban", []tok{{"=ủy", 0, 4, 1}, {"ban", 5, 8, 2}})
	check(t, AnalyzerExactMark, "Uỷ", []tok{{"=ủy", 0, 4, 1}})
}

// The byte-level fast path agrees with the rune tables on every rune it
// claims.
func TestVietLetterLen(t *testing.T) {
	for r := rune(0x80); r < 0x2000; r++ {
		s := string(r)
		if n, ok := vietLetterLen(s + "x"); ok {
			if n != len(s) || !vntext.IsWordRune(r) {
				t.Errorf("%U: fast path says letter of %d bytes, IsWordRune %v", r, n, vntext.IsWordRune(r))
			}
		}
	}
	for _, r := range "ÀàĂăĐđƠơƯưẠạỹỸ\u0301\u0323" {
		if _, ok := vietLetterLen(string(r)); !ok {
			t.Errorf("%q not on the fast path", r)
		}
	}
}

// The shared term cache gives every goroutine the same rewrites as the
// function itself, while terms are being added and published (run with
// -race to check the publication).
func TestTermCacheConcurrent(t *testing.T) {
	tf := termFilter{f: vntext.Fold, cache: &termCache{}}
	var words []string
	distinct := map[string]bool{}
	for _, w := range strings.Fields("Ủy ban nhân dân thành phố Hải Phòng công tác dân vận chính quyền đường dương hoà thuỷ") {
		for i := range 100 {
			words = append(words, fmt.Sprintf("%s%d", w, i))
			distinct[words[len(words)-1]] = true
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 3 * len(words) {
				w := words[(k*7+g*13)%len(words)]
				if got := string(tf.cached([]byte(w))); got != vntext.Fold(w) {
					t.Errorf("cached(%q) = %q", w, got)
					return
				}
			}
		})
	}
	wg.Wait()
	if m := tf.cache.read.Load(); m == nil || len(*m)+len(tf.cache.pending) != len(distinct) {
		t.Errorf("cache holds %d published + %d pending terms, want %d", len(*m), len(tf.cache.pending), len(distinct))
	}
}
