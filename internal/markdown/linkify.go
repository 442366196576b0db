package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is goldmark's Linkify extension (bare URLs, www. addresses and
// e-mail addresses become links) with its parser behind quickLinkify.
var linkify goldmark.Extender = linkifyExtension{}

type linkifyExtension struct{}

// Extend registers the parser where extension.Linkify registers its own,
// and the guard that unlinks what it (or the mention parser) found
// inside a raw HTML link or code element.
func (linkifyExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999)),
		parser.WithASTTransformers(util.Prioritized(rawHTMLGuard{}, 600)),
	)
}

// quickLinkify asks goldmark's Linkify parser only about text that can
// start a link. That parser runs at every space of every paragraph, and
// for each it compares the next word with four prefixes and scans it for
// an e-mail address, which made it a tenth of the time Markdown took.
// What it turns away the parser would have turned away too, before
// touching the document: see mayStartLink.
type quickLinkify struct {
	parser.InlineParser
}

// Parse implements parser.InlineParser.
func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !mayStartLink(line) {
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}

// mayStartLink reports whether Linkify's parser could find a link at the
// start of line, the text at one of its triggers. It finds one only where
// the text after the trigger starts with http:, https:, ftp: or www., or
// opens with the 1 to 64 characters of an e-mail address's local part
// followed by @.
func mayStartLink(line []byte) bool {
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h', 'f', 'w':
		return true
	}
	return bytes.IndexByte(line[:min(len(line), 65)], '@') > 0
}
