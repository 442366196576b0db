package comments

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdown parses comment bodies. A goldmark instance is configured once
// and safe for concurrent use.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough))

// linkKind says how a link was written.
type linkKind int

const (
	kindMarkdown   linkKind = iota // [text](url) and reference links
	kindImage                      // ![alt](url) and <img src>
	kindAutolink                   // <url> and bare URLs
	kindHTML                       // <a href>
	kindBBCode                     // [url=...]...[/url] and [url]...[/url]
	kindObfuscated                 // example dot com and the like
)

// link is one link as a comment writes it.
type link struct {
	raw    string   // the target as written
	target string   // normalised (see parseLink)
	url    *url.URL // nil when the target does not parse
	host   string   // normalised host of a web link, else ""
	anchor string   // the text readers see; "" for bare URLs
	kind   linkKind
	text   strings.Builder // the anchor text while it is read
}

// analysis is what the linter reads out of a comment body.
type analysis struct {
	body      string  // the body, valid UTF-8
	all       []*link // every link, as found
	links     []*link // one link per distinct target, as first found
	prose     string  // the commenter's own words: no links, quotes or code
	quoted    string  // text of block quotes
	code      string  // text of code spans and blocks
	anchors   string  // text of links
	visible   string  // the body with code blanked out, for injection checks
	injection []string
}

// Links returns the distinct link targets found in a comment body, in the
// order they are found, normalised: Markdown links and images, autolinks,
// bare http(s):// and www. URLs, HTML anchors and images, BBCode links and
// obfuscated addresses ("example dot com"). Only the first 32 KiB of the
// body are read. See the package documentation.
func Links(body []byte) []string {
	a := analyze(body)
	out := make([]string, len(a.links))
	for i, l := range a.links {
		out[i] = l.target
	}
	return out
}

// analyze parses body, up to checkedBytes, and collects its links and
// texts.
func analyze(body []byte) *analysis {
	src := bytes.ToValidUTF8(body[:min(len(body), checkedBytes)], []byte("\uFFFD"))
	a := &analysis{body: string(src)}
	c := &collector{src: src, a: a, last: -1}
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, c.visit)
	for len(c.open) > 0 {
		c.pop()
	}
	a.visible = blank(src, c.codeRanges)
	a.prose, a.quoted, a.code = c.prose.String(), c.quoted.String(), c.code.String()
	a.anchors = c.anchors.String()
	a.scanText()
	a.dedupe()
	a.injection = scanInjection(a)
	return a
}

// add records a link found in the body.
func (a *analysis) add(raw string, kind linkKind, anchor string) {
	target, u := parseLink(raw)
	if target == "" {
		return
	}
	a.all = append(a.all, &link{raw: raw, target: target, url: u, host: webHost(u), anchor: anchor, kind: kind})
}

// dedupe fills a.links with the first link of each target.
func (a *analysis) dedupe() {
	seen := map[string]bool{}
	for _, l := range a.all {
		if !seen[l.target] {
			seen[l.target] = true
			a.links = append(a.links, l)
		}
	}
}

// blank returns src with the given byte ranges replaced by spaces.
func blank(src []byte, ranges [][2]int) string {
	out := bytes.Clone(src)
	for _, r := range ranges {
		for i := r[0]; i < r[1] && i < len(out); i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	return string(out)
}

// Patterns for links that the Markdown parser does not see.
var (
	// bareURL matches http(s):// and www. addresses in text, in any case.
	bareURL = regexp.MustCompile(`(?i)(?:\bhttps?://|\bwww\.)[^\s<>"'\x60\[\]{}|\\^]+`)
	// bbcodeURL matches [url=target]text[/url] and [url]target[/url].
	bbcodeURL = regexp.MustCompile(`(?is)\[url(?:=\s*["']?([^\]"']*?)["']?\s*)?\](.*?)\[/url\]`)
	// bbcodeTag matches stray [url] tags.
	bbcodeTag = regexp.MustCompile(`(?i)\[/?url(?:=[^\]]*)?\]`)
)

// scanText finds the links that are text to the Markdown parser (bare
// URLs it does not link, BBCode, obfuscated addresses) and takes them out
// of the prose.
func (a *analysis) scanText() {
	a.bbcode()
	for _, s := range []*string{&a.prose, &a.quoted} {
		if mayHaveBareURL(*s) {
			*s = bareURL.ReplaceAllStringFunc(*s, func(m string) string {
				m = trimURL(m)
				a.add(m, kindAutolink, "")
				return " "
			})
		}
		*s = a.obfuscated(*s)
	}
}

// bbcode finds BBCode links in the visible body; their text leaves the
// prose for the anchor text.
func (a *analysis) bbcode() {
	if !mayHaveBBCode(a.visible) && !mayHaveBBCode(a.prose) && !mayHaveBBCode(a.quoted) {
		return
	}
	for _, m := range bbcodeURL.FindAllStringSubmatch(a.visible, -1) {
		target, label := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		if target == "" {
			a.add(label, kindBBCode, "")
			continue
		}
		a.add(target, kindBBCode, label)
	}
	for _, s := range []*string{&a.prose, &a.quoted} {
		*s = bbcodeURL.ReplaceAllStringFunc(*s, func(m string) string {
			sub := bbcodeURL.FindStringSubmatch(m)
			if sub[1] != "" {
				a.anchors += " " + sub[2]
			}
			return " "
		})
		*s = bbcodeTag.ReplaceAllString(*s, " ")
	}
}

// trimURL drops the punctuation that ends a sentence after a bare URL,
// keeping a closing parenthesis that has its opening one.
func trimURL(s string) string {
	for len(s) > 0 {
		last := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:!?*_~'\"", last) >= 0:
		case last == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
		default:
			return s
		}
		s = s[:len(s)-1]
	}
	return s
}
