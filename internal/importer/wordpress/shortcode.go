package wordpress

import (
	"github.com/blogen/blogen/internal/importer/htmlmd"

	"html"
	"regexp"
	"strings"
)

// maxAttrLen bounds the search for the "]" that ends a shortcode's opening
// tag, so that text full of "[" stays linear to scan.
const maxAttrLen = 4096

// maxDepth bounds shortcodes nested inside shortcodes.
const maxDepth = 8

// shortcode is one [name attrs]content[/name] in a post.
type shortcode struct {
	name    string
	attrs   map[string]string // named attributes, keys lower-cased
	pos     []string          // positional attributes
	content string            // what is between the tags; "" when self-closing
	closed  bool              // has a closing [/name] tag
}

// knownShortcodes are the names treated as shortcodes even with no
// attributes. Any other name counts as a shortcode only when it has a
// name=value attribute or a closing tag, so that "[sic]", "[1]" or
// "[see page 5]" stay text, as they do in WordPress when no plugin claims
// them.
var knownShortcodes = map[string]bool{
	"caption": true, "wp_caption": true, "gallery": true, "embed": true,
	"video": true, "audio": true, "playlist": true, "code": true,
	"sourcecode": true, "source": true, "youtube": true, "vimeo": true,
}

// expander turns the shortcodes of one post into HTML. See the package
// documentation for what each becomes.
type expander struct {
	media   mediaIndex
	post    int64
	removed func(name string)
	noClose map[string]bool // names known to have no closing tag further on
	depth   int
	blocks  *blocks // the HTML kept as it is, see mediahtml.go
}

// mediaIndex answers questions about the export's attachments.
type mediaIndex interface {
	attachment(id int64) (attachment, bool)
	children(parent int64) []int64
}

func newExpander(media mediaIndex, post int64, removed func(string)) *expander {
	return &expander{media: media, post: post, removed: removed, noClose: map[string]bool{}, blocks: &blocks{}}
}

// expand replaces every shortcode in s.
func (e *expander) expand(s string) string {
	if !strings.Contains(s, "[") || e.depth >= maxDepth {
		return s
	}
	e.depth++
	defer func() { e.depth-- }()
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		out, n := e.at(s)
		b.WriteString(out)
		s = s[n:]
	}
}

// at handles the "[" at the start of s, returning what to write and how
// many bytes of s that consumes.
func (e *expander) at(s string) (string, int) {
	if strings.HasPrefix(s, "[[") {
		if sc, n, ok := e.parse(s[1:]); ok && sc != nil && strings.HasPrefix(s[1+n:], "]") {
			return s[1 : 1+n], n + 2 // [[gallery]] is how WordPress writes a literal [gallery]
		}
	}
	sc, n, ok := e.parse(s)
	if !ok {
		return "[", 1
	}
	return e.render(sc), n
}

var nameRE = regexp.MustCompile(`^\[([A-Za-z][\w-]*)`)

// parse reads the shortcode at the start of s. It reports false when s does
// not start with one.
func (e *expander) parse(s string) (*shortcode, int, bool) {
	m := nameRE.FindStringSubmatch(s)
	if m == nil {
		return nil, 0, false
	}
	name := m[1]
	rest := s[len(m[0]):]
	if rest == "" || !strings.ContainsRune(" \t\n]/=", rune(rest[0])) {
		return nil, 0, false
	}
	end := strings.IndexByte(rest[:min(len(rest), maxAttrLen)], ']')
	if end < 0 {
		return nil, 0, false
	}
	attrText := rest[:end]
	n := len(m[0]) + end + 1
	sc := &shortcode{name: strings.ToLower(name)}
	selfClosing := strings.HasSuffix(attrText, "/")
	sc.attrs, sc.pos = parseAttrs(strings.TrimSuffix(attrText, "/"))
	if !selfClosing {
		if body, k, ok := e.closing(s[n:], name); ok {
			sc.content, sc.closed = body, true
			n += k
		}
	}
	if !knownShortcodes[sc.name] && !sc.closed && len(sc.attrs) == 0 {
		return nil, 0, false
	}
	return sc, n, true
}

// closing finds [/name] in s and returns what comes before it and the bytes
// consumed up to its end.
func (e *expander) closing(s, name string) (string, int, bool) {
	if e.noClose[name] {
		return "", 0, false
	}
	tag := "[/" + name + "]"
	i := strings.Index(s, tag)
	if i < 0 {
		e.noClose[name] = true
		return "", 0, false
	}
	return s[:i], i + len(tag), true
}

var attrRE = regexp.MustCompile(`([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)`)

// parseAttrs reads shortcode attributes the way WordPress does: name="v",
// name='v', name=v, and positional "v", 'v' or v. Jetpack's [youtube=URL]
// form gives one positional value.
func parseAttrs(s string) (map[string]string, []string) {
	attrs := map[string]string{}
	var pos []string
	s = strings.NewReplacer("\u00a0", " ", "\u200b", " ").Replace(s)
	if v, ok := strings.CutPrefix(s, "="); ok {
		return attrs, []string{strings.TrimSpace(v)}
	}
	for _, m := range attrRE.FindAllStringSubmatch(s, -1) {
		switch {
		case m[1] != "":
			attrs[strings.ToLower(m[1])] = m[2]
		case m[3] != "":
			attrs[strings.ToLower(m[3])] = m[4]
		case m[5] != "":
			attrs[strings.ToLower(m[5])] = m[6]
		case m[7] != "" || m[8] != "":
			pos = append(pos, m[7]+m[8])
		case m[9] != "":
			pos = append(pos, m[9])
		}
	}
	return attrs, pos
}

