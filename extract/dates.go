package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date shapes as written in Vietnamese documents. The day/month/year groups
// tolerate spaces ("ngày 30 tháng 4 năm 2025", "06/8/2025", "20.11.2020",
// "21-11-2020"); a missing space after "ngày" ("ngày15/8/2013") is common.
const (
	reNumericDate = `(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4})`
	reWordDate    = `(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})`
)

// dateRe finds full dates, optionally introduced by "ngày" (doubled "ngày
// ngày" included, reported as a problem by the caller).
var dateRe = regexp.MustCompile(`(?i)(?:(ngày)\s*(ngày\s*)?)?(?:` + reNumericDate + `|` + reWordDate + `)`)

// dateAtRe is dateRe anchored at the start: parsing "at" must not scan the
// rest of the document.
var dateAtRe = regexp.MustCompile(`^` + dateRe.String())

// dateMatch is a date found in text.
type dateMatch struct {
	a, b    int // span of the whole match (with "ngày")
	da      int // start of the date itself
	iso     string
	valid   bool
	doubled bool // "ngày ngày"
	hasNgay bool
}

// parseDateAt parses a date starting exactly at s[0:] (after optional "ngày").
func parseDateAt(s string) (dateMatch, bool) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	m := dateAtRe.FindStringSubmatchIndex(s)
	if m == nil {
		return dateMatch{}, false
	}
	return dateFromMatch(s, m), true
}

func dateFromMatch(s string, m []int) dateMatch {
	d := dateMatch{a: m[0], b: m[1], hasNgay: m[2] >= 0, doubled: m[4] >= 0}
	g := 6
	if m[6] < 0 {
		g = 12
	}
	d.da = m[g]
	day, _ := strconv.Atoi(s[m[g]:m[g+1]])
	mon, _ := strconv.Atoi(s[m[g+2]:m[g+3]])
	yr, _ := strconv.Atoi(s[m[g+4]:m[g+5]])
	d.iso, d.valid = isoDate(yr, mon, day)
	return d
}

// isoDate formats a date and says whether it exists (31/02 does not).
func isoDate(y, m, d int) (string, bool) {
	iso := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return iso, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return iso, t.Day() == d
}

// findDates returns every full date in s.
func findDates(s string) []dateMatch {
	var out []dateMatch
	for _, m := range dateRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && isDigitByte(s[m[0]-1]) {
			continue
		}
		out = append(out, dateFromMatch(s, m))
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// lastDay returns the last day of a month.
func lastDay(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
