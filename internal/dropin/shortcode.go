package dropin

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"github.com/blogen/blogen/internal/embed"
)

// shortcodeCall is one Hugo shortcode: its name and its arguments, by
// position and by name.
type shortcodeCall struct {
	name  string
	pos   []string
	named map[string]string
}

// arg returns the named argument key, else the positional one at i.
func (s *shortcodeCall) arg(key string, i int) string {
	if v, ok := s.named[key]; ok {
		return v
	}
	if i >= 0 && i < len(s.pos) {
		return s.pos[i]
	}
	return ""
}

// parseShortcode reads the inside of {{< ... >}}: a name and arguments,
// each a word, a "quoted string" or key="value".
func parseShortcode(inner string) shortcodeCall {
	call := shortcodeCall{named: map[string]string{}}
	for i, tok := range splitArgs(inner) {
		if i == 0 {
			call.name = tok
			continue
		}
		if k, v, ok := strings.Cut(tok, "="); ok && !strings.HasPrefix(tok, `"`) {
			call.named[k] = unquote(v)
			continue
		}
		call.pos = append(call.pos, unquote(tok))
	}
	return call
}

// splitArgs splits at spaces outside quotes.
func splitArgs(s string) []string {
	var out []string
	var cur strings.Builder
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case quote != 0:
			if b == quote {
				quote = 0
			}
			cur.WriteByte(b)
		case b == '"' || b == '`':
			quote = b
			cur.WriteByte(b)
		case b == ' ' || b == '\t':
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteByte(b)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// unquote drops the quotes around a value.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// shortcode converts the shortcode at pos.
func (c *converter) shortcode() {
	if c.at("{{</*") || c.at("{{%/*") {
		c.commentedShortcode()
		return
	}
	open, closing := "{{<", ">}}"
	if c.at("{{%") {
		open, closing = "{{%", "%}}"
	}
	inner, n, ok := c.tagAt(open, closing)
	if !ok {
		c.literal(open)
		return
	}
	call := parseShortcode(inner)
	switch call.name {
	case "highlight":
		c.pairedShortcode(n, func(body []byte) { c.codeBlock(call.arg("", 0), body) })
	case "ref", "relref":
		c.link(n, call.arg("path", 0), open+" "+inner+" "+closing)
	case "figure":
		c.emitBlock(n, figure(call))
	case "youtube", "vimeo", "x", "tweet", "gist":
		if h := embedHTML(call); h != "" {
			c.emitBlock(n, h)
			return
		}
		c.keep(n, "the %s shortcode names no video, post or gist it knows; give it the id the provider shows in the address", call.name)
	default:
		c.keep(n, "the shortcode %s%s%s is not one of Hugo's built-in ones that blogen knows; it is left in the text: replace it with what it stands for", open, inner, closing)
	}
}

// emit writes h in place of the n bytes at pos.
func (c *converter) emit(n int, h string) {
	c.out.WriteString(h)
	c.advance(n)
}

// emitBlock writes the block-level HTML h in place of the n bytes at pos,
// on lines of its own with blank lines around it, so that Markdown reads
// it as an HTML block: written in the middle of a sentence it would be
// inline HTML inside a paragraph (a <figure> in a <p> is not valid HTML),
// and text on the line after it would be taken into the block unrendered.
// The blank lines carry the line's blockquote and list indentation, so a
// figure in a list item or a quote stays inside it. In a table row the
// HTML is written in place, as a block would end the table.
func (c *converter) emitBlock(n int, h string) {
	done := c.out.Bytes()
	current := done[bytes.LastIndexByte(done, '\n')+1:]
	if bytes.HasPrefix(bytes.TrimLeft(current, " \t"), []byte("|")) {
		c.emit(n, h)
		return
	}
	prefix := continuation(current)
	if len(bytes.TrimSpace(current[len(prefix):])) > 0 {
		c.out.Truncate(len(done) - len(current) + len(bytes.TrimRight(current, " \t")))
		c.out.WriteString("\n" + strings.TrimRight(prefix, " ") + "\n" + prefix)
	}
	c.emit(n, h)
	for c.pos < len(c.src) && (c.src[c.pos] == ' ' || c.src[c.pos] == '\t') {
		c.pos++
	}
	switch rest := c.src[c.pos:]; {
	case len(rest) == 0:
	case rest[0] != '\n':
		c.out.WriteString("\n" + strings.TrimRight(prefix, " ") + "\n" + prefix)
	case !blankLineAt(rest[1:]):
		c.out.WriteString("\n" + strings.TrimRight(prefix, " "))
	}
}

// continuation is the prefix that continues the block a line is in: its
// blockquote markers and indentation, with a list marker turned into
// the spaces that stand for it.
func continuation(line []byte) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case ch == ' ' || ch == '\t' || ch == '>':
			b.WriteByte(ch)
		case (ch == '-' || ch == '*' || ch == '+') && i+1 < len(line) && line[i+1] == ' ':
			b.WriteString("  ")
			i++
		case ch >= '0' && ch <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' ' {
				b.WriteString(strings.Repeat(" ", j+2-i))
				i = j + 1
				continue
			}
			return b.String()
		default:
			return b.String()
		}
	}
	return b.String()
}

