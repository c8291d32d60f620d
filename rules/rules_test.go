package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltinLoads(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.DocTypes) < 20 || len(s.Issuers) < 40 || len(s.Units) == 0 || len(s.Deadlines) == 0 {
		t.Errorf("built-in rules look incomplete: %d doctypes, %d issuers", len(s.DocTypes), len(s.Issuers))
	}
	for _, d := range s.DocTypes {
		if d.Origin.File == "" || d.Origin.Line == 0 {
			t.Errorf("%s has no origin", d.ID)
		}
	}
}

// TestStrictLoading: every mistake in a user's rules file is an error that
// names the file and the line.
func TestStrictLoading(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"unknown-key.yaml", "kind: issuer\nentries:\n  - id: a\n    name: A\n    codes: [A]\n    examples: [x]\n    pattren: y\n", "unknown-key.yaml: line 7: field pattren not found"},
		{"no-kind.yaml", "entries: []\n", `no-kind.yaml:1: missing "kind"`},
		{"bad-kind.yaml", "kind: widget\nentries: []\n", `unknown kind "widget"`},
		{"dup.yaml", "kind: doctype\nentries:\n  - {id: quyet-dinh, name: X, examples: [x]}\n", `dup.yaml:3: id "doctype/quyet-dinh" already defined at rules/builtin/doctypes.yaml:`},
		{"bad-pattern.yaml", "kind: issuer\nentries:\n  - {id: p, name: P, code_patterns: ['QH(\\d+'], examples: [x]}\n", "bad-pattern.yaml:3: issuer \"p\": bad pattern"},
		{"no-examples.yaml", "kind: role\nentries:\n  - {id: r, name: R, phrases: [làm]}\n", "no-examples.yaml:3: role \"r\": no examples"},
		{"bad-part.yaml", "kind: role\nentries:\n  - {id: r, name: R, part: boss, phrases: [làm], examples: [x]}\n", `bad-part.yaml:3: role "r": part "boss" is not one of lead, support, monitor`},
		{"bad-recurring.yaml", "kind: deadline\nentries:\n  - {id: d, kind: recurring, recurring: hourly, phrases: [mỗi giờ], examples: [x]}\n", "recurring \"hourly\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, c.name), []byte(c.body), 0o644)
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestUserRulesAdd(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.yml"), []byte("kind: deadline\nentries:\n  - {id: han-chot-moi, kind: due, phrases: [hạn nộp], examples: [\"hạn nộp 10/10/2026\"]}\n"), 0o644)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	last := s.Deadlines[len(s.Deadlines)-1]
	if last.ID != "han-chot-moi" || !strings.HasSuffix(last.Origin.File, "mine.yml") {
		t.Errorf("user rule not loaded last: %+v", last)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing rules directory must be an error")
	}
}
