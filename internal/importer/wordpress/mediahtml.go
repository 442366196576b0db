package wordpress

import (
	"fmt"
	"html"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/blogen/blogen/internal/embed"
)

// blocks holds the HTML of one post that has no Markdown form (galleries,
// audio and video, embeds) while the rest goes through wpautop and
// htmlmd. Each stands in the text as a token paragraph, which both pass
// through as a line of its own, and is put back, on one line, in the
// Markdown: a block of HTML that Markdown keeps as it is.
type blocks struct{ list []string }

var blockTokenRE = regexp.MustCompile(`blogenblock(\d+)q7x`)

// add keeps h and returns its token paragraph.
func (b *blocks) add(h string) string {
	b.list = append(b.list, strings.Join(strings.Fields(h), " "))
	return fmt.Sprintf("\n\n<p>blogenblock%dq7x</p>\n\n", len(b.list)-1)
}

// restore puts the blocks back in place of their tokens.
func (b *blocks) restore(md string) string {
	if len(b.list) == 0 {
		return md
	}
	return blockTokenRE.ReplaceAllStringFunc(md, func(tok string) string {
		i, err := strconv.Atoi(blockTokenRE.FindStringSubmatch(tok)[1])
		if err != nil || i >= len(b.list) {
			return tok
		}
		return b.list[i]
	})
}

// maxColumns is the most gallery columns the theme lays out.
const maxColumns = 6

// gallery renders the images of a [gallery] (those listed in ids or
// include, else the attachments of the post) as a grid of figures with
// their captions, in the number of columns asked (3 by default, at most
// maxColumns). Images the export does not have are left out.
func (e *expander) gallery(sc *shortcode) string {
	ids := idList(sc.attrs["ids"])
	if len(ids) == 0 {
		ids = idList(sc.attrs["include"])
	}
	if len(ids) == 0 {
		ids = e.media.children(e.post)
	}
	cols := 3
	if n, err := strconv.Atoi(strings.TrimSpace(sc.attrs["columns"])); err == nil && n > 0 {
		cols = min(n, maxColumns)
	}
	var b strings.Builder
	for _, id := range ids {
		a, ok := e.media.attachment(id)
		if !ok || a.url == "" {
			continue
		}
		src := html.EscapeString(a.url)
		img := `<img src="` + src + `" alt="` + html.EscapeString(a.altText()) + `">`
		if sc.attrs["link"] == "file" {
			img = `<a href="` + src + `">` + img + `</a>`
		}
		b.WriteString("<figure>" + img)
		if c := cleanFragment(a.caption); c != "" {
			b.WriteString("<figcaption>" + c + "</figcaption>")
		}
		b.WriteString("</figure>")
	}
	if b.Len() == 0 {
		e.removed("gallery")
		return ""
	}
	return e.blocks.add(fmt.Sprintf(`<figure class="gallery gallery-columns-%d">%s</figure>`, cols, b.String()))
}

