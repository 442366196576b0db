package jekyll

import (
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/importer/ssg"
)

// FuzzParseConfig holds that no _config.yml or authors file makes the
// readers panic, and that an accepted config has a permalink style.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("title: T\npermalink: pretty\npaginate: 5\n"))
	f.Add([]byte("exclude: [a, b]\ndefaults:\n  - scope: {path: ''}\n"))
	f.Add([]byte("jdoe:\n  name: Jane\n  twitter: '@j'\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if c, err := parseConfig("_config.yml", b); err == nil {
			if c.Permalink == "" {
				t.Fatal("accepted config without a permalink style")
			}
			_ = translate(pattern(c.Permalink))
		}
		_, _ = ssg.ParseAuthors("_data/authors.yml", b)
	})
}

func TestURLs(t *testing.T) {
	tests := []struct {
		tmpl string
		v    vars
		want string
	}{
		{pattern("date"), vars{title: "Rust-1.78.0"}, "/0001/01/01/Rust-1.78.0.html"},
		{pattern("pretty"), vars{title: "a", categories: []string{"x", "y"}}, "/x/y/0001/01/01/a/"},
		{pattern("none"), vars{title: "a"}, "/a.html"},
		{"/:year/:i_month/:slug", vars{slug: "b"}, "/0001/1/b"},
		{"/:nope/:title/", vars{title: "a"}, "/:nope/a/"},
	}
	for _, tt := range tests {
		if got := expand(tt.tmpl, tt.v); got != tt.want {
			t.Errorf("expand(%q) = %q; want %q", tt.tmpl, got, tt.want)
		}
	}
	for tmpl, want := range map[string]string{
		pattern("date"):         "/:category/:year/:month/:day/:slug.html",
		"/:year/:title/":        "/:year/:slug/",
		"/:year/:i_month/:slug": "",
		"/:title/:slug/":        "",
		pattern("pretty"):       "/:category/:year/:month/:day/:slug/",
	} {
		if got := translate(tmpl); got != want {
			t.Errorf("translate(%q) = %q; want %q", tmpl, got, want)
		}
	}
	for in, want := range map[[2]string]string{
		{"Custom Slug", "p"}: "Custom-Slug", {"Custom Slug", ""}: "custom-slug", {"Rust 1.78.0!", "p"}: "Rust-1.78.0!", {"Rust 1.78.0", ""}: "rust-1-78-0",
	} {
		if got := slugify(in[0], in[1] == "p"); got != want {
			t.Errorf("slugify(%q, %v) = %q; want %q", in[0], in[1] == "p", got, want)
		}
	}
}

func TestPageURL(t *testing.T) {
	for _, tt := range []struct{ rel, style, want string }{
		{"about.md", "date", "/about.html"},
		{"about.md", "pretty", "/about/"},
		{"docs/index.md", "date", "/docs/"},
		{"docs/a.md", "/:year/:title", "/docs/a"},
	} {
		if got := pageURL(tt.rel, tt.style); got != tt.want {
			t.Errorf("pageURL(%q, %q) = %q; want %q", tt.rel, tt.style, got, tt.want)
		}
	}
}

func TestCollectionsPermalink(t *testing.T) {
	c, err := parseConfig("_config.yml", []byte("permalink: pretty\ncollections:\n  posts:\n    permalink: /news/:year/:title/\n"))
	if err != nil || c.Permalink != "/news/:year/:title/" {
		t.Errorf("permalink = %q, %v; want collections.posts.permalink", c.Permalink, err)
	}
}

func TestFixDate(t *testing.T) {
	for in, want := range map[string]string{
		"2023-01-29 18:30:22 2023 -0800": "date: 2023-01-29T18:30:22-08:00",
		"2020-01-02 10:00 +01:00":        "date: 2020-01-02T10:00:00+01:00",
		"2020-01-02":                     "date: 2020-01-02\n",
	} {
		r := &reader{src: &ssg.Source{}}
		doc := ssg.Doc{Data: []byte("---\ntitle: T\ndate: " + in + "\n---\n")}
		_, block, _ := ssg.SplitFrontMatter(doc.Data)
		r.fixDate(&doc, block)
		if !strings.Contains(string(doc.Data), want) {
			t.Errorf("date %q: got %q; want %q", in, doc.Data, want)
		}
	}
}
