package htmlmd

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keptInline are the inline elements that Markdown has no syntax for,
// with the attributes each keeps. They are written as HTML around their
// content, which is converted to Markdown as usual.
var keptInline = map[string][]string{
	"sub": nil, "sup": nil, "cite": nil, "u": nil, "small": nil, "mark": nil,
	"abbr": {"title"}, "acronym": {"title"}, "dfn": {"title"},
	"q": {"cite"}, "ins": {"cite", "datetime"},
	"big": nil,
}

// renamed are obsolete elements written as their HTML5 equivalent: the
// Nu HTML Checker refuses <big> and <acronym>; the theme styles .big.
var renamed = map[string]struct{ name, class string }{
	"big":     {"span", "big"},
	"acronym": {"abbr", ""},
}

// keptBlocks are the block elements kept as HTML: definition lists and
// addresses have no Markdown form. Lists counted backwards and aligned
// images and figures are kept too, when they are (see keepsBlock).
var keptBlocks = []string{"dl", "address", "ol", "figure", "img"}

// keptAttrs are the attributes written on the elements of a kept block;
// any other (style, id, event handlers) is dropped.
var keptAttrs = map[string][]string{
	"a":       {"href", "title"},
	"img":     {"src", "alt", "title", "width", "height", "class"},
	"figure":  {"class"},
	"ol":      {"reversed", "start", "type"},
	"li":      {"value"},
	"abbr":    {"title"},
	"acronym": {"title"},
	"dfn":     {"title"},
	"q":       {"cite"},
	"ins":     {"cite", "datetime"},
	"del":     {"cite", "datetime"},
}

// droppedInBlocks are elements left out of a kept block, with their
// content.
var droppedInBlocks = map[string]bool{"script": true, "style": true, "noscript": true, "template": true}

// imageLayout matches the classes that say how WordPress lays an image
// out: floated or centred, or shown at a size the author chose.
var imageLayout = regexp.MustCompile(`(?:^|\s)(?:align(?:left|right|center)|size-(?:thumbnail|medium|medium_large))(?:\s|$)`)

// registerKept adds the renderers that keep elements as HTML.
func registerKept(conv *converter.Converter) {
	for name := range keptInline {
		conv.Register.RendererFor(name, converter.TagTypeInline, renderKeptInline, converter.PriorityEarly)
	}
	for _, name := range keptBlocks {
		tagType := converter.TagTypeBlock
		if name == "img" {
			tagType = converter.TagTypeInline
		}
		conv.Register.RendererFor(name, tagType, renderKeptBlock, converter.PriorityEarly)
	}
}

// renderKeptInline writes an element of keptInline as its tag around its
// converted content.
func renderKeptInline(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	var inner bytes.Buffer
	ctx.RenderChildNodes(ctx, &inner, n)
	if strings.TrimSpace(inner.String()) == "" {
		w.Write(inner.Bytes())
		return converter.RenderSuccess
	}
	name, class := n.Data, ""
	if r, ok := renamed[name]; ok {
		name, class = r.name, r.class
	}
	w.WriteString("<" + name)
	if class != "" {
		w.WriteString(` class="` + class + `"`)
	}
	for _, key := range keptInline[n.Data] {
		if v, ok := attrOK(n, key); ok {
			w.WriteString(" " + key + `="` + html.EscapeString(v) + `"`)
		}
	}
	w.WriteString(">")
	w.Write(inner.Bytes())
	w.WriteString("</" + name + ">")
	return converter.RenderSuccess
}

// keepsBlock reports whether a block element stays HTML: always for dl
// and address, for ol only when counted backwards (start alone has a
// Markdown form), for img and figure only with a layout class.
func keepsBlock(n *html.Node) bool {
	switch n.Data {
	case "dl", "address":
		return true
	case "ol":
		_, ok := attrOK(n, "reversed")
		return ok
	case "img", "figure":
		return imageLayout.MatchString(attr(n, "class"))
	}
	return false
}

