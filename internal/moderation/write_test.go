package moderation

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/content"
)

var formDate = time.Date(2013, 6, 10, 9, 30, 0, 0, time.UTC)

func TestWriteComment(t *testing.T) {
	dir := t.TempDir()
	c := NewComment{
		Post:      "social-media-is-personal",
		Author:    `Ana "the analyst" Ruiz: #1`,
		AuthorURL: "https://ana.example/about",
		EmailHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		Date:      formDate.In(time.FixedZone("EST", -5*3600)),
		Parent:    "001",
		Body:      []byte("---\nA body that starts like front matter.\n"),
	}
	first := NewComment{Post: c.Post, Author: "Bo", Date: formDate, Body: []byte(bankStory)}
	if _, err := WriteComment(dir, first); err != nil {
		t.Fatal(err)
	}
	p, err := WriteComment(dir, c)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "comments", "social-media-is-personal", "002.md"); p != want {
		t.Errorf("path %s, want %s", p, want)
	}
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := content.ParseComment("content/comments/social-media-is-personal/002.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if got.Author != c.Author || got.AuthorURL != c.AuthorURL || got.EmailHash != c.EmailHash ||
		got.Parent != "001" || got.Status != content.StatusPending || !got.Date.Equal(formDate) ||
		string(got.Body) != string(c.Body) {
		t.Errorf("read back %+v", got)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", fi.Mode(), err)
	}
	assertNoTempFiles(t, dir)
}

func TestWriteCommentNextID(t *testing.T) {
	tests := []struct {
		name     string
		existing []string
		want     string
	}{
		{"empty folder", nil, "001.md"},
		{"gaps", []string{"001.md", "007.md", "003.md"}, "008.md"},
		{"wider ids", []string{"0041.md"}, "0042.md"},
		{"past 999", []string{"999.md"}, "1000.md"},
		{"other names ignored", []string{"notes.md", "002.txt", ".005.md.123.tmp", "-4.md"}, "001.md"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			post := filepath.Join(dir, "content", "comments", "p")
			if err := os.MkdirAll(post, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range tc.existing {
				if err := os.WriteFile(filepath.Join(post, name), []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p, err := WriteComment(dir, NewComment{Post: "p", Author: "Ana", Date: formDate, Body: []byte("text")})
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Base(p) != tc.want {
				t.Errorf("wrote %s, want %s", filepath.Base(p), tc.want)
			}
		})
	}
}

// TestWriteCommentConcurrent checks that writers at the same time never
// share an id or overwrite each other.
func TestWriteCommentConcurrent(t *testing.T) {
	dir := t.TempDir()
	const writers = 16
	paths := make([]string, writers)
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			paths[i], errs[i] = WriteComment(dir, NewComment{Post: "p", Author: "Ana", Date: formDate,
				Body: []byte("comment number " + string(rune('a'+i)))})
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(paths)
	if len(slices.Compact(slices.Clone(paths))) != writers {
		t.Errorf("writers shared a file: %q", paths)
	}
	bodies := map[string]bool{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c, err := content.ParseComment("content/comments/p/"+filepath.Base(p), src)
		if err != nil {
			t.Fatal(err)
		}
		bodies[string(c.Body)] = true
	}
	if len(bodies) != writers {
		t.Errorf("%d distinct bodies on disk, want %d", len(bodies), writers)
	}
	assertNoTempFiles(t, dir)
}

func TestWriteCommentErrors(t *testing.T) {
	tests := []struct {
		name string
		c    NewComment
	}{
		{"no post", NewComment{Author: "Ana", Body: []byte("x")}},
		{"post escapes the folder", NewComment{Post: "../posts", Author: "Ana", Body: []byte("x")}},
		{"hidden post", NewComment{Post: ".git", Author: "Ana", Body: []byte("x")}},
		{"parent with a slash", NewComment{Post: "p", Parent: "a/b", Body: []byte("x")}},
		{"parent that does not exist", NewComment{Post: "p", Parent: "007", Body: []byte("x")}},
		{"empty body", NewComment{Post: "p", Author: "Ana", Body: []byte(" \n")}},
		{"not UTF-8", NewComment{Post: "p", Author: "Ana", Body: []byte{0xff, 0xfe}}},
		{"plain e-mail address", NewComment{Post: "p", Author: "Ana", EmailHash: "ana@example.org", Body: []byte("x")}},
		{"author URL not http", NewComment{Post: "p", Author: "Ana", AuthorURL: "javascript:alert(1)", Body: []byte("x")}},
		{"unknown status", NewComment{Post: "p", Author: "Ana", Status: "live", Body: []byte("x")}},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		if p, err := WriteComment(dir, tc.c); err == nil {
			t.Errorf("%s: wrote %s, want an error", tc.name, p)
		}
		entries, _ := os.ReadDir(filepath.Join(dir, "content", "comments", "p"))
		if len(entries) != 0 {
			t.Errorf("%s: left files behind", tc.name)
		}
	}
}
