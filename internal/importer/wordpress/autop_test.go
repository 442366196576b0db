package wordpress

import "testing"

func TestAutop(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", " \n\n ", ""},
		{"one paragraph", "Hello", "<p>Hello</p>"},
		{"blank line splits", "One\n\nTwo", "<p>One</p>\n<p>Two</p>"},
		{"many blank lines", "One\n\n\n\n  \nTwo", "<p>One</p>\n<p>Two</p>"},
		{"single newline is a break", "One\nTwo", "<p>One<br />\nTwo</p>"},
		{"windows newlines", "One\r\nTwo\r\n\r\nThree", "<p>One<br />\nTwo</p>\n<p>Three</p>"},
		{"existing paragraphs kept", "<p>One</p>\n\n<p>Two</p>", "<p>One</p>\n<p>Two</p>"},
		{"list not wrapped", "Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nOutro", "<p>Intro</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>Outro</p>"},
		{"heading", "<h2>Title</h2>\nText", "<h2>Title</h2>\n<p>Text</p>"},
		{"pre kept as is", "A\n<pre>x\n\n  y</pre>\nB", "<p>A</p>\n<pre>x\n\n  y</pre>\n<p>B</p>"},
		{"double br is a paragraph", "One<br /><br />Two", "<p>One</p>\n<p>Two</p>"},
		{"newline inside a tag", "<a\nhref=\"x\">link</a>", "<p><a href=\"x\">link</a></p>"},
		{"blockquote", "<blockquote>Quote</blockquote>", "<blockquote><p>Quote</p></blockquote>"},
		{"url line", "See:\n\nhttps://x.test/v?a=1\n\nDone", "<p>See:</p>\n<p><a href=\"https://x.test/v?a=1\">https://x.test/v?a=1</a></p>\n<p>Done</p>"},
		{"url inside text left", "Go to https://x.test now", "<p>Go to https://x.test now</p>"},
		{"hr", "A<hr>B", "<p>A</p>\n<hr />\n<p>B</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := autop(tt.in); got != tt.want {
				t.Errorf("autop(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