// render returns the HTML that stands for a shortcode.
func (e *expander) render(sc *shortcode) string {
	switch sc.name {
	case "caption", "wp_caption":
		return e.caption(sc)
	case "gallery":
		return e.gallery(sc)
	case "embed", "video", "audio", "youtube", "vimeo":
		return e.mediaShortcode(sc)
	case "code", "sourcecode", "source":
		return codeBlock(sc)
	}
	e.removed(sc.name)
	if sc.closed {
		return e.expand(sc.content)
	}
	return ""
}

var captionRE = regexp.MustCompile(`(?is)^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$`)

// caption renders [caption]<img> text[/caption] as the image in a paragraph
// of its own followed by the caption in italics. The caption also becomes
// the image's alt text when the image has none.
func (e *expander) caption(sc *shortcode) string {
	content := e.expand(sc.content)
	img, text := content, sc.attrs["caption"]
	if m := captionRE.FindStringSubmatch(content); m != nil {
		img = m[1]
		if text == "" {
			text = strings.TrimSpace(m[2])
		}
	}
	img = withAlt(img, plainText(text))
	if align := captionAlign(sc.attrs["align"]); align != "" && captionRE.MatchString(content) {
		return e.placedFigure(align, img, text)
	}
	out := "\n\n<p>" + strings.TrimSpace(img) + "</p>\n\n"
	switch text = strings.TrimSpace(text); {
	case text == "":
	case blockOpenRE.MatchString(text):
		out += text + "\n\n" // a caption of whole blocks stays as it is
	default:
		out += "<p><em>" + text + "</em></p>\n\n"
	}
	return out
}

// placedFigure is a [caption] that its author placed (align) as a block
// kept in the HTML: the figure goes through htmlmd on its own, which keeps
// only the attributes it trusts, so that wpautop cannot break it apart.
func (e *expander) placedFigure(align, img, caption string) string {
	fig := `<figure class="` + align + `">` + strings.TrimSpace(img) + "<figcaption>" + strings.TrimSpace(caption) + "</figcaption></figure>"
	md, err := htmlmd.Convert(fig)
	if err != nil || !strings.HasPrefix(md, "<figure") {
		return "\n\n<p>" + strings.TrimSpace(img) + "</p>\n\n<p><em>" + strings.TrimSpace(caption) + "</em></p>\n\n"
	}
	return e.blocks.add(md)
}

// captionAlign is the class of a [caption]'s align attribute that places
// the figure (alignleft, alignright, aligncenter), or "" for alignnone or
// anything else: such a figure is kept as HTML for the theme to place,
// where an unplaced one becomes a Markdown image and its caption.
func captionAlign(align string) string {
	switch align = strings.ToLower(strings.TrimSpace(align)); align {
	case "alignleft", "alignright", "aligncenter":
		return align
	}
	return ""
}

var (
	imgTagRE   = regexp.MustCompile(`(?is)<img\s[^>]*>`)
	altValueRE = regexp.MustCompile(`(?is)\salt\s*=\s*("[^"]*"|'[^']*')`)
)

// withAlt gives the first <img> in s the alt text alt, unless it already
// has a non-empty one.
func withAlt(s, alt string) string {
	if alt == "" {
		return s
	}
	loc := imgTagRE.FindStringIndex(s)
	if loc == nil {
		return s
	}
	tag := s[loc[0]:loc[1]]
	if m := altValueRE.FindStringSubmatch(tag); m != nil {
		if strings.Trim(m[1], `"' `) != "" {
			return s
		}
		tag = altValueRE.ReplaceAllString(tag, "")
	}
	tag = tag[:4] + ` alt="` + html.EscapeString(alt) + `"` + tag[4:]
	return s[:loc[0]] + tag + s[loc[1]:]
}

func idList(s string) []int64 {
	var ids []int64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if id := number(strings.TrimSpace(f)); id > 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

var langRE = regexp.MustCompile(`^[A-Za-z0-9+#_-]{1,30}$`)

// codeBlock renders the code shortcodes of SyntaxHighlighter and
// WordPress.com as a code block in the named language.
func codeBlock(sc *shortcode) string {
	lang := sc.attrs["language"]
	if lang == "" {
		lang = sc.attrs["lang"]
	}
	if lang == "" && len(sc.pos) > 0 {
		lang = sc.pos[0]
	}
	class := ""
	if langRE.MatchString(lang) {
		class = ` class="language-` + strings.ToLower(lang) + `"`
	}
	code := strings.Trim(html.UnescapeString(sc.content), "\n")
	return "\n\n<pre><code" + class + ">" + html.EscapeString(code) + "</code></pre>\n\n"
}

var (
	breakRE = regexp.MustCompile(`(?i)<br\s*/?>|</(?:p|div|li|h[1-6])>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
)

// plainText strips tags and entities and collapses white space.
func plainText(s string) string {
	s = tagRE.ReplaceAllString(breakRE.ReplaceAllString(s, " "), "")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}
