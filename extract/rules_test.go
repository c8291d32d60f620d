package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/rules"
)

// TestBuiltinRules runs every example and counterexample of the built-in
// rules through the recognizers.
func TestBuiltinRules(t *testing.T) {
	x := New(rules.Builtin())
	for _, f := range x.TestRules() {
		t.Error(f)
	}
}

// TestUserRulesChangeExtraction: a user's rules directory adds an issuer
// code and a deadline phrase; extraction uses them without a rebuild.
func TestUserRulesChangeExtraction(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("kind: deadline\nentries:\n  - {id: han-nop, kind: due, phrases: [hạn nộp hồ sơ], examples: [\"Hạn nộp hồ sơ 10/10/2026.\"]}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte("kind: issuer\nentries:\n  - {id: snvx, name: Sở Nội vụ tỉnh X, codes: [SNVX], examples: [\"Công văn số 12/SNVX-VP\"]}\n"), 0o644)
	rs, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := New(rs)
	r := x.Extract(&Source{Path: "a.txt", Text: "- Hạn nộp hồ sơ 10/10/2026.\n- Thực hiện Công văn số 12/SNVX-VP."})
	if len(r.Deadlines) != 1 || r.Deadlines[0].Date != "2026-10-10" || r.Deadlines[0].Rule != "deadline/han-nop" {
		t.Errorf("deadlines: %+v", r.Deadlines)
	}
	if len(r.Citations) != 1 || r.Citations[0].Issuer != "Sở Nội vụ tỉnh X" {
		t.Errorf("citations: %+v", r.Citations)
	}
	for _, f := range x.TestRules() {
		t.Error(f)
	}
}
