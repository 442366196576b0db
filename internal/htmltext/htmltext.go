// Package htmltext turns fragments of HTML into plain text, for
// descriptions, feed summaries and search: tags dropped, entities decoded,
// white space folded, and text cut at a word boundary.
package htmltext

import (
	"html"
	"strings"
)

// PlainText strips the tags of an HTML fragment and unescapes its text,
// folding white space. Block-level tags separate words; inline ones do not.
func PlainText(h string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(h, '<')
		if open < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:open])
		end := strings.IndexByte(h[open:], '>')
		if end < 0 {
			break
		}
		if blockTag(h[open+1 : open+end]) {
			b.WriteByte(' ')
		}
		h = h[open+end+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// blockTag reports whether the inside of a tag ("/p", "li class=x") names
// an element that separates words.
func blockTag(tag string) bool {
	name := strings.TrimPrefix(tag, "/")
	if i := strings.IndexAny(name, " \t\n/"); i >= 0 {
		name = name[:i]
	}
	switch strings.ToLower(name) {
	case "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th", "table", "hr", "figure", "figcaption", "section", "dd", "dt":
		return true
	}
	return false
}

// Truncate cuts s to about n bytes at a word boundary, adding an ellipsis.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return strings.TrimRight(s[:cut], " ,.;:") + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