// cleanFragment returns an HTML fragment with its tags balanced, as the
// HTML parser reads it, so that a caption cannot close the figure it is
// put in; "" when it has no text.
func cleanFragment(s string) string {
	if strings.TrimSpace(plainText(s)) == "" {
		return ""
	}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), &xhtml.Node{Type: xhtml.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption})
	if err != nil {
		return html.EscapeString(plainText(s))
	}
	var b strings.Builder
	for _, n := range nodes {
		if err := xhtml.Render(&b, n); err != nil {
			return html.EscapeString(plainText(s))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// videoAttrs and audioAttrs are the attributes of [video] and [audio]
// that name a file, in the order WordPress tries them.
var (
	videoAttrs = []string{"src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"}
	audioAttrs = []string{"src", "mp3", "ogg", "oga", "wav", "m4a", "wma", "flac"}
)

// mediaTypes are the media types of the files browsers play, by
// extension.
var mediaTypes = map[string]string{
	".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".mov": "video/quicktime",
	".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".wav": "audio/wav", ".m4a": "audio/mp4",
	".flac": "audio/flac", ".opus": "audio/ogg", ".wmv": "", ".flv": "", ".wma": "",
}

// mediaKind tells from its extension whether u is a "video" or an
// "audio" file, or neither ("").
func mediaKind(u string) string {
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	ext := strings.ToLower(path.Ext(p))
	if _, ok := mediaTypes[ext]; !ok {
		return ""
	}
	if t := mediaTypes[ext]; strings.HasPrefix(t, "audio/") || ext == ".wma" {
		return "audio"
	}
	return "video"
}

// mediaShortcode renders [embed], [video], [audio], [youtube] and [vimeo]: a
// video of YouTube or Vimeo (or a post on X) as an embed, an audio or
// video file as an HTML5 player, and any other address as a link on a
// line of its own.
func (e *expander) mediaShortcode(sc *shortcode) string {
	var files []string
	switch sc.name {
	case "video":
		files = attrValues(sc.attrs, videoAttrs)
	case "audio":
		files = attrValues(sc.attrs, audioAttrs)
	}
	u := strings.TrimSpace(plainText(sc.content))
	if u == "" && len(files) > 0 {
		u = files[0]
	}
	if u == "" && len(sc.pos) > 0 {
		u = sc.pos[0]
	}
	if u != "" && sc.name == "vimeo" && number(u) > 0 {
		u = "https://vimeo.com/" + u
	}
	if u != "" && sc.name == "youtube" && !strings.Contains(u, "/") {
		u = "https://www.youtube.com/watch?v=" + u
	}
	u = html.UnescapeString(u)
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		e.removed(sc.name)
		return ""
	}
	if em, ok := embed.Parse(u); ok {
		return e.blocks.add(em.HTML())
	}
	if len(files) == 0 {
		files = []string{u}
	}
	kind := sc.name
	if kind != "video" && kind != "audio" {
		kind = mediaKind(u)
	}
	if kind != "" {
		return e.blocks.add(player(kind, files, sc.attrs["poster"], sc.attrs["width"], sc.attrs["height"]))
	}
	u = html.EscapeString(u)
	return "\n\n<p><a href=\"" + u + "\">" + u + "</a></p>\n\n"
}

// attrValues returns the values of the first of keys that attrs has,
// in order, without repeats.
func attrValues(attrs map[string]string, keys []string) []string {
	var out []string
	for _, k := range keys {
		if v := html.UnescapeString(strings.TrimSpace(attrs[k])); v != "" && webOrLocal(v) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

var dimensionRE = regexp.MustCompile(`^[1-9][0-9]{0,4}$`)

// player is the HTML5 player of an audio or video file: controls, nothing
// loaded before the reader presses play, and a link to the file for
// browsers that cannot play it.
func player(kind string, files []string, poster, width, height string) string {
	var b strings.Builder
	b.WriteString(`<figure class="media media-` + kind + `"><` + kind + ` controls preload="none"`)
	if len(files) == 1 {
		b.WriteString(` src="` + html.EscapeString(files[0]) + `"`)
	}
	if kind == "video" {
		if poster = html.UnescapeString(strings.TrimSpace(poster)); poster != "" {
			b.WriteString(` poster="` + html.EscapeString(poster) + `"`)
		}
		if dimensionRE.MatchString(width) && dimensionRE.MatchString(height) {
			b.WriteString(` width="` + width + `" height="` + height + `"`)
		}
	}
	b.WriteString(">")
	if len(files) > 1 {
		for _, f := range files {
			b.WriteString(`<source src="` + html.EscapeString(f) + `"`)
			if t := mediaTypes[strings.ToLower(path.Ext(f))]; t != "" {
				b.WriteString(` type="` + t + `"`)
			}
			b.WriteString(">")
		}
	}
	b.WriteString(`<a href="` + html.EscapeString(files[0]) + `">Download the ` + kind + `</a></` + kind + `></figure>`)
	return b.String()
}

var (
	mediaTagRE = regexp.MustCompile(`(?is)<(video|audio)\b[^>]*>.*?</(?:video|audio)\s*>`)
	iframeRE   = regexp.MustCompile(`(?is)<iframe\b[^>]*>.*?</iframe\s*>`)
)

// htmlMedia turns the <video> and <audio> elements of a post into the
// same players as the shortcodes (controls, preload="none", no autoplay),
// and the <iframe>s of YouTube and Vimeo players into embeds.
func (e *expander) htmlMedia(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	s = mediaTagRE.ReplaceAllStringFunc(s, func(m string) string {
		n := firstElement(m)
		if n == nil {
			return m
		}
		files := elementSources(n)
		if len(files) == 0 {
			return m
		}
		if em, ok := embed.Parse(files[0]); ok {
			return e.blocks.add(em.HTML())
		}
		return e.blocks.add(player(n.Data, files, attrOf(n, "poster"), attrOf(n, "width"), attrOf(n, "height")))
	})
	return iframeRE.ReplaceAllStringFunc(s, func(m string) string {
		if n := firstElement(m); n != nil {
			if em, ok := embed.Parse(attrOf(n, "src")); ok {
				return e.blocks.add(em.HTML())
			}
		}
		return m
	})
}

// embedLines turns a line that is nothing but the address of a video of
// YouTube or Vimeo or of a post on X, which WordPress shows as an embed,
// into one; the text of <pre> and the like is left alone.
func (e *expander) embedLines(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	s, saved := protect(s)
	s = urlLineRE.ReplaceAllStringFunc(s, func(line string) string {
		if em, ok := embed.Parse(html.UnescapeString(strings.TrimSpace(line))); ok {
			return e.blocks.add(em.HTML())
		}
		return line
	})
	return restore(s, saved)
}

// firstElement parses an HTML fragment and returns its first element.
func firstElement(s string) *xhtml.Node {
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		if n.Type == xhtml.ElementNode {
			return n
		}
	}
	return nil
}

// elementSources returns the src of a media element, else the srcs of
// its <source> children.
func elementSources(n *xhtml.Node) []string {
	if v := attrOf(n, "src"); v != "" && webOrLocal(v) {
		return []string{v}
	}
	var out []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.Data == "source" {
			if v := attrOf(c, "src"); v != "" && webOrLocal(v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// webOrLocal reports whether u is an http or https address, or one
// without a scheme: what a player may load.
func webOrLocal(u string) bool {
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return true
	}
	i := strings.IndexAny(l, ":/?#")
	return i < 0 || l[i] != ':'
}

func attrOf(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
