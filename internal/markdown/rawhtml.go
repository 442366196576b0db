package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// rawHTMLGuard turns mentions, hashtags and linkified addresses that
// ended up between the raw HTML tags of a link or of code back into
// text: "<a href=…>@bob</a>" must not nest a link in a link, nor
// "<a href="mailto:ana@example.org">ana@example.org</a>" an e-mail
// link in a mailto link. Inline parsers cannot see those tags, which
// goldmark keeps as raw HTML beside the text.
type rawHTMLGuard struct{}

// guardedTags are the raw HTML elements inside which nothing is linked.
var guardedTags = []string{"a", "code", "kbd", "samp", "pre", "script", "style", "button", "tt", "var"}

// Transform implements parser.ASTTransformer.
func (rawHTMLGuard) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if bytes.IndexByte(src, '<') < 0 {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			guardInlines(n, src)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// guardInlines walks the inline children of one block, counting the
// guarded elements opened and closed by its raw HTML.
func guardInlines(block ast.Node, src []byte) {
	depth := 0
	for c := block.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch n := c.(type) {
		case *ast.RawHTML:
			depth = max(0, depth+tagBalance(n.Segments, src))
		case *mentionNode:
			if depth > 0 {
				block.ReplaceChild(block, n, ast.NewTextSegment(n.segment))
			}
		case *ast.AutoLink:
			if depth > 0 {
				block.ReplaceChild(block, n, ast.NewString(n.Label(src)))
			}
		default:
			if depth > 0 || c.HasChildren() {
				guardNested(c, src, depth > 0)
			}
		}
		c = next
	}
}

// guardNested applies guardInlines inside an inline container (emphasis,
// a link), or unlinks everything in it when it is inside a guarded
// element already.
func guardNested(n ast.Node, src []byte, inside bool) {
	if !inside {
		guardInlines(n, src)
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch m := c.(type) {
		case *mentionNode:
			n.ReplaceChild(n, m, ast.NewTextSegment(m.segment))
		case *ast.AutoLink:
			n.ReplaceChild(n, m, ast.NewString(m.Label(src)))
		default:
			guardNested(c, src, true)
		}
		c = next
	}
}

// tagBalance returns how many guarded elements a piece of raw HTML opens
// (positive) or closes (negative).
func tagBalance(segs *text.Segments, src []byte) int {
	var raw []byte
	for i := range segs.Len() {
		s := segs.At(i)
		raw = append(raw, s.Value(src)...)
	}
	balance := 0
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '<')
		if i < 0 {
			break
		}
		raw = raw[i+1:]
		closing := len(raw) > 0 && raw[0] == '/'
		if closing {
			raw = raw[1:]
		}
		if !guardedName(raw) || selfClosed(raw) {
			continue
		}
		if closing {
			balance--
		} else {
			balance++
		}
	}
	return balance
}

// guardedName reports whether b starts with the name of a guarded
// element, in any case, followed by the end of the name.
func guardedName(b []byte) bool {
	for _, name := range guardedTags {
		if len(b) > len(name) && bytes.EqualFold(b[:len(name)], []byte(name)) {
			switch b[len(name)] {
			case '>', ' ', '\t', '\n', '\r', '/':
				return true
			}
		}
	}
	return false
}

// selfClosed reports whether the tag that b starts ends with "/>".
func selfClosed(b []byte) bool {
	end := bytes.IndexByte(b, '>')
	return end > 0 && b[end-1] == '/'
}
