package comments

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// collector walks the Markdown tree of a comment.
type collector struct {
	src        []byte
	a          *analysis
	open       []*link // links whose text is being read, innermost last
	quote      int     // depth of block quotes
	inCode     int     // depth of code spans
	rawText    string  // an HTML element whose text is not prose (script, style)
	last       int     // end of the last text segment, -1 after a break
	codeRanges [][2]int
	prose      strings.Builder
	quoted     strings.Builder
	code       strings.Builder
	anchors    strings.Builder
}

// visit is the ast.Walker of the collector.
func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.Type() == ast.TypeBlock {
		c.last = -1
	}
	switch n := n.(type) {
	case *ast.Blockquote:
		c.quote += step(entering)
	case *ast.CodeSpan:
		c.inCode += step(entering)
	case *ast.Link:
		c.markdownLink(string(n.Destination), kindMarkdown, entering)
	case *ast.Image:
		c.markdownLink(string(n.Destination), kindImage, entering)
	case *ast.AutoLink:
		if entering {
			c.autoLink(n)
		}
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		if entering {
			c.segment(n.Segment)
			if n.SoftLineBreak() || n.HardLineBreak() {
				c.last = -1
			}
		}
	case *ast.String:
		if entering {
			c.write(string(n.Value), false)
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if entering {
			c.codeBlock(n)
		}
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		if entering {
			c.rawHTML(n.Segments)
		}
	case *ast.HTMLBlock:
		if entering {
			c.htmlBlock(n)
		}
	}
	return ast.WalkContinue, nil
}

func step(entering bool) int {
	if entering {
		return 1
	}
	return -1
}

// sink is where text read now belongs.
func (c *collector) sink() *strings.Builder {
	switch {
	case len(c.open) > 0:
		return &c.open[len(c.open)-1].text
	case c.inCode > 0:
		return &c.code
	case c.quote > 0:
		return &c.quoted
	}
	return &c.prose
}

// write appends s to the current sink, after a space unless it continues
// the text before it.
func (c *collector) write(s string, adjacent bool) {
	if c.rawText != "" {
		return
	}
	b := c.sink()
	if !adjacent && b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(s)
}

// segment writes a text segment of the source.
func (c *collector) segment(seg text.Segment) {
	v := string(seg.Value(c.src))
	if c.inCode > 0 {
		c.codeRanges = append(c.codeRanges, [2]int{seg.Start, seg.Stop})
	} else {
		v = html.UnescapeString(v)
	}
	c.write(v, seg.Start == c.last)
	c.last = seg.Stop
}

// autoLink records an autolink; inside the text of another link (an HTML
// anchor around a bare URL) its label is also that link's text. E-mail
// addresses are not links.
func (c *collector) autoLink(n *ast.AutoLink) {
	if len(c.open) > 0 {
		c.write(string(n.Label(c.src)), false)
	}
	if n.AutoLinkType == ast.AutoLinkURL {
		c.a.add(string(n.URL(c.src)), kindAutolink, "")
	}
}

// codeBlock writes the lines of an indented or fenced code block.
func (c *collector) codeBlock(n ast.Node) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		c.codeRanges = append(c.codeRanges, [2]int{seg.Start, seg.Stop})
		c.code.WriteString(string(seg.Value(c.src)))
		c.code.WriteByte(' ')
	}
}

// markdownLink opens a Markdown link or image on entering and closes it on
// leaving, with any HTML anchors still open inside it.
func (c *collector) markdownLink(dest string, kind linkKind, entering bool) {
	c.last = -1
	if entering {
		c.open = append(c.open, &link{raw: dest, kind: kind})
		return
	}
	for len(c.open) > 0 {
		if k := c.pop().kind; k == kindMarkdown || k == kindImage {
			return
		}
	}
}

// pop closes the innermost open link and records it.
func (c *collector) pop() *link {
	l := c.open[len(c.open)-1]
	c.open = c.open[:len(c.open)-1]
	anchor := strings.Join(strings.Fields(l.text.String()), " ")
	if anchor != "" {
		c.anchors.WriteString(anchor)
		c.anchors.WriteByte(' ')
	}
	c.a.add(l.raw, l.kind, anchor)
	return l
}

// rawHTML reads inline HTML: the tags of a paragraph, whose text in between
// comes as Markdown text.
func (c *collector) rawHTML(segs *text.Segments) {
	var b strings.Builder
	for i := range segs.Len() {
		seg := segs.At(i)
		b.Write(seg.Value(c.src))
	}
	c.html(b.String())
}

// htmlBlock reads a block of HTML, tags and text.
func (c *collector) htmlBlock(n *ast.HTMLBlock) {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(c.src))
	}
	c.html(b.String())
	c.last = -1
}

// html tokenises a piece of HTML: anchors open and close links, images are
// links, text is written where it belongs.
func (c *collector) html(s string) {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			c.write(string(z.Text()), false)
		case html.StartTagToken, html.SelfClosingTagToken:
			c.startTag(z, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			c.endTag(string(name))
		}
	}
}

// rawTextElements are HTML elements whose content is not text for readers.
var rawTextElements = map[string]bool{"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true, "noscript": true, "template": true}

// startTag handles one start tag: <a href> opens a link, <img src> is one.
func (c *collector) startTag(z *html.Tokenizer, selfClosing bool) {
	name, _ := z.TagName()
	attrs := attributes(z)
	c.last = -1
	switch tag := string(name); {
	case tag == "a":
		href, ok := attrs["href"]
		if !ok {
			return
		}
		l := &link{raw: href, kind: kindHTML}
		c.open = append(c.open, l)
		if selfClosing {
			c.pop()
		}
	case tag == "img":
		if src, ok := attrs["src"]; ok {
			c.a.add(src, kindImage, strings.TrimSpace(attrs["alt"]))
		}
	case rawTextElements[tag] && !selfClosing:
		c.rawText = tag
	}
}

// endTag closes what startTag opened.
func (c *collector) endTag(tag string) {
	c.last = -1
	switch {
	case tag == c.rawText:
		c.rawText = ""
	case tag == "a":
		for i := len(c.open) - 1; i >= 0; i-- {
			if c.open[i].kind == kindHTML {
				for len(c.open) > i {
					c.pop()
				}
				return
			}
		}
	}
}

// attributes returns the attributes of the current tag, names in lower
// case, values with entities decoded; the first of repeated names wins.
func attributes(z *html.Tokenizer) map[string]string {
	out := map[string]string{}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if k == nil {
			break
		}
		if _, dup := out[string(k)]; !dup {
			out[string(k)] = string(v)
		}
	}
	return out
}
