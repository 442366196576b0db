package moderation

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/content"
)

var formDate = time.Date(2013, 6, 10, 9, 30, 0, 0, time.UTC)

// TestNewCommentReadsBack writes a comment whose every field needs
// quoting and whose body looks like front matter, and reads it back.
func TestNewCommentReadsBack(t *testing.T) {
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
	rel, err := NewWriter(OSDisk{}, dir).Create("002", c)
	if err != nil {
		t.Fatal(err)
	}
	if rel != "content/comments/social-media-is-personal/002.md" {
		t.Errorf("path %s", rel)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := content.ParseComment(rel, src)
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

func TestNewCommentErrors(t *testing.T) {
	tests := []struct {
		name string
		c    NewComment
	}{
		{"no post", NewComment{Author: "Ana", Body: []byte("x")}},
		{"post escapes the folder", NewComment{Post: "../posts", Author: "Ana", Body: []byte("x")}},
		{"hidden post", NewComment{Post: ".git", Author: "Ana", Body: []byte("x")}},
		{"parent with a slash", NewComment{Post: "p", Parent: "a/b", Body: []byte("x")}},
		{"empty body", NewComment{Post: "p", Author: "Ana", Body: []byte(" \n")}},
		{"not UTF-8", NewComment{Post: "p", Author: "Ana", Body: []byte{0xff, 0xfe}}},
		{"plain e-mail address", NewComment{Post: "p", Author: "Ana", EmailHash: "ana@example.org", Body: []byte("x")}},
		{"author URL not http", NewComment{Post: "p", Author: "Ana", AuthorURL: "javascript:alert(1)", Body: []byte("x")}},
		{"unknown status", NewComment{Post: "p", Author: "Ana", Status: "live", Body: []byte("x")}},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		if p, err := NewWriter(OSDisk{}, dir).Create("001", tc.c); err == nil {
			t.Errorf("%s: wrote %s, want an error", tc.name, p)
		}
		entries, _ := os.ReadDir(filepath.Join(dir, "content", "comments", "p"))
		if len(entries) != 0 {
			t.Errorf("%s: left files behind", tc.name)
		}
	}
}
