package markdown

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// codeBlockCases pin what the info string of a fenced code block changes:
// the language, and a nohl attribute (nohl=true; goldmark's attribute
// syntax has no bare names), which turns highlighting off. Line numbers,
// highlighted lines and styles stay off.
var codeBlockCases = []struct {
	name, src, want string
}{
	{
		name: "highlighted",
		src:  "```go\nx := 1\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w"> </span><span class="o">:=</span><span class="w"> </span><span class="mi">1</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "attributes ignored",
		src:  "```go {linenos=table,hl_lines=[1],linenostart=5,hl_style=monokai}\nx\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "nohl",
		src:  "```go {nohl=true}\nx := 1 < 2\n```\n",
		want: "<pre><code class=\"language-go\">x := 1 &lt; 2\n</code></pre>\n",
	},
	{
		name: "nohl among others",
		src:  "```python {.x #y nohl=1}\nx\n```\n",
		want: "<pre><code class=\"language-python\">x\n</code></pre>\n",
	},
	{
		name: "bare nohl is not an attribute",
		src:  "```go {nohl}\nx\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "braces without a space",
		src:  "```go{nohl}\nx\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "nohl without a space",
		src:  "```go{nohl=true}\nx\n```\n",
		want: "<pre><code class=\"language-go\">x\n</code></pre>\n",
	},
	{
		name: "language before a comma",
		src:  "```rust,ignore\nfn\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="k">fn</span>` + "\n</span></span></code></pre>\n",
	},
	{
		name: "language before an equals sign",
		src:  "```rust=\nfn\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="k">fn</span>` + "\n</span></span></code></pre>\n",
	},
	{
		name: "shell before an equals sign",
		src:  "```shell=\necho hi\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nb">echo</span> hi` + "\n</span></span></code></pre>\n",
	},
	{
		name: "language before a tab",
		src:  "```go\tx\nx\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "unknown first word",
		src:  "```nosuchlang,ignore\na < b\n```\n",
		want: "<pre><code class=\"language-nosuchlang\">a &lt; b\n</code></pre>\n",
	},
	{
		name: "no first word",
		src:  "```,rust\nx\n```\n",
		want: "<pre><code>x\n</code></pre>\n",
	},
	{
		name: "language escaped",
		src:  "```a\"<b>\nx\n```\n",
		want: "<pre><code class=\"language-a&quot;&lt;b&gt;\">x\n</code></pre>\n",
	},
	{
		name: "empty block",
		src:  "```go\n```\n",
		want: "<pre class=\"chroma\"><code></code></pre>\n",
	},
	{
		name: "tildes",
		src:  "~~~sh\necho hi\n~~~\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nb">echo</span> hi` + "\n</span></span></code></pre>\n",
	},
}

func TestCodeBlocks(t *testing.T) {
	r := New(Options{})
	for _, tc := range codeBlockCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := r.Render([]byte(tc.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.HTML); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// slowLexer is a lexer that waits before each token.
type slowLexer struct {
	chroma.Lexer
	wait time.Duration
}

// Tokenise implements chroma.Lexer.
func (l slowLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	it, err := l.Lexer.Tokenise(options, text)
	if err != nil {
		return nil, err
	}
	return func() chroma.Token {
		time.Sleep(l.wait)
		return it()
	}, nil
}

// TestHighlightBudget checks that a block whose lexer runs over the
// budget is written as plain code, and one within it highlighted.
func TestHighlightBudget(t *testing.T) {
	slow := slowLexer{Lexer: lexers.Get("go"), wait: 2 * time.Millisecond}
	lookup := func(string) chroma.Lexer { return slow }
	cases := []struct {
		name   string
		budget time.Duration
		want   string
	}{
		{"over", time.Millisecond, "<pre><code class=\"language-go\">x := 1 &lt; 2\n</code></pre>\n"},
		{"within", time.Hour, `<pre class="chroma"><code><span class="line"><span class="cl">`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newRenderer(Options{}, newCodeBlocks(lookup, tc.budget))
			got := string(render(t, r, "```go\nx := 1 < 2\n```\n", nil).HTML)
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %q\nwant %q…", got, tc.want)
			}
		})
	}
}

// flakyLexer is a lexer whose first lexings are slow and give other
// tokens each time, as chroma's do when matches time out on a
// held-back clock.
type flakyLexer struct {
	chroma.Lexer
	calls    *atomic.Int32
	flaky    int32 // lexings that are slow and wrong
	slowOnly bool  // later lexings are slow too, and right
}

// Tokenise implements chroma.Lexer.
func (l flakyLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	n := l.calls.Add(1)
	if n <= l.flaky {
		time.Sleep(quickLex + 10*time.Millisecond)
		return chroma.Literator(chroma.Token{Type: chroma.Error, Value: strings.Repeat(text, int(n))}), nil
	}
	if l.slowOnly {
		time.Sleep(quickLex + 10*time.Millisecond)
	}
	return l.Lexer.Tokenise(options, text)
}

// TestSteadyTokens checks that a slow lexing is not trusted until it is
// confirmed, so that a match timed out by a held-back clock does not
// reach the page.
func TestSteadyTokens(t *testing.T) {
	right, _ := lexTokens(lexers.Get("go"), "x := 1\n", time.Hour)
	cases := []struct {
		name      string
		flaky     int32
		slowOnly  bool
		wantOK    bool
		wantLexes int32
	}{
		{"quick is trusted at once", 0, false, true, 1},
		{"one slow wrong lexing", 1, false, true, 2},
		{"slow and right, confirmed", 0, true, true, 2},
		{"never steady", maxLexes, false, false, maxLexes},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			calls := new(atomic.Int32)
			lexer := flakyLexer{Lexer: lexers.Get("go"), calls: calls, flaky: tc.flaky, slowOnly: tc.slowOnly}
			tokens, ok := steadyTokens(lexer, "x := 1\n", time.Hour)
			if ok != tc.wantOK || ok && !slices.Equal(tokens, right) {
				t.Errorf("got %v %v, want %v and the lexer's own tokens", ok, tokens, tc.wantOK)
			}
			if got := calls.Load(); got != tc.wantLexes {
				t.Errorf("lexed %d times, want %d", got, tc.wantLexes)
			}
		})
	}
}
