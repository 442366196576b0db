package markdown

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// renderCase is a post and what its HTML must and must not contain.
type renderCase struct {
	name     string
	src      string
	want     string   // exact HTML, when set
	contains []string // substrings of the HTML
	excludes []string // strings the HTML must not contain
}

var renderCases = []renderCase{
	{
		name: "paragraph",
		src:  "Hello *world*.",
		want: "<p>Hello <em>world</em>.</p>\n",
	},
	{
		name: "table",
		src:  "| a | b |\n|---|--:|\n| 1 | 2 |\n",
		contains: []string{
			"<table>", "<thead>", "<th>a</th>", `<th align="right">b</th>`,
			"<tbody>", "<td>1</td>", `<td align="right">2</td>`, "</table>",
		},
		excludes: []string{"style="},
	},
	{
		name: "strikethrough",
		src:  "This is ~~gone~~ now.",
		want: "<p>This is <del>gone</del> now.</p>\n",
	},
	{
		name: "task list",
		src:  "- [x] done\n- [ ] todo\n",
		want: "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n" +
			"<li><input disabled=\"\" type=\"checkbox\"> todo</li>\n</ul>\n",
	},
	{
		name: "linkify url",
		src:  "Visit https://example.com/a?b=1 now.",
		want: "<p>Visit <a href=\"https://example.com/a?b=1\">https://example.com/a?b=1</a> now.</p>\n",
	},
	{
		name: "linkify www",
		src:  "Or www.example.com.",
		want: "<p>Or <a href=\"http://www.example.com\">www.example.com</a>.</p>\n",
	},
	{
		name: "autolink",
		src:  "<https://example.com>",
		want: "<p><a href=\"https://example.com\">https://example.com</a></p>\n",
	},
	{
		name: "footnote",
		src:  "Text[^1].\n\n[^1]: The note.\n",
		contains: []string{
			`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
			`<div class="footnotes" role="doc-endnotes">`,
			`<li id="fn:1">`, "The note.",
		},
	},
	{
		name: "no typographer",
		src:  `"Quotes" and 'single' -- dashes... stay`,
		want: "<p>&quot;Quotes&quot; and 'single' -- dashes... stay</p>\n",
	},
	{
		name: "no attribute syntax",
		src:  "# Title {#custom .cls}",
		want: "<h1 id=\"title-custom-cls\">Title {#custom .cls}</h1>\n",
	},
	{
		name: "raw html kept",
		src:  "<div class=\"note\">\n<b>hi</b>\n</div>\n\nA <kbd>key</kbd>.",
		want: "<div class=\"note\">\n<b>hi</b>\n</div>\n<p>A <kbd>key</kbd>.</p>\n",
	},
	{
		name:     "highlighted code",
		src:      "```go\nfunc main() {}\n```\n",
		contains: []string{`<pre class="chroma"><code>`, `<span class="kd">func</span>`, `<span class="nf">main</span>`},
		excludes: []string{"style="},
	},
	{
		name:     "highlighted code with html",
		src:      "```html\n<p style=\"color:red\">x</p>\n```\n",
		contains: []string{`<pre class="chroma">`, `&lt;`, `&#34;color:red&#34;`},
		excludes: []string{`<p style=`},
	},
	{
		name: "unknown language",
		src:  "```nosuchlang\n<b>x</b> & y\n```\n",
		want: "<pre><code class=\"language-nosuchlang\">&lt;b&gt;x&lt;/b&gt; &amp; y\n</code></pre>\n",
	},
	{
		name: "no language",
		src:  "```\nplain <text>\n```\n",
		want: "<pre><code>plain &lt;text&gt;\n</code></pre>\n",
	},
	{
		name: "indented code",
		src:  "    indented <code>\n",
		want: "<pre><code>indented &lt;code&gt;\n</code></pre>\n",
	},
	{
		name:     "line numbers stay off",
		src:      "```go {linenos=table,hl_lines=[1],linenostart=5}\nx := 1\ny := 2\n```\n",
		contains: []string{`<pre class="chroma">`, `<span class="line"><span class="cl">`},
		excludes: []string{`class="ln"`, `class="lnt"`, "lntable", `class="line hl"`, "style="},
	},
	{
		name:     "more marker removed",
		src:      "Intro.\n\n<!-- more -->\n\nRest.",
		want:     "<p>Intro.</p>\n<p>Rest.</p>\n",
		excludes: []string{"more"},
	},
}

func TestRender(t *testing.T) {
	r := New(Options{})
	for _, tc := range renderCases {
		t.Run(tc.name, func(t *testing.T) {
			got := string(render(t, r, tc.src, nil).HTML)
			if tc.want != "" && got != tc.want {
				t.Errorf("HTML:\n got %q\nwant %q", got, tc.want)
			}
			for _, s := range tc.contains {
				if !strings.Contains(got, s) {
					t.Errorf("HTML does not contain %q:\n%s", s, got)
				}
			}
			for _, s := range tc.excludes {
				if strings.Contains(got, s) {
					t.Errorf("HTML contains %q:\n%s", s, got)
				}
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"plain", "# Getting started", []string{"getting-started"}},
		{"duplicates", "# Setup\n\n## Setup\n\n### Setup", []string{"setup", "setup-1", "setup-2"}},
		{"taken suffix", "# Setup 1\n\n# Setup\n\n# Setup", []string{"setup-1", "setup", "setup-2"}},
		{"setext", "Title\n=====\n\nTitle\n-----", []string{"title", "title-1"}},
		{"non-ascii", "# Café au lait!", []string{"café-au-lait"}},
		{"cjk", "# 日本語の見出し", []string{"日本語の見出し"}},
		{"no letters", "# !!!\n\n# ???", []string{"section", "section-1"}},
		{"inline markup", "# Use `go test` with [flags](https://go.dev) & *care*", []string{"use-go-test-with-flags-care"}},
		{"entities", "# AT&amp;T &lt;3", []string{"at-t-3"}},
		{"empty", "#", []string{"section"}},
	}
	r := New(Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			html := string(render(t, r, tc.src, nil).HTML)
			for _, id := range tc.want {
				if !strings.Contains(html, fmt.Sprintf(` id="%s"`, id)) {
					t.Errorf("missing id %q in\n%s", id, html)
				}
			}
			if n := strings.Count(html, ` id="`); n != len(tc.want) {
				t.Errorf("got %d ids, want %d:\n%s", n, len(tc.want), html)
			}
		})
	}
}

// summaryCase is a post and the summary it must have.
type summaryCase struct {
	name    string
	src     string
	summary string // "" with nilSum false means an empty, non-nil summary
	nilSum  bool
	hasMore bool
	html    string // exact HTML, when set
}

var summaryCases = []summaryCase{
	{
		name:    "marker block",
		src:     "Intro *one*.\n\nIntro two.\n\n<!--more-->\n\nRest.\n",
		summary: "<p>Intro <em>one</em>.</p>\n<p>Intro two.</p>\n",
		hasMore: true,
		html:    "<p>Intro <em>one</em>.</p>\n<p>Intro two.</p>\n<p>Rest.</p>\n",
	},
	{
		name:    "marker with spaces",
		src:     "Intro.\n\n   <!--   more   -->   \n\nRest.\n",
		summary: "<p>Intro.</p>\n",
		hasMore: true,
		html:    "<p>Intro.</p>\n<p>Rest.</p>\n",
	},
	{
		name:    "marker upper case",
		src:     "Intro.\n<!--MORE-->\nRest.\n",
		summary: "<p>Intro.</p>\n",
		hasMore: true,
		html:    "<p>Intro.</p>\n<p>Rest.</p>\n",
	},
	{
		name:    "marker closing a paragraph",
		src:     "Intro text. <!--more-->\n\nRest.\n",
		summary: "<p>Intro text.</p>\n",
		hasMore: true,
		html:    "<p>Intro text.</p>\n<p>Rest.</p>\n",
	},
	{
		name:    "marker first",
		src:     "<!--more-->\n\nBody.\n",
		summary: "",
		hasMore: true,
		html:    "<p>Body.</p>\n",
	},
	{
		name:    "marker last",
		src:     "Body.\n\n<!--more-->\n",
		summary: "<p>Body.</p>\n",
		hasMore: true,
		html:    "<p>Body.</p>\n",
	},
	{
		name:    "marker in a list",
		src:     "- one\n\n  <!--more-->\n- two\n\nAfter.\n",
		summary: "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n</li>\n</ul>\n",
		hasMore: true,
	},
	{
		name:    "html after marker kept",
		src:     "Intro.\n\n<!--more--><div>x</div>\n\nRest.\n",
		summary: "<p>Intro.</p>\n",
		hasMore: true,
		html:    "<p>Intro.</p>\n<div>x</div>\n<p>Rest.</p>\n",
	},
	{
		name:    "second marker removed",
		src:     "One.\n\n<!--more-->\n\nTwo.\n\n<!--more-->\n\nThree.\n",
		summary: "<p>One.</p>\n",
		hasMore: true,
		html:    "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n",
	},
	{
		name:    "marker in code is text",
		src:     "```\n<!--more-->\n```\n\nPara.\n",
		summary: "<p>Para.</p>\n",
		html:    "<pre><code>&lt;!--more--&gt;\n</code></pre>\n<p>Para.</p>\n",
	},
	{
		name:    "other comment is no marker",
		src:     "A.\n\n<!-- more to come -->\n\nB.\n",
		summary: "<p>A.</p>\n",
		html:    "<p>A.</p>\n<!-- more to come -->\n<p>B.</p>\n",
	},
	{
		name:    "first paragraph",
		src:     "First *para*.\n\nSecond.\n",
		summary: "<p>First <em>para</em>.</p>\n",
	},
	{
		name:    "first paragraph after heading and code",
		src:     "# Title\n\n```go\nx := 1\n```\n\n> quoted\n\nThe paragraph.\n\nMore.\n",
		summary: "<p>The paragraph.</p>\n",
	},
	{
		name:   "no paragraph",
		src:    "# Only a heading\n\n- a list\n",
		nilSum: true,
	},
	{
		name:   "empty",
		src:    "",
		nilSum: true,
		html:   "",
	},
}

func TestSummary(t *testing.T) {
	r := New(Options{})
	for _, tc := range summaryCases {
		t.Run(tc.name, func(t *testing.T) {
			res := render(t, r, tc.src, nil)
			if tc.nilSum != (res.Summary == nil) {
				t.Errorf("Summary = %q, want nil: %v", res.Summary, tc.nilSum)
			}
			if string(res.Summary) != tc.summary {
				t.Errorf("Summary:\n got %q\nwant %q", res.Summary, tc.summary)
			}
			if res.HasMore != tc.hasMore {
				t.Errorf("HasMore = %v, want %v", res.HasMore, tc.hasMore)
			}
			if tc.html != "" && string(res.HTML) != tc.html {
				t.Errorf("HTML:\n got %q\nwant %q", res.HTML, tc.html)
			}
			if !bytes.Contains(res.HTML, res.Summary) {
				t.Errorf("Summary %q is not part of HTML %q", res.Summary, res.HTML)
			}
			if tc.hasMore && bytes.Contains(bytes.ToLower(res.HTML), []byte("<!--more")) {
				t.Errorf("marker left in HTML:\n%s", res.HTML)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"empty", "", 0},
		{"simple", "Hello world", 2},
		{"markup inside a word", "un*believ*able stuff", 2},
		{"punctuation is no word", "one — two - three", 3},
		{"apostrophes and hyphens", "don't re-read e-mail", 3},
		{"soft line break", "one\ntwo", 2},
		{"hard line break", "one  \ntwo", 2},
		{"raw html splits", "one<br>two", 2},
		{"blocks split", "# Title\n\nOne two.", 3},
		{"lists", "- one\n- two\n  three", 3},
		{"table", "| a | b |\n|---|---|\n| c d | e |", 5},
		{"inline code counts", "run `go test ./...` now", 4},
		{"code block does not count", "```go\nfunc main() { fmt.Println(1) }\n```\n\nword", 1},
		{"indented code does not count", "    a b c\n\nword", 1},
		{"raw html block does not count", "<div>raw html words</div>\n\nreal", 1},
		{"image alt does not count", "![alt text here](x.png) one", 1},
		{"link text counts", "[link text](https://x.org) and https://example.com/a", 4},
		{"footnotes count", "Text[^1].\n\n[^1]: Note here.", 3},
		{"numbers", "1 2 3", 3},
		{"non-ascii", "Café au lait, s'il vous plaît", 6},
		{"cjk characters", "日本語です", 5},
		{"mixed cjk", "Go言語 is fun", 5},
		{"entities", "fish &amp; chips &#65;", 3},
		{"escapes", `a \* b \\ c`, 3},
		{"mention", "thanks @bob", 2},
	}
	r := New(mentionOpts)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(t, r, tc.src, testSite).Words; got != tc.want {
				t.Errorf("Words(%q) = %d, want %d", tc.src, got, tc.want)
			}
		})
	}
}

