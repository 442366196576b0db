package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/blogen/blogen/internal/highlight"
)

// lexerLookup returns the lexer for a code block's language, or nil.
type lexerLookup func(lang string) chroma.Lexer

// codeBlocks is the extension that renders fenced code blocks.
type codeBlocks struct {
	lookup lexerLookup
}

// newHighlighting returns the code block extension: chroma's HTML with CSS
// classes and no line numbers, from the fast lexers of package highlight.
func newHighlighting() goldmark.Extender {
	return newCodeBlocks(highlight.Get)
}

// newCodeBlocks returns the code block extension with the lexers of
// lookup.
func newCodeBlocks(lookup lexerLookup) goldmark.Extender {
	return &codeBlocks{lookup: lookup}
}

// Extend implements goldmark.Extender.
func (e *codeBlocks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&codeBlockRenderer{lookup: e.lookup}, 200),
	))
}

// codeBlockRenderer renders fenced code blocks.
// Line numbers and line highlighting stay off whatever an info string
// such as "go {linenos=true hl_lines=[2]}" says: only the language and
// nohl are read from it.
type codeBlockRenderer struct {
	lookup lexerLookup
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *codeBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

// render writes a fenced code block: highlighted when its language has a
// lexer, else as escaped text.
func (r *codeBlockRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n, ok := node.(*ast.FencedCodeBlock)
	if !ok {
		return ast.WalkStop, fmt.Errorf("code block renderer: unexpected %s node", node.Kind())
	}
	lang := n.Language(source)
	done, err := r.highlight(w, source, n, lang)
	if err != nil {
		return ast.WalkStop, err
	}
	if !done {
		writePlainCode(w, source, n, lang)
	}
	return ast.WalkContinue, nil
}

// highlight writes n highlighted and reports true, or writes nothing and
// reports false when lang has no lexer or the block asks for no
// highlighting.
func (r *codeBlockRenderer) highlight(w util.BufWriter, source []byte, n *ast.FencedCodeBlock, lang []byte) (bool, error) {
	if lang == nil || noHighlight(n, source) {
		return false, nil
	}
	lexer := r.lookup(string(lang))
	if lexer == nil {
		return false, nil
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, blockText(source, n))
	if err != nil {
		// Only a lexer whose rules do not compile fails here; its code
		// is written as plain text.
		return false, nil
	}
	writeCodeHTML(w, it)
	return true, w.WriteByte('\n')
}

// blockText returns the content of the code block n.
func blockText(source []byte, n *ast.FencedCodeBlock) string {
	lines := n.Lines()
	size := 0
	for i := range lines.Len() {
		line := lines.At(i)
		size += line.Len()
	}
	var b strings.Builder
	b.Grow(size)
	for i := range lines.Len() {
		line := lines.At(i)
		b.Write(line.Value(source))
	}
	return b.String()
}

// writePlainCode writes n as escaped text in <pre><code>, with a
// class="language-…" when lang is not empty.
func writePlainCode(w util.BufWriter, source []byte, n *ast.FencedCodeBlock, lang []byte) {
	_, _ = w.WriteString("<pre><code")
	if len(lang) > 0 {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML(lang))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	lines := n.Lines()
	for i := range lines.Len() {
		line := lines.At(i)
		html.DefaultWriter.RawWrite(w, line.Value(source))
	}
	_, _ = w.WriteString("</code></pre>\n")
}

// nohlAttr is the info string attribute that turns highlighting off, as
// in "go {nohl}".
var nohlAttr = []byte("nohl")

// noHighlight reports whether the attributes of n, or those in braces in
// its info string, include nohl. Other attributes (line numbers, line
// highlighting, a style) change nothing in the output.
func noHighlight(n *ast.FencedCodeBlock, source []byte) bool {
	if n.Attributes() != nil {
		_, ok := n.Attribute(nohlAttr)
		return ok
	}
	if n.Info == nil {
		return false
	}
	info := n.Info.Segment.Value(source)
	start := bytes.IndexByte(info, '{')
	if start <= 0 {
		return false
	}
	attrs, ok := parser.ParseAttributes(text.NewReader(info[start:]))
	if !ok {
		return false
	}
	for _, a := range attrs {
		if bytes.Equal(a.Name, nohlAttr) {
			return true
		}
	}
	return false
}
