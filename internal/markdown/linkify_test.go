package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// linkifyCases are texts where Linkify's parser finds a link, and where it
// nearly does, after each of its triggers.
var linkifyCases = []string{
	"See https://example.com/a?b=c, then http://x.org. And ftp://files.example.com/f.txt",
	"Go to www.example.com! Or (www.example.com/a_(b)) or *www.example.com*",
	"Mail ana@example.com, or ana.b+c@mail.example.org. Not ana@localhost nor @ana",
	"Mail _ana@example.com_ or ~ana@example.com~ or (ana@example.com)",
	"no link: hxtp://x.org httpss www example.com fttp: wwww.example.com",
	"an address after 64 characters: " + string(bytes.Repeat([]byte("a"), 64)) + "@example.com and " + string(bytes.Repeat([]byte("b"), 65)) + "@example.com",
	"h\nf\nw\n@\nhttp:\nwww.\nx@y.z\n",
	"[a link https://example.com in a label](https://example.org) and ![www.example.com](a.png)",
	"`https://example.com in code` and https://example.com&amp; and https://example.com/a;b",
	"trailing https://example.com/). and https://example.com/(a)) and ana@example.com-",
	"* list item https://example.com\n> quote www.example.com\n\n| a | b |\n|---|---|\n| x@y.org | https://z.org |",
	"ünïcode www.exämple.com ana@exämple.com https://例子.测试",
}

// TestLinkifyAsGoldmark holds the linkify extension to goldmark's own:
// the same HTML for every case, alone and with the other extensions.
func TestLinkifyAsGoldmark(t *testing.T) {
	for _, src := range linkifyCases {
		if got, want := renderWith(t, src, linkify), renderWith(t, src, extension.Linkify); got != want {
			t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
		}
	}
}

// FuzzLinkify checks that the linkify extension renders any text as
// goldmark's own does.
func FuzzLinkify(f *testing.F) {
	for _, src := range linkifyCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := renderWith(t, src, linkify), renderWith(t, src, extension.Linkify); got != want {
			t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
		}
	})
}

// renderWith renders src with GFM's other extensions and the given
// linkify extension.
func renderWith(t testing.TB, src string, link goldmark.Extender) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, link))
	var out bytes.Buffer
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
