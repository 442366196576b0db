package markdown

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MentionOptions turn @handle and #hashtag in posts into links. The zero
// value leaves them as text.
type MentionOptions struct {
	// Enabled turns recognition on.
	Enabled bool
	// MentionURL is a fmt pattern with one %s for a handle that is no
	// author's, e.g. "https://x.com/%s". Empty: such handles stay text.
	MentionURL string
	// HashtagURL is a fmt pattern with one %s for a hashtag that has no
	// tag page, e.g. "https://x.com/hashtag/%s". Empty: such tags stay text.
	HashtagURL string
}

// Validate reports a MentionURL or HashtagURL that is not empty and does not
// hold exactly one %s verb (a literal percent sign is written %%).
func (o MentionOptions) Validate() error {
	var errs []error
	if !validPattern(o.MentionURL) {
		errs = append(errs, fmt.Errorf("markdown: mention URL pattern %q: want exactly one %%s", o.MentionURL))
	}
	if !validPattern(o.HashtagURL) {
		errs = append(errs, fmt.Errorf("markdown: hashtag URL pattern %q: want exactly one %%s", o.HashtagURL))
	}
	return errors.Join(errs...)
}

// validPattern reports whether p is empty or a fmt pattern whose only verb
// is a single %s.
func validPattern(p string) bool {
	if p == "" {
		return true
	}
	rest := strings.ReplaceAll(p, "%%", "")
	return strings.Count(rest, "%") == 1 && strings.Count(rest, "%s") == 1
}

const (
	maxHandleLen  = 30  // bytes (handles are ASCII)
	maxHashtagLen = 100 // runes
)

var (
	// resolverKey holds the Resolver of the current Render call.
	resolverKey = parser.NewContextKey()
	// mentionsKey holds the *mentionList of the document being parsed.
	mentionsKey = parser.NewContextKey()
	// kindMention is the AST node kind of a recognised @handle or #hashtag.
	kindMention = ast.NewNodeKind("Mention")
)

// mentionNode is a recognised @handle or #hashtag, already resolved to the
// URL it links to.
type mentionNode struct {
	ast.BaseInline
	segment  text.Segment // the source text, sigil included
	hashtag  bool
	url      string
	external bool
}

// Kind implements ast.Node.
func (n *mentionNode) Kind() ast.NodeKind { return kindMention }

// Dump implements ast.Node.
func (n *mentionNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Text": string(n.segment.Value(source)),
		"URL":  n.url,
	}, nil)
}

// class returns the value of the link's class attribute.
func (n *mentionNode) class() string {
	switch {
	case n.hashtag && n.external:
		return "hashtag hashtag-external"
	case n.hashtag:
		return "hashtag"
	case n.external:
		return "mention mention-external"
	default:
		return "mention"
	}
}

// mentionList collects the mention nodes of one document, so that the
// transformer visits only them instead of the whole tree.
type mentionList struct {
	nodes []*mentionNode
}

// mentionExtension is the goldmark extension for mentions and hashtags.
type mentionExtension struct {
	cfg MentionOptions
}

// newMentionExtension returns the extension for cfg, ignoring invalid URL
// patterns.
func newMentionExtension(cfg MentionOptions) goldmark.Extender {
	if !validPattern(cfg.MentionURL) {
		cfg.MentionURL = ""
	}
	if !validPattern(cfg.HashtagURL) {
		cfg.HashtagURL = ""
	}
	return &mentionExtension{cfg: cfg}
}

// Extend implements goldmark.Extender.
func (e *mentionExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(&mentionParser{cfg: e.cfg}, 500)),
		parser.WithASTTransformers(util.Prioritized(mentionUnwrapper{}, 500)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(mentionRenderer{}, 500),
	))
}

// mentionParser is the inline parser for '@' and '#'.
type mentionParser struct {
	cfg MentionOptions
}

// Trigger implements parser.InlineParser.
func (p *mentionParser) Trigger() []byte { return []byte{'@', '#'} }

// Parse implements parser.InlineParser. It returns nil, leaving the sigil
// to be text, when what follows is no handle or hashtag or has nowhere to
// link to.
func (p *mentionParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if !mayPrecedeMention(block.PrecendingCharacter()) {
		return nil
	}
	line, seg := block.PeekLine()
	hashtag := line[0] == '#'
	var n int
	if hashtag {
		n = scanHashtag(line[1:])
	} else {
		n = scanHandle(line[1:])
	}
	if n == 0 {
		return nil
	}
	target, external := p.resolve(pc, string(line[1:1+n]), hashtag)
	if target == "" {
		return nil
	}
	block.Advance(1 + n)
	node := &mentionNode{
		segment:  seg.WithStop(seg.Start + 1 + n),
		hashtag:  hashtag,
		url:      target,
		external: external,
	}
	list := pc.ComputeIfAbsent(mentionsKey, func() any { return &mentionList{} }).(*mentionList)
	list.nodes = append(list.nodes, node)
	return node
}

