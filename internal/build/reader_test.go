package build_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/search"
	"github.com/blogen/blogen/internal/sitetest"
)

// readerSite has a series of three parts, posts that share tags, a long
// post and a post that falls due after the test clock (2025-06-01).
const readerSite = `
-- site.toml --
base_url = "https://example.org/"
minify = false
[related]
count = 2
[toc]
headings = 2
-- content/posts/part-1.md --
---
title: Listening, part one
date: 2024-01-01
series: Listening
tags: [listening, care]
---
One.
-- content/posts/part-2.md --
---
title: Listening, part two
date: 2024-02-01
series: Listening
tags: [listening]
toc: true
---
## Why listen

Because.

### To whom
-- content/posts/part-3.md --
---
title: Listening, part three
date: 2024-03-01
series: listening
tags: [care]
---
Three.
-- content/posts/long.md --
---
title: A long post
date: 2024-04-01
tags: [listening, care]
---
## One
## Two
## Three
-- content/posts/short-toc-off.md --
---
title: Headings but no contents
date: 2024-04-02
toc: false
---
## One
## Two
## Three
-- content/posts/unrelated.md --
---
title: Nothing shared
date: 2024-05-01
---
Alone.
-- content/posts/soon.md --
---
title: Soon
date: 2025-06-03T08:00:00Z
tags: [care]
---
Not yet.
`

func TestSeriesRelatedAndContents(t *testing.T) {
	s := sitetest.Build(t, readerSite)
	part2 := "2024/02/part-2/index.html"
	s.Contains(part2,
		`<p class="series-part">Part 2 of 3 in the series <strong>Listening</strong></p>`,
		`<li><a href="/2024/01/part-1/">Listening, part one</a></li>`,
		`<li><span aria-current="page">Listening, part two</span></li>`,
		`<li><a href="/2024/03/part-3/">Listening, part three</a></li>`,
		`<nav class="toc" aria-label="Table of contents">`,
		`<li class="toc-2"><a href="#why-listen">Why listen</a></li>`,
		`<li class="toc-3"><a href="#to-whom">To whom</a></li>`,
		`<h2 id="why-listen">Why listen<a class="anchor" href="#why-listen" aria-label="Link to the section Why listen">#</a></h2>`,
	)
	// Related: shared tags weigh most, then the nearer in date; never the
	// post itself, never the unpublished one, two as configured.
	related := func(path string) string {
		body := s.File(path)
		i := strings.Index(body, `<section class="related"`)
		if i < 0 {
			return ""
		}
		return body[i : i+strings.Index(body[i:], "</section>")]
	}
	r1 := related("2024/01/part-1/index.html")
	if !strings.Contains(r1, "/2024/04/long/") || !strings.Contains(r1, "/2024/02/part-2/") || strings.Count(r1, "<li>") != 2 {
		t.Errorf("related of part 1:\n%s", r1)
	}
	for _, p := range []string{"2024/01/part-1/index.html", "2024/04/long/index.html"} {
		if r := related(p); strings.Contains(r, strings.TrimSuffix(p, "index.html")) || strings.Contains(r, "/soon/") {
			t.Errorf("related of %s lists itself or a future post:\n%s", p, r)
		}
	}
	if r := related("2024/05/unrelated/index.html"); r != "" {
		t.Errorf("a post sharing nothing has related posts:\n%s", r)
	}
	// Contents: the site default gives one to a post with more than two
	// headings; toc: false and short posts have none, nor does the series
	// box appear outside a series.
	s.Contains("2024/04/long/index.html", `<nav class="toc"`, `<li class="toc-2"><a href="#three">Three</a></li>`)
	s.NotContains("2024/04/short-toc-off/index.html", `<nav class="toc"`)
	s.Contains("2024/04/short-toc-off/index.html", `<a class="anchor" href="#one"`)
	s.NotContains("2024/01/part-1/index.html", `<nav class="toc"`)
	s.NotContains("2024/04/long/index.html", `class="series"`)
}

