package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/content"
)

func TestPostFile(t *testing.T) {
	at := &content.Attribution{Site: "LinkedIn", URL: "https://www.linkedin.com/pulse/x"}
	tests := []struct {
		name      string
		p         Post
		has, hasn []string
	}{
		{"republished without permission", Post{Title: "T", Republished: at}, []string{"canonical: original"}, []string{"republished_with_permission"}},
		{"republished with permission", Post{Title: "T", Republished: at, Permission: true}, []string{"republished_with_permission: true"}, nil},
		{"placeholder keeps its words", Post{Title: "T"}, []string{"the text above the `<!--more-->` line below", "\n<!--more-->\n"}, nil},
	}
	for _, tt := range tests {
		got := string(PostFile(tt.p))
		for _, s := range tt.has {
			if !strings.Contains(got, s) {
				t.Errorf("%s: no %q in\n%s", tt.name, s, got)
			}
		}
		for _, s := range tt.hasn {
			if strings.Contains(got, s) {
				t.Errorf("%s: %q in\n%s", tt.name, s, got)
			}
		}
	}
}

func TestNewPostAuthor(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		p       Post
		wantErr string
	}{
		{"unknown author", Post{Title: "A", Author: "nobody", Date: now}, "content/authors/nobody.md: no author \"nobody\""},
		{"not an id", Post{Title: "B", Author: "Jane Doe", Date: now}, "an author id is lower-case"},
		{"new author", Post{Title: "C", Author: "jane", Date: now, NewAuthor: true}, ""},
		{"known author", Post{Title: "D", Author: "jane", Date: now}, ""},
	}
	for _, tt := range tests {
		_, err := NewPost(dir, tt.p)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v; want %q", tt.name, err, tt.wantErr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/posts/2025-01-02-a.md")); err == nil {
		t.Errorf("a post by an unknown author was written")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "content/authors/jane.md")); err != nil || !strings.Contains(string(b), `name: "jane"`) {
		t.Errorf("author file: %q, %v", b, err)
	}
}
