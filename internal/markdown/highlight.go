package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// lexerLookup returns the lexer for a code block's language, or nil.
type lexerLookup func(lang string) chroma.Lexer

// highlightBudget bounds the time spent lexing one code block. chroma
// already gives up on a single match after 250 ms; this bounds a block
// whose lexer backtracks at many places in turn. A block that runs over
// is written as plain code.
const highlightBudget = 10 * time.Second

// codeBlocks is the extension that renders fenced code blocks.
type codeBlocks struct {
	lookup lexerLookup
	budget time.Duration
}

// newHighlighting returns the code block extension: chroma's lexers and
// its HTML formatter with CSS classes and no line numbers.
func newHighlighting() goldmark.Extender {
	return newCodeBlocks(lexers.Get, highlightBudget)
}

// newCodeBlocks returns the code block extension with the lexers of
// lookup, each block lexed within budget.
func newCodeBlocks(lookup lexerLookup, budget time.Duration) goldmark.Extender {
	return &codeBlocks{lookup: lookup, budget: budget}
}

// Extend implements goldmark.Extender.
func (e *codeBlocks) Extend(m goldmark.Markdown) {
	r := &codeBlockRenderer{
		lexers:    lexerCache{lookup: e.lookup, byName: map[string]chroma.Lexer{}},
		budget:    e.budget,
		formatter: chromahtml.New(chromahtml.WithClasses(true)),
	}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 200)))
}

// codeBlockRenderer renders fenced code blocks.
// Line numbers and line highlighting stay off whatever an info string
// such as "go {linenos=true hl_lines=[2]}" says: only the language and
// nohl are read from it.
type codeBlockRenderer struct {
	lexers    lexerCache
	budget    time.Duration
	formatter *chromahtml.Formatter
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
	lang := codeLanguage(n, source)
	done, err := r.highlight(w, source, n, lang)
	if err != nil {
		return ast.WalkStop, err
	}
	if !done {
		writePlainCode(w, source, n, lang)
	}
	return ast.WalkContinue, nil
}

// codeLanguage returns the language of n: the first word of its info
// string, which ends at a space, a tab, a comma, an equals sign or a
// brace, so that "rust,ignore", "rust=" and "go{nohl}" are Rust and Go.
func codeLanguage(n *ast.FencedCodeBlock, source []byte) []byte {
	if n.Info == nil {
		return nil
	}
	info := n.Info.Segment.Value(source)
	if i := bytes.IndexAny(info, " \t,={"); i >= 0 {
		info = info[:i]
	}
	return info
}

// highlight writes n highlighted and reports true, or writes nothing and
// reports false when lang has no lexer, the block asks for no
// highlighting or its lexer fails or runs over the budget.
func (r *codeBlockRenderer) highlight(w util.BufWriter, source []byte, n *ast.FencedCodeBlock, lang []byte) (bool, error) {
	if len(lang) == 0 || noHighlight(n, source) {
		return false, nil
	}
	lexer := r.lexers.get(lang)
	if lexer == nil {
		return false, nil
	}
	tokens, ok := steadyTokens(lexer, blockText(source, n), r.budget)
	if !ok {
		return false, nil
	}
	if err := r.formatter.Format(w, styles.Fallback, chroma.Literator(tokens...)); err != nil {
		return false, fmt.Errorf("highlight %s code: %w", lang, err)
	}
	return true, w.WriteByte('\n')
}

// maxCachedLanguages bounds the names a lexerCache remembers.
const maxCachedLanguages = 1024

// lexerCache remembers the lexer found for each language name: chroma
// looks a name it does not know up in the file name patterns of every
// lexer, which takes milliseconds.
type lexerCache struct {
	lookup lexerLookup
	mu     sync.RWMutex
	byName map[string]chroma.Lexer // nil for a name without a lexer
}

// get returns the lexer for lang, or nil.
func (c *lexerCache) get(lang []byte) chroma.Lexer {
	c.mu.RLock()
	lexer, ok := c.byName[string(lang)]
	c.mu.RUnlock()
	if ok {
		return lexer
	}
	name := string(lang)
	lexer = c.lookup(name)
	c.mu.Lock()
	if len(c.byName) < maxCachedLanguages {
		c.byName[name] = lexer
	}
	c.mu.Unlock()
	return lexer
}

// quickLex is how long a lexing may take and still be trusted at once.
// chroma gives each match of a rule 250 ms on regexp2's coarse clock,
// which a goroutine moves forward every 100 ms; when the process is held
// back (a loaded machine), the clock jumps on resuming and a match of a
// few microseconds can time out, which chroma takes for no match, so the
// tokens would depend on the machine's load. A lexing that ran this fast
// saw no such jump; a slower one is run again until two agree.
const quickLex = 150 * time.Millisecond

// maxLexes bounds how often a slow block is lexed before its last two
// lexings must agree or it is written as plain code.
const maxLexes = 4

// steadyTokens returns the tokens of code as lexTokens does, the same
// whatever the load of the machine: a lexing that took longer than
// quickLex is repeated until two in a row give the same tokens.
func steadyTokens(lexer chroma.Lexer, code string, budget time.Duration) ([]chroma.Token, bool) {
	var prev []chroma.Token
	for range maxLexes {
		start := time.Now()
		tokens, ok := lexTokens(lexer, code, budget)
		if !ok {
			return nil, false
		}
		if time.Since(start) < quickLex || prev != nil && slices.Equal(prev, tokens) {
			return tokens, true
		}
		prev = tokens
	}
	return nil, false
}

// lexTokens returns the coalesced tokens of code, or false when the lexer
// fails (only a lexer whose rules do not compile does) or takes longer
// than budget.
func lexTokens(lexer chroma.Lexer, code string, budget time.Duration) ([]chroma.Token, bool) {
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return nil, false
	}
	deadline := time.Now().Add(budget)
	var tokens []chroma.Token
	for t := it(); t != chroma.EOF; t = it() {
		if time.Now().After(deadline) {
			return nil, false
		}
		tokens = append(tokens, t)
	}
	return tokens, true
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
// in "go {nohl=true}".
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
