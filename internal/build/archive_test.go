package build_test

import (
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// The tests of this file hold what real archives brought from other
// generators showed: each case is a file layout seen on a blog of
// several hundred posts, written again in small.

func TestDotsInTheLastSegmentMakeFolders(t *testing.T) {
	tests := []struct {
		name, config, files string
		want, wantNot       []string // output files
	}{
		{"version in a file name", "",
			"-- content/posts/2024-05-02-Rust-1.78.0.md --\n---\ntitle: Rust 1.78.0\n---\nOut now.\n",
			[]string{"2024/05/Rust-1.78.0/index.html"}, []string{"2024/05/Rust-1.78.0"}},
		{"alias with a dot", "",
			"-- content/posts/2024-05-02-r.md --\n---\ntitle: R\naliases: [releases/1.0.0, /old/r.html]\n---\nOut now.\n",
			[]string{"releases/1.0.0/index.html", "old/r.html"}, []string{"releases/1.0.0"}},
		{"pattern that names a file", "[permalinks]\npost = \"/:year/:slug.html\"\n",
			"-- content/posts/2024-05-02-Rust-1.78.0.md --\n---\ntitle: Rust 1.78.0\n---\nOut now.\n",
			[]string{"2024/Rust-1.78.0.html"}, nil},
		{"page with a dot", "",
			"-- content/pages/v1.2.md --\n---\ntitle: Version 1.2\n---\nNotes.\n",
			[]string{"v1.2/index.html"}, []string{"v1.2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := "-- site.toml --\nbase_url = \"https://example.org/\"\nminify = false\n" + tt.config
			s := sitetest.Build(t, cfg+tt.files)
			for _, f := range tt.want {
				if !s.Exists(f) {
					t.Errorf("no output %s; have %v", f, s.Files())
				}
			}
			for _, f := range tt.wantNot {
				if isFile(s, f) {
					t.Errorf("%s is a file; want a folder with index.html", f)
				}
			}
		})
	}
}

// isFile reports whether the output path is a file rather than a folder.
func isFile(s *sitetest.Site, p string) bool {
	for _, f := range s.Files() {
		if f == p {
			return true
		}
	}
	return false
}

func TestBundleFoldersKeepTheirWholeName(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/cargo-1.78/index.md --
---
title: Cargo 1.78
date: 2024-05-02
---
![demo](demo.gif)
-- content/posts/cargo-1.78/demo.gif --
GIF78
-- content/posts/cargo-1.79/index.md --
---
title: Cargo 1.79
date: 2024-05-03
---
Text.
-- content/posts/2018-10-25-Rust-1.30/index.md --
---
title: Rust 1.30
---
![demo](demo.gif)
-- content/posts/2018-10-25-Rust-1.30/demo.gif --
GIF130
`)
	s.Contains("2024/05/cargo-1.78/demo.gif", "GIF78")
	s.Contains("2024/05/cargo-1.79/index.html", "Cargo 1.79")
	s.Contains("2018/10/Rust-1.30/demo.gif", "GIF130")
	for _, f := range s.Files() {
		if strings.HasSuffix(f, "demo.gif") && !strings.HasSuffix(f, "/demo.gif") {
			t.Errorf("bundle file written beside its folder: %s", f)
		}
	}
}

func TestAuthorsWithoutAFileAreAuthorsAllTheSame(t *testing.T) {
	s := sitetest.Build(t, `
-- content/authors/aaron-turon.md --
---
name: Aaron Turon
---
Aaron works on the language.
-- content/posts/2018-01-02-plans.md --
---
title: Plans
author: Brian Anderson, David Tolnay, and Aaron Turon
---
Plans.
-- content/posts/2018-01-03-async.md --
---
title: Async
authors: ["Niko Matsakis and Tyler Mandry"]
---
Async.
-- content/posts/2018-01-04-traits.md --
---
title: Traits
author: Niko Matsakis
---
Traits.
-- content/posts/2018-01-05-team.md --
---
title: Team news
author: The Rust and Friends Team
---
News.
`)
	s.Contains("2018/01/plans/index.html",
		`href="/authors/brian-anderson/"`, `href="/authors/david-tolnay/"`, `href="/authors/aaron-turon/"`,
		`id="author-brian-anderson"`, "Aaron works on the language.")
	s.Contains("authors/niko-matsakis/index.html", "Async", "Traits", "Niko Matsakis")
	s.Contains("authors/tyler-mandry/index.html", "Async")
	s.Contains("authors/the-rust-and-friends-team/index.html", "Team news")
	for _, f := range s.Files() {
		if strings.Contains(f, "and-aaron-turon") || strings.Contains(f, " ") {
			t.Errorf("bogus author page %s", f)
		}
	}
	for _, f := range []string{"2018/01/plans/index.html", "2018/01/async/index.html", "authors/index.html"} {
		s.NotContains(f, "%20", `id="author-Niko`, `id="author-Brian`)
	}
	summary := s.Result.String()
	for _, w := range []string{"brian-anderson", "niko-matsakis", "content/authors/"} {
		if !strings.Contains(summary, w) {
			t.Errorf("summary does not say %q:\n%s", w, summary)
		}
	}
	if strings.Contains(summary, "aaron-turon") {
		t.Errorf("summary lists an author who has a file:\n%s", summary)
	}
}

func TestAuthorFileNamesAreSlugs(t *testing.T) {
	s := sitetest.Build(t, `
-- content/authors/Niko Matsakis.md --
---
name: Niko Matsakis
---
Niko writes the bio.
-- content/posts/2018-01-04-traits.md --
---
title: Traits
author: Niko Matsakis
---
Traits.
`)
	s.Contains("2018/01/traits/index.html", `id="author-niko-matsakis"`, `href="/authors/niko-matsakis/"`, "Niko writes the bio.")
	s.Contains("authors/niko-matsakis/index.html", "Traits")
}

func TestSummariesDropFootnotesAndRebaseLinks(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/2024-05-02-flow/index.md --
---
title: Flow
tags: [design]
---
The flow[^1] is drawn in ![the flow](flow.svg) and [explained](notes/) too.

More text.

[^1]: A footnote.
-- content/posts/2024-05-02-flow/flow.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
`)
	for _, f := range []string{"index.html", "tags/design/index.html"} {
		s.Contains(f, `src="/2024/05/flow/flow.svg"`, `href="/2024/05/flow/notes/"`)
		s.NotContains(f, `fnref`, `#fn:1`, `src="flow.svg"`)
	}
	s.Contains("2024/05/flow/index.html", `src="flow.svg"`, `#fn:1`)
}

