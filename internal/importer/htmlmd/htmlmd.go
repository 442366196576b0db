// Package htmlmd turns the HTML of imported posts into clean Markdown.
//
// It wraps github.com/JohannesKaufmann/html-to-markdown/v2 with the
// CommonMark, table and strikethrough plugins, and adds what blog exports
// need on top:
//
//   - embedded media (<iframe>, <video>, <audio>, <embed>, <object>), which a
//     Markdown renderer would drop, become a link to the media on a line of
//     its own;
//   - a link whose text is its own address becomes an autolink <URL>;
//   - the summary marker <!--more--> survives as a line of its own, where
//     blogen looks for it; other HTML comments are dropped;
//   - elements Markdown has no syntax for stay HTML, which blogen renders
//     in posts: sub, sup, abbr, cite, q, ins, u, small, mark, dfn (big
//     becomes <span class="big">, acronym <abbr>), definition lists,
//     addresses, lists counted backwards (<ol reversed>), and images and
//     figures with a WordPress layout class (alignleft, alignright,
//     aligncenter, size-thumbnail, size-medium), which keep their class,
//     width and height for the theme to style.
//
// ConvertComment is the conversion for reader comments, which blogen
// renders without raw HTML: there the same elements become text that
// reads the same (H₂O, "a quote").
package htmlmd

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// MoreMarker is the line that separates a post's summary from the rest.
const MoreMarker = "<!--more-->"

// moreToken stands in for the marker during conversion: plain letters pass
// through the converter without escaping.
const moreToken = "blogenmoremarkerq7x"

var moreRE = regexp.MustCompile(`(?i)<!--\s*more\b.*?-->`)

var (
	postConverter    = sync.OnceValue(func() *converter.Converter { return newConverter(true) })
	commentConverter = sync.OnceValue(func() *converter.Converter { return newConverter(false) })
)

// newConverter returns a converter for posts, which keeps the elements
// Markdown cannot write as HTML, or for comments, which writes them as
// text.
func newConverter(keepHTML bool) *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),
		strikethrough.NewStrikethroughPlugin(),
	))
	for _, tag := range []string{"iframe", "video", "audio", "embed", "object"} {
		conv.Register.RendererFor(tag, converter.TagTypeBlock, renderEmbed, converter.PriorityEarly)
	}
	conv.Register.Renderer(renderAutolink, converter.PriorityEarly)
	if keepHTML {
		registerKept(conv)
	} else {
		registerCommentText(conv)
	}
	return conv
}

// Convert returns the Markdown for an HTML fragment, trimmed, with no
// trailing newline. It is safe for concurrent use.
func Convert(fragment string) (string, error) {
	if strings.TrimSpace(fragment) == "" {
		return "", nil
	}
	fragment = moreRE.ReplaceAllString(fragment, "<p>"+moreToken+"</p>")
	md, err := postConverter().ConvertString(fragment)
	if err != nil {
		return "", fmt.Errorf("converting HTML to Markdown: %w", err)
	}
	md = strings.ReplaceAll(md, moreToken, MoreMarker)
	return strings.TrimSpace(md), nil
}

// ConvertComment returns the Markdown for the HTML of a reader comment:
// what Convert writes, except that nothing is left as HTML, since
// comments are rendered without it, and the summary marker means nothing.
func ConvertComment(fragment string) (string, error) {
	if strings.TrimSpace(fragment) == "" {
		return "", nil
	}
	md, err := commentConverter().ConvertString(fragment)
	if err != nil {
		return "", fmt.Errorf("converting comment HTML to Markdown: %w", err)
	}
	return strings.TrimSpace(md), nil
}

// renderEmbed writes embedded media as an autolink to its source.
func renderEmbed(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	src := mediaSource(n)
	if src == "" {
		return converter.RenderSuccess
	}
	w.WriteString("\n\n")
	w.WriteString(Link(src))
	w.WriteString("\n\n")
	return converter.RenderSuccess
}

// renderAutolink writes <a href="URL">URL</a> as <URL>; other links are
// left to the CommonMark plugin.
func renderAutolink(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if n.Type != html.ElementNode || n.Data != "a" {
		return converter.RenderTryNext
	}
	href := attr(n, "href")
	text := n.FirstChild
	if text == nil || text.NextSibling != nil || text.Type != html.TextNode || strings.TrimSpace(text.Data) != href {
		return converter.RenderTryNext
	}
	l := strings.ToLower(href)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") || strings.ContainsAny(href, " <>\t\n") {
		return converter.RenderTryNext
	}
	w.WriteString(Link(href))
	return converter.RenderSuccess
}

// Link returns u as a Markdown link: an autolink <u> when u allows one,
// else [u](u) with the URL in angle brackets.
func Link(u string) string {
	if strings.ContainsAny(u, " <>\t\n") {
		return "[" + u + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">)"
	}
	return "<" + u + ">"
}

// mediaSource finds the address of embedded media: its src or data
// attribute, else the src of its first <source> child.
func mediaSource(n *html.Node) string {
	for _, key := range []string{"src", "data"} {
		if v := attr(n, key); isWebURL(v) {
			return v
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "source" || c.Data == "embed") {
			if v := attr(c, "src"); isWebURL(v) {
				return v
			}
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// isWebURL reports whether u is an http(s) or protocol-relative address.
func isWebURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//")
}
