package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	x := extractor()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		src, err := LoadBytes(path, data, DefaultOptions)
		if err != nil {
			b.Fatal(err)
		}
		x.Extract(src)
	}
}

// BenchmarkExtractText: the reference plan from its text.
func BenchmarkExtractText(b *testing.B) {
	benchFile(b, "../samples/ke-hoach-dan-van-phu-lien-2025.txt")
}

// BenchmarkExtractPDF: the reference plan from its PDF (loading included).
func BenchmarkExtractPDF(b *testing.B) { benchFile(b, "../samples/ke-hoach-dan-van-phu-lien-2025.pdf") }

// BenchmarkExtractDOCX: the reference plan from its DOCX.
func BenchmarkExtractDOCX(b *testing.B) {
	benchFile(b, "../samples/ke-hoach-dan-van-phu-lien-2025.docx")
}

// BenchmarkExtractScaling extracts the plan repeated 1, 4 and 16 times: the
// time per byte must stay flat (no stage worse than linear).
func BenchmarkExtractScaling(b *testing.B) {
	data, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		b.Skip(err)
	}
	for _, n := range []int{1, 4, 16} {
		text := strings.Repeat(string(data)+"\n", n)
		b.Run("x"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				extractor().Extract(&Source{Path: "x.txt", Format: "txt", Text: text})
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// BenchmarkExtractLargePlan: the 62 KB provincial plan of the shared corpus
// (many sections and an assignment table).
func BenchmarkExtractLargePlan(b *testing.B) {
	benchFile(b, "../../shared/corpus/dev/docs/23-kh-ubnd-lam-dong-cchc-2026-2030.txt")
}

// BenchmarkExtractCorpus: every text document of the samples and the
// shared corpus (seed and dev) once, the mix the index benchmark's
// generated archive is made of.
func BenchmarkExtractCorpus(b *testing.B) {
	var paths []string
	for _, pat := range []string{"../samples/*.txt", "../../shared/corpus/seed/docs/*.txt", "../../shared/corpus/dev/docs/*.txt"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	var datas [][]byte
	var total int64
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, d)
		total += int64(len(d))
	}
	if len(datas) < 2 {
		b.Skip("no corpus")
	}
	x := extractor()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range paths {
			src, err := LoadBytes(p, datas[i], DefaultOptions)
			if err != nil {
				b.Fatal(err)
			}
			x.Extract(src)
		}
	}
}
