package render

import (
	"fmt"
	"testing"

	"github.com/blogen/blogen/internal/content"
)

func TestAnchorHeadings(t *testing.T) {
	tests := []struct {
		in, out, heads string
	}{
		{"<p>no headings</p>", "<p>no headings</p>", "[]"},
		{`<h2 id="a">A <em>b</em></h2><p>x</p>`, `<h2 id="a">A <em>b</em><a class="anchor" href="#a" aria-label="Link to the section A b">#</a></h2><p>x</p>`, "[{2 a A b}]"},
		{`<h1 id="t">T</h1><h3 id="s">S &amp; T</h3>`, `<h1 id="t">T</h1><h3 id="s">S &amp; T<a class="anchor" href="#s" aria-label="Link to the section S &amp; T">#</a></h3>`, "[{3 s S & T}]"},
		{`<h2>no id</h2><hr><h5 id="x">five</h5>`, `<h2>no id</h2><hr><h5 id="x">five</h5>`, "[]"},
		{`<h2 id="open">never closed`, `<h2 id="open">never closed`, "[]"},
	}
	for _, tt := range tests {
		out, heads := anchorHeadings(tt.in)
		if out != tt.out {
			t.Errorf("anchorHeadings(%q)\n got %q\nwant %q", tt.in, out, tt.out)
		}
		if got := fmt.Sprint(heads); got != tt.heads && !(tt.heads == "[]" && heads == nil) {
			t.Errorf("headings of %q = %s, want %s", tt.in, got, tt.heads)
		}
	}
}

func TestShowTOC(t *testing.T) {
	tests := []struct {
		mode         content.TOCMode
		n, threshold int
		want         bool
	}{
		{content.TOCOn, 1, 0, true},
		{content.TOCOn, 0, 0, false},
		{content.TOCOff, 9, 1, false},
		{content.TOCAuto, 4, 3, true},
		{content.TOCAuto, 3, 3, false},
		{content.TOCAuto, 9, 0, false},
	}
	for _, tt := range tests {
		if got := showTOC(tt.mode, tt.n, tt.threshold); got != tt.want {
			t.Errorf("showTOC(%v, %d, %d) = %v", tt.mode, tt.n, tt.threshold, got)
		}
	}
}
