package highlight

import (
	"reflect"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// markdownType is the type of chroma's Markdown lexer: a regex lexer,
// embedded in a type whose Tokenise first lexes YAML front matter.
var markdownType = reflect.TypeOf(lexers.Markdown)

// markdownLexer is chroma's Markdown lexer with fast lexers. Its Tokenise
// is that of chroma's (lexers/markdown.go), with the fast versions of the
// Markdown and YAML lexers.
type markdownLexer struct {
	outer chroma.Lexer
	body  *Lexer
}

var _ chroma.Lexer = (*markdownLexer)(nil)

// Config implements chroma.Lexer.
func (m *markdownLexer) Config() *chroma.Config {
	return m.outer.Config()
}

// SetRegistry implements chroma.Lexer. Like chroma's, it sets the
// registry of the Markdown rules.
func (m *markdownLexer) SetRegistry(reg *chroma.LexerRegistry) chroma.Lexer {
	m.body.SetRegistry(reg)
	return m
}

// SetAnalyser implements chroma.Lexer; it sets the analyser of chroma's
// lexer.
func (m *markdownLexer) SetAnalyser(analyser func(text string) float32) chroma.Lexer {
	m.outer.SetAnalyser(analyser)
	return m
}

// AnalyseText implements chroma.Lexer.
func (m *markdownLexer) AnalyseText(text string) float32 {
	return m.outer.AnalyseText(text)
}

// Tokenise implements chroma.Lexer: front matter between "---" lines at
// the very start is lexed as YAML, the rest as Markdown.
func (m *markdownLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	frontMatter, rest, ok := splitFrontMatter(text)
	if !ok {
		return m.body.Tokenise(options, text)
	}
	yaml := Get("YAML")
	if yaml == nil {
		return m.body.Tokenise(options, text)
	}
	yamlTokens, err := yaml.Tokenise(options, frontMatter)
	if err != nil {
		return nil, err
	}
	markdownTokens, err := m.body.Tokenise(options, rest)
	if err != nil {
		return nil, err
	}
	return chroma.Concaterator(yamlTokens, markdownTokens), nil
}

// splitFrontMatter splits off a leading YAML front matter block, as
// chroma's Markdown lexer does.
func splitFrontMatter(text string) (frontMatter, rest string, ok bool) {
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return "", text, false
	}
	lineEnd := strings.IndexByte(text, '\n')
	for pos := lineEnd + 1; pos < len(text); {
		next := strings.IndexByte(text[pos:], '\n')
		if next < 0 {
			break
		}
		lineEnd = pos + next
		if strings.TrimSuffix(text[pos:lineEnd], "\r") == "---" {
			return text[:lineEnd+1], text[lineEnd+1:], true
		}
		pos = lineEnd + 1
	}
	return "", text, false
}
