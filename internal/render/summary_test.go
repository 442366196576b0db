package render

import "testing"

func TestListSummary(t *testing.T) {
	const folder = "/blog/2024/05/flow/"
	tests := []struct{ in, want string }{
		{`<p>A<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>`, `<p>A.</p>`},
		{`<p><img src="flow.svg" alt=""></p>`, `<p><img src="/blog/2024/05/flow/flow.svg" alt=""></p>`},
		{`<a href="../other/">o</a>`, `<a href="/blog/2024/05/other/">o</a>`},
		{`<a href="/about/">a</a> <a href="https://x.org/a">x</a> <a href="#top">t</a>`, `<a href="/about/">a</a> <a href="https://x.org/a">x</a> <a href="#top">t</a>`},
		{`<a href="mailto:a@b.org">m</a> <a href="a:b/c">c</a>`, `<a href="mailto:a@b.org">m</a> <a href="a:b/c">c</a>`},
		{`<a href="notes/a:b">n</a>`, `<a href="/blog/2024/05/flow/notes/a:b">n</a>`},
		{`<p>Plain.</p>`, `<p>Plain.</p>`},
	}
	for _, tt := range tests {
		if got := listSummary(tt.in, folder); got != tt.want {
			t.Errorf("listSummary(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