// renderKeptBlock writes an element that keepsBlock accepts as HTML,
// cleaned, with no blank line inside so that Markdown reads it as one
// HTML block.
func renderKeptBlock(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if !keepsBlock(n) {
		return converter.RenderTryNext
	}
	if isEmpty(n) {
		return converter.RenderSuccess
	}
	var buf bytes.Buffer
	if err := html.Render(&buf, cleanCopy(captionFigure(n))); err != nil {
		return converter.RenderTryNext
	}
	out := blankLines.ReplaceAllString(strings.TrimSpace(buf.String()), "\n")
	if n.Data == "img" {
		w.WriteString(out)
		return converter.RenderSuccess
	}
	w.WriteString("\n\n" + out + "\n\n")
	return converter.RenderSuccess
}

// isEmpty reports whether n shows nothing: no text and no image.
func isEmpty(n *html.Node) bool {
	if n.Data == "img" || strings.TrimSpace(dom.CollectText(n)) != "" {
		return false
	}
	return dom.FindFirstNode(n, func(c *html.Node) bool { return c.Data == "img" }) == nil
}

// captionFigure returns the figure that an image caption of older
// WordPress themes means, <dl class="wp-caption alignright"><dt>image
// </dt><dd>caption</dd></dl>: <figure class="alignright">image
// <figcaption>caption</figcaption></figure>. Any other node is returned
// as it is.
func captionFigure(n *html.Node) *html.Node {
	if n.Data != "dl" || !slices.Contains(strings.Fields(attr(n, "class")), "wp-caption") {
		return n
	}
	fig := &html.Node{Type: html.ElementNode, Data: "figure", DataAtom: atom.Figure}
	var layout []string
	for _, c := range strings.Fields(attr(n, "class")) {
		if imageLayout.MatchString(c) {
			layout = append(layout, c)
		}
	}
	if len(layout) > 0 {
		fig.Attr = []html.Attribute{{Key: "class", Val: strings.Join(layout, " ")}}
	}
	caption := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
	for _, part := range dom.AllChildNodes(n) {
		dst := fig
		if part.Data == "dd" {
			dst = caption
		}
		for c := part.FirstChild; c != nil; c = c.NextSibling {
			dst.AppendChild(cleanCopy(c))
		}
	}
	if caption.FirstChild != nil {
		fig.AppendChild(caption)
	}
	return fig
}

var blankLines = regexp.MustCompile(`\n[ \t\r]*\n[\s]*`)

// cleanCopy returns a copy of n and its descendants with only the
// attributes of keptAttrs, without the elements of droppedInBlocks and
// comments, and with obsolete elements renamed.
func cleanCopy(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, Data: n.Data, DataAtom: n.DataAtom}
	if n.Type == html.ElementNode {
		if r, ok := renamed[n.Data]; ok {
			c.Data, c.DataAtom = r.name, atom.Lookup([]byte(r.name))
			if r.class != "" {
				c.Attr = append(c.Attr, html.Attribute{Key: "class", Val: r.class})
			}
		}
		for _, key := range keptAttrs[n.Data] {
			if v, ok := attrOK(n, key); ok {
				c.Attr = append(c.Attr, html.Attribute{Key: key, Val: v})
			}
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.CommentNode || ch.Type == html.ElementNode && droppedInBlocks[ch.Data] {
			continue
		}
		c.AppendChild(cleanCopy(ch))
	}
	return c
}

// attrOK returns the value of an attribute n has, unless it is a link to
// a script or other active content.
func attrOK(n *html.Node, key string) (string, bool) {
	i := slices.IndexFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key && a.Namespace == "" })
	if i < 0 {
		return "", false
	}
	v := n.Attr[i].Val
	if key == "cite" && strings.ContainsFunc(v, unicode.IsSpace) {
		return "", false // a note, not the address of a source
	}
	if key == "href" || key == "src" || key == "cite" {
		l := strings.ToLower(strings.TrimSpace(v))
		for _, bad := range []string{"javascript:", "vbscript:", "data:"} {
			if strings.HasPrefix(strings.Join(strings.Fields(l), ""), bad) {
				return "", false
			}
		}
	}
	return v, true
}
