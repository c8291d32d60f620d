package extract

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/extract/vntext"
	"github.com/vanban/vanban/rules"
)

// RuleFailure is an example or counterexample of a rule that the
// recognizers do not treat as the rule says.
type RuleFailure struct {
	Rule    string
	Origin  rules.Origin
	Example string
	Counter bool // a counterexample that matched
	Reason  string
}

func (f RuleFailure) String() string {
	kind := "example"
	if f.Counter {
		kind = "counterexample"
	}
	return fmt.Sprintf("%s: %s: %s %q: %s", f.Origin, f.Rule, kind, f.Example, f.Reason)
}

// TestRules runs every entry's examples and counterexamples through the
// recognizers: the data tests itself. Each example is extracted as a small
// document of its own.
func (x *Extractor) TestRules() []RuleFailure {
	var fails []RuleFailure
	rec := func(text string) *Record {
		return x.Extract(&Source{Path: "example", Format: "txt", Text: text})
	}
	check := func(kind string, t rules.Tested, ok func(*Record) string, bad func(*Record) string) {
		id := rules.RuleID(kind, t.ID)
		for _, e := range t.Examples {
			if why := ok(rec(e)); why != "" {
				fails = append(fails, RuleFailure{Rule: id, Origin: t.Origin, Example: e, Reason: why})
			}
		}
		if bad == nil {
			return
		}
		for _, e := range t.Counterexamples {
			if why := bad(rec(e)); why != "" {
				fails = append(fails, RuleFailure{Rule: id, Origin: t.Origin, Example: e, Counter: true, Reason: why})
			}
		}
	}
	for _, d := range x.rs.DocTypes {
		id := rules.RuleID("doctype", d.ID)
		has := func(r *Record) bool {
			for _, c := range r.Citations {
				if c.Rule == id || strings.HasPrefix(c.Rule, id+"#") {
					return true
				}
			}
			return false
		}
		check("doctype", d.Tested,
			func(r *Record) string { return ifNot(has(r), "no citation from this rule") },
			func(r *Record) string { return ifNot(!has(r), "a citation was found") })
	}
	for i, is := range x.rs.Issuers {
		check("issuer", is.Tested, func(r *Record) string {
			for _, c := range r.Citations {
				segs, _ := splitCode(c.NumberNormalized)
				if x.issuerCode(segs) == i {
					return ""
				}
			}
			return "no citation whose number has this issuer's code"
		}, nil)
	}
	for _, u := range x.rs.Units {
		id := rules.RuleID("unit", u.ID)
		has := func(r *Record) bool {
			for _, un := range r.Units {
				for _, m := range un.Mentions {
					if m.Rule == id || strings.HasPrefix(m.Rule, id+"#") {
						return true
					}
				}
			}
			return false
		}
		check("unit", u.Tested,
			func(r *Record) string { return ifNot(has(r), "no unit from this rule") },
			func(r *Record) string { return ifNot(!has(r), "a unit was found") })
	}
	for _, ro := range x.rs.Roles {
		has := func(r *Record) bool {
			for _, un := range r.Units {
				for _, n := range un.Roles {
					if n == ro.Name {
						return true
					}
				}
			}
			return false
		}
		check("role", ro.Tested,
			func(r *Record) string { return ifNot(has(r), "no unit with role "+ro.Name) },
			func(r *Record) string { return ifNot(!has(r), "a unit got role "+ro.Name) })
	}
	for _, q := range x.rs.Qualifiers {
		// an example names a role other than the default after the
		// qualifier: the unit gets it
		check("qualifier", q.Tested, func(r *Record) string {
			for _, un := range r.Units {
				for _, n := range un.Roles {
					if n != defaultRole {
						return ""
					}
				}
			}
			return "no unit with a role read after the qualifier"
		}, nil)
	}
	for _, dp := range x.rs.Deadlines {
		id := rules.RuleID("deadline", dp.ID)
		has := func(r *Record) bool {
			for _, d := range r.Deadlines {
				if d.Rule == id || dp.Recurring != "" && d.Recurring == dp.Recurring {
					return true
				}
			}
			return false
		}
		check("deadline", dp.Tested,
			func(r *Record) string { return ifNot(has(r), "no deadline from this rule") },
			func(r *Record) string { return ifNot(!has(r), "a deadline was found") })
	}
	for _, t := range x.rs.Titles {
		check("title", t.Tested, func(r *Record) string {
			for _, n := range t.Names {
				if strings.EqualFold(vntext.Key(r.Meta.Signer.Title), vntext.Key(n)) {
					return ""
				}
			}
			return fmt.Sprintf("signer title is %q", r.Meta.Signer.Title)
		}, nil)
	}
	for _, a := range x.rs.Abbreviations {
		check("abbreviation", a.Tested, func(r *Record) string {
			for _, e := range a.Examples {
				if !strings.Contains(e, a.Short) {
					return "example does not contain " + a.Short
				}
			}
			return ""
		}, nil)
	}
	for _, l := range x.rs.Laws {
		check("law", l.Tested, func(r *Record) string {
			for _, c := range r.Citations {
				if l.Number != "" && (c.NumberNormalized == l.Number || c.Known == l.Number) {
					return ""
				}
				if l.Number == "" && strings.HasPrefix(vntext.Key(c.Title), vntext.Key(l.Name)) {
					return ""
				}
			}
			return "no citation resolved to " + l.Number + " " + l.Name
		}, nil)
	}
	return fails
}

func ifNot(ok bool, why string) string {
	if ok {
		return ""
	}
	return why
}
