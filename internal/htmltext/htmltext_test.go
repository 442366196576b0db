package htmltext

import "testing"

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One</p><p>two</p>", "One two"},
		{"in<em>line</em> word", "inline word"},
		{"<ul><li>a</li><li>b</li></ul>", "a b"},
		{"Fish &amp; chips &lt;3", "Fish & chips <3"},
		{"  spaced \n\t out  ", "spaced out"},
		{"broken <a href", "broken"},
		{"<br/>x<BR>y", "x y"},
	}
	for _, tc := range tests {
		if got := PlainText(tc.in); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"word, then more", 6, "word…"},
		{"abcdefghijklmnop", 8, "abcdefgh…"},
		{"caféé café", 6, "café…"},
	}
	for _, tc := range tests {
		if got := Truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
