package build_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)

const authors = `
-- content/authors/ana.md --
---
name: Ana Ruiz
role: Head of social care
handle: anaruiz
---
Ana runs the social care team.
-- content/authors/ben.md --
---
name: Ben Okafor
---
Ben writes about communities.
`

func post(name, front, body string) string {
	return fmt.Sprintf("-- content/posts/%s --\n---\n%s\n---\n%s\n", name, strings.TrimSpace(front), body)
}

func TestPermalinks(t *testing.T) {
	tests := []struct {
		name, config, file, front string
		want                      string
	}{
		{"default pattern", "", "a.md", "title: A\ndate: 2013-06-10", "2013/06/a/index.html"},
		{"jekyll file name gives the date", "", "2013-06-10-big-data.md", "title: B", "2013/06/big-data/index.html"},
		{"slug key wins", "", "2013-06-10-x.md", "title: B\nslug: other", "2013/06/other/index.html"},
		{"custom pattern", "[permalinks]\npost = \"/blog/:year/:day/:slug/\"\n", "a.md", "title: A\ndate: 2013-06-10", "blog/2013/10/a/index.html"},
		{"slug only", "[permalinks]\npost = \"/:slug/\"\n", "a.md", "title: A\ndate: 2013-06-10", "a/index.html"},
		{"category in pattern", "[permalinks]\npost = \"/:category/:slug/\"\n", "a.md", "title: A\ndate: 2013-06-10\ncategories: [Social Media]", "social-media/a/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := "-- site.toml --\nbase_url = \"https://example.org/\"\nminify = false\n" + tt.config
			s := sitetest.Build(t, cfg+post(tt.file, tt.front, "Body text."))
			s.Contains(tt.want, "Body text.")
		})
	}
}

func TestPageBundleCopiesItsFiles(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/trip/index.md --
---
title: Trip
date: 2020-02-03
image: cover.svg
image_alt: A hill
---
See ![the map](map.png).
-- content/posts/trip/cover.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/posts/trip/data/map.png --
PNG
`)
	s.Contains("2020/02/trip/cover.svg", "<svg")
	s.Contains("2020/02/trip/data/map.png", "PNG")
	s.Contains("2020/02/trip/index.html", `src="/2020/02/trip/cover.svg"`, `alt="A hill"`)
}

func manyPosts(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(post(fmt.Sprintf("p%02d.md", i), fmt.Sprintf("title: Post %02d\ndate: 2020-01-%02dT10:00:00Z\ntags: [Care]", i, i+1), "Text."))
	}
	return b.String()
}

func TestPaginationEdges(t *testing.T) {
	cfg := "-- site.toml --\nbase_url = \"https://example.org/\"\nminify = false\n[pagination]\nper_page = 3\n"
	tests := []struct {
		posts     int
		wantPages int
	}{{0, 1}, {1, 1}, {3, 1}, {4, 2}, {7, 3}}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d posts", tt.posts), func(t *testing.T) {
			s := sitetest.Build(t, cfg+manyPosts(tt.posts))
			s.Contains("index.html", "<title>")
			for n := 2; n <= tt.wantPages; n++ {
				if !s.Exists(fmt.Sprintf("page/%d/index.html", n)) {
					t.Errorf("page %d missing", n)
				}
			}
			if s.Exists(fmt.Sprintf("page/%d/index.html", tt.wantPages+1)) {
				t.Errorf("page %d should not exist", tt.wantPages+1)
			}
			if tt.posts == 0 {
				s.Contains("index.html", "No posts yet")
				return
			}
			if tt.wantPages == 1 {
				s.NotContains("index.html", "Older posts</a>", "Page 1 of")
				return
			}
			s.Contains("index.html", `href="/page/2/" rel="next"`, "Page 1 of "+fmt.Sprint(tt.wantPages))
			last := fmt.Sprintf("page/%d/index.html", tt.wantPages)
			s.Contains(last, "Newer posts", "Post 00")
			s.NotContains(last, `rel="next"`)
			s.Contains("tags/care/index.html", "Post "+fmt.Sprintf("%02d", tt.posts-1))
		})
	}
}

func TestTaxonomies(t *testing.T) {
	s := sitetest.Build(t, authors+
		post("a.md", "title: A\ndate: 2020-01-01\nauthor: ana\ntags: [LinkedIn, Réseaux sociaux]\ncategories: Social Media", "A.")+
		post("b.md", "title: B\ndate: 2020-01-02\nauthors: [ana, ben]\ntags: [linkedin, 日本]\ncategories: [social media]", "B."))
	s.Contains("tags/linkedin/index.html", ">A</a>", ">B</a>", "Posts tagged “linkedin”")
	s.Contains("tags/réseaux-sociaux/index.html", ">A</a>")
	s.Contains("tags/日本/index.html", ">B</a>")
	s.Contains("categories/social-media/index.html", ">A</a>", ">B</a>")
	s.Contains("tags/index.html", `href="/tags/r%C3%A9seaux-sociaux/"`, "(2)")
	s.Contains("authors/ana/index.html", ">A</a>", ">B</a>", "Ana runs the social care team.")
	s.Contains("authors/ben/index.html", ">B</a>")
	s.NotContains("authors/ben/index.html", ">A</a>")
	s.Contains("2020/01/b/index.html", `By <a href="/authors/ana/" rel="author">Ana Ruiz</a> and <a href="/authors/ben/" rel="author">Ben Okafor</a>`)
	s.Contains("2020/index.html", ">A</a>", ">B</a>")
	s.Contains("2020/01/index.html", "Posts from January 2020")
}

func TestFeedsParse(t *testing.T) {
	s := sitetest.Build(t, authors+
		post("a.md", "title: A & <b>\ndate: 2020-01-01\nauthor: ana\ntags: [Care]\ncategories: [News]", "Text with [a link](/about/) & more.")+
		post("b.md", "title: B\ndate: 2020-02-01\nauthor: ben\ntags: [Care]", "B."))
	for _, dir := range []string{"", "tags/care/", "categories/news/", "authors/ana/"} {
		for _, f := range []string{"index.xml", "atom.xml"} {
			body := s.File(dir + f)
			if err := wellFormed(body); err != nil {
				t.Errorf("%s%s is not well-formed XML: %v", dir, f, err)
			}
		}
		var feed struct {
			Version string `json:"version"`
			Items   []struct {
				URL string `json:"url"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(s.File(dir+"feed.json")), &feed); err != nil {
			t.Errorf("%sfeed.json: %v", dir, err)
		}
		if feed.Version != "https://jsonfeed.org/version/1.1" || len(feed.Items) == 0 || !strings.HasPrefix(feed.Items[0].URL, "https://example.org/") {
			t.Errorf("%sfeed.json: %+v", dir, feed)
		}
	}
	s.Contains("index.xml", "<title>A &amp; &lt;b&gt;</title>", "https://example.org/2020/02/b/", `href=&#34;https://example.org/about/&#34;`)
	s.Contains("atom.xml", `<feed xmlns="http://www.w3.org/2005/Atom">`, "<name>Ana Ruiz</name>")
	s.NotContains("authors/ana/index.xml", "/2020/02/b/")
}

