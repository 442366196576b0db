package comments

import (
	"slices"
	"testing"
)

func TestLinks(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"none", "No links here, only words.", nil},
		{"markdown link", "[a post](https://Example.COM/blog/post/)", []string{"example.com/blog/post"}},
		{"reference link", "[a post][1]\n\n[1]: https://example.com/blog/post", []string{"example.com/blog/post"}},
		{"image", "![chart](https://cdn.example.com/chart.png)", []string{"cdn.example.com/chart.png"}},
		{"autolink", "<https://example.com/a>", []string{"example.com/a"}},
		{"bare https", "see https://example.com/a, then", []string{"example.com/a"}},
		{"bare www", "see www.example.com/a.", []string{"example.com/a"}},
		{"bare in parentheses", "(see https://example.com/wiki/A_(b))", []string{"example.com/wiki/A_(b)"}},
		{"upper-case scheme", "HTTPS://WWW.EXAMPLE.COM/About", []string{"example.com/About"}},
		{"www and scheme are one target", "https://www.example.com/a and http://example.com/a/ and www.example.com/a#top", []string{"example.com/a"}},
		{"default port dropped", "https://example.com:443/a http://example.com:8080/a", []string{"example.com/a", "example.com:8080/a"}},
		{"query kept", "https://example.com/a?id=3", []string{"example.com/a?id=3"}},
		{"html anchor", `<a href="https://example.com/a">text</a>`, []string{"example.com/a"}},
		{"html anchor in a block", "<p>\n<a href='https://example.com/b'>text</a>\n</p>", []string{"example.com/b"}},
		{"html image", `<img src="https://example.com/i.png" alt="x">`, []string{"example.com/i.png"}},
		{"bbcode with text", "[url=https://example.com/c]text[/url]", []string{"example.com/c"}},
		{"bbcode bare", "[URL]https://example.com/d[/URL]", []string{"example.com/d"}},
		{"dot spelt out", "visit example dot com now", []string{"example.com"}},
		{"dot in brackets", "example[.]co[.]uk", []string{"example.co.uk"}},
		{"dot in parentheses", "example (dot) org", []string{"example.org"}},
		{"spaced dot", "example . net", []string{"example.net"}},
		{"full-width dot", "example．com", []string{"example.com"}},
		{"full-width letters", "ｅｘａｍｐｌｅ.com", []string{"example.com"}},
		{"ideographic full stop", "请访问example。com", []string{"example.com"}},
		{"spaced scheme", "h t t p s : / / e x a m p l e . c o m", []string{"example.com"}},
		{"mangled scheme", "hxxp://example.com/x", []string{"example.com/x"}},
		{"prose with dot", "the dot com bubble, a red dot on the map", nil},
		{"chinese full stop is prose", "很好的文章。谢谢", nil},
		{"file names are prose", "edit index.html and node.js", nil},
		{"code is not a link", "`https://example.com/a` and\n\n    https://example.com/b\n", nil},
		{"email is not a link", "write to ana@example.com", nil},
		{"mailto link", "[mail](mailto:Ana@Example.com)", []string{"mailto:ana@example.com"}},
		{"relative link", "[other post](/posts/other/)", []string{"/posts/other"}},
		{"fragment only", "[top](#top)", nil},
		{"ordered as found", "[b](https://b.example/x) https://a.example/y", []string{"b.example/x", "a.example/y"}},
		{"entity in href", `<a href="https://example.com/a?x=1&amp;y=2">t</a>`, []string{"example.com/a?x=1&y=2"}},
		{"idn host", "https://bücher.example/a", []string{"xn--bcher-kva.example/a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Links([]byte(tc.body))
			if !slices.Equal(got, tc.want) && (len(got) > 0 || len(tc.want) > 0) {
				t.Errorf("Links(%q) = %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"good post", 2},
		{"Don't stop, well-written!", 3},
		{"+1 👍👍", 1},
		{"很好的文章", 3},
		{"很好", 1},
		{"とても参考になりました", 6},
		{"Sehr guter Beitrag", 3},
		{"post-", 1},
		{"Customer service — done right.", 4},
	}
	for _, tc := range tests {
		if got := countWords(tc.text); got != tc.want {
			t.Errorf("countWords(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Greeeeat POST!!!", []string{"great", "post"}},
		{"great post", []string{"great", "post"}},
		{"+1", []string{"1"}},
		{"It's ＧＯＯＤ", []string{"its", "god"}},
		{"很好", []string{"很", "好"}},
	}
	for _, tc := range tests {
		if got := tokens(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("tokens(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
