package content

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// TestSavedCache saves a cache and reads it back: the same parses under
// the same stamp, nothing under another stamp or from a damaged file.
func TestSavedCache(t *testing.T) {
	mod := time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC)
	fsys := fstest.MapFS{
		"content/posts/a.md":        {Data: []byte("---\ntitle: A\ndate: 2024-01-02\ntags: [x, y]\nimage_credit:\n  text: Photo\n---\nBody of A.\n"), ModTime: mod},
		"content/authors/ana.md":    {Data: []byte("---\nname: Ana\n---\nAna's bio.\n"), ModTime: mod},
		"content/pages/about.md":    {Data: []byte("---\ntitle: About\n---\nAbout us.\n"), ModTime: mod},
		"content/comments/a/001.md": {Data: []byte("---\nauthor: R\ndate: 2024-01-03T10:00:00Z\nstatus: approved\n---\nHi.\n"), ModTime: mod},
		"content/posts/broken.md":   {Data: []byte("---\ntitle: [\n---\n"), ModTime: mod},
	}
	c := NewCache()
	want, _ := LoadCached(fsys, c)
	file := filepath.Join(t.TempDir(), "content.gob")
	if err := c.Save(file, "blogen 1"); err != nil {
		t.Fatal(err)
	}
	again := ReadCache(file, "blogen 1")
	if i, ok := again.find("content/posts/a.md"); len(again.entries) != 4 || !ok || again.entries[i].value == nil {
		t.Errorf("the saved cache holds %d files, want the 4 that parse", len(again.entries))
	}
	got, _ := LoadCached(fsys, again)
	if !reflect.DeepEqual(withNilSlices(got), withNilSlices(want)) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got.Posts[0], want.Posts[0])
	}
	for name, c := range map[string]*Cache{
		"another stamp": ReadCache(file, "blogen 2"),
		"no file":       ReadCache(file+".missing", "blogen 1"),
		"damaged":       ReadCache(damage(t, file), "blogen 1"),
	} {
		if len(c.entries) != 0 {
			t.Errorf("%s: %d entries, want none", name, len(c.entries))
		}
	}
}

// withNilSlices makes empty slices nil, as a saved cache gives them back.
func withNilSlices(s *Site) *Site {
	out := *s
	out.Posts = nil
	for _, p := range s.Posts {
		q := *p
		if len(q.Files) == 0 {
			q.Files = nil
		}
		out.Posts = append(out.Posts, &q)
	}
	return &out
}

func damage(t *testing.T, file string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	bad := file + ".bad"
	if err := os.WriteFile(bad, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	return bad
}

// TestCacheReloads loads a site again and again through one cache: only
// the files that changed, or that the cache was told to forget, are
// parsed again, and the cache holds the files of the last load.
func TestCacheReloads(t *testing.T) {
	mod := time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC)
	post := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2024-01-02\n---\nBody.\n"), ModTime: mod}
	}
	fsys := fstest.MapFS{"content/posts/a.md": post("A"), "content/posts/b.md": post("B"), "content/posts/c.md": post("C")}
	c := NewCache()
	first, _ := LoadCached(fsys, c)
	fsys["content/posts/b.md"] = post("B2")
	fsys["content/posts/b.md"].ModTime = mod.Add(time.Second)
	delete(fsys, "content/posts/c.md")
	c.Forget("content/posts/a.md", "content/posts/none.md")
	second, _ := LoadCached(fsys, c)
	if len(second.Posts) != 2 || second.Posts[0] == first.Posts[0] || second.Posts[1].Title != "B2" {
		t.Fatalf("after a change: %+v", second.Posts)
	}
	if len(c.entries) != 2 {
		t.Errorf("the cache holds %d files, want the 2 of the last load", len(c.entries))
	}
	third, _ := LoadCached(fsys, c)
	if third.Posts[0] != second.Posts[0] || third.Posts[1] != second.Posts[1] {
		t.Error("unchanged files were parsed again")
	}
	fsys["content/posts/a.md"] = post("A2")
	before, after, ok := c.Reparse(fsys, "content/posts/a.md")
	if !ok || before.(*Post).Title != "A" || after.(*Post).Title != "A2" {
		t.Errorf("Reparse = %v, %v, %v", before, after, ok)
	}
	if _, _, ok := c.Reparse(fsys, "content/posts/none.md"); ok {
		t.Error("Reparse of a file the cache does not hold succeeded")
	}
	if fourth, _ := LoadCached(fsys, c); fourth.Posts[0] != after {
		t.Error("the load after Reparse parsed the file again")
	}
}

// TestLoadStopsWhenCancelled loads a site with a context that ends: the
// load stops with its error and leaves the cache as it was.
func TestLoadStopsWhenCancelled(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 200 {
		fsys[fmt.Sprintf("content/posts/p%03d.md", i)] = &fstest.MapFile{Data: []byte("---\ntitle: T\ndate: 2024-01-02\n---\nBody.\n")}
	}
	c := NewCache()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	s, err := LoadContext(ctx, fsys, c)
	if !errors.Is(err, context.Canceled) || s != nil {
		t.Errorf("LoadContext = %v, %v; want context.Canceled", s, err)
	}
	if len(c.entries) != 0 {
		t.Errorf("the cache took %d files of a cancelled load", len(c.entries))
	}
}

// TestCacheSeesBundleFiles checks that a post whose index.md is unchanged
// is parsed again when a file is added to or removed from its bundle.
func TestCacheSeesBundleFiles(t *testing.T) {
	mod := time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC)
	fsys := fstest.MapFS{
		"content/posts/trip/index.md": {Data: []byte("---\ntitle: Trip\ndate: 2024-01-02\n---\nBody.\n"), ModTime: mod},
		"content/posts/trip/a.jpg":    {Data: []byte("a"), ModTime: mod},
	}
	c := NewCache()
	steps := []struct {
		name  string
		edit  func()
		files []string
	}{
		{"first load", func() {}, []string{"a.jpg"}},
		{"a file added", func() { fsys["content/posts/trip/b.jpg"] = &fstest.MapFile{Data: []byte("b"), ModTime: mod} }, []string{"a.jpg", "b.jpg"}},
		{"a file removed", func() { delete(fsys, "content/posts/trip/a.jpg") }, []string{"b.jpg"}},
		{"nothing changed", func() {}, []string{"b.jpg"}},
	}
	for _, step := range steps {
		step.edit()
		s, err := LoadCached(fsys, c)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Posts[0].Files; !slices.Equal(got, step.files) {
			t.Errorf("%s: the post's bundle files are %v, want %v", step.name, got, step.files)
		}
	}
}
