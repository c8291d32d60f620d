package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in samples/")

// goldenRecord is the record without what depends on the file's bytes
// (hash, size) so that goldens show behaviour.
func goldenJSON(r *Record) []byte {
	c := *r
	c.Source.SHA256 = ""
	c.Source.Bytes = 0
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

func sampleFiles(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"*.txt", "*.docx", "*.pdf", "*.md"} {
		m, _ := filepath.Glob(filepath.Join("..", "samples", pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	return files
}

// TestGolden extracts every sample and compares with
// samples/<file>.golden.json; go test ./extract -update rewrites them.
func TestGolden(t *testing.T) {
	for _, f := range sampleFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := LoadFile(f, DefaultOptions)
			if err != nil {
				t.Fatal(err)
			}
			src.Path = filepath.Base(f)
			got := goldenJSON(extractor().Extract(src))
			golden := f + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update)", err)
			}
			if !bytes.Equal(got, want) {
				os.WriteFile(f+".got.json", got, 0o644)
				t.Errorf("%s differs from %s (wrote %s.got.json):\n%s", f, golden, f, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff shows the first differing lines.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("%d\n- %s\n+ %s", i+1, x, y))
			if len(out) >= 8 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// TestSampleFormatsAgree: the text, DOCX and PDF of the reference plan give
// the same citations, units and deadlines.
func TestSampleFormatsAgree(t *testing.T) {
	base := filepath.Join("..", "samples", "ke-hoach-dan-van-phu-lien-2025")
	summary := func(ext string) string {
		src, err := LoadFile(base+ext, DefaultOptions)
		if err != nil {
			t.Fatal(err)
		}
		r := extractor().Extract(src)
		var sb strings.Builder
		for _, c := range r.Citations {
			fmt.Fprintf(&sb, "C %s|%s|%s|%s|%s\n", c.Type, c.NumberNormalized, c.Date, c.Issuer, c.Title)
		}
		for _, u := range r.Units {
			fmt.Fprintf(&sb, "U %s|%s\n", u.Name, strings.Join(u.Roles, ","))
		}
		for _, d := range r.Deadlines {
			fmt.Fprintf(&sb, "D %s|%v|%s|%s|%s\n", d.Date, d.Period, d.Recurring, d.Action, d.Unit)
		}
		fmt.Fprintf(&sb, "S %s|%s|%s\n", r.Meta.Type, r.Meta.Subject, strings.Join(r.Meta.Recipients, ";"))
		return sb.String()
	}
	txt := summary(".txt")
	for _, ext := range []string{".docx", ".pdf"} {
		if got := summary(ext); got != txt {
			t.Errorf("%s disagrees with .txt:\n%s", ext, lineDiff(txt, got))
		}
	}
}

// TestReferencePlan checks what the issue asks of the reference plan.
func TestReferencePlan(t *testing.T) {
	src, err := LoadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt", DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	r := extractor().Extract(src)
	type inst struct{ date, issuer string }
	got := map[string]inst{}
	for _, c := range r.Citations {
		k := c.NumberNormalized
		if k == "" {
			k = c.Title
		}
		if _, ok := got[k]; !ok {
			got[k] = inst{c.Date, c.Issuer}
		}
	}
	want := map[string]inst{
		"3177/QĐ-UBND":     {"2025-08-06", "Ủy ban nhân dân thành phố Hải Phòng"},
		"33/CT-TTg":        {"2021-11-26", "Thủ tướng chính phủ"},
		"16/CT-TTg":        {"2016-05-16", "Thủ tướng Chính phủ"},
		"114-KL/TW":        {"2015-07-14", "Ban Bí thư Trung ương Đảng"},
		"1669/NQ-UBTVQH15": {"2025-06-16", "Ủy ban Thường vụ Quốc hội"},
		"23-QĐ/TW":         {"2021-07-30", "Bộ Chính trị"},
		"59/2023/NĐ-CP":    {"2023-08-14", "Chính phủ"},
		"61/2023/NĐ-CP":    {"2023-08-16", "Chính phủ"},
		"446-QĐ/TU":        {"2021-11-26", "Ban Thường vụ Thành ủy"},
		"Luật Thực hiện dân chủ ở cơ sở": {"2022-11-10", "Quốc hội"},
		"Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật Thanh niên và Luật Thực hiện dân chủ ở cơ sở": {"2025-06-27", "Quốc hội"},
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			t.Errorf("instrument %q = %+v (found %v), want %+v", k, g, ok, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d instruments, want %d: %v", len(got), len(want), got)
	}
	dates := map[string]Deadline{}
	for _, d := range r.Deadlines {
		if d.Date != "" {
			dates[d.Date] = d
		}
	}
	for _, w := range []struct{ date, action string }{{"2025-09-03", "Báo cáo lần 1"}, {"2025-12-02", "Báo cáo lần 2"}} {
		d, ok := dates[w.date]
		if !ok || d.Action != w.action || d.Unit != "Các phòng, đơn vị sự nghiệp thuộc phường" {
			t.Errorf("deadline %s = %+v", w.date, d)
		}
	}
	if r.Meta.Signer.Name != "Phạm Văn Diện" || r.Meta.Type != "Kế hoạch" || len(r.Meta.Recipients) != 6 || r.Meta.Issuer != "Ủy ban nhân dân phường Phù Liễn" {
		t.Errorf("meta = %+v", r.Meta)
	}
}
