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
