package extract

import (
	"regexp"
	"strings"
)

// A document number (số, ký hiệu) as written: the serial number, then either
// "/" (State style 3177/QĐ-UBND, normative 59/2023/NĐ-CP) or "-" (Party
// style 114-KL/TW), then code segments joined by "-" or "/". Spaces around
// separators occur in the wild ("46 - CT/TW", "27/NQ- TW", "TT- BTC"); so does
// a space instead of the hyphen ("174 KL/TW").
//
// A code segment starts with a capital and is short; lowercase letters occur
// inside (TTg, QĐi, CTr, ThU). Segments must not swallow the next word, so a
// separator is required between them.
var numberRe = regexp.MustCompile(`^(\d{1,5}[a-z]?)[ \t]{0,2}([/\-–‐‑]|[ \t])[ \t]{0,2}((?:\d{4}[ \t]{0,2}/[ \t]{0,2})?)` +
	`([A-ZĐ][A-Za-zĐđ0-9]{0,11}(?:[ \t]?[\-–‐‑/][ \t]?[A-ZĐ0-9][A-Za-zĐđ0-9]{0,11})*)`)

// docNumber is a parsed number.
type docNumber struct {
	raw      string   // as written
	serial   string   // 3177
	year     string   // 2023 for normative numbers
	segments []string // codes: QĐ, UBND
	seps     []string // separators after serial and between segments: "/", "-"
	canon    string   // canonical form
	problems []Problem
	party    bool
}

// parseNumber parses a number at the start of s. It returns false when s
// does not start with one.
func (x *Extractor) parseNumber(s string) (docNumber, int, bool) {
	m := numberRe.FindStringSubmatchIndex(s)
	if m == nil {
		return docNumber{}, 0, false
	}
	end := m[1]
	// A trailing "." belongs to the sentence, not the code.
	for end > m[8] && s[end-1] == '.' {
		end--
	}
	n := docNumber{raw: s[:end], serial: s[m[2]:m[3]]}
	firstSep := strings.TrimSpace(s[m[4]:m[5]])
	if m[6] < m[7] {
		n.year = strings.Trim(s[m[6]:m[7]], " \t/")
	}
	code := s[m[8]:end]
	// Split the code into segments and separators.
	segs, seps := splitCode(code)
	n.segments = segs
	n.seps = append([]string{firstSep}, seps...)
	if firstSep == "" { // "174 KL/TW": only acceptable in Party shape
		if len(segs) < 2 || seps[0] != "/" {
			return docNumber{}, 0, false
		}
	}
	if !x.plausibleCode(segs) {
		return docNumber{}, 0, false
	}
	x.canonicalize(&n)
	return n, end, true
}

func splitCode(code string) (segs, seps []string) {
	cur := strings.Builder{}
	for _, r := range code {
		switch r {
		case '-', '–', '‐', '‑', '/':
			segs = append(segs, strings.TrimSpace(cur.String()))
			cur.Reset()
			if r == '/' {
				seps = append(seps, "/")
			} else {
				seps = append(seps, "-")
			}
		default:
			cur.WriteRune(r)
		}
	}
	segs = append(segs, strings.TrimSpace(cur.String()))
	return segs, seps
}

// plausibleCode rejects codes that are ordinary capitalized words: a code
// segment is mostly capitals or a known code.
func (x *Extractor) plausibleCode(segs []string) bool {
	for _, s := range segs {
		if s == "" || !strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == 'Đ' || r == 'đ' }) {
			return false // "19/NQ-2": a code segment has letters
		}
		upper, lower := 0, 0
		for _, r := range s {
			switch {
			case r >= 'a' && r <= 'z' || r == 'đ':
				lower++
			case r >= 'A' && r <= 'Z' || r == 'Đ' || r >= '0' && r <= '9':
				upper++
			}
		}
		if lower > upper && x.typeOfCode(s) < 0 && x.issuerOfCode(s) < 0 {
			return false
		}
	}
	return true
}

// spacedSepRe finds a separator of a number with a space beside it.
var spacedSepRe = regexp.MustCompile(`\s[-–/]|[-–/]\s`)

// canonicalize fills canon, party and problems.
func (x *Extractor) canonicalize(n *docNumber) {
	segs := append([]string(nil), n.segments...)
	// A type code glued to the issuer code: NQUBTVQH15 → NQ-UBTVQH15,
	// KHUBND → KH-UBND (hyphen lost, also by pdftotext at line ends).
	if len(segs) >= 1 && x.typeOfCode(segs[0]) < 0 {
		if t, rest, ok := x.splitGlued(segs[0]); ok {
			segs = append([]string{t, rest}, segs[1:]...)
			n.problems = append(n.problems, Problem{Code: "malformed_number", Message: "Thiếu dấu gạch nối giữa loại văn bản và cơ quan ban hành", Rule: "number/glued-code"})
		}
	}
	iss := x.issuerCode(segs)
	n.party = n.year == "" && len(segs) >= 2 && iss >= 0 && x.rs.Issuers[iss].Party
	var canon string
	if n.party {
		// N-TYPE/ISSUER[-ISSUER2]
		canon = n.serial + "-" + segs[0] + "/" + strings.Join(segs[1:], "-")
	} else {
		canon = n.serial + "/"
		if n.year != "" {
			canon += n.year + "/"
		}
		canon += strings.Join(segs, "-")
	}
	n.canon = canon
	written := strings.Join(strings.Fields(n.raw), "")
	written = strings.NewReplacer("–", "-", "‐", "-", "‑", "-").Replace(written)
	spaced := spacedSepRe.MatchString(n.raw)
	if len(n.problems) == 0 && (written != canon || spaced) {
		msg := "Số, ký hiệu viết sai dấu phân cách"
		if strings.ContainsAny(n.raw, " \t") {
			msg = "Số, ký hiệu có khoảng trắng thừa hoặc thiếu dấu phân cách"
		}
		if n.party {
			msg += " (văn bản của Đảng viết theo mẫu số-LOẠI/CƠ QUAN)"
		}
		n.problems = append(n.problems, Problem{Code: "malformed_number", Message: msg, Rule: "number/separators"})
	}
	for i := range n.problems {
		n.problems[i].Suggestion = canon
	}
}

// splitGlued splits a code such as NQUBTVQH15 into a type code and an issuer
// code that are both known.
func (x *Extractor) splitGlued(s string) (string, string, bool) {
	for i := len(s) - 1; i >= 1; i-- {
		t, rest := s[:i], s[i:]
		if x.typeOfCode(t) >= 0 && x.issuerOfCode(rest) >= 0 {
			return t, rest, true
		}
	}
	return "", "", false
}

// numberKey identifies an instrument across spellings: canonical number,
// uppercase, look-alikes repaired.
func numberKey(canon string) string { return codeKey(canon) }

// issuerCode returns the issuer index named by a number's code segments:
// the first known issuer code after the type code (3177/QĐ-UBND → UBND,
// 5689/BCA-C04 → BCA, 06/KH-MTTW-BTT → MTTW, 114-KL/TW → TW), or -1.
func (x *Extractor) issuerCode(segs []string) int {
	for i, sg := range segs {
		if i == 0 && x.typeOfCode(sg) >= 0 && len(segs) > 1 {
			continue
		}
		if is := x.issuerOfCode(sg); is >= 0 {
			return is
		}
	}
	return -1
}
