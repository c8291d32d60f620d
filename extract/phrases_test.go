package extract

import "testing"

func TestHasPrefixFold(t *testing.T) {
	for _, c := range []struct {
		s, p string
		want bool
	}{
		{"và các phòng", "và ", true},
		{"VÀ CÁC", "và ", true},
		{"Và", "và ", false},
		{"vào ", "và ", false},
		{"ĐẾN ngày", "đến", true},
		{"", "và ", false},
	} {
		if got := hasPrefixFold(c.s, c.p); got != c.want {
			t.Errorf("hasPrefixFold(%q, %q) = %v", c.s, c.p, got)
		}
	}
}