func TestRenderDeterministic(t *testing.T) {
	src, err := os.ReadFile("testdata/bench/post.md")
	if err != nil {
		t.Fatal(err)
	}
	r := New(mentionOpts)
	first := render(t, r, string(src), testSite)
	for range 3 {
		again := render(t, r, string(src), testSite)
		if !bytes.Equal(first.HTML, again.HTML) || !bytes.Equal(first.Summary, again.Summary) {
			t.Fatal("two renders of the same source differ")
		}
	}
}

// TestRenderConcurrent renders many documents from many goroutines on one
// Renderer, each with its own resolver, and compares with serial results.
// Run it with -race.
func TestRenderConcurrent(t *testing.T) {
	r := New(mentionOpts)
	var srcs []string
	for _, tc := range renderCases {
		srcs = append(srcs, tc.src)
	}
	for _, tc := range mentionCases {
		srcs = append(srcs, tc.src)
	}
	other := siteResolver{authors: map[string]string{"alice": "/people/alice/"}}
	resolvers := []Resolver{testSite, other, nil}
	want := make(map[string]string)
	for i, src := range srcs {
		for j, res := range resolvers {
			want[fmt.Sprint(i, j)] = string(render(t, r, src, res).HTML)
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range len(srcs) * len(resolvers) {
				i, j := (k+g)%len(srcs), (k+g)%len(resolvers)
				got, err := r.Render([]byte(srcs[i]), resolvers[j])
				if err != nil {
					t.Errorf("Render: %v", err)
					return
				}
				if string(got.HTML) != want[fmt.Sprint(i, j)] {
					t.Errorf("concurrent render of %q differs", srcs[i])
				}
			}
		})
	}
	wg.Wait()
}

// wordsByRune counts the words of text rune by rune.
func wordsByRune(chunks ...string) int {
	var w wordCounter
	for _, c := range chunks {
		for _, r := range []rune(c) {
			w.rune(r)
		}
	}
	w.boundary()
	return w.n
}

// FuzzWordCounterFeed holds feed, which reads ASCII bytes through a
// table, to counting rune by rune, with the text cut in two anywhere
// (both read a byte that is not UTF-8 as U+FFFD).
func FuzzWordCounterFeed(f *testing.F) {
	for _, seed := range []string{"", "one two", "  lead\ttrail\n", "a-b c_d 3.14 ...", "日本語 text", "naïve café", "x\u00a0y", "\xff\xfe bad"} {
		f.Add(seed, uint(3))
	}
	f.Fuzz(func(t *testing.T, text string, cut uint) {
		at := int(cut % uint(len(text)+1))
		var w wordCounter
		w.feed([]byte(text[:at]))
		w.feed([]byte(text[at:]))
		w.boundary()
		if want := wordsByRune(text[:at], text[at:]); w.n != want {
			t.Errorf("feed %q | %q: %d words, rune by rune %d", text[:at], text[at:], w.n, want)
		}
	})
}