func TestSectionPermalinkToken(t *testing.T) {
	s := sitetest.Build(t, `
-- site.toml --
base_url = "https://example.org/"
[permalinks]
post = "/:section/:year/:month/:day/:slug/"
-- content/posts/inside-team/2019-03-04-plans.md --
---
title: Team plans
---
Inside.
-- content/posts/inside-team/2019-03-05-trip/index.md --
---
title: Trip
---
Trip.
-- content/posts/2019-03-04-plans.md --
---
title: Plans
---
Outside.
`)
	s.Contains("inside-team/2019/03/04/plans/index.html", "Inside.")
	s.Contains("inside-team/2019/03/05/trip/index.html", "Trip.")
	s.Contains("2019/03/04/plans/index.html", "Outside.")
}

func TestURLClashSuggestsTheFixThatWorks(t *testing.T) {
	tests := []struct {
		name, files string
		want        string
	}{
		{"posts of different days",
			"-- content/posts/2019-03-04-news.md --\n---\ntitle: News\n---\nA.\n-- content/posts/2019-03-18-news.md --\n---\ntitle: News again\n---\nB.\n",
			`set permalinks.post = "/:year/:month/:day/:slug/" in site.toml`},
		{"posts of two sections",
			"-- content/posts/2019-03-04-news.md --\n---\ntitle: News\n---\nA.\n-- content/posts/inside/2019-03-04-news.md --\n---\ntitle: Inside news\n---\nB.\n",
			`set permalinks.post = "/:section/:year/:month/:slug/" in site.toml`},
		{"posts of one day",
			"-- content/posts/2019-03-04-news.md --\n---\ntitle: News\n---\nA.\n-- content/posts/news.md --\n---\ntitle: News again\ndate: 2019-03-04\n---\nB.\n",
			"give one of them another slug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msg := sitetest.BuildErr(t, tt.files)
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error does not suggest %q:\n%s", tt.want, msg)
			}
		})
	}
}
