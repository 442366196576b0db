package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)

// TestWarmBuildsMatchColdBuilds edits a site step by step and, after each
// step, compares a build that uses the cache with one that does not.
func TestWarmBuildsMatchColdBuilds(t *testing.T) {
	s := sitetest.Build(t, "-- site.toml --\nbase_url = \"https://example.org/\"\n"+authors+
		post("a.md", "title: A\ndate: 2020-01-01\nauthor: ana\ntags: [Care]", "Hello @anaruiz and #care and #newtag.")+
		post("b.md", "title: B\ndate: 2020-01-02\nauthor: ben\ntags: [Other]", "Text.\n\n```go\nfunc main() {}\n```")+
		manyPosts(12)+
		comment("a", "001", "author: R\ndate: 2020-01-05T10:00:00Z\nstatus: approved", "A fine comment."))
	edit := func(rel, old, new string) func(t *testing.T) {
		return func(t *testing.T) {
			p := filepath.Join(s.Dir, rel)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s does not contain %q", rel, old)
			}
			sitetest.WriteFile(t, p, bytes.Replace(b, []byte(old), []byte(new), 1))
		}
	}
	write := func(rel, data string) func(t *testing.T) {
		return func(t *testing.T) { sitetest.WriteFile(t, filepath.Join(s.Dir, rel), []byte(data)) }
	}
	steps := []struct {
		name   string
		change func(t *testing.T)
	}{
		{"nothing", func(*testing.T) {}},
		{"a post's text", edit("content/posts/b.md", "Text.", "Changed text.")},
		{"a post's title", edit("content/posts/p03.md", "Post 03", "Post three")},
		{"a new tag makes a hashtag resolve", edit("content/posts/b.md", "tags: [Other]", "tags: [Other, newtag]")},
		{"a new post", write("content/posts/new.md", "---\ntitle: New\ndate: 2021-01-01\nauthor: ben\n---\nNew post.\n")},
		{"a removed post", func(t *testing.T) { os.Remove(filepath.Join(s.Dir, "content/posts/p05.md")) }},
		{"an author's handle", edit("content/authors/ana.md", "handle: anaruiz", "handle: ana")},
		{"a template", write("layouts/partials/footer.html", "<footer><p>Custom footer</p></footer>\n")},
		{"site.toml", edit("site.toml", "base_url", "title = \"Renamed\"\nbase_url")},
		{"a comment approved", write("content/comments/a/002.md", "---\nauthor: S\ndate: 2020-01-06T10:00:00Z\nstatus: approved\n---\nAnother comment.\n")},
		{"a static file", write("static/theme/extra.css", "body{color:red}")},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change(t)
			s.Rebuild()
			if s.Err != nil {
				t.Fatal(s.Err)
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
	if entries, _ := filepath.Glob(filepath.Join(s.Dir, ".blogen-cache", "markdown", "*", "*")); len(entries) == 0 {
		t.Error("the cache holds no Markdown entries")
	}
	if strings.Contains(s.File("2020/01/a/index.html"), `href="/authors/ana/">@anaruiz`) {
		t.Error("a stale mention survived the handle change")
	}
}
