package build_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)

// TestWarmBuildsMatchColdBuilds edits a site step by step and, after each
// step, compares a build that uses the cache with one that does not.
func TestWarmBuildsMatchColdBuilds(t *testing.T) {
	s := sitetest.Build(t, "-- site.toml --\nbase_url = \"https://example.org/\"\n"+authors+
		post("a.md", "title: A\ndate: 2020-01-01\nauthor: ana\ntags: [Care]\nfeatured: true", "Hello @anaruiz and #care and #newtag.")+
		post("b.md", "title: B\ndate: 2020-01-02\nauthor: ben\ntags: [Other]", "Text.\n\n```go\nfunc main() {}\n```")+
		manyPosts(12)+
		comment("a", "001", "author: R\ndate: 2020-01-05T10:00:00Z\nstatus: approved", "A fine comment."))
	edit := func(rel, old, new string) func(t *testing.T) {
		return func(t *testing.T) { editFile(t, filepath.Join(s.Dir, rel), old, new) }
	}
	write := func(rel, data string) func(t *testing.T) {
		return func(t *testing.T) { sitetest.WriteFile(t, filepath.Join(s.Dir, rel), []byte(data)) }
	}
	// kept: the warm build keeps outputs without making them again, as
	// only the text of posts changed, if anything.
	steps := []struct {
		name   string
		change func(t *testing.T)
		kept   bool
	}{
		{"nothing", func(*testing.T) {}, true},
		{"a post's text", edit("content/posts/b.md", "Text.", "Changed text."), true},
		{"the text of a post in every list", edit("content/posts/p11.md", "Text.", "The newest text."), true},
		{"a post's title", edit("content/posts/p03.md", "Post 03", "Post three"), false},
		{"a new tag makes a hashtag resolve", edit("content/posts/b.md", "tags: [Other]", "tags: [Other, newtag]"), false},
		{"a new post", write("content/posts/new.md", "---\ntitle: New\ndate: 2021-01-01\nauthor: ben\n---\nNew post.\n"), false},
		{"a removed post", func(t *testing.T) { os.Remove(filepath.Join(s.Dir, "content/posts/p05.md")) }, false},
		{"an author's handle", edit("content/authors/ana.md", "handle: anaruiz", "handle: ana"), false},
		{"a template", write("layouts/partials/footer.html", "<footer><p>Custom footer</p></footer>\n"), false},
		{"site.toml", edit("site.toml", "base_url", "title = \"Renamed\"\nbase_url"), false},
		{"a comment approved", write("content/comments/a/002.md", "---\nauthor: S\ndate: 2020-01-06T10:00:00Z\nstatus: approved\n---\nAnother comment.\n"), false},
		{"a page that takes comments", write("content/pages/about.md", "---\ntitle: About\ncomments: open\n---\nAbout us.\n"), false},
		{"a comment on a page approved", write("content/comments/pages/about/001.md", "---\nauthor: P\ndate: 2020-01-07T10:00:00Z\nstatus: approved\n---\nA comment on the page.\n"), false},
		{"the text of a comment on a page", edit("content/comments/pages/about/001.md", "A comment on the page.", "An edited comment."), false},
		{"a mention approved", write("content/comments/a/003.md", "---\ntype: mention\nauthor: Other blog\nauthor_url: https://other.example/\ndate: 2020-01-08T10:00:00Z\nstatus: approved\n---\nMentions a.\n"), false},
		{"a static file", write("static/theme/extra.css", "body{color:red}"), true},
		{"the theme's stylesheet, which every page links by its content", write("static/theme/style.css", "body{color:navy}"), false},
		{"the text of a featured post, in the carousel of pages that do not list it", edit("content/posts/a.md", "Hello", "Hello again"), true},
		{"a footer that shows a post's summary", write("layouts/partials/footer.html",
			"<footer>{{range .Site.Posts}}{{if eq .Slug \"b\"}}{{$.Summary .}}{{end}}{{end}}</footer>\n"), false},
		{"the text of that post, in every page's footer", edit("content/posts/b.md", "Changed text.", "Text changed again."), true},
		{"the text of the post the new post's summary shows", edit("content/posts/new.md", "New post.", "A new post, edited."), true},
		{"a page bundle", write("content/posts/trip/index.md", "---\ntitle: Trip\ndate: 2019-05-01\nauthor: ben\n---\nSee notes.txt.\n"), false},
		{"a file added to the bundle", write("content/posts/trip/notes.txt", "notes"), false},
		{"a file removed from the bundle", func(t *testing.T) { os.Remove(filepath.Join(s.Dir, "content/posts/trip/notes.txt")) }, false},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change(t)
			s.Rebuild()
			if s.Err != nil {
				t.Fatal(s.Err)
			}
			if kept := s.Result.Kept > 0; kept != step.kept {
				t.Errorf("the warm build kept %d outputs unmade; want some: %v", s.Result.Kept, step.kept)
			}
			warm := sitetest.ReadTree(t, s.Out)
			cold := filepath.Join(t.TempDir(), "cold")
			coldSite := *s
			coldSite.Out = cold
			coldSite.Rebuild(func(o *build.Options) { o.NoCache = true })
			if coldSite.Err != nil {
				t.Fatal(coldSite.Err)
			}
			want := sitetest.ReadTree(t, cold)
			for p, b := range want {
				if b != warm[p] {
					t.Errorf("%s differs between the warm and the cold build", p)
				}
			}
			for p := range warm {
				if _, ok := want[p]; !ok {
					t.Errorf("%s is in the warm build only", p)
				}
			}
		})
	}
	if entries, _ := filepath.Glob(filepath.Join(s.Dir, ".blogen-cache", "markdown", "*.pack")); len(entries) == 0 {
		t.Error("the cache holds no Markdown entries")
	}
	if strings.Contains(s.File("2020/01/a/index.html"), `href="/authors/ana/">@anaruiz`) {
		t.Error("a stale mention survived the handle change")
	}
}