// blankLineAt reports whether s starts with a line of blanks, or is empty.
func blankLineAt(s []byte) bool {
	line := s
	if i := bytes.IndexByte(s, '\n'); i >= 0 {
		line = s[:i]
	}
	return len(bytes.Trim(line, " \t>")) == 0
}

// commentedShortcode writes {{</* x */>}}, Hugo's way to show a
// shortcode, as the shortcode's text.
func (c *converter) commentedShortcode() {
	open, closing := c.src[c.pos:c.pos+3], "*/>}}"
	if open[2] == '%' {
		closing = "*/%}}"
	}
	rest := c.src[c.pos+5:]
	end := bytes.Index(rest, []byte(closing))
	if end < 0 || bytes.IndexByte(rest[:end], '\n') >= 0 {
		c.out.Write(open)
		c.pos += 3
		return
	}
	c.out.Write(open)
	c.out.Write(rest[:end])
	c.out.WriteString(closing[2:])
	c.advance(5 + end + len(closing))
}

// pairedShortcode handles a shortcode of n bytes at pos that closes with
// {{< /name >}}: body gets the text between the two.
func (c *converter) pairedShortcode(n int, body func([]byte)) {
	name := parseShortcode(strings.Trim(string(c.src[c.pos+3:c.pos+n-3]), "- \t")).name
	for _, end := range []string{"{{< /" + name + " >}}", "{{</" + name + ">}}", "{{% /" + name + " %}}", "{{%/" + name + "%}}"} {
		if i := bytes.Index(c.src[c.pos+n:], []byte(end)); i >= 0 {
			body(c.src[c.pos+n : c.pos+n+i])
			c.advance(n + i + len(end))
			return
		}
	}
	c.keep(n, "{{< /%s >}} is missing; the shortcode before it is left in the text", name)
}

// attr writes one HTML attribute when its value is not empty.
func attr(b *strings.Builder, name, value string) {
	if value != "" {
		b.WriteString(" " + name + `="` + html.EscapeString(value) + `"`)
	}
}

// figure is the HTML of Hugo's figure shortcode.
func figure(call shortcodeCall) string {
	var b strings.Builder
	b.WriteString("<figure")
	attr(&b, "class", call.arg("class", -1))
	b.WriteString(">")
	link := call.arg("link", -1)
	if link != "" {
		b.WriteString("<a")
		attr(&b, "href", link)
		attr(&b, "target", call.arg("target", -1))
		attr(&b, "rel", call.arg("rel", -1))
		b.WriteString(">")
	}
	b.WriteString("<img")
	attr(&b, "src", call.arg("src", 0))
	b.WriteString(` alt="` + html.EscapeString(cmpOr(call.arg("alt", -1), call.arg("caption", -1), call.arg("title", -1))) + `"`)
	attr(&b, "width", call.arg("width", -1))
	attr(&b, "height", call.arg("height", -1))
	attr(&b, "loading", call.arg("loading", -1))
	b.WriteString(">")
	if link != "" {
		b.WriteString("</a>")
	}
	b.WriteString(figcaption(call))
	b.WriteString("</figure>")
	return b.String()
}

// figcaption is the caption of a figure: its title, caption and credit.
func figcaption(call shortcodeCall) string {
	title, caption, credit := call.arg("title", -1), call.arg("caption", -1), call.arg("attr", -1)
	if title == "" && caption == "" && credit == "" {
		return ""
	}
	var parts []string
	if title != "" {
		parts = append(parts, "<strong>"+html.EscapeString(title)+"</strong>")
	}
	if caption != "" {
		parts = append(parts, html.EscapeString(caption))
	}
	if credit != "" {
		c := html.EscapeString(credit)
		if u := call.arg("attrlink", -1); u != "" {
			c = `<a href="` + html.EscapeString(u) + `">` + c + "</a>"
		}
		parts = append(parts, c)
	}
	return "<figcaption>" + strings.Join(parts, " ") + "</figcaption>"
}

// cmpOr returns the first of its arguments that is not empty.
func cmpOr(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// embedHTML is the HTML of a video, post or gist (see package embed): a
// link to it, which loads nothing from its site until the reader follows
// it or asks to play the video here. It is "" when the shortcode names
// nothing to link to.
func embedHTML(call shortcodeCall) string {
	e := embed.Embed{Title: call.arg("title", -1)}
	switch call.name {
	case "youtube":
		e.Provider, e.ID = embed.YouTube, call.arg("id", 0)
		if start := call.arg("start", -1); start != "" {
			e.Start, _ = strconv.Atoi(start)
		}
	case "vimeo":
		e.Provider, e.ID = embed.Vimeo, call.arg("id", 0)
	case "x", "tweet":
		e.Provider, e.User, e.ID = embed.X, cmpOr(call.arg("user", -1), "i"), call.arg("id", -1)
		if e.ID == "" && len(call.pos) > 0 {
			e.User, e.ID = "i", call.pos[len(call.pos)-1]
		}
	case "gist":
		e.Provider, e.User, e.ID, e.File = embed.Gist, call.arg("user", 0), call.arg("id", 1), call.arg("file", 2)
	}
	return e.HTML()
}
