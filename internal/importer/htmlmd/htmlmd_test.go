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
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Convert(in)
		if err == nil && strings.Contains(out, moreToken) {
			t.Fatalf("marker token leaked: %q", out)
		}
	})
}
