package htmlmd

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", " \n ", ""},
		{"paragraphs", "<p>One <strong>two</strong></p><p>Three</p>", "One **two**\n\nThree"},
		{"line break", "<p>a<br />\nb</p>", "a  \nb"},
		{"image", `<p><img src="https://x.test/a.jpg" alt="A cat" /></p>`, "![A cat](https://x.test/a.jpg)"},
		{"linked image", `<a href="https://x.test/big.jpg"><img src="https://x.test/a.jpg" alt="A" /></a>`, "[![A](https://x.test/a.jpg)](https://x.test/big.jpg)"},
		{"more marker", "<p>Intro</p>\n<!--more-->\n<p>Rest</p>", "Intro\n\n<!--more-->\n\nRest"},
		{"more marker with text", "<p>Intro <!--more Read on--></p>", "Intro\n\n<!--more-->"},
		{"other comments dropped", "<p>a<!-- note --></p>", "a"},
		{"iframe", `<p>Watch:</p><iframe src="https://www.youtube.com/embed/x1" width="560"></iframe>`, "Watch:\n\n<https://www.youtube.com/embed/x1>"},
		{"video source", `<video controls><source src="https://x.test/v.mp4" type="video/mp4"></video>`, "<https://x.test/v.mp4>"},
		{"script dropped", `<p>a</p><script>alert(1)</script>`, "a"},
		{"javascript iframe dropped", `<iframe src="javascript:alert(1)"></iframe><p>b</p>`, "b"},
		{"code", "<pre><code class=\"language-go\">x := 1\n</code></pre>", "```go\nx := 1\n```"},
		{"table", "<table><tr><th>a</th></tr><tr><td>b</td></tr></table>", "| a |\n|---|\n| b |"},
		{"autolink", `<p>See <a href="https://x.test/a?b=1&amp;c=2">https://x.test/a?b=1&amp;c=2</a>.</p>`, "See <https://x.test/a?b=1&c=2>."},
		{"link with other text", `<a href="https://x.test/">home</a>`, "[home](https://x.test/)"},
		{"strike", "<del>old</del>", "~~old~~"},
		{"escaping", "<p>1. not a list *or* emphasis</p>", `1\. not a list \*or* emphasis`},
		{"sub and sup", "<p>H<sub>2</sub>O and E = MC<sup>2</sup></p>", "H<sub>2</sub>O and E = MC<sup>2</sup>"},
		{"abbr keeps its title", `<abbr title="World Wide Web" class="x" onclick="y()">WWW</abbr>`, `<abbr title="World Wide Web">WWW</abbr>`},
		{"acronym becomes abbr", `<acronym title="a &amp; b">AB</acronym>`, `<abbr title="a &amp; b">AB</abbr>`},
		{"inline elements", "<p><cite>Book</cite> <q cite=\"https://x.test/\">said</q> <ins datetime=\"2020-01-01\">new</ins> <u>u</u> <small>s</small> <mark>m</mark></p>",
			`<cite>Book</cite> <q cite="https://x.test/">said</q> <ins datetime="2020-01-01">new</ins> <u>u</u> <small>s</small> <mark>m</mark>`},
		{"big becomes a span", "<p>a <big>b</big></p>", `a <span class="big">b</span>`},
		{"markdown inside a kept element", "<p><sup><em>x</em> *</sup></p>", `<sup>*x* \*</sup>`},
		{"empty kept element", "<p>a<sup> </sup>b</p>", "a b"},
		{"script link dropped", `<q cite="javascript:alert(1)">x</q>`, "<q>x</q>"},
		{"definition list", "<dl><dt>Term</dt>\n\n<dd style=\"color:red\">Def <em>x</em><script>x()</script></dd></dl>", "<dl><dt>Term</dt><dd>Def <em>x</em></dd></dl>"},
		{"address", "<address>1 Road<br>Town</address>", "<address>1 Road<br/>Town</address>"},
		{"empty definition list dropped", `<p>a</p><dl class="x"><dt> </dt></dl><p>b</p>`, "a\n\nb"},
		{"caption list becomes a figure", `<dl id="attachment_6" class="wp-caption alignright" style="width:310px"><dt class="wp-caption-dt"><a href="https://x.test/b.jpg"><img src="https://x.test/a.jpg" alt="A" class="size-medium"/></a></dt><dd class="wp-caption-dd">A <em>cat</em></dd></dl>`,
			`<figure class="alignright"><a href="https://x.test/b.jpg"><img src="https://x.test/a.jpg" alt="A" class="size-medium"/></a><figcaption>A <em>cat</em></figcaption></figure>`},
		{"caption list without a caption", `<dl class="wp-caption"><dt><img src="https://x.test/a.jpg" alt="A"/></dt></dl>`, `<figure><img src="https://x.test/a.jpg" alt="A"/></figure>`},
		{"cite that is not an address dropped", `<ins cite="inserted it">x</ins> <q cite="https://x.test/a">y</q>`, `<ins>x</ins> <q cite="https://x.test/a">y</q>`},
		{"ordered list from 3", `<ol start="3"><li>a</li><li>b</li></ol>`, "3. a\n4. b"},
		{"reversed list", `<ol reversed start="3"><li>a</li><li>b</li></ol>`, `<ol reversed="" start="3"><li>a</li><li>b</li></ol>`},
		{"aligned image", `<p><img class="alignleft size-medium wp-image-12" src="https://x.test/a.jpg" alt="A" width="300" height="200" style="x" /></p>`,
			`<img src="https://x.test/a.jpg" alt="A" width="300" height="200" class="alignleft size-medium wp-image-12"/>`},
		{"linked aligned image", `<a href="https://x.test/big.jpg"><img class="alignright" src="https://x.test/a.jpg" alt="A" /></a>`,
			`[<img src="https://x.test/a.jpg" alt="A" class="alignright"/>](https://x.test/big.jpg)`},
		{"full-width image stays markdown", `<p><img class="alignnone size-full wp-image-3" src="https://x.test/a.jpg" alt="A" width="1200" height="800" /></p>`, "![A](https://x.test/a.jpg)"},
		{"aligned figure", `<figure class="wp-block-image alignright size-medium"><img src="https://x.test/a.jpg" alt="A" class="wp-image-5"/><figcaption>Cap <a href="https://y.test/" onclick="x">l</a></figcaption></figure>`,
			`<figure class="wp-block-image alignright size-medium"><img src="https://x.test/a.jpg" alt="A" class="wp-image-5"/><figcaption>Cap <a href="https://y.test/">l</a></figcaption></figure>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Convert(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestConvertComment(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"paragraphs and emphasis", "<p>One <strong>two</strong> <em>three</em></p><p>Four</p>", "One **two** *three*\n\nFour"},
		{"link", `<a href="https://x.test/" rel="nofollow">home</a>`, "[home](https://x.test/)"},
		{"quote and list", "<blockquote>said</blockquote><ul><li>a</li><li>b</li></ul>", "> said\n\n- a\n- b"},
		{"code", "<code>x &lt; 1</code>", "`x < 1`"},
		{"sub and sup in unicode", "<p>H<sub>2</sub>O and E = MC<sup>2</sup>, x<sup>(n+1)</sup></p>", "H₂O and E = MC², x⁽ⁿ⁺¹⁾"},
		{"sup without a unicode form", "<p>1<sup>st</sup></p>", "1st"},
		{"inline quote", "<p>She said <q>yes</q>.</p>", "She said “yes”."},
		{"kept elements become text", `<p><abbr title="x">WWW</abbr> <u>u</u> <big>b</big></p><dl><dt>T</dt><dd>D</dd></dl>`, "WWW u b\n\nT\n\nD"},
		{"aligned image stays markdown", `<img class="alignleft" src="https://x.test/a.jpg" alt="A">`, "![A](https://x.test/a.jpg)"},
		{"table", "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2 | 3</td></tr></table>", "| a | b      |\n|---|--------|\n| 1 | 2 \\| 3 |"},
		{"more marker means nothing", "<p>a<!--more-->b</p>", "ab"},
		{"script dropped", "<p>a</p><script>alert(1)</script>", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConvertComment(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("ConvertComment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://x.test/a", "<https://x.test/a>"},
		{"https://x.test/a b", "[https://x.test/a b](<https://x.test/a b>)"},
	}
	for _, tt := range tests {
		if got := Link(tt.in); got != tt.want {
			t.Errorf("Link(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzConvert(f *testing.F) {
	f.Add("<p>a<!--more-->b</p><iframe src=//x></iframe>")
	f.Add("<video><source src=https://x.test/v.mp4></video>")
	f.Add(`<dl><dt>a</dt><dd>b<pre>x\n\ny</pre></dd></dl><ol reversed><li>c</ol>`)
	f.Add(`<p>H<sub>2</sub>O <img class="alignleft" src=https://x.test/a.jpg></p>`)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Convert(in)
		if err == nil && strings.Contains(out, moreToken) {
			t.Fatalf("marker token leaked: %q", out)
		}
		if _, err := ConvertComment(in); err != nil {
			t.Fatalf("ConvertComment(%q): %v", in, err)
		}
	})
}
