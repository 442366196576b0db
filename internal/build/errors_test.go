package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

func TestBadInputStopsTheBuild(t *testing.T) {
	tests := []struct {
		name    string
		archive string
		want    []string // each must appear in the error text
	}{
		{"malformed YAML", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\ntags: [a, b\n---\nBody.\n",
			[]string{"content/posts/a.md:", "malformed YAML front matter"}},
		{"unclosed front matter", "-- content/posts/a.md --\n---\ntitle: A\n\nBody.\n",
			[]string{"content/posts/a.md:", "not closed"}},
		{"malformed TOML", "-- content/posts/a.md --\n+++\ntitle = \"A\"\ndate = \n+++\nBody.\n",
			[]string{"content/posts/a.md:3: malformed TOML front matter"}},
		{"unknown site.toml key", "-- site.toml --\nbase_url = \"https://example.org/\"\n\n[pagination]\nper_pgae = 3\n",
			[]string{`site.toml:4: unknown key "pagination.per_pgae"`}},
		{"date that does not parse", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-13-45\n---\nBody.\n",
			[]string{`content/posts/a.md:3: date: date "2020-13-45" does not parse`}},
		{"author with no letter", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\nauthor: \"?!\"\n---\nBody.\n",
			[]string{`content/posts/a.md:4: author "?!" has no letter or digit`}},
		{"two posts with one URL", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nA.\n-- content/posts/2020-01-05-a.md --\n---\ntitle: A again\n---\nA.\n",
			[]string{"content/posts/2020-01-05-a.md:1: the URL /2020/01/a/ is also claimed by content/posts/a.md", "content/posts/a.md:1: the URL /2020/01/a/ is also claimed by content/posts/2020-01-05-a.md"}},
		{"template that does not parse", "-- layouts/post.html --\n{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n",
			[]string{"layouts/post.html:2:"}},
		{"template that fails at run time", "-- layouts/partials/summary.html --\n<div>\n  <p>Intro.</p>\n</div>\n<p>{{.Post.Nope}}</p>\n" + "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nA.\n",
			[]string{"layouts/partials/summary.html:4:", "Nope"}},
		{"body that is not UTF-8", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nline one\nbad \xff\xfe byte\n",
			[]string{"content/posts/a.md:6: the file is not valid UTF-8"}},
		{"comment on no post", "-- content/comments/nope/001.md --\n---\nauthor: X\ndate: 2020-01-01\nstatus: approved\n---\nHi.\n",
			[]string{`content/comments/nope/001.md: no post has the slug "nope"`}},
		{"bad comment status", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nA.\n-- content/comments/a/001.md --\n---\nauthor: X\ndate: 2020-01-01\nstatus: maybe\n---\nHi.\n",
			[]string{`content/comments/a/001.md:4: status: want approved, pending, spam or rejected, got "maybe"`}},
		{"no title", "-- content/posts/a.md --\n---\ndate: 2020-01-01\n---\nA.\n",
			[]string{"content/posts/a.md:1: the post has no title"}},
		{"slug longer than a file name", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\nslug: " + strings.Repeat("long", 75) + "\n---\nA.\n",
			[]string{"content/posts/a.md:4: the URL has a part of 300 bytes", "at most 255 bytes"}},
		{"NUL in an alias", "-- content/pages/p.md --\n---\ntitle: P\naliases: [\"/old\\0page/\"]\n---\nP.\n",
			[]string{`content/pages/p.md:3: the URL "/old\x00page/" holds the control character U+0000`}},
		{"blank line before the front matter", "-- content/posts/a.md --\n\n---\ntitle: A\ndate: 2020-01-01\n---\nA.\n",
			[]string{"content/posts/a.md:2: the front matter starts on line 2; remove the blank lines before it"}},
		{"front matter without its opening line", "-- content/posts/a.md --\ntitle: A\ndate: 2020-01-01\n---\nA.\n",
			[]string{"content/posts/a.md:1: the front matter has no opening --- line; add a line --- before line 1"}},
		{"no title and no date", "-- content/posts/a.md --\n---\ntags: [a]\n---\nA.\n",
			[]string{"content/posts/a.md:1: the post has no title", "content/posts/a.md:1: the post has no date"}},
		{"two posts whose URLs differ only in case", "-- content/posts/Foo.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nA.\n-- content/posts/foo.md --\n---\ntitle: B\ndate: 2020-01-02\n---\nB.\n",
			[]string{"content/posts/foo.md:1: the URL /2020/01/foo/ and the URL /2020/01/Foo/ of content/posts/Foo.md differ only in case or Unicode normalisation, and are one file on macOS and Windows; give one of them another slug",
				"content/posts/Foo.md:1: the URL /2020/01/Foo/ and the URL /2020/01/foo/ of content/posts/foo.md differ only in case"}},
		{"two posts whose URLs differ only in Unicode normalisation", "-- content/posts/caf\u00e9.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nA.\n-- content/posts/n.md --\n---\ntitle: B\ndate: 2020-01-02\nslug: cafe\u0301\n---\nB.\n",
			[]string{"content/posts/n.md:4: the URL /2020/01/cafe\u0301/ and the URL /2020/01/caf\u00e9/ of content/posts/caf\u00e9.md differ only in case or Unicode normalisation"}},
		{"an alias that differs from a page only in case", "-- content/pages/about.md --\n---\ntitle: About\n---\nP.\n-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\naliases: [/About/]\n---\nA.\n",
			[]string{"content/posts/a.md:4: the URL /About/ and the URL /about/ of content/pages/about.md differ only in case"}},
		{"an alias on the feed", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\naliases: [/index.xml]\n---\nA.\n",
			[]string{"content/posts/a.md:4: the alias /index.xml would write index.xml, which a feed of the site writes; remove the alias or give it another path"}},
		{"an alias on a static file", "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\naliases: [/files/report.pdf]\n---\nA.\n-- static/files/report.pdf --\n%PDF\n",
			[]string{"content/posts/a.md:4: the alias /files/report.pdf/ would write files/report.pdf/index.html, which the static file static/files/report.pdf writes; remove the alias or give it another path"}},
		{"an alias on the sitemap", "-- content/pages/p.md --\n---\ntitle: P\naliases: [/sitemap.xml]\n---\nP.\n",
			[]string{"content/pages/p.md:3: the alias /sitemap.xml would write sitemap.xml, which the sitemap writes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Write(t, tt.archive)
			sentinel := filepath.Join(s.Out, "index.html")
			sitetest.WriteFile(t, sentinel, []byte("previous build"))
			s.Rebuild()
			if s.Err == nil {
				t.Fatal("the build succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(s.Err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, s.Err)
				}
			}
			if b, err := os.ReadFile(sentinel); err != nil || string(b) != "previous build" {
				t.Errorf("the previous output was changed: %q, %v", b, err)
			}
			// The lock file .public.blogen.lock stays, by design.
			files, _ := filepath.Glob(filepath.Join(s.Dir, ".public.blogen-*"))
			if len(files) > 0 {
				t.Errorf("staging left behind: %v", files)
			}
		})
	}
}

func TestSeveralErrorsReportedTogether(t *testing.T) {
	_, msg := sitetest.BuildErr(t, `
-- site.toml --
base_url = "https://example.org/"
colour = "blue"
-- content/posts/a.md --
---
title: A
date: yesterday
---
A.
-- content/posts/b.md --
---
title: B
featured: maybe
date: 2020-01-01
---
B.
`)
	for _, w := range []string{`site.toml:2: unknown key "colour"`, "content/posts/a.md:3: date:", "content/posts/b.md:3: featured: want true or false"} {
		if !strings.Contains(msg, w) {
			t.Errorf("missing %q in:\n%s", w, msg)
		}
	}
}
