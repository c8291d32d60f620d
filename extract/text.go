package extract

import "strings"

// Text is a string produced by a normalization pass together with a map from
// each of its bytes back to the original input.
//
// Orig has len(S)+1 entries: Orig[i] is the original offset of the byte S[i]
// (for bytes a pass produced from a group of source bytes, the start of that
// group) and Orig[len(S)] is the length of the original. Orig is
// non-decreasing, so the original span of S[a:b] is [Orig[a], Orig[b]).
type Text struct {
	S    string
	Orig []int32
	Src  string // the original
}

// NewText wraps an original string: the identity map.
func NewText(s string) Text {
	m := make([]int32, len(s)+1)
	for i := range m {
		m[i] = int32(i)
	}
	return Text{S: s, Orig: m, Src: s}
}

// Span returns the original byte span of S[a:b].
func (t Text) Span(a, b int) (int, int) {
	if a < 0 {
		a = 0
	}
	if b > len(t.S) {
		b = len(t.S)
	}
	if b < a {
		b = a
	}
	oa, ob := int(t.Orig[a]), int(t.Orig[b])
	// Bytes a pass deleted after the span (markup, spaces of a reflow)
	// map to its end; give them back unless the span itself ends so.
	if b > a && t.Src != "" {
		last := t.S[b-1]
		for ob > oa && t.Src[ob-1] != last && strings.IndexByte(" \t\n*_|", t.Src[ob-1]) >= 0 {
			ob--
		}
	}
	return oa, ob
}

// builder accumulates the output of a pass over a Text.
type builder struct {
	src  Text
	out  strings.Builder
	orig []int32
}

func newBuilder(src Text) *builder {
	b := &builder{src: src, orig: make([]int32, 0, len(src.S)+1)}
	b.out.Grow(len(src.S))
	return b
}

// copy emits src.S[a:b] unchanged, byte for byte.
func (b *builder) copy(a, c int) {
	b.out.WriteString(b.src.S[a:c])
	b.orig = append(b.orig, b.src.Orig[a:c]...)
}

// replace emits s in place of src.S[a:...]: every byte of s maps to the
// original offset of src byte a.
func (b *builder) replace(s string, a int) {
	b.out.WriteString(s)
	o := b.src.Orig[a]
	for range len(s) {
		b.orig = append(b.orig, o)
	}
}

func (b *builder) len() int { return b.out.Len() }

func (b *builder) text() Text {
	b.orig = append(b.orig, b.src.Orig[len(b.src.S)])
	return Text{S: b.out.String(), Orig: b.orig, Src: b.src.Src}
}

// eachLine calls f with the bounds [a, b) of every line of s, without the
// newline. A final newline does not make an empty last line.
func eachLine(s string, f func(a, b int)) {
	for a := 0; a < len(s); {
		b := strings.IndexByte(s[a:], '\n')
		if b < 0 {
			b = len(s)
		} else {
			b += a
		}
		f(a, b)
		a = b + 1
	}
}