// resolve returns the URL for name: the site's page when the resolver in pc
// knows one, else the configured external pattern, else "".
func (p *mentionParser) resolve(pc parser.Context, name string, hashtag bool) (target string, external bool) {
	if res, _ := pc.Get(resolverKey).(Resolver); res != nil {
		var u string
		var ok bool
		if hashtag {
			u, ok = res.Tag(name)
		} else {
			u, ok = res.Author(name)
		}
		if ok {
			return u, false
		}
	}
	pattern := p.cfg.MentionURL
	if hashtag {
		pattern = p.cfg.HashtagURL
	}
	if pattern == "" {
		return "", false
	}
	return fmt.Sprintf(pattern, url.PathEscape(name)), true
}

// mayPrecedeMention reports whether r, the character before a sigil, lets
// a mention start there: line start, space, or opening punctuation and
// Markdown delimiters, but never a letter, digit or URL punctuation.
func mayPrecedeMention(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '\n' || util.IsSpace(byte(r)) || strings.IndexByte(`([{<>"'*_~|,;!?`, byte(r)) >= 0
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Ps, unicode.Pi)
}

// scanHandle returns the length of the handle at the start of b, or 0 when
// there is none: 1 to maxHandleLen of [A-Za-z0-9_-], not starting with '-'
// and not followed by '@' (a user@host address). Trailing '-' and '_' are
// not part of it, so "_@bob_" is emphasis around a handle.
func scanHandle(b []byte) int {
	i := 0
	for i < len(b) && isHandleByte(b[i]) {
		i++
	}
	if i < len(b) && b[i] == '@' {
		return 0
	}
	end := i
	for end > 0 && (b[end-1] == '-' || b[end-1] == '_') {
		end--
	}
	if end == 0 || b[0] == '-' || end > maxHandleLen {
		return 0
	}
	return end
}

// isHandleByte reports whether c may appear in a handle.
func isHandleByte(c byte) bool {
	return c == '_' || c == '-' || util.IsAlphaNumeric(c)
}

// scanHashtag returns the byte length of the hashtag at the start of b, or 0
// when there is none: 1 to maxHashtagLen letters, marks, digits and
// underscores, at least one of them a letter. Trailing underscores are not
// part of it, so "_#go_" is emphasis around a hashtag.
func scanHashtag(b []byte) int {
	i, end, runes, letter := 0, 0, 0, false
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsLetter(r) {
			letter = true
		} else if r != '_' && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) {
			break
		}
		i += size
		runes++
		if r != '_' {
			end = i
		}
	}
	if !letter || runes > maxHashtagLen {
		return 0
	}
	return end
}

// mentionUnwrapper turns mentions that ended up inside a link or image back
// into text: the inline parser cannot know yet that "[@bob](…)" is a link.
type mentionUnwrapper struct{}

// Transform implements parser.ASTTransformer.
func (mentionUnwrapper) Transform(_ *ast.Document, _ text.Reader, pc parser.Context) {
	list, _ := pc.Get(mentionsKey).(*mentionList)
	if list == nil {
		return
	}
	for _, n := range list.nodes {
		parent := n.Parent()
		if parent != nil && insideLink(n) {
			parent.ReplaceChild(parent, n, ast.NewTextSegment(n.segment))
		}
	}
}

// insideLink reports whether n has a link, autolink or image ancestor within
// its block.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil && p.Type() == ast.TypeInline; p = p.Parent() {
		switch p.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindImage:
			return true
		}
	}
	return false
}

// mentionRenderer renders mention nodes as links.
type mentionRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (mentionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMention, renderMention)
}

// renderMention writes <a href="…" class="…" [rel="…"]>@handle</a>.
func renderMention(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*mentionNode)
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(n.url), false)))
	_, _ = w.WriteString(`" class="`)
	_, _ = w.WriteString(n.class())
	if n.external {
		_, _ = w.WriteString(`" rel="nofollow noopener`)
	}
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(n.segment.Value(source)))
	_, _ = w.WriteString("</a>")
	return ast.WalkSkipChildren, nil
}
