package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitegen"
)

func TestFloorRendersEveryPost(t *testing.T) {
	site, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	if err := sitegen.Generate(site, sitegen.Options{Posts: 25, Seed: 2, CodeShare: 1}); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := main1([]string{"-s", site, "-d", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "Rendered 25 posts") {
		t.Errorf("stdout = %q", stdout.String())
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*", "index.html"))
	if len(pages) != 25 {
		t.Fatalf("%d pages, want 25", len(pages))
	}
	html, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte("<h2")) || !bytes.Contains(html, []byte(`class="chroma"`)) {
		t.Errorf("%s has no heading or no highlighted code:\n%.500s", pages[0], html)
	}
}

func TestFloorReportsBadFrontMatter(t *testing.T) {
	site := t.TempDir()
	posts := filepath.Join(site, "content", "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(posts, "bad.md"), []byte("---\ntitle: [unclosed\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := main1([]string{"-s", site, "-d", t.TempDir(), "-q"}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "bad.md: front matter") {
		t.Errorf("stderr = %q", stderr.String())
	}
}

func TestFloorUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := main1(nil, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
}