func TestNextDueInTheSummary(t *testing.T) {
	s := sitetest.Build(t, readerSite)
	due := s.Result.Due
	if due.Post == nil || due.Post.Slug != "soon" || !due.Time.Equal(time.Date(2025, 6, 3, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("due %+v", due)
	}
	if want := "Next: content/posts/soon.md is due at 2025-06-03T08:00:00Z"; !strings.Contains(s.Result.String(), want) {
		t.Errorf("summary %q does not say %q", s.Result.String(), want)
	}
}

func TestSearchIndex(t *testing.T) {
	s := sitetest.Build(t, readerSite+`-- content/posts/cjk.md --
---
title: 社会化媒体
date: 2024-05-02
---
倾听客户。
`)
	s.Contains("search/index.html", `data-shards="8"`, `<script src="/`+hashed(s, "theme/search.js")+`" defer></script>`, `<input type="search" id="search-q" name="q"`)
	// The header's box is a combobox that loads search.js when the reader types.
	s.Contains("index.html", `<form class="site-search" role="search" action="/search/" method="get" data-search-live data-search-base="/search/" data-shards="8" data-search-script="/`+hashed(s, "theme/search.js")+`">`,
		`role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="site-search-list"`, `<ul id="site-search-list" role="listbox"`,
		`<a class="site-search-fallback" href="#archives">Archives</a>`, `id="archives"`)
	s.NotContains("index.html", "/theme/search.js", `<script src="/`+hashed(s, "theme/search.js"))
	// Posts are numbered newest first; the future post is not indexed.
	s.Contains("search/d/6.json", `{"u":"/2024/01/part-1/","t":"Listening, part one","d":"1 January 2024","s":"One.","x":"One."}`)
	if s.Exists("search/d/7.json") {
		t.Error("the index has a file for a post that is not published")
	}
	postings := func(term string) []int {
		var shard map[string][]int
		if err := json.Unmarshal([]byte(s.File(fmt.Sprintf("search/s/%d.json", search.ShardOf(term, 8)))), &shard); err != nil {
			t.Fatal(err)
		}
		return shard[term]
	}
	// "listening": in the titles of the parts (posts 4, 5, 6), the tags
	// of parts 1 and 2 and of the long post (3); "why" in one heading;
	// the Han text in pairs, in the title or in the text and summary.
	if got := fmt.Sprint(postings("listening")); got != "[3 20 1 100 1 120 1 120]" {
		t.Errorf("listening: %s", got)
	}
	if got := fmt.Sprint(postings("why")); got != "[5 1]" {
		t.Errorf("why: %s", got)
	}
	if got := fmt.Sprint(postings("客户"), postings("媒体")); got != "[0 21] [0 100]" {
		t.Errorf("Han pairs: %s", got)
	}
	// A word added to a post's text reaches the index on a warm build.
	editFile(t, filepath.Join(s.Dir, "content/posts/unrelated.md"), "Alone.", "Alone with a zebrafish.")
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	if got := fmt.Sprint(postings("zebrafish")); got != "[1 21]" {
		t.Errorf("zebrafish after a warm build: %s", got)
	}
}

func TestSearchOff(t *testing.T) {
	s := sitetest.Build(t, strings.Replace(readerSite, "[toc]", "[search]\nenabled = false\n[toc]", 1))
	if s.Exists("search/index.html") || s.Exists("search/s/0.json") {
		t.Error("search files written with search off")
	}
	s.NotContains("index.html", `class="site-search"`)
}

func TestCommentAvatarsAndAuthorBadge(t *testing.T) {
	s := sitetest.Build(t, `
-- content/authors/ana.md --
---
name: Ana
---
Bio.
-- content/posts/a.md --
---
title: A
date: 2024-01-01
author: ana
---
Text.
-- content/comments/a/001.md --
---
author: Reader
email_hash: 774417b424e9244d5486c427aa9360911ca1b51d22ac979da1a62fe7623f3735
date: 2024-01-02T10:00:00Z
status: approved
---
A question.
-- content/comments/a/002.md --
---
author: Ana
author_id: ana
date: 2024-01-02T11:00:00Z
status: approved
parent: "001"
---
An answer.
-- content/comments/a/003.md --
---
author: Ben
author_id: ben
date: 2024-01-02T12:00:00Z
status: approved
---
Not an author of this post.
`)
	page := s.File("2024/01/a/index.html")
	if n := strings.Count(page, `<svg class="comment-avatar"`); n != 3 {
		t.Errorf("%d avatars for 3 comments", n)
	}
	if n := strings.Count(page, `<span class="comment-badge">Author</span>`); n != 1 {
		t.Errorf("%d author badges, want the one on the post author's reply", n)
	}
	if i, j := strings.Index(page, `comment-badge`), strings.Index(page, `id="comment-002"`); i < j || j < 0 {
		t.Error("the badge is not on the post author's comment")
	}
	if strings.Contains(page, "gravatar") {
		t.Error("the page asks Gravatar for avatars")
	}
}

func TestBrand(t *testing.T) {
	s := sitetest.Build(t, `
-- site.toml --
base_url = "https://example.org/"
minify = false
[brand]
color = "#8a1c4a"
color_dark = "#f0a6c4"
logo = "/images/logo.svg"
-- static/images/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>
-- content/posts/a.md --
---
title: A
date: 2024-01-01
---
Text.
`, func(o *build.Options) { o.CheckTemplates = true })
	for _, page := range []string{"index.html", "2024/01/a/index.html", "search/index.html"} {
		s.Contains(page,
			`<style>:root{--accent-light:#8a1c4a;--accent-dark:#f0a6c4;}</style>`,
			`<a href="/" rel="home"><img class="site-logo" src="/images/logo.svg" alt="" width="40" height="40">My blog</a>`)
	}
	plain := sitetest.Build(t, "-- content/posts/a.md --\n---\ntitle: A\ndate: 2024-01-01\n---\nText.\n")
	plain.NotContains("index.html", "<style>", "site-logo")
}
