package dropin

import (
	"bytes"
	"strings"
)

// tagAt reads the Liquid tag ({% ... %}) or shortcode ({{< ... >}},
// {{% ... %}}) at pos: its inner text and its length. ok is false when
// it is not closed on its line.
func (c *converter) tagAt(open, closing string) (inner string, n int, ok bool) {
	rest := c.src[c.pos+len(open):]
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	end := bytes.Index(rest, []byte(closing))
	if end < 0 {
		return "", 0, false
	}
	inner = strings.Trim(string(rest[:end]), "- \t")
	return inner, len(open) + end + len(closing), true
}

// literal copies the opening s at pos, which opens nothing, as text.
func (c *converter) literal(s string) {
	c.out.WriteString(s)
	c.pos += len(s)
}

// findTag returns where the next Liquid tag named name starts after
// from, and its length; start < 0 when there is none.
func (c *converter) findTag(from int, name string) (start, n int) {
	for i := from; i < len(c.src); {
		j := bytes.Index(c.src[i:], []byte("{%"))
		if j < 0 {
			return -1, 0
		}
		start = i + j
		end := bytes.Index(c.src[start+2:], []byte("%}"))
		if end < 0 {
			return -1, 0
		}
		inner := strings.Trim(string(c.src[start+2:start+2+end]), "- \t")
		if inner == name {
			return start, end + 4
		}
		i = start + 2
	}
	return -1, 0
}

// liquidTag converts the {% ... %} tag at pos.
func (c *converter) liquidTag() {
	inner, n, ok := c.tagAt("{%", "%}")
	if !ok {
		c.literal("{%")
		return
	}
	fields := strings.Fields(inner)
	name := ""
	if len(fields) > 0 {
		name = fields[0]
	}
	switch name {
	case "raw":
		c.paired(n, "endraw", func(body []byte) { c.out.Write(body) })
	case "highlight":
		lang := ""
		if len(fields) > 1 {
			lang = fields[1]
		}
		c.paired(n, "endhighlight", func(body []byte) { c.codeBlock(lang, body) })
	case "link", "post_url":
		if len(fields) < 2 {
			c.keep(n, "{%% %s %%} names no post; write the file name of the post it links to", name)
			return
		}
		c.link(n, fields[1], "{% "+inner+" %}")
	default:
		c.keep(n, "the Liquid tag {%% %s %%} is not one blogen knows; it is left in the text: replace it with what it stands for", inner)
	}
}

// paired handles a tag of n bytes at pos that has a closing tag named
// end: body gets the text between the two.
func (c *converter) paired(n int, end string, body func([]byte)) {
	start, m := c.findTag(c.pos+n, end)
	if start < 0 {
		c.keep(n, "{%% %s %%} is missing; the tag before it is left in the text", end)
		return
	}
	body(c.src[c.pos+n : start])
	c.advance(start + m - c.pos)
}

// keep copies the n bytes at pos as they are and reports why.
func (c *converter) keep(n int, format string, args ...any) {
	c.report(format, args...)
	c.out.Write(c.src[c.pos : c.pos+n])
	c.advance(n)
}

// link writes the URL of the post ref names in place of the n bytes at
// pos, or keeps them and reports the reference.
func (c *converter) link(n int, ref, written string) {
	ref = strings.Trim(ref, `"'`)
	target, anchor, _ := strings.Cut(ref, "#")
	u, ok := c.resolve(target)
	if !ok {
		c.keep(n, "%s links to %q, which is no post or page of the site; fix the reference", written, ref)
		return
	}
	if anchor != "" {
		u += "#" + anchor
	}
	c.out.WriteString(u)
	c.advance(n)
}

// resolve asks the linker about ref.
func (c *converter) resolve(ref string) (string, bool) {
	if c.opts.Links == nil || ref == "" {
		return "", false
	}
	return c.opts.Links(ref)
}

// codeBlock writes a fenced code block on lines of its own.
func (c *converter) codeBlock(lang string, body []byte) {
	if b := c.out.Bytes(); len(b) > 0 && b[len(b)-1] != '\n' {
		c.out.WriteByte('\n')
	}
	body = bytes.TrimPrefix(bytes.TrimPrefix(body, []byte("\r")), []byte("\n"))
	fence := "```"
	for bytes.Contains(body, []byte(fence)) {
		fence += "`"
	}
	c.out.WriteString(fence + lang + "\n")
	c.out.Write(bytes.TrimRight(body, " \t"))
	if !bytes.HasSuffix(body, []byte("\n")) {
		c.out.WriteByte('\n')
	}
	c.out.WriteString(fence)
}

// liquidOutput converts {{ site.baseurl }} and {{ site.url }}, and
// reports any other Liquid output closed on its line.
func (c *converter) liquidOutput() {
	inner, n, ok := c.tagAt("{{", "}}")
	if !ok {
		c.literal("{{")
		return
	}
	switch inner {
	case "site.baseurl", "site.url", "site.url | append: site.baseurl":
		if inner != "site.url" {
			c.out.WriteString(c.opts.Base)
		}
		c.advance(n)
	default:
		c.keep(n, "the Liquid output {{ %s }} is not one blogen knows; it is left in the text: replace it with what it stands for", inner)
	}
}

// internalLink converts Zola's @/path.md at pos, in a link.
func (c *converter) internalLink() {
	rest := c.src[c.pos:]
	end := bytes.IndexAny(rest, " \t\n)\"'>")
	if end < 0 {
		end = len(rest)
	}
	ref := string(rest[2:end])
	c.link(end, ref, "@/"+ref)
}
