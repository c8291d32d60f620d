package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const plan = "../../samples/ke-hoach-dan-van-phu-lien-2025"

func TestExtractJSON(t *testing.T) {
	code, out, stderr := run(t, "extract", "--json", plan+".txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rec struct {
		Meta struct {
			Type   string `json:"type"`
			Signer struct {
				Name string `json:"name"`
			} `json:"signer"`
		} `json:"meta"`
		Citations []struct {
			NumberNormalized string `json:"number_normalized"`
		} `json:"citations"`
		Deadlines []struct {
			Date string `json:"date"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Meta.Type != "Kế hoạch" || rec.Meta.Signer.Name != "Phạm Văn Diện" || len(rec.Citations) < 11 {
		t.Errorf("record: %+v", rec)
	}
}

func TestExtractSeveralIsJSONLines(t *testing.T) {
	code, out, _ := run(t, "extract", "--json", plan+".txt", plan+".docx", plan+".pdf")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("not JSON: %.80s", l)
		}
	}
}

func TestExtractSummaryIsVietnamese(t *testing.T) {
	code, out, _ := run(t, "extract", plan+".txt")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{"Loại:", "Kế hoạch", "Văn bản được dẫn", "1669/NQ-UBTVQH15", "Thời hạn", "2025-09-03", "Đơn vị", "Phòng Văn hóa - Xã hội"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

// TestBatchGoesOn: a broken file is reported by name with the reason, the
// others are extracted, the exit code says something failed.
func TestBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hong.pdf"), []byte("%PDF-1.7\ngarbage"), 0o644)
	os.WriteFile(filepath.Join(dir, "rong.txt"), nil, 0o644)
	data, _ := os.ReadFile(plan + ".txt")
	os.WriteFile(filepath.Join(dir, "tot.txt"), data, 0o644)
	code, out, stderr := run(t, "extract", "--json", dir)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	if !strings.Contains(stderr, "hong.pdf: tệp hỏng") || !strings.Contains(stderr, "rong.txt: tệp rỗng") {
		t.Errorf("stderr: %s", stderr)
	}
	if !strings.Contains(out, "3177/QĐ-UBND") {
		t.Error("the good file was not extracted")
	}
}

func TestMissingFileAndUsage(t *testing.T) {
	if code, _, stderr := run(t, "extract", "/no/such/file.txt"); code != exitUsage || !strings.Contains(stderr, "không tìm thấy") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if code, _, _ := run(t, "extract"); code != exitUsage {
		t.Errorf("no args: exit %d", code)
	}
}

func TestUserRulesDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "issuers.yaml"), []byte("kind: issuer\nentries:\n  - {id: snv-x, name: Sở Nội vụ tỉnh X, codes: [SNVX], examples: [\"Công văn số 12/SNVX-VP\"]}\n"), 0o644)
	in := filepath.Join(dir, "a.txt")
	os.WriteFile(in, []byte("Thực hiện Công văn số 12/SNVX-VP ngày 02/01/2026."), 0o644)
	code, out, stderr := run(t, "--rules", dir, "extract", "--json", in)
	if code != 0 || !strings.Contains(out, `"issuer": "Sở Nội vụ tỉnh X"`) {
		t.Errorf("exit %d, %s\n%s", code, stderr, out)
	}
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("kind: issuer\nentries:\n  - {id: y, nam: typo}\n"), 0o644)
	code, _, stderr = run(t, "--rules", dir, "extract", in)
	if code == 0 || !strings.Contains(stderr, "bad.yaml") || !strings.Contains(stderr, "line 3") {
		t.Errorf("broken rules file: exit %d: %s", code, stderr)
	}
}

func TestRulesListAndTest(t *testing.T) {
	code, out, _ := run(t, "rules", "test")
	if code != 0 || !strings.Contains(out, "đều đúng") {
		t.Errorf("rules test: exit %d %s", code, out)
	}
	code, out, _ = run(t, "rules", "list")
	if code != 0 || !strings.Contains(out, "doctype/quyet-dinh") || !strings.Contains(out, "rules/builtin/doctypes.yaml:") {
		t.Errorf("rules list: exit %d %s", code, out)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "d.yaml"), []byte("kind: deadline\nentries:\n  - {id: sai, kind: due, phrases: [hạn cuối cùng], examples: [\"không có thời hạn nào\"]}\n"), 0o644)
	code, out, _ = run(t, "--rules", dir, "rules", "test")
	if code != exitFailed || !strings.Contains(out, "deadline/sai") {
		t.Errorf("failing user rule: exit %d %s", code, out)
	}
}

func TestCheck(t *testing.T) {
	code, out, _ := run(t, "check", plan+".txt")
	if code != exitFailed || !strings.Contains(out, ":143:37: lỗi:") || !strings.Contains(out, "1669/NQ-UBTVQH15") || !strings.Contains(out, `Lặp từ "ngày ngày"`) {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "check", "--fail-on", "never", plan+".txt"); code != 0 {
		t.Errorf("--fail-on never: exit %d", code)
	}
	code, out, _ = run(t, "check", "--format", "sarif", "--fail-on", "never", plan+".txt")
	var sarif struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 4 {
		t.Fatalf("sarif: %v %s", err, out)
	}
	for _, r := range sarif.Runs[0].Results {
		if r.RuleID == "malformed_number" && (r.Level != "error" || r.Locations[0].PhysicalLocation.Region.StartLine != 143) {
			t.Errorf("sarif result %+v", r)
		}
	}
}

func TestCheckIndexFindsCrossDocumentDates(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Theo Chỉ thị số 33/CT-TTg ngày 16/11/2021 của Thủ tướng Chính phủ.\n"), 0o644)
	idx := filepath.Join(dir, "idx")
	if code, _, stderr := run(t, "--index", idx, "ingest", dir); code != 0 {
		t.Fatal(stderr)
	}
	code, out, _ := run(t, "--index", idx, "check", "--json")
	var fs []struct {
		Path, Code, Suggestion string
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatal(err, out)
	}
	n := 0
	for _, f := range fs {
		if f.Code == "inconsistent_date" {
			n++
			if !strings.HasSuffix(f.Path, "c.txt") || f.Suggestion != "2021-11-26" {
				t.Errorf("finding %+v", f)
			}
		}
	}
	if n != 1 || code != exitFailed {
		t.Errorf("exit %d, %d inconsistent dates: %s", code, n, out)
	}
}
