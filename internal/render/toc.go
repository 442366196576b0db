package render

import (
	"html/template"
	"strings"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/htmltext"
	"github.com/blogen/blogen/internal/pagedata"
)

// anchorHeadings adds a link to itself to every h2, h3 and h4 of a post's
// HTML that has an id (the Markdown renderer gives every heading one), and
// returns the headings in order, for the table of contents.
func anchorHeadings(html string) (string, []pagedata.Heading) {
	var b strings.Builder
	var heads []pagedata.Heading
	rest := html
	for {
		i := strings.Index(rest, "<h")
		if i < 0 || i+4 > len(rest) {
			break
		}
		level := rest[i+2]
		if level < '2' || level > '4' || !strings.HasPrefix(rest[i+3:], ` id="`) {
			b.WriteString(rest[:i+2])
			rest = rest[i+2:]
			continue
		}
		idStart := i + 3 + len(` id="`)
		idEnd := strings.IndexByte(rest[idStart:], '"')
		open := strings.IndexByte(rest[i:], '>')
		closing := "</h" + string(level) + ">"
		end := strings.Index(rest[i:], closing)
		if idEnd < 0 || open < 0 || end < open {
			b.WriteString(rest[:i+2])
			rest = rest[i+2:]
			continue
		}
		id := rest[idStart : idStart+idEnd]
		inner := rest[i+open+1 : i+end]
		text := htmltext.PlainText(inner)
		heads = append(heads, pagedata.Heading{Level: int(level - '0'), ID: id, Text: text})
		b.WriteString(rest[:i+end])
		b.WriteString(`<a class="anchor" href="#`)
		b.WriteString(id)
		b.WriteString(`" aria-label="Link to the section `)
		b.WriteString(template.HTMLEscapeString(text))
		b.WriteString(`">#</a>`)
		b.WriteString(closing)
		rest = rest[i+end+len(closing):]
	}
	if heads == nil {
		return html, nil
	}
	b.WriteString(rest)
	return b.String(), heads
}

// showTOC reports whether a post with n headings shows a table of
// contents: toc: true always, toc: false never, else when it has more
// headings than the site's [toc] headings (0: never).
func showTOC(mode content.TOCMode, n, threshold int) bool {
	switch mode {
	case content.TOCOn:
		return n > 0
	case content.TOCOff:
		return false
	}
	return threshold > 0 && n > threshold
}
