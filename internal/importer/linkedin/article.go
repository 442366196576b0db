package linkedin

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// article is what one exported article file says.
type article struct {
	title     string
	url       string // the article on linkedin.com; "" for a draft
	image     string // the cover image
	imageAlt  string
	created   time.Time
	published time.Time
	body      string // HTML
}

// date is when the article appeared: published, else created.
func (a *article) date() time.Time {
	if !a.published.IsZero() {
		return a.published
	}
	return a.created
}

var (
	dateRE     = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2})(?::(\d{2}))?)?`)
	fileDateRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[ _T](\d{2})[:.\-](\d{2})[:.\-](\d{2})(?:\.\d+)?`)
)

// parseArticle reads one exported article. LinkedIn writes
//
//	<html><head><title>Title</title></head><body>
//	<img src="cover"> <h1><a href="https://www.linkedin.com/pulse/...">Title</a></h1>
//	<p class="created">Created on 2013-06-10 12:34</p>
//	<p class="published">Published on 2013-06-10 12:40</p>
//	<div>body</div></body></html>
//
// and the parser accepts variations: no cover, no link (a draft), no
// classes on the date lines, the body not wrapped in a <div>, no <h1>.
func parseArticle(name string, data []byte) (*article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s:1: reading the article: %w", name, err)
	}
	a := &article{}
	h1 := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 })
	if h1 != nil {
		a.title = text(h1)
		if link := find(h1, isElement(atom.A)); link != nil {
			a.url = attr(link, "href")
		}
	}
	if a.title == "" {
		if t := find(doc, isElement(atom.Title)); t != nil {
			a.title = text(t)
		}
	}
	dateLines := a.readDates(doc)
	cover := a.readCover(doc, h1)
	a.body = renderBody(doc, h1, func(n *html.Node) bool { return dateLines[n] || n == cover })
	if a.date().IsZero() {
		a.created = fileDate(name)
	}
	return a, nil
}

// readDates fills created and published from the date lines and returns
// those lines, which are not part of the body.
func (a *article) readDates(doc *html.Node) map[*html.Node]bool {
	lines := map[*html.Node]bool{}
	walk(doc, func(n *html.Node) {
		if n.DataAtom != atom.P {
			return
		}
		class, t := strings.ToLower(attr(n, "class")), strings.ToLower(text(n))
		switch {
		case strings.Contains(class, "published") || strings.HasPrefix(t, "published on"):
			a.published, lines[n] = parseDate(t), true
		case strings.Contains(class, "created") || strings.HasPrefix(t, "created on"):
			a.created, lines[n] = parseDate(t), true
		}
	})
	return lines
}

// readCover takes an image that comes before the title as the cover image
// and returns its node.
func (a *article) readCover(doc, h1 *html.Node) *html.Node {
	if h1 == nil {
		return nil
	}
	var cover *html.Node
	done := false
	walk(doc, func(n *html.Node) {
		switch {
		case done:
		case n == h1:
			done = true
		case n.DataAtom == atom.Img && cover == nil && attr(n, "src") != "":
			cover = n
		}
	})
	if cover != nil {
		a.image, a.imageAlt = attr(cover, "src"), attr(cover, "alt")
	}
	return cover
}

// parseDate reads the first date in s, with its time of day if given, in
// UTC: the export does not say which zone it means.
func parseDate(s string) time.Time {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	layout, value := time.DateOnly, m[1]
	if m[2] != "" {
		layout, value = "2006-01-02 15:04", m[1]+" "+m[2]
		if len(m[2]) == 4 {
			value = m[1] + " 0" + m[2]
		}
		if m[3] != "" {
			layout, value = layout+":05", value+":"+m[3]
		}
	}
	t, err := time.Parse(layout, value)
	if err != nil {
		return time.Time{}
	}
	return t
}

// fileDate reads the date LinkedIn puts at the start of an article's file
// name ("2013-06-10 12:34:56.0-Title.html").
func fileDate(name string) time.Time {
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	m := fileDateRE.FindStringSubmatch(base)
	if m == nil {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02 15:04:05", m[1]+" "+m[2]+":"+m[3]+":"+m[4])
	if err != nil {
		return time.Time{}
	}
	return t
}

// renderBody returns the HTML of the article's body: what follows the
// title, or the whole <body> when there is no title, without the nodes
// that skip reports.
func renderBody(doc, h1 *html.Node, skip func(*html.Node) bool) string {
	var nodes []*html.Node
	keep := func(first *html.Node) {
		for s := first; s != nil; s = s.NextSibling {
			if !skip(s) && (s.Type != html.TextNode || strings.TrimSpace(s.Data) != "") {
				nodes = append(nodes, s)
			}
		}
	}
	if h1 != nil {
		// Climb out of wrappers such as <header> until something follows.
		for n := h1; n != nil && n.DataAtom != atom.Body && len(nodes) == 0; n = n.Parent {
			keep(n.NextSibling)
		}
	} else if body := find(doc, isElement(atom.Body)); body != nil {
		keep(body.FirstChild)
	}
	var b bytes.Buffer
	for _, n := range nodes {
		prune(n, skip)
		_ = html.Render(&b, n) // writes to memory
	}
	return b.String()
}

// prune removes the descendants of n that skip reports.
func prune(n *html.Node, skip func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if skip(c) {
			n.RemoveChild(c)
		} else {
			prune(c, skip)
		}
		c = next
	}
}

func isElement(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

// find returns the first node under n, in document order, that match
// accepts.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

// walk calls fn for every element under n in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// text returns the text under n with white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
