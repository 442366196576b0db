package markdown

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"

	"github.com/blogen/blogen/internal/highlight"
)

// chromaHTML is what chroma's HTML formatter with CSS classes writes for
// tokens: what writeCodeHTML must write.
func chromaHTML(t testing.TB, tokens []chroma.Token) string {
	t.Helper()
	var b strings.Builder
	style := chroma.MustNewStyle("test", chroma.StyleEntries{})
	if err := chromahtml.New(chromahtml.WithClasses(true)).Format(&b, style, chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// codeHTML is what writeCodeHTML writes for tokens.
func codeHTML(tokens []chroma.Token) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeCodeHTML(w, chroma.Literator(tokens...))
	_ = w.Flush()
	return b.String()
}

// tok is a token of type tt.
func tok(tt chroma.TokenType, v string) chroma.Token { return chroma.Token{Type: tt, Value: v} }

func TestCodeHTMLIsChromas(t *testing.T) {
	cases := map[string][]chroma.Token{
		"none":                    nil,
		"one empty token":         {tok(chroma.Keyword, "")},
		"two empty tokens":        {tok(chroma.Keyword, ""), tok(chroma.Name, "")},
		"empty token last":        {tok(chroma.Keyword, "func\n"), tok(chroma.Text, "")},
		"empty then text":         {tok(chroma.Keyword, ""), tok(chroma.Name, "x")},
		"empty token mid-line":    {tok(chroma.Keyword, "a"), tok(chroma.Text, ""), tok(chroma.Name, "b\n")},
		"newline alone":           {tok(chroma.Text, "\n")},
		"newlines":                {tok(chroma.Text, "\n\n\n")},
		"no final newline":        {tok(chroma.Keyword, "return"), tok(chroma.Text, " "), tok(chroma.LiteralNumber, "1")},
		"token across lines":      {tok(chroma.LiteralStringHeredoc, "<<EOF\nline 'one'\n\"two\" & <three>\nEOF"), tok(chroma.Text, "\n")},
		"escapes":                 {tok(chroma.Operator, `<>&'"`), tok(chroma.Text, "\n")},
		"no class":                {tok(chroma.Text, "plain"), tok(chroma.Background, "bg"), tok(chroma.TokenType(0), "zero\n")},
		"parent class":            {tok(chroma.KeywordReserved, "if"), tok(chroma.NameBuiltinPseudo, "self"), tok(chroma.GenericDeleted, "-")},
		"unknown types":           {tok(chroma.TokenType(1234), "a"), tok(chroma.TokenType(7999), "b"), tok(chroma.TokenType(-42), "c"), tok(chroma.TokenType(99999), "d")},
		"error token":             {tok(chroma.Error, "\x00")},
		"carriage returns":        {tok(chroma.Text, "a\r\nb\r\n")},
		"line of empties at end":  {tok(chroma.Text, "a\n"), tok(chroma.Text, ""), tok(chroma.Keyword, "")},
		"empty after empty lines": {tok(chroma.Text, "\n\n"), tok(chroma.Text, "")},
	}
	for name, tokens := range cases {
		t.Run(name, func(t *testing.T) {
			if got, want := codeHTML(tokens), chromaHTML(t, tokens); got != want {
				t.Errorf("got\n%q\nchroma writes\n%q", got, want)
			}
		})
	}
}

// TestCodeHTMLIsChromasOnChromaSamples formats the tokens of every sample
// of chroma's lexer tests both ways.
func TestCodeHTMLIsChromasOnChromaSamples(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		t.Fatalf("find chroma's module: %v", err)
	}
	files, err := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata", "*.actual"))
	if err != nil || len(files) < 100 {
		t.Fatalf("found %d samples of chroma's lexer tests (%v), want many", len(files), err)
	}
	compared := 0
	for _, file := range files {
		base := filepath.Base(file)
		lexer := highlight.Get(base[:strings.IndexByte(base, '.')])
		if lexer == nil {
			continue
		}
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		it, err := chroma.Coalesce(lexer).Tokenise(nil, string(text))
		if err != nil {
			continue
		}
		tokens := it.Tokens()
		if got, want := codeHTML(tokens), chromaHTML(t, tokens); got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: differs at byte %d:\ngot   %q\nchroma %q", base, i, got[i:min(len(got), i+80)], want[i:min(len(want), i+80)])
		}
		compared++
	}
	if compared < 100 {
		t.Errorf("compared %d samples, want at least 100", compared)
	}
}

// FuzzCodeHTML formats token sequences made from the input both ways:
// each byte picks a token type and the text up to the next '|' is its
// value.
func FuzzCodeHTML(f *testing.F) {
	for _, seed := range []string{"", "a|b", "\x01x\n|\x02|", "\x00\n\n|\x05<&>'\"|\x03", "|||", "\x07abc\ndef|\x09\n|"} {
		f.Add(seed)
	}
	types := []chroma.TokenType{chroma.Text, chroma.Keyword, chroma.Name, chroma.NameFunction, chroma.LiteralString,
		chroma.Comment, chroma.Punctuation, chroma.Operator, chroma.Error, chroma.Background, chroma.TokenType(0),
		chroma.TokenType(4321), chroma.GenericInserted, chroma.TextWhitespace, chroma.KeywordType, chroma.TokenType(-7)}
	f.Fuzz(func(t *testing.T, in string) {
		var tokens []chroma.Token
		for part := range strings.SplitSeq(in, "|") {
			tt := chroma.Text
			if part != "" {
				tt, part = types[int(part[0])%len(types)], part[1:]
			}
			if t := tok(tt, part); t != chroma.EOF { // an iterator ends at EOF
				tokens = append(tokens, t)
			}
		}
		if got, want := codeHTML(tokens), chromaHTML(t, tokens); got != want {
			t.Errorf("tokens %q:\ngot\n%q\nchroma writes\n%q", tokens, got, want)
		}
	})
}
