package extract

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// sitePage wraps a document's paragraphs in the chrome of a legal-document
// website: a menu, a search form, a breadcrumb, a "related documents"
// sidebar that cites other instruments, share links and a footer.
func sitePage(meta, paragraphs string) string {
	return `<!DOCTYPE html><html><head>` + meta + `<title>Kế hoạch 65/KH-UBND</title>
<style>.menu{color:red}</style><script>var x = "Quyết định 1/QĐ-UBND";</script></head><body>
<div id="header"><a href="/">Cổng thông tin văn bản pháp luật</a></div>
<ul class="main-menu"><li><a href="/vb">Văn bản mới</a></li><li><a href="/cd">Công văn</a></li></ul>
<form action="/search"><input name="q" value="Tìm kiếm"><button>Tìm</button></form>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/kh">Kế hoạch</a></div>
<div class="wrapper"><div class="col-left">
<div class="noidung-vanban">
<div class="share"><a href="#">Chia sẻ</a> <a href="#">In văn bản</a></div>
` + paragraphs + `
</div></div>
<div class="col-right"><div class="vanban-lienquan"><h3>Văn bản liên quan</h3><ul>
<li><a href="/a">Quyết định số 999/QĐ-TTg ngày 01/02/2024 của Thủ tướng Chính phủ về việc ban hành quy chế làm việc mẫu</a></li>
<li><a href="/b">Công văn số 1234/UBND-VP ngày 05/3/2025 về việc tổ chức thực hiện nhiệm vụ trước ngày 30/9/2025</a></li>
</ul></div></div></div>
<footer>Bản quyền thuộc Cổng thông tin điện tử. Giấy phép số 123/GP-BC ngày 01/01/2020.</footer>
<div style="display:none">Thông tư số 7/2020/TT-BTC</div>
</body></html>`
}

// planParagraphs renders the reference plan as a website does: each
// paragraph a <p>, table rows a <table>.
func planParagraphs(t *testing.T) string {
	data, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	inTable := false
	for _, line := range strings.Split(Normalize(string(data), false).S, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if cells := strings.Split(line, " | "); len(cells) > 1 {
			if !inTable {
				sb.WriteString("<table>")
				inTable = true
			}
			sb.WriteString("<tr>")
			for _, c := range cells {
				fmt.Fprintf(&sb, "<td><p>%s</p></td>", html.EscapeString(c))
			}
			sb.WriteString("</tr>\n")
			continue
		}
		if inTable {
			sb.WriteString("</table>\n")
			inTable = false
		}
		fmt.Fprintf(&sb, "<p style=\"text-align:justify\">%s</p>\n", html.EscapeString(line))
	}
	if inTable {
		sb.WriteString("</table>")
	}
	return sb.String()
}

// A page saved from a document website gives the document alone: the same
// instruments, units and deadlines as the text version, none from the
// sidebar, footer, scripts or hidden elements; a Windows-1258 page
// declared in <meta> reads the same.
func TestHTMLMainText(t *testing.T) {
	txt, err := LoadFile("../samples/ke-hoach-dan-van-phu-lien-2025.txt", DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	txtRec := extractor().Extract(txt)
	page := sitePage(`<meta charset="utf-8">`, planParagraphs(t))
	cp1258 := encode1258(t, sitePage(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`, planParagraphs(t)))
	for name, data := range map[string]string{"utf-8": page, "windows-1258": cp1258} {
		t.Run(name, func(t *testing.T) {
			src, err := LoadBytes("page.html", []byte(data), DefaultOptions)
			if err != nil {
				t.Fatal(err)
			}
			for _, chrome := range []string{"999/QĐ-TTg", "1234/UBND-VP", "123/GP-BC", "7/2020/TT-BTC", "1/QĐ-UBND", "Trang chủ", "Chia sẻ", "Tìm kiếm", "Văn bản mới"} {
				if strings.Contains(src.Text, chrome) {
					t.Errorf("page chrome %q in the text", chrome)
				}
			}
			r := extractor().Extract(src)
			if src.Format != "html" || r.Meta.Number != txtRec.Meta.Number {
				t.Errorf("format %q, number %q", src.Format, r.Meta.Number)
			}
			sameKeys(t, "text", txtRec, "HTML", r)
		})
	}
}

// encode1258 writes s in Windows-1258, where a letter with a tone is its
// base letter (ă, â, ơ… are in the code page) and a combining tone mark.
func encode1258(t *testing.T, s string) string {
	enc := charmap.Windows1258.NewEncoder()
	var sb strings.Builder
	for _, r := range s {
		if b, err := enc.String(string(r)); err == nil {
			sb.WriteString(b)
			continue
		}
		var base, tone []rune
		for _, m := range norm.NFD.String(string(r)) {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", m) {
				tone = append(tone, m)
			} else {
				base = append(base, m)
			}
		}
		b, err := enc.String(norm.NFC.String(string(base)) + string(tone))
		if err != nil {
			t.Fatalf("%q: %v", r, err)
		}
		sb.WriteString(b)
	}
	return sb.String()
}

// sameKeys reports every fact one rendering has and the other lacks.
func sameKeys(t *testing.T, nameA string, a *Record, nameB string, b *Record) {
	t.Helper()
	ka, kb := recordKeys(a), recordKeys(b)
	for k := range ka {
		if !kb[k] {
			t.Errorf("%s has %q, %s does not", nameA, k, nameB)
		}
	}
	for k := range kb {
		if !ka[k] {
			t.Errorf("%s has %q, %s does not", nameB, k, nameA)
		}
	}
}

// recordKeys are the facts two renderings of one document must share.
func recordKeys(r *Record) map[string]bool {
	m := map[string]bool{}
	for _, c := range r.Citations {
		m["C "+c.NumberNormalized+" "+c.Date] = true
	}
	for _, d := range r.Deadlines {
		m["D "+d.Date] = true
	}
	for _, u := range r.Units {
		m["U "+u.Name] = true
	}
	return m
}

// Without a recognizable content block the whole body is the text; nesting
// beyond the limit is an error, not a stack overflow.
func TestHTMLEdgeCases(t *testing.T) {
	src, err := LoadBytes("a.htm", []byte("<html><body>Kế hoạch số 12/KH-UBND</body></html>"), DefaultOptions)
	if err != nil || strings.TrimSpace(src.Text) != "Kế hoạch số 12/KH-UBND" {
		t.Errorf("got %q, %v", src.Text, err)
	}
	deep := "<html><body>" + strings.Repeat("<div>", 5000) + "x" + "</body></html>"
	if _, err := LoadBytes("deep.html", []byte(deep), DefaultOptions); err == nil {
		t.Error("5000 nested divs: no error")
	}
}

// FuzzLoadHTML: any bytes as an HTML page load or fail with an error.
func FuzzLoadHTML(f *testing.F) {
	f.Add([]byte(`<!DOCTYPE html><html><body><div class="content"><p>Kế hoạch số 12/KH-UBND</p><table><tr><td>a</td><td>b</td></tr></table></div><nav>menu</nav></body></html>`))
	f.Add([]byte(`<html><head><meta charset="windows-1258"></head><body><p>Ke\xcc\x81 hoa\xf2ch</p></body></html>`))
	f.Add([]byte(`<html><body>` + strings.Repeat(`<div><table><tr><td>`, 50) + `x</body></html>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		LoadBytes("f.html", b, DefaultOptions)
	})
}