func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestSitemapRobotsAnd404(t *testing.T) {
	s := sitetest.Build(t, post("a.md", "title: A\ndate: 2020-01-01", "A.")+"-- content/pages/about.md --\n---\ntitle: About\n---\nUs.\n")
	body := s.File("sitemap.xml")
	if err := wellFormed(body); err != nil {
		t.Fatal(err)
	}
	locs := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(body, -1)
	if len(locs) < 4 {
		t.Fatalf("sitemap has %d URLs", len(locs))
	}
	for _, l := range locs {
		if !strings.HasPrefix(l[1], "https://example.org/") {
			t.Errorf("sitemap URL %q is not absolute", l[1])
		}
	}
	s.Contains("sitemap.xml", "<loc>https://example.org/2020/01/a/</loc>", "<loc>https://example.org/about/</loc>")
	s.Contains("robots.txt", "Sitemap: https://example.org/sitemap.xml")
	s.Contains("404.html", "Page not found")
	s.Contains("about/index.html", "Us.")
}

func TestAliasesRedirect(t *testing.T) {
	s := sitetest.Build(t, post("a.md", "title: A\ndate: 2020-01-01\naliases: [/old/a-post/, /2013/06/old-url]", "A."))
	for _, p := range []string{"old/a-post/index.html", "2013/06/old-url/index.html"} {
		s.Contains(p, `<meta http-equiv="refresh" content="0; url=/2020/01/a/">`, `<link rel="canonical" href="https://example.org/2020/01/a/">`)
	}
}

func TestDraftsFutureAndExpired(t *testing.T) {
	archive := post("draft.md", "title: Draft\ndate: 2020-01-01\ndraft: true", "D.") +
		post("future.md", "title: Future\ndate: 2031-01-01", "F.") +
		post("expired.md", "title: Expired\ndate: 2020-01-01\nexpirydate: 2021-01-01", "E.") +
		post("live.md", "title: Live\ndate: 2020-01-01", "L.")
	s := sitetest.Build(t, archive)
	if s.Exists("2020/01/draft/index.html") || s.Exists("2031/01/future/index.html") || s.Exists("2020/01/expired/index.html") {
		t.Errorf("drafts, future or expired posts were built: %v", s.Files())
	}
	s.NotContains("index.xml", "Draft", "Future", "Expired")
	s.NotContains("sitemap.xml", "draft", "future")
	if s.Result.Skipped != 3 {
		t.Errorf("skipped %d posts, want 3", s.Result.Skipped)
	}
	s.Rebuild(func(o *build.Options) { o.Drafts, o.Future = true, true })
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	for _, p := range []string{"2020/01/draft/index.html", "2031/01/future/index.html", "2020/01/expired/index.html"} {
		if !s.Exists(p) {
			t.Errorf("%s missing with --drafts --future", p)
		}
	}
}

