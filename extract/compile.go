package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/vanban/vanban/extract/vntext"
	"github.com/vanban/vanban/rules"
)

// Extractor holds the rules compiled for matching. Build it once with New and
// use it from many goroutines: it is read-only.
type Extractor struct {
	rs *rules.Set

	types      *phraseSet // type names and words → index in rs.DocTypes
	codeType   map[string]int
	codeTypeRe []codePattern
	codeIssuer map[string]int
	issuerRe   []codePattern
	issuerName *phraseSet // issuer names → index in rs.Issuers

	unitHeads *phraseSet        // head words → index in rs.Units
	roles     *phraseSet        // role phrases → index in rs.Roles
	qualifier *phraseSet        // qualifier phrases → index in rs.Qualifiers
	rolePart  map[string]string // part (lead, support, monitor) → role name
	deadlines *phraseSet        // deadline phrases → index in rs.Deadlines
	titles    []string          // signer titles, canonical, longest first
	abbrev    map[string]string
	laws      map[string]int // Key(name) → index in rs.Laws
	lawNames  *phraseSet     // catalog names → index in rs.Laws
}

type codePattern struct {
	re  *regexp.Regexp
	idx int
}

// New compiles a rule set.
func New(rs *rules.Set) *Extractor {
	x := &Extractor{rs: rs, codeType: map[string]int{}, codeIssuer: map[string]int{}, abbrev: map[string]string{}, laws: map[string]int{}}
	var ps []string
	var vs []int
	for i, d := range rs.DocTypes {
		for _, w := range append([]string{d.Name}, d.Words...) {
			ps, vs = append(ps, w), append(vs, i)
		}
		for _, c := range d.Codes {
			x.codeType[codeKey(c)] = i
		}
		for _, p := range d.CodePatterns {
			x.codeTypeRe = append(x.codeTypeRe, codePattern{regexp.MustCompile(`^(?:` + p + `)$`), i})
		}
	}
	x.types = newPhraseSet(ps, vs)

	ps, vs = nil, nil
	for i, is := range rs.Issuers {
		for _, c := range is.Codes {
			x.codeIssuer[codeKey(c)] = i
		}
		for _, p := range is.CodePatterns {
			x.issuerRe = append(x.issuerRe, codePattern{regexp.MustCompile(`^(?:` + p + `)$`), i})
		}
		ps, vs = append(ps, is.Name), append(vs, i)
	}
	x.issuerName = newPhraseSet(ps, vs)

	ps, vs = nil, nil
	for i, u := range rs.Units {
		for _, h := range u.Heads {
			ps, vs = append(ps, h), append(vs, i)
		}
	}
	x.unitHeads = newPhraseSet(ps, vs)

	ps, vs = nil, nil
	for i, r := range rs.Roles {
		for _, p := range r.Phrases {
			ps, vs = append(ps, p), append(vs, i)
		}
	}
	x.roles = newPhraseSet(ps, vs)
	ps, vs = nil, nil
	for i, q := range rs.Qualifiers {
		for _, p := range q.Phrases {
			ps, vs = append(ps, p), append(vs, i)
		}
	}
	x.qualifier = newPhraseSet(ps, vs)
	x.rolePart = map[string]string{}
	for _, r := range rs.Roles {
		if _, ok := x.rolePart[r.Part]; r.Part != "" && !ok {
			x.rolePart[r.Part] = r.Name
		}
	}

	ps, vs = nil, nil
	for i, d := range rs.Deadlines {
		for _, p := range d.Phrases {
			ps, vs = append(ps, p), append(vs, i)
		}
	}
	x.deadlines = newPhraseSet(ps, vs)

	for _, t := range rs.Titles {
		for _, n := range t.Names {
			x.titles = append(x.titles, vntext.CanonicalTone(n))
		}
	}
	sort.SliceStable(x.titles, func(i, j int) bool { return len(x.titles[i]) > len(x.titles[j]) })
	for _, a := range rs.Abbreviations {
		x.abbrev[a.Short] = vntext.CanonicalTone(a.Long)
	}
	ps, vs = nil, nil
	for i, l := range rs.Laws {
		x.laws[vntext.Key(l.Name)] = i
		ps, vs = append(ps, l.Name), append(vs, i)
		for _, a := range l.Aliases {
			x.laws[vntext.Key(a)] = i
			ps, vs = append(ps, a), append(vs, i)
		}
	}
	x.lawNames = newPhraseSet(ps, vs)
	return x
}

// codeKey is the lookup form of a code: look-alikes fixed, case kept (TTg and
// TTG are both seen, so the key is uppercase).
func codeKey(c string) string {
	return strings.ToUpper(vntext.FixLookalikes(strings.TrimSpace(c)))
}

// typeOfCode returns the doctype index of a type code (QĐ, NQ, QH15), or -1.
func (x *Extractor) typeOfCode(c string) int {
	if i, ok := x.codeType[codeKey(c)]; ok {
		return i
	}
	for _, p := range x.codeTypeRe {
		if p.re.MatchString(c) {
			return p.idx
		}
	}
	return -1
}

// issuerOfCode returns the issuer index of an issuer code (TTg, UBND), or -1.
func (x *Extractor) issuerOfCode(c string) int {
	if i, ok := x.codeIssuer[codeKey(c)]; ok {
		return i
	}
	for _, p := range x.issuerRe {
		if p.re.MatchString(c) {
			return p.idx
		}
	}
	return -1
}

func docTypeRule(id string) string  { return rules.RuleID("doctype", id) }
func unitRule(id string) string     { return rules.RuleID("unit", id) }
func deadlineRule(id string) string { return rules.RuleID("deadline", id) }
