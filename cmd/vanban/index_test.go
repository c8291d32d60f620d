package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/index"
)

func TestIngestSearchCitesDeadlinesCLI(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	code, out, stderr := run(t, "--index", idx, "ingest", "../../samples")
	if code != 0 || !strings.Contains(out, "mới/cập nhật: 3") {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, _ = run(t, "--index", idx, "ingest", "--json", "../../samples")
	var sum struct{ Indexed, Skipped int }
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || sum.Indexed != 0 || sum.Skipped != 3 {
		t.Errorf("second ingest: exit %d %s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "search", "dan", "van")
	if code != 0 || !strings.Contains(out, "«dân» «vận»") {
		t.Errorf("search: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "search", "qwxyz")
	if code != exitNoMatch || !strings.Contains(out, "Không tìm thấy") {
		t.Errorf("no match: exit %d %s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "cites", "59/2023/nd-cp")
	if code != 0 || strings.Count(out, "ke-hoach-dan-van-phu-lien-2025") != 3 {
		t.Errorf("cites: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "deadlines", "--from", "2025-09-01", "--to", "2025-09-30", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\ufeffNgày,") || !strings.Contains(out, "2025-09-03") || strings.Contains(out, "2025-12-02") {
		t.Errorf("deadlines csv: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "deadlines", "--format", "ics")
	if code != 0 || !strings.Contains(out, "DTSTART;VALUE=DATE:20250903") || !strings.Contains(out, "BEGIN:VCALENDAR") {
		t.Errorf("ics: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "refs", "../../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if code != 0 || !strings.Contains(out, "33/CT-TTg") || !strings.Contains(out, "ngoài kho") {
		t.Errorf("refs: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--index", idx, "graph", "--format", "dot")
	if code != 0 || !strings.Contains(out, "digraph") || !strings.Contains(out, "59/2023/NĐ-CP") {
		t.Errorf("graph: exit %d\n%s", code, out)
	}
}

func TestIngestReportsBadFilesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hong.docx"), []byte("PK\x03\x04broken"), 0o644)
	data, _ := os.ReadFile(plan + ".txt")
	os.WriteFile(filepath.Join(dir, "tot.txt"), data, 0o644)
	code, out, stderr := run(t, "--index", filepath.Join(dir, "idx"), "ingest", dir)
	if code != exitFailed || !strings.Contains(stderr, "hong.docx") || !strings.Contains(out, "mới/cập nhật: 1") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
}

func TestDemo(t *testing.T) {
	code, out, stderr := run(t, "demo")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Trích xuất", "«dân» «vận»", "2025-09-03 Báo cáo lần 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

// A batch over the broken corpus, a sparse 200 MB file and the three good
// samples indexes the good ones, names each bad one with its reason, and
// exits 1.
func TestIngestBrokenCorpusWithSamples(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(dst, data, 0o644)
	}
	broken, _ := filepath.Glob("../../testdata/broken/*")
	for _, f := range broken {
		if !strings.HasSuffix(f, ".md") {
			copyFile(f, filepath.Join(dir, filepath.Base(f)))
		}
	}
	for _, ext := range []string{".txt", ".docx", ".pdf"} {
		copyFile(plan+ext, filepath.Join(dir, "good"+ext))
	}
	huge, _ := os.Create(filepath.Join(dir, "huge.pdf"))
	huge.Truncate(200 << 20)
	huge.Close()
	code, out, stderr := run(t, "--index", filepath.Join(dir, "idx"), "--timeout", "10s", "ingest", "--json", dir)
	var sum struct {
		Indexed int `json:"indexed"`
		Failed  []struct{ Path, Error string }
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr)
	}
	if code != exitFailed || sum.Indexed != 3 || len(sum.Failed) != len(broken) { // broken has a README instead of huge.pdf
		t.Errorf("exit %d, indexed %d, failed %d\n%s\n%s", code, sum.Indexed, len(sum.Failed), out, stderr)
	}
}

// Yearly and monthly deadlines with their day repeat in calendars; a
// weekly one without a day is left out.
func TestICSRecurrences(t *testing.T) {
	rows := []index.DeadlineRow{
		{Recurring: "yearly", RecurOn: "--12-25", Action: "Báo cáo năm"},
		{Recurring: "monthly", RecurOn: "---05", Action: "Báo cáo tháng"},
		{Recurring: "weekly", Action: "Giao ban"},
	}
	var b strings.Builder
	if err := writeICS(&b, rows, time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"DTSTART;VALUE=DATE:20261225\r\nSUMMARY:Hạn: Báo cáo năm", "RRULE:FREQ=YEARLY", "DTSTART;VALUE=DATE:20260305", "RRULE:FREQ=MONTHLY"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Count(out, "BEGIN:VEVENT") != 2 {
		t.Errorf("want 2 events:\n%s", out)
	}
}

// whenText speaks Vietnamese for every kind of deadline.
func TestWhenText(t *testing.T) {
	for _, c := range []struct{ date, period, recurring, recurOn, relative, want string }{
		{"2025-09-03", "", "", "", "", "2025-09-03"},
		{"", "2026-Q2", "", "", "", "2026-Q2"},
		{"", "", "yearly", "--12-25", "", "hằng năm 25/12"},
		{"", "", "monthly", "---05", "", "hằng tháng ngày 05"},
		{"", "", "semiannual", "", "", "6 tháng/lần"},
		{"", "", "continuous", "", "", "thường xuyên"},
		{"", "", "", "", "10 ngày làm việc kể từ ngày nhận được văn bản", "tương đối"},
	} {
		if got := whenText(c.date, c.period, c.recurring, c.recurOn, c.relative); got != c.want {
			t.Errorf("whenText(%q, %q, %q, %q, %q) = %q, want %q", c.date, c.period, c.recurring, c.recurOn, c.relative, got, c.want)
		}
	}
}
