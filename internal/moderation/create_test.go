package moderation

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCreateComment(t *testing.T) {
	dir := t.TempDir()
	c := NewComment{Post: "p", Author: "Ann", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Body: []byte("Hello.")}
	got, err := NewWriter(OSDisk{}, dir).Create("20260102-030405-000-aa", c)
	if err != nil || got != "content/comments/p/20260102-030405-000-aa.md" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := NewWriter(OSDisk{}, dir).Create("20260102-030405-000-aa", c); !errors.Is(err, ErrIDTaken) {
		t.Fatalf("a second comment with the id: %v; want ErrIDTaken", err)
	}
	for _, bad := range []string{"", "..", "a/b", ".hidden"} {
		if _, err := NewWriter(OSDisk{}, dir).Create(bad, c); err == nil {
			t.Errorf("id %q taken", bad)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "comments", "p"))
	if len(entries) != 1 {
		t.Fatalf("files left: %v", entries)
	}
}
