package highlight

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// sample is a source file and the lexer that lexes it.
type sample struct {
	name  string // path relative to the sample directory
	lexer string // name for lexers.Get
	path  string
}

// samples returns the *.actual files under dir, named as chroma's own
// lexer tests name them: by the file name up to the first dot, or by the
// directory for files in a directory other than analysis.
func samples(t testing.TB, dir string) []sample {
	t.Helper()
	var out []sample
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".actual") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out = append(out, sample{name: filepath.ToSlash(rel), lexer: sampleLexer(rel), path: path})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sampleLexer returns the lexer name for the sample at rel.
func sampleLexer(rel string) string {
	dir := filepath.Dir(rel)
	if dir == "." || dir == "analysis" {
		base := filepath.Base(rel)
		return base[:strings.IndexByte(base, '.')]
	}
	return filepath.Base(dir)
}

// chromaSamplesDir returns chroma's lexer test data in the module cache,
// or "" when it is not there.
func chromaSamplesDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		return ""
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// outcome is what tokenising produced: the tokens, or the panic or error
// that stopped it.
type outcome struct {
	tokens []chroma.Token
	failed string
}

// tokenise runs lexer over text and collects the outcome.
func tokenise(lexer chroma.Lexer, opts *chroma.TokeniseOptions, text string) (out outcome) {
	defer func() {
		if r := recover(); r != nil {
			out = outcome{failed: fmt.Sprintf("panic: %v", r)}
		}
	}()
	it, err := lexer.Tokenise(opts, text)
	if err != nil {
		return outcome{failed: "error: " + err.Error()}
	}
	return outcome{tokens: it.Tokens()}
}

// compareLexers checks that the fast lexer and chroma's produce the same
// outcome for text, raw and coalesced.
//
// regexp2 gives up on a match after 250 ms of wall time, and chroma takes
// that as no match, so on a loaded machine (or with a stalled timer) the
// output of either lexer can differ from run to run. A difference is
// therefore checked again once, and reported only if it persists.
func compareLexers(t *testing.T, slow, fast chroma.Lexer, opts *chroma.TokeniseOptions, text string) {
	t.Helper()
	diff := diffLexers(slow, fast, opts, text)
	if diff == "" {
		return
	}
	if again := diffLexers(slow, fast, opts, text); again != "" {
		t.Fatal(again)
	}
	t.Logf("differed once, not again (a regexp2 time-out?): %s", diff)
}

// diffLexers describes the first difference between the outcomes of the
// lexers, or returns "" if there is none.
func diffLexers(slow, fast chroma.Lexer, opts *chroma.TokeniseOptions, text string) string {
	want, got := tokenise(slow, opts, text), tokenise(fast, opts, text)
	if d := diffOutcomes("raw", want, got); d != "" {
		return d
	}
	// Coalescing is a function of the raw tokens; replaying them through
	// chroma's coalescer saves lexing the text twice more.
	return diffOutcomes("coalesced", coalesce(slow, want), coalesce(fast, got))
}

// coalesce returns the outcome of chroma.Coalesce over a lexer that
// produced out.
func coalesce(lexer chroma.Lexer, out outcome) outcome {
	if out.failed != "" {
		return out
	}
	return tokenise(chroma.Coalesce(replay{lexer, out.tokens}), nil, "")
}

// replay is a lexer that returns recorded tokens.
type replay struct {
	chroma.Lexer
	tokens []chroma.Token
}

// Tokenise implements chroma.Lexer.
func (r replay) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	return chroma.Literator(r.tokens...), nil
}

// diffOutcomes describes the first difference between want and got, or
// returns "" if there is none.
func diffOutcomes(what string, want, got outcome) string {
	if want.failed != got.failed {
		return fmt.Sprintf("%s: chroma failed with %q, fast lexer with %q", what, want.failed, got.failed)
	}
	if slices.Equal(want.tokens, got.tokens) {
		return ""
	}
	for i := range max(len(want.tokens), len(got.tokens)) {
		var w, g chroma.Token
		if i < len(want.tokens) {
			w = want.tokens[i]
		}
		if i < len(got.tokens) {
			g = got.tokens[i]
		}
		if w != g {
			return fmt.Sprintf("%s: token %d of %d/%d differs:\n got %s %q\nwant %s %q", what, i, len(got.tokens), len(want.tokens), g.Type, g.Value, w.Type, w.Value)
		}
	}
	return ""
}

// maxVariedSample is the largest sample that variants alters; larger ones
// (chroma takes seconds over them) are only lexed as they are.
const maxVariedSample = 32 << 10

// variants returns text and altered copies of it that reach other paths
// of a lexer: CRLF line ends, no final newline, and a cut in the middle
// that leaves strings and comments open. Under the race detector samples
// are only lexed as they are.
func variants(text string) map[string]string {
	if len(text) > maxVariedSample || raceDetector {
		return map[string]string{"as-is": text}
	}
	out := map[string]string{
		"as-is": text,
		"crlf":  strings.ReplaceAll(text, "\n", "\r\n"),
		"no-nl": strings.TrimRight(text, "\n"),
	}
	cut := len(text) / 2
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	out["cut"] = text[:cut]
	return out
}

