package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// CommentRenderer renders untrusted reader comments to safe HTML (see the
// package doc). It is safe for concurrent use.
type CommentRenderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// NewCommentRenderer returns a CommentRenderer.
func NewCommentRenderer() *CommentRenderer {
	md := goldmark.New(
		goldmark.WithExtensions(linkify, extension.Strikethrough,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute))),
		goldmark.WithRendererOptions(
			html.WithHardWraps(),
			renderer.WithNodeRenderers(util.Prioritized(commentNodeRenderer{}, 100)),
		),
	)
	return &CommentRenderer{md: md, policy: commentPolicy()}
}

// Render renders the comment src to sanitised HTML.
func (c *CommentRenderer) Render(src []byte) ([]byte, error) {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := c.md.Convert(src, buf); err != nil {
		return nil, fmt.Errorf("markdown: render comment: %w", err)
	}
	return c.policy.SanitizeBytes(buf.Bytes()), nil
}

// commentPolicy is the sanitiser every comment passes through, built once.
var commentPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "del",
		"table", "thead", "tbody", "tr", "th", "td")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|center|right)$`)).OnElements("th", "td")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^nofollow ugc$`)).OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.RequireNoFollowOnLinks(true)
	return p
})

// commentRel is the rel attribute of every link in a comment.
const commentRel = `" rel="nofollow ugc">`

// commentNodeRenderer overrides goldmark's HTML for the nodes a comment
// may not render as written.
type commentNodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (commentNodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTMLAsText)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlockAsText)
	reg.Register(ast.KindLink, renderCommentLink)
	reg.Register(ast.KindAutoLink, renderCommentAutoLink)
	reg.Register(ast.KindImage, renderCommentImage)
	reg.Register(ast.KindHeading, renderHeadingAsParagraph)
	reg.Register(ast.KindThematicBreak, renderNothing)
	reg.Register(ast.KindCodeBlock, renderPlainCode)
	reg.Register(ast.KindFencedCodeBlock, renderPlainCode)
}

// renderRawHTMLAsText writes inline HTML as escaped text.
func renderRawHTMLAsText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.RawHTML)
		_, _ = w.Write(util.EscapeHTML(segmentsValue(n.Segments, src)))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlockAsText writes an HTML block as a paragraph of escaped
// text, one <br> per line break.
func renderHTMLBlockAsText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	v := segmentsValue(n.Lines(), src)
	if n.HasClosure() {
		v = append(v, n.ClosureLine.Value(src)...)
	}
	_, _ = w.WriteString("<p>")
	for i, line := range splitLines(util.TrimRightSpace(v)) {
		if i > 0 {
			_, _ = w.WriteString("<br>\n")
		}
		_, _ = w.Write(util.EscapeHTML(line))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// splitLines splits b at newlines and trims trailing white space (such as
// a carriage return) from each line.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != '\n' {
			i++
		}
		lines = append(lines, util.TrimRightSpace(b[:i]))
		if i < len(b) {
			i++
		}
		b = b[i:]
	}
	return lines
}

// renderCommentLink writes a link with an allowed target as
// <a href="…" rel="nofollow ugc">, and any other link as its bare text.
func renderCommentLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	href := util.URLEscape(n.Destination, true)
	if !allowedCommentURL(n.Destination) || !allowedCommentURL(href) {
		return ast.WalkContinue, nil
	}
	writeLinkTag(w, href, entering)
	return ast.WalkContinue, nil
}

// renderCommentAutoLink writes a bare URL or e-mail address as a link when
// its scheme is allowed, else as text.
func renderCommentAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	href := util.URLEscape(autoLinkURL(n, src), false)
	allowed := allowedCommentURL(href)
	if allowed {
		writeLinkTag(w, href, true)
	}
	_, _ = w.Write(util.EscapeHTML(n.Label(src)))
	if allowed {
		writeLinkTag(w, href, false)
	}
	return ast.WalkContinue, nil
}

// autoLinkURL returns the target of n, with "mailto:" for an e-mail address.
func autoLinkURL(n *ast.AutoLink, src []byte) []byte {
	u := n.URL(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
		u = append([]byte("mailto:"), u...)
	}
	return u
}

// renderCommentImage writes an image as a link to it, labelled with its
// description (or its URL when it has none); when the URL is not allowed,
// only the description remains.
func renderCommentImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.Image)
	label := resolveText(plainText(n, src))
	href := util.URLEscape(n.Destination, true)
	allowed := allowedCommentURL(n.Destination) && allowedCommentURL(href)
	if allowed && len(label) == 0 {
		label = href
	}
	if allowed {
		writeLinkTag(w, href, true)
	}
	_, _ = w.Write(util.EscapeHTML(label))
	if allowed {
		writeLinkTag(w, href, false)
	}
	return ast.WalkSkipChildren, nil
}

// writeLinkTag writes the opening tag of a comment link, or its closing tag.
func writeLinkTag(w util.BufWriter, href []byte, opening bool) {
	if !opening {
		_, _ = w.WriteString("</a>")
		return
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(href))
	_, _ = w.WriteString(commentRel)
}

// allowedCommentURL reports whether u is an absolute http or https URL with
// a host, or a mailto URL, free of spaces and control characters.
func allowedCommentURL(u []byte) bool {
	for _, c := range u {
		if c <= ' ' || c == 0x7f {
			return false
		}
	}
	p, err := url.Parse(string(u))
	if err != nil {
		return false
	}
	switch p.Scheme {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

// plainText returns the text of n's inline descendants, as written.
func plainText(n ast.Node, src []byte) []byte {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		case *ast.RawHTML:
			b = append(b, segmentsValue(c.Segments, src)...)
		}
		return ast.WalkContinue, nil
	})
	return b
}

// renderHeadingAsParagraph writes a heading as a plain paragraph.
func renderHeadingAsParagraph(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<p>")
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// renderNothing drops a node and its children.
func renderNothing(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// renderPlainCode writes a code block as escaped text in <pre><code>,
// without a language class.
func renderPlainCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<pre><code>")
	_, _ = w.Write(util.EscapeHTML(segmentsValue(node.Lines(), src)))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
