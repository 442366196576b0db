package sitewriter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

func writeFile(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriterCommit(t *testing.T) {
	site := t.TempDir()
	writeFile(t, site, "content/authors/ana.md", "bio by hand")
	writeFile(t, site, "content/posts/old.md", "old")
	w, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		rel     string
		new     bool
		wantNew bool
	}{
		{"content/posts/old.md", false, false},
		{"content/posts/hello.md", false, false},
		{"content/authors/ana.md", true, false},
		{"content/authors/bo.md", true, true},
		{"content/comments/hello/000001.md", false, false},
	}
	for _, s := range steps {
		if s.new {
			ok, err := w.WriteNew(s.rel, []byte("new "+s.rel))
			if err != nil || ok != s.wantNew {
				t.Fatalf("WriteNew(%s) = %v, %v", s.rel, ok, err)
			}
			continue
		}
		if err := w.Write(s.rel, []byte("new "+s.rel)); err != nil {
			t.Fatal(err)
		}
	}
	if got := sitetest.ReadTree(t, site); got["content/posts/hello.md"] != "" {
		t.Fatalf("file visible before Commit: %v", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"content/authors/ana.md":           "bio by hand",
		"content/authors/bo.md":            "new content/authors/bo.md",
		"content/posts/old.md":             "new content/posts/old.md",
		"content/posts/hello.md":           "new content/posts/hello.md",
		"content/comments/hello/000001.md": "new content/comments/hello/000001.md",
	}
	got := sitetest.ReadTree(t, site)
	if len(got) != len(want) {
		t.Errorf("site has %d files, want %d: %v", len(got), len(want), got)
	}
	for rel, data := range want {
		if got[rel] != data {
			t.Errorf("%s = %q, want %q", rel, got[rel], data)
		}
	}
}

func TestWriterAbort(t *testing.T) {
	site := t.TempDir()
	writeFile(t, site, "content/posts/old.md", "old")
	before := sitetest.ReadTree(t, site)
	w, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write("content/posts/old.md", []byte("new")); err != nil {
		t.Fatal(err)
	}
	f, err := w.Scratch("spool")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	after := sitetest.ReadTree(t, site)
	if len(after) != len(before) || after["content/posts/old.md"] != "old" {
		t.Fatalf("site changed by an aborted import: %v", after)
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), StagingPrefix) {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

func TestCheckPath(t *testing.T) {
	tests := []struct {
		rel string
		ok  bool
	}{
		{"content/posts/hello.md", true},
		{"content/comments/hello/000001.md", true},
		{"content/posts/../../x.md", false},
		{"content/../x.md", false},
		{"/etc/passwd.md", false},
		{"content/posts/a\\b.md", false},
		{"content/posts/a\x00.md", false},
		{"layouts/x.md", false},
		{"content/posts/x.html", false},
		{"content//posts/x.md", false},
	}
	for _, tt := range tests {
		if err := CheckPath(tt.rel); (err == nil) != tt.ok {
			t.Errorf("CheckPath(%q) = %v, want ok=%v", tt.rel, err, tt.ok)
		}
	}
}

func TestOpenMissingSite(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Fatal("Open of a missing folder succeeded")
	}
}