// runSamples compares the lexers over every sample under dir. Samples of
// different lexers run in parallel; those of one lexer run in turn, in the
// same order for both lexers, since some lexers (Raku) rewrite their own
// rules while lexing, so that their output depends on what they lexed
// before.
func runSamples(t *testing.T, dir string) {
	all := samples(t, dir)
	if len(all) == 0 {
		t.Fatalf("no samples in %s", dir)
	}
	byLexer := map[string][]sample{}
	for _, s := range all {
		byLexer[s.lexer] = append(byLexer[s.lexer], s)
	}
	fastCount := 0
	for name, list := range byLexer {
		slow, fast := lexers.Get(name), Get(name)
		if slow == nil {
			t.Errorf("no lexer %q", name)
			continue
		}
		if isFast(fast) {
			fastCount += len(list)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, s := range list {
				compareSample(t, slow, fast, s)
			}
		})
	}
	// Nearly all of chroma's lexers are regex lexers; if few samples went
	// the fast way, the comparison above proved little.
	if fastCount < len(all)*9/10 {
		t.Errorf("only %d of %d samples used the fast lexer", fastCount, len(all))
	}
}

// compareSample compares the lexers over a sample and its variants.
func compareSample(t *testing.T, slow, fast chroma.Lexer, s sample) {
	src, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	texts := variants(string(src))
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		t.Run(s.name+"/"+name, func(t *testing.T) {
			compareLexers(t, slow, fast, nil, texts[name])
		})
	}
}

// TestSamples compares the fast lexers with chroma's over the samples
// kept in testdata.
func TestSamples(t *testing.T) {
	runSamples(t, filepath.Join("testdata", "lexers"))
}

// TestChromaSamples compares the fast lexers with chroma's over all of
// chroma's own samples, when the module cache has them.
func TestChromaSamples(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("short, or the race detector: make test runs it without -race")
	}
	dir := chromaSamplesDir(t)
	if dir == "" {
		t.Skip("chroma's test data is not in the module cache")
	}
	runSamples(t, dir)
}

// TestOptions compares the lexers under explicit tokenise options: a
// nested run (no final newline added, no CRLF conversion) and a run
// starting in a state other than root.
func TestOptions(t *testing.T) {
	cases := []struct {
		lang, text string
		opts       *chroma.TokeniseOptions
	}{
		{"go", "func f() {\r\n\treturn \"x\r\n}", &chroma.TokeniseOptions{State: "root", Nested: true}},
		{"python", "x = '''a\nb''' # c", &chroma.TokeniseOptions{State: "root", EnsureLF: true}},
		{"bash", "echo $((1+2)) ${x:-y}", &chroma.TokeniseOptions{State: "root"}},
		{"html", "<style>p { color: red }</style><script>let x = 1</script>", &chroma.TokeniseOptions{State: "root", Nested: true}},
		{"go", "x", &chroma.TokeniseOptions{State: "no such state"}},
		{"go", "x", &chroma.TokeniseOptions{}},
	}
	for _, tc := range cases {
		t.Run(tc.lang+"/"+tc.opts.State, func(t *testing.T) {
			compareLexers(t, lexers.Get(tc.lang), Get(tc.lang), tc.opts, tc.text)
		})
	}
}

// isFast reports whether l is one of the fast lexers.
func isFast(l chroma.Lexer) bool {
	switch l.(type) {
	case *Lexer, *markdownLexer:
		return true
	}
	return false
}

// TestMarkdown compares the Markdown lexers, which lex YAML front matter
// first, and code blocks with the lexer of their language.
func TestMarkdown(t *testing.T) {
	cases := []string{
		"---\ntitle: x\ntags: [a, b]\n---\n# Heading\n\nText *em*.\n",
		"---\r\ntitle: x\r\n---\r\nText\r\n",
		"---\ntitle: unterminated\n# Heading\n",
		"---\n---\n",
		"---",
		"text\n---\nnot: front matter\n---\n",
		"```go\nfunc main() {}\n```\n\n```python\ndef f(): pass\n```\n\n```nosuchlang\nx\n```\n",
		"- item `code` **strong** ~~gone~~ [link](http://x)\n> quote\n1. one\n",
	}
	for i, text := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			compareLexers(t, lexers.Get("markdown"), Get("markdown"), nil, text)
		})
	}
}

// TestGet checks which lexers come back fast and that lookups agree with
// chroma's.
func TestGet(t *testing.T) {
	for _, name := range []string{"go", "Go", "golang", "py", "python", "yaml", "js", "html", "css", "bash", "markdown", "sql", "x.rs", "Dockerfile"} {
		slow, fast := lexers.Get(name), Get(name)
		if slow == nil || fast == nil {
			t.Fatalf("Get(%q): chroma %v, fast %v", name, slow, fast)
		}
		if slow.Config() != fast.Config() {
			t.Errorf("Get(%q) is %s, want %s", name, fast.Config().Name, slow.Config().Name)
		}
		if !isFast(fast) {
			t.Errorf("Get(%q) = %T, want a fast lexer", name, fast)
		}
	}
	if Get("no such language") != nil {
		t.Error("Get of an unknown language is not nil")
	}
	if Get("go") != Get("golang") {
		t.Error("the fast lexer is not shared")
	}
	// A delegating lexer is not a regex lexer and is handed out as is.
	if l := Get("go-html-template"); l != lexers.Get("go-html-template") {
		t.Errorf("Get(go-html-template) = %T, want chroma's lexer", l)
	}
}