func TestFrontMatterFormatsAndForeignKeys(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/toml.md --
+++
title = "In TOML"
date = 2020-01-02T10:00:00Z
tags = ["x"]
weight = 3
layout = "post"
[extra]
mood = "good"
+++
TOML body.
-- content/posts/json.md --
{
  "title": "In JSON",
  "date": "2020-01-03",
  "categories": ["Y"],
  "permalink": "/from/json/"
}

JSON body.
-- content/posts/hugo.md --
---
title: From Hugo
date: 2020-01-04
description: Meta description
publishDate: 2020-01-04
toc: true
menu: main
series: [a]
---
Hugo body.
`)
	s.Contains("2020/01/toml/index.html", "TOML body.")
	s.Contains("from/json/index.html", "JSON body.")
	s.Contains("2020/01/hugo/index.html", "Hugo body.", `<meta name="description" content="Meta description">`)
}

func TestBaseURLOverride(t *testing.T) {
	s := sitetest.Build(t, post("a.md", "title: A\ndate: 2020-01-01", "A."), func(o *build.Options) { o.BaseURL = "https://staging.example.net/blog" })
	s.Contains("sitemap.xml", "<loc>https://staging.example.net/blog/2020/01/a/</loc>")
	s.Contains("2020/01/a/index.html", `<link rel="canonical" href="https://staging.example.net/blog/2020/01/a/">`, `href="/blog/`+hashed(s, "theme/style.css")+`"`)
}

func TestBuildsAreByteIdentical(t *testing.T) {
	s := sitetest.Build(t, authors+manyPosts(12)+post("c.md", "title: C\ndate: 2020-03-01\nauthor: ana\nfeatured: true", "C."))
	first := sitetest.ReadTree(t, s.Out)
	s.Out = filepath.Join(t.TempDir(), "second")
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	second := sitetest.ReadTree(t, s.Out)
	if len(first) != len(second) {
		t.Fatalf("builds wrote %d and %d files", len(first), len(second))
	}
	for p, b := range first {
		if b != second[p] {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestDeletedPostsDoNotLinger(t *testing.T) {
	s := sitetest.Build(t, post("a.md", "title: A\ndate: 2020-01-01\ntags: [gone]", "A.")+post("b.md", "title: B\ndate: 2020-01-02", "B."))
	if !s.Exists("2020/01/a/index.html") || !s.Exists("tags/gone/index.html") {
		t.Fatal("first build is missing files")
	}
	os.Remove(filepath.Join(s.Dir, "content/posts/a.md"))
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	if s.Exists("2020/01/a/index.html") || s.Exists("tags/gone/index.html") {
		t.Error("files of a deleted post are still in the output")
	}
	leftovers, _ := filepath.Glob(filepath.Join(s.Dir, ".public.blogen-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestMinifiedOutput(t *testing.T) {
	const site = "-- site.toml --\nbase_url = \"https://example.org/\"\n%s\n" + authors
	body := post("a.md", "title: A\ndate: 2020-01-01\nauthor: ana\ntags: [Care]", "Some *text*.\n\n```go\nfunc main() {\n\tprintln(1)\n}\n```")
	plain := sitetest.Build(t, fmt.Sprintf(site, "minify = false")+body)
	small := sitetest.Build(t, fmt.Sprintf(site, "minify = true")+body)
	for _, page := range []string{"2020/01/a/index.html", "index.html", "tags/care/index.html", "404.html"} {
		got, was := small.File(page), plain.File(page)
		if strings.Contains(got, "\n\n") || regexp.MustCompile(`\n[ \t]`).MatchString(got) || strings.Contains(got, "<!--") {
			t.Errorf("%s does not look minified: blank lines, indentation or comments", page)
		}
		if len(got) >= len(was) {
			t.Errorf("%s: minified %d bytes, not minified %d", page, len(got), len(was))
		}
		if strings.Count(got, "<") != strings.Count(was, "<") {
			t.Errorf("%s: minifying changed the number of tags", page)
		}
	}
	post := small.File("2020/01/a/index.html")
	if !strings.Contains(post, "<em>text</em>") || !strings.Contains(post, "\t") {
		t.Error("minified HTML lost the content or the code's tabs")
	}
}

// TestLoadedIsToldThePosts checks that Options.Loaded hears the number of
// posts once, before the output is written, and that the budget it is
// given for them grows with the site.
func TestLoadedIsToldThePosts(t *testing.T) {
	s := sitetest.Write(t, "-- site.toml --\nbase_url = \"https://example.org/\"\n"+
		post("a.md", "title: A\ndate: 2020-01-01", "A.")+post("b.md", "title: B\ndate: 2020-01-02", "B."))
	var told []int
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Build(context.Background(), build.Options{SiteDir: s.Dir, OutDir: out, NoCache: true,
		Loaded: func(posts int) {
			told = append(told, posts)
			if _, err := os.Stat(out); err == nil {
				t.Error("Loaded was called after the output was written")
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if len(told) != 1 || told[0] != 2 {
		t.Errorf("Loaded was told %v, want [2]", told)
	}
	if small, large := build.MemoryBudget(1000), build.MemoryBudget(100000); small < 150<<20 || large <= small || large > 600<<20 {
		t.Errorf("MemoryBudget: %d MiB at 1,000 posts, %d MiB at 100,000", small>>20, large>>20)
	}
}
