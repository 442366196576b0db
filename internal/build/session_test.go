package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/render"
	"github.com/blogen/blogen/internal/sitetest"
)

// sessionSite is a small site whose posts' first paragraphs show on the
// home page, one with a hashtag whose tag page exists.
var sessionSite = "-- site.toml --\nbase_url = \"https://example.org/\"\n" + authors +
	post("a.md", "title: A\ndate: 2020-01-01\nauthor: ana\ntags: [Care]", "First words of A.\n\nMore of A, for #care.") +
	post("b.md", "title: B\ndate: 2020-01-02\nauthor: ben\ntags: [Other]", "First words of B.") +
	manyPosts(4) +
	comment("a", "001", "author: R\ndate: 2020-01-05T10:00:00Z\nstatus: approved", "A fine comment.")

// TestSessionMatchesFreshPrepare edits a site step by step and, after
// each step, compares every output of the session's version with the
// outputs of a site prepared from scratch. It also checks which steps
// keep the site graph of the version before.
func TestSessionMatchesFreshPrepare(t *testing.T) {
	s := sitetest.Write(t, sessionSite)
	opts := build.Options{SiteDir: s.Dir, NoCache: true, Now: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	session := build.NewSession(opts)
	prev, err := session.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name       string
		file       string
		old, new   string
		keepsGraph bool
	}{
		{"a post's first paragraph", "content/posts/a.md", "First words of A.", "New first words of A, with #care and @anaruiz.", true},
		{"text appended", "content/posts/b.md", "First words of B.", "First words of B.\n\nAnd a second paragraph.", true},
		{"a post's title", "content/posts/b.md", "title: B", "title: Bee", false},
		{"a tag", "content/posts/a.md", "tags: [Care]", "tags: [Care, Extra]", false},
		{"text again", "content/posts/p01.md", "Text.", "Other text.", true},
		{"front matter moved the body", "content/posts/p02.md", "tags: [Care]", "tags: [ Care ]", false},
		{"a comment", "content/comments/a/001.md", "A fine comment.", "A finer comment.", false},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			editFile(t, filepath.Join(s.Dir, step.file), step.old, step.new)
			p, err := session.Prepare(step.file)
			if err != nil {
				t.Fatal(err)
			}
			if kept := p.Site == prev.Site; kept != step.keepsGraph {
				t.Errorf("the new version shares the site graph: %v, want %v", kept, step.keepsGraph)
			}
			prev = p
			fresh, err := build.Prepare(opts)
			if err != nil {
				t.Fatal(err)
			}
			sameOutputs(t, p, fresh)
		})
	}
}

// TestSessionKeepsReportingProblems breaks one post and then edits the
// text of another: the site still has a problem, so the session must not
// serve a version as if it had none.
func TestSessionKeepsReportingProblems(t *testing.T) {
	s := sitetest.Write(t, sessionSite)
	session := build.NewSession(build.Options{SiteDir: s.Dir, NoCache: true})
	if _, err := session.Prepare(); err != nil {
		t.Fatal(err)
	}
	editFile(t, filepath.Join(s.Dir, "content/posts/a.md"), "title: A", "title: [unclosed")
	if _, err := session.Prepare("content/posts/a.md"); err == nil {
		t.Fatal("a broken front matter was accepted")
	}
	editFile(t, filepath.Join(s.Dir, "content/posts/b.md"), "First words of B.", "Edited.")
	if _, err := session.Prepare("content/posts/b.md"); err == nil {
		t.Fatal("after an edit of another post, the broken one is no longer reported")
	}
	editFile(t, filepath.Join(s.Dir, "content/posts/a.md"), "title: [unclosed", "title: A")
	if _, err := session.Prepare("content/posts/a.md"); err != nil {
		t.Fatalf("the fixed site does not prepare: %v", err)
	}
}

// TestSessionDeletedPost checks that an edit event for a post that is
// gone (deleted right after it was saved) rebuilds the graph.
func TestSessionDeletedPost(t *testing.T) {
	s := sitetest.Write(t, sessionSite)
	session := build.NewSession(build.Options{SiteDir: s.Dir, NoCache: true})
	before, err := session.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(s.Dir, "content/posts/b.md")); err != nil {
		t.Fatal(err)
	}
	p, err := session.Prepare("content/posts/b.md")
	if err != nil {
		t.Fatal(err)
	}
	if p.Site == before.Site || len(p.Site.Posts) != len(before.Site.Posts)-1 {
		t.Errorf("after deleting a post the site has %d posts, before %d", len(p.Site.Posts), len(before.Site.Posts))
	}
	if _, ok, _ := p.Renderer().Output("2020/01/b/index.html"); ok {
		t.Error("the deleted post is still rendered")
	}
}

// editFile replaces old by new in the file at path.
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	sitetest.WriteFile(t, path, bytes.Replace(b, []byte(old), []byte(new), 1))
}

// sameOutputs checks that two prepared sites have the same outputs, byte
// for byte.
func sameOutputs(t *testing.T, got, want *build.Prepared) {
	t.Helper()
	gr, wr := got.Renderer(), want.Renderer()
	paths := wr.Paths()
	if len(gr.Paths()) != len(paths) {
		t.Errorf("%d outputs, want %d", len(gr.Paths()), len(paths))
	}
	for _, p := range paths {
		g, ok, err := gr.Output(p)
		if err != nil || !ok {
			t.Errorf("%s: ok %v, error %v", p, ok, err)
			continue
		}
		w, _, err := wr.Output(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from a fresh build's", p)
		}
	}
}

// TestSessionVersionsRenderTogether renders every output of two versions
// that share a site graph at the same time, as the preview server does
// while browsers still show the older one; the race detector watches.
func TestSessionVersionsRenderTogether(t *testing.T) {
	s := sitetest.Write(t, sessionSite)
	session := build.NewSession(build.Options{SiteDir: s.Dir, NoCache: true})
	older, err := session.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	editFile(t, filepath.Join(s.Dir, "content/posts/b.md"), "First words of B.", "Other words.")
	newer, err := session.Prepare("content/posts/b.md")
	if err != nil {
		t.Fatal(err)
	}
	if newer.Site != older.Site {
		t.Fatal("the versions do not share the site graph")
	}
	var wg sync.WaitGroup
	for _, r := range []*render.Renderer{older.Renderer(), newer.Renderer(), newer.Renderer()} {
		for _, p := range r.Paths() {
			wg.Go(func() {
				if _, _, err := r.Output(p); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
}
