package extract

import (
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
