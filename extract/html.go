package extract

// HTML pages saved from document websites (the government portals, legal
// databases): the document is one block of the page among menus, search
// boxes, "related documents" lists and footers, which cite other
// instruments too and must not leak into the record.
//
// The main block is found as readability-style tools find it: every
// paragraph of real prose (25 letters or more, few of them inside links)
// gives its length to its parent and half of it to its grandparent; the
// best-scored element is the document. A <main> or <article> element, or
// the element whose id/class names the content ("noidung", "content",
// "toanvan"), wins when it holds most of that prose. Elements that are page
// chrome by tag (nav, header, footer, aside, form, script…) or by id/class
// (menu, breadcrumb, sidebar, related, footer…) are dropped first.
//
// The text keeps the layout the pipeline reads: block elements end lines,
// <br> breaks a line, a table row is one line with cells joined by " | ".
// The charset comes from the byte order mark, the <meta> declaration or a
// guess, as a browser does (golang.org/x/net/html/charset); legacy
// Windows-1258 pages are converted.

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// isHTML sniffs an HTML page from its first bytes.
func isHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf")), " \t\r\n"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}

func loadHTML(data []byte) (string, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return "", fmt.Errorf("%w: HTML charset: %v", ErrNotText, err)
	}
	doc, err := html.Parse(r)
	if err != nil {
		return "", fmt.Errorf("%w: HTML: %v", ErrCorrupt, err)
	}
	if d := depth(doc); d > maxHTMLDepth {
		return "", fmt.Errorf("%w: HTML elements nested %d deep (limit %d)", ErrCorrupt, d, maxHTMLDepth)
	}
	body := findFirst(doc, atom.Body)
	if body == nil {
		body = doc
	}
	dropChrome(body)
	main := mainContent(body)
	var w htmlWriter
	w.block(main)
	return w.text(), nil
}

// maxHTMLDepth bounds element nesting: the walks below recurse, and real
// pages nest a few dozen levels.
const maxHTMLDepth = 1000

// depth measures the tree without recursion.
func depth(root *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	deepest := 0
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, it.d)
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return deepest
}

// chromeTags are page furniture whatever their content.
var chromeTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Svg: true,
	atom.Button: true, atom.Select: true, atom.Template: true, atom.Input: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// chromeName matches ids and classes of page furniture. Vietnamese sites
// use the same English words, sometimes unaccented Vietnamese ones
// ("lienquan": related, "quangcao": advertising).
var chromeName = regexp.MustCompile(`(?i)(^|[-_\s])(menu|nav|navbar|breadcrumbs?|sidebar|side-bar|footer|header|banner|advert\w*|ads?|social|share|sharing|comments?|cookie\w*|related|lienquan|quangcao|login|search|timkiem|popup|modal|toolbar|pagination|tags?)($|[-_\s])`)

// contentName matches ids and classes that name the document block.
var contentName = regexp.MustCompile(`(?i)(noi-?dung|toan-?van|content|article|vanban|van-ban|document|main|post|entry)`)

func dropChrome(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && (chromeTags[c.DataAtom] || isChromeByName(c) || hidden(c)) {
			n.RemoveChild(c)
		} else {
			dropChrome(c)
		}
		c = next
	}
}

func isChromeByName(n *html.Node) bool {
	id, class := attrOf(n, "id"), attrOf(n, "class")
	if contentName.MatchString(id) || contentName.MatchString(class) {
		return false // "content-header" is content
	}
	return chromeName.MatchString(id) || chromeName.MatchString(class) || attrOf(n, "role") == "navigation"
}

func hidden(n *html.Node) bool {
	style := strings.ReplaceAll(strings.ToLower(attrOf(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") || hasAttr(n, "hidden")
}

// mainContent picks the element that holds the document's prose.
func mainContent(body *html.Node) *html.Node {
	score := map[*html.Node]float64{}
	total := 0.0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isParagraphLike(n) {
			text, linked := textLengths(n)
			if text >= 25 && linked < text/2 {
				v := float64(text - linked)
				total += v
				if p := n.Parent; p != nil {
					score[p] += v
					if g := p.Parent; g != nil {
						score[g] += v / 2
					}
				}
			}
			if n.DataAtom != atom.Div {
				return // a paragraph's inner elements are not paragraphs
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	if total == 0 {
		return body
	}
	// A named content element that holds most of the prose is the answer.
	var named *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if named != nil {
			return
		}
		if n.Type == html.ElementNode && n != body && (n.DataAtom == atom.Main || n.DataAtom == atom.Article ||
			contentName.MatchString(attrOf(n, "id")) || contentName.MatchString(attrOf(n, "class"))) {
			if prose(n) >= 0.6*total {
				named = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(body)
	if named != nil {
		return narrowest(named, total)
	}
	var best *html.Node
	for n, s := range score {
		if best == nil || s > score[best] {
			best = n
		}
	}
	// Climb while the best element holds too little of the page's prose:
	// a document whose paragraphs sit in several sibling blocks (header
	// table, body, signature table) has them under a common ancestor.
	for best != body && best.Parent != nil && prose(best) < 0.6*total {
		best = best.Parent
	}
	return best
}

// narrowest descends from a named element into its only child that still
// holds most of the prose, to leave out print and share links beside it.
func narrowest(n *html.Node, total float64) *html.Node {
	for {
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && prose(c) >= 0.95*prose(n) {
				only = c
			}
		}
		if only == nil || prose(only) < 0.6*total {
			return n
		}
		n = only
	}
}

func isParagraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Td, atom.Th, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre, atom.Dd:
		return true
	case atom.Div, atom.Span:
		// A div with its own text (sites that write paragraphs as divs).
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && len(strings.TrimSpace(c.Data)) >= 25 {
				return true
			}
		}
	}
	return false
}

// prose is the text length of n outside links.
func prose(n *html.Node) float64 {
	t, l := textLengths(n)
	return float64(t - l)
}

// textLengths counts the letters of n's text and of its text inside links.
func textLengths(n *html.Node) (text, linked int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := utf8.RuneCountInString(strings.TrimSpace(n.Data))
			text += k
			if inLink {
				linked += k
			}
			return
		}
		inLink = inLink || n.DataAtom == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return text, linked
}

// htmlWriter renders nodes as lines of text.
type htmlWriter struct {
	sb   strings.Builder
	line strings.Builder
}

func (w *htmlWriter) inline(s string) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	if s == "" {
		return
	}
	if w.line.Len() > 0 && !strings.HasSuffix(w.line.String(), " ") {
		w.line.WriteByte(' ')
	}
	w.line.WriteString(s)
}

func (w *htmlWriter) endLine() {
	if t := strings.TrimSpace(w.line.String()); t != "" {
		w.sb.WriteString(t)
		w.sb.WriteByte('\n')
	}
	w.line.Reset()
}

func (w *htmlWriter) text() string {
	w.endLine()
	return w.sb.String()
}

// block writes n and its children.
func (w *htmlWriter) block(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

func (w *htmlWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.inline(n.Data)
		return
	case html.ElementNode:
	default:
		w.block(n)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.endLine()
	case atom.Tr:
		w.endLine()
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				var cw htmlWriter
				cw.block(c)
				cells = append(cells, strings.Join(strings.Fields(cw.text()), " "))
			}
		}
		w.sb.WriteString(strings.Join(cells, " | "))
		w.sb.WriteByte('\n')
	case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Tbody,
		atom.Thead, atom.Section, atom.Article, atom.Main, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.Dl,
		atom.Dt, atom.Dd, atom.Center, atom.Hr:
		w.endLine()
		w.block(n)
		w.endLine()
	default:
		w.block(n)
	}
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
