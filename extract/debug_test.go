package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/rules"
)

func TestDebugDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	src, err := LoadFile(f, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	nt := Normalize(src.Text, false)
	x := New(rules.Builtin())
	d := x.segment(nt.S)
	fmt.Println("bodyStart", d.bodyStart, "bodyEnd", d.bodyEnd, "appendix", d.appendix, len(d.paras))
	for i, p := range d.paras {
		if os.Getenv("ALL") != "" || i < 30 {
			fmt.Printf("%3d %s\n", i, strings.ReplaceAll(p.text, "\n", "⏎")[:min(len(p.text), 160)])
		}
	}
	for _, tb := range tablesOf(nt.S, d) {
		fmt.Println("TABLE", tb.header, tb.time, tb.lead, len(tb.rows))
	}
}

func TestDebugUnits(t *testing.T) {
	f := os.Getenv("UTEXT")
	if f == "" {
		t.Skip()
	}
	x := New(rules.Builtin())
	nt := Normalize(f, false)
	d := x.segment(nt.S)
	fmt.Printf("%q bodyStart=%d bodyEnd=%d app=%d headerEnds=%d\n", nt.S, d.bodyStart, d.bodyEnd, d.appendix, d.headerEnds)
	for _, h := range x.unitHeads.find(nt.S) {
		fmt.Println("head", nt.S[h.a:h.b], x.headOK(nt.S, h.a, phraseHit{0, h.b - h.a, h.value}, len(nt.S)))
	}
	ms, _ := x.findUnits(nt.S, d, nil)
	fmt.Println(ms)
}