// TestKeptOutputsKeepTheirMarkdownCached rebuilds a site with nothing
// changed: every output is kept unmade, and the Markdown cache keeps the
// bodies those outputs were made from, for the next build that needs
// them.
func TestKeptOutputsKeepTheirMarkdownCached(t *testing.T) {
	s := sitetest.Build(t, "-- site.toml --\nbase_url = \"https://example.org/\"\n"+authors+manyPosts(12))
	packs := func() int64 {
		var total int64
		files, _ := filepath.Glob(filepath.Join(s.Dir, ".blogen-cache", "markdown", "*.pack"))
		for _, f := range files {
			if info, err := os.Stat(f); err == nil {
				total += info.Size()
			}
		}
		return total
	}
	before := packs()
	if before == 0 {
		t.Fatal("the cold build cached no Markdown")
	}
	s.Rebuild()
	if s.Err != nil || s.Result.Kept == 0 {
		t.Fatalf("the warm build kept %d outputs (%v); want them all", s.Result.Kept, s.Err)
	}
	if after := packs(); after != before {
		t.Errorf("the Markdown cache went from %d to %d bytes across a build that changed nothing", before, after)
	}
}

// TestTemporaryFilesOfKilledBuildsAreRemoved leaves in the build cache
// the temporary files a build killed while saving it would, and checks
// that the next build removes them and keeps those of a build under way.
func TestTemporaryFilesOfKilledBuildsAreRemoved(t *testing.T) {
	s := sitetest.Build(t, post("a.md", "title: A\ndate: 2020-01-01", "A."))
	const ended = 1 << 30     // above any process id the system gives
	files := map[string]bool{ // path in the cache: kept
		".tmp-" + strconv.Itoa(ended) + "-1":                   false,
		"outputs/.tmp-" + strconv.Itoa(ended) + "-2":           false,
		"markdown/.tmp-" + strconv.Itoa(ended) + "-3":          false,
		".tmp-" + strconv.Itoa(os.Getpid()) + "-4":             true,
		"outputs/.tmp-" + strconv.Itoa(os.Getpid()) + "-5":     true,
		"outputs/.tmp-" + strconv.Itoa(os.Getpid()) + "-6.old": true,
	}
	cache := filepath.Join(s.Dir, ".blogen-cache")
	for name := range files {
		sitetest.WriteFile(t, filepath.Join(cache, name), []byte("half written"))
	}
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	for name, kept := range files {
		if _, err := os.Stat(filepath.Join(cache, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
}
