package extract

import (
	"fmt"
	"github.com/vanban/vanban/rules"
	"strconv"
	"strings"

	"github.com/vanban/vanban/extract/vntext"
)

// Severities of problems, most serious first.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// severities gives each problem code its severity: errors are wrong
// citations, warnings are probable mistakes, infos are states of a draft.
var severities = map[string]string{
	"malformed_number": SeverityError, "invalid_date": SeverityError, "type_mismatch": SeverityError,
	"issuer_mismatch": SeverityError, "inconsistent_date": SeverityError, "inconsistent_issuer": SeverityError,
	"date_after_document": SeverityError,
	"doubled_word":        SeverityWarning, "numbering_jump": SeverityWarning, "numbering_repeat": SeverityWarning,
	"replaced": SeverityWarning, "missing_number": SeverityWarning, "missing_date": SeverityWarning,
	"missing_signature": SeverityWarning, "missing_recipients": SeverityWarning,
	"blank_number": SeverityInfo, "blank_date": SeverityInfo,
}

// SeverityOf returns the severity of a problem code (warning if unknown).
func SeverityOf(code string) string {
	if s, ok := severities[code]; ok {
		return s
	}
	return SeverityWarning
}

// SeverityRank orders severities: error 3, warning 2, info 1.
func SeverityRank(s string) int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityInfo:
		return 1
	}
	return 0
}

// vietAlphabet orders the letters of "a)", "b)" … items (đ follows d; f, j,
// w, z are not used).
const vietAlphabet = "abcdđeghiklmnopqrstuvxy"

// ordinal is the number a section label counts: I → 1, 3 → 3, 1.2 → 2,
// c → 3, đ → 5, (2) → 2. Labels that do not count (Điều, Chương…) give -1.
func ordinal(label string) int {
	l := strings.Trim(label, "()")
	if i := strings.LastIndexByte(l, '.'); i >= 0 {
		l = l[i+1:]
	}
	if n, err := strconv.Atoi(l); err == nil {
		return n
	}
	if r := romanValue(l); r > 0 {
		return r
	}
	if i := strings.Index(vietAlphabet, l); i >= 0 && len([]rune(l)) == 1 {
		return len([]rune(vietAlphabet[:i])) + 1
	}
	return -1
}

func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// labelKind groups labels that number the same list.
func labelKind(label string) string {
	switch {
	case strings.HasPrefix(label, "("):
		return "paren"
	case strings.Contains(label, "."):
		return "dotted"
	case romanValue(label) > 0:
		return "roman"
	case label != "" && label[0] >= '0' && label[0] <= '9':
		return "arabic"
	case len([]rune(label)) == 1:
		return "letter"
	}
	return "other"
}

// numberingProblems finds siblings whose numbers repeat or jump (II. twice,
// 3. then 5.).
func numberingProblems(d *layoutDoc) []Problem {
	var out []Problem
	type key struct {
		parent int
		kind   string
	}
	last := map[key]int{}
	lastLabel := map[key]string{}
	for i, s := range d.sections {
		if s.ID == s.Label && strings.HasPrefix(s.Label, "Phụ lục") {
			continue
		}
		n := ordinal(s.Label)
		k := key{d.secParent[i], labelKind(s.Label)}
		if n < 0 || k.kind == "other" {
			continue
		}
		if prev, ok := last[k]; ok {
			switch {
			case n == prev:
				out = append(out, Problem{Code: "numbering_repeat", Rule: "structure/numbering",
					Message: fmt.Sprintf("Số thứ tự mục \"%s\" bị lặp lại", s.Label), Span: Span{Start: s.Start, End: s.End}})
			case n > prev+1:
				out = append(out, Problem{Code: "numbering_jump", Rule: "structure/numbering",
					Message:    fmt.Sprintf("Số thứ tự mục nhảy từ \"%s\" sang \"%s\"", lastLabel[k], s.Label),
					Suggestion: fmt.Sprint(prev + 1), Span: Span{Start: s.Start, End: s.End}})
			}
		}
		last[k], lastLabel[k] = n, s.Label
	}
	return out
}

// citationChecks adds the problems a citation has against the rules:
// an issuer that is not the one its number's code names, an instrument the
// catalog knows to be replaced.
func (x *Extractor) citationChecks(c *citeMatch) {
	// A bare title ("Bộ trưởng", cut before ", Chủ nhiệm Văn phòng Chính
	// phủ") names no body: nothing to compare.
	if c.Issuer != "" && !c.IssuerInferred && c.codeIs >= 0 && len(strings.Fields(c.Issuer)) > 2 {
		is := x.rs.Issuers[c.codeIs]
		w, n := vntext.Fold(c.Issuer), vntext.Fold(is.Name)
		if is.Inferable() && !strings.Contains(w, n) && !strings.Contains(n, w) {
			c.Problems = append(c.Problems, Problem{Code: "issuer_mismatch", Rule: rules.RuleID("issuer", is.ID),
				Message:    "Cơ quan ban hành \"" + c.Issuer + "\" không khớp ký hiệu của số văn bản (" + is.Name + ")",
				Suggestion: is.Name, Span: Span{Start: c.a, End: c.b}})
		}
	}
	// Only a number written in the text: a law cited by name may be the
	// newer law of the same name.
	num := c.NumberNormalized
	for _, l := range x.rs.Laws {
		if l.ReplacedBy != "" && num != "" && numberKey(l.Number) == numberKey(num) {
			c.Problems = append(c.Problems, Problem{Code: "replaced", Rule: rules.RuleID("law", l.ID),
				Message: "Văn bản " + l.Number + " đã được thay thế bởi " + l.ReplacedBy, Suggestion: l.ReplacedBy, Span: Span{Start: c.a, End: c.b}})
		}
	}
}
