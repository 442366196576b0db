// Package sitetest builds whole sites written inline as txtar archives and
// asserts their output.
//
//	s := sitetest.Build(t, `
//	-- site.toml --
//	title = "T"
//	-- content/posts/a.md --
//	---
//	title: A
//	date: 2024-01-02
//	---
//	Hello.
//	`)
//	s.Contains("2024/01/a/index.html", "<h1 class=\"post-title\">A</h1>")
//
// A site.toml with base_url = "https://example.org/" is added when the
// archive has none, and the theme is the built-in one. Builds run with a
// fixed clock (2025-06-01) so that future posts are stable.
package sitetest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitegen"
)

// Now is the clock of every test build.
var Now = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// Site is a site written to a temporary folder and, once built, its
// output.
type Site struct {
	t      testing.TB
	Dir    string // the site folder
	Out    string // the output folder
	Result build.Result
	Err    error
}

// Write writes the files of a txtar archive into a new temporary site
// folder.
func Write(t testing.TB, archive string) *Site {
	t.Helper()
	dir := t.TempDir()
	a := txtar.Parse([]byte(strings.TrimLeft(archive, "\n")))
	hasConfig := false
	for _, f := range a.Files {
		if f.Name == "site.toml" {
			hasConfig = true
		}
		WriteFile(t, filepath.Join(dir, f.Name), f.Data)
	}
	if !hasConfig {
		WriteFile(t, filepath.Join(dir, "site.toml"), []byte("title = \"Test blog\"\nbase_url = \"https://example.org/\"\nminify = false\n"))
	}
	return &Site{t: t, Dir: dir, Out: filepath.Join(dir, "public")}
}

// WriteFile writes data to path, creating its folder.
func WriteFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Build writes the archive and builds it; the build must succeed.
func Build(t testing.TB, archive string, opts ...func(*build.Options)) *Site {
	t.Helper()
	s := Write(t, archive)
	s.Rebuild(opts...)
	if s.Err != nil {
		t.Fatalf("build failed:\n%v", s.Err)
	}
	return s
}

// BuildErr writes the archive and builds it; the build must fail, and the
// error is returned as text.
func BuildErr(t testing.TB, archive string, opts ...func(*build.Options)) (*Site, string) {
	t.Helper()
	s := Write(t, archive)
	s.Rebuild(opts...)
	if s.Err == nil {
		t.Fatalf("build succeeded; want an error")
	}
	return s, s.Err.Error()
}

// Rebuild builds the site again, as it is now on disk.
func (s *Site) Rebuild(opts ...func(*build.Options)) {
	o := build.Options{SiteDir: s.Dir, OutDir: s.Out, Now: Now}
	for _, f := range opts {
		f(&o)
	}
	s.Result, s.Err = build.Build(context.Background(), o)
}

// File returns an output file; it must exist.
func (s *Site) File(path string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.Out, filepath.FromSlash(path)))
	if err != nil {
		s.t.Fatalf("output %s: %v", path, err)
	}
	return string(b)
}

// Exists reports whether an output file exists.
func (s *Site) Exists(path string) bool {
	_, err := os.Stat(filepath.Join(s.Out, filepath.FromSlash(path)))
	return err == nil
}

// Contains asserts that the output file holds every one of subs.
func (s *Site) Contains(path string, subs ...string) {
	s.t.Helper()
	body := s.File(path)
	for _, sub := range subs {
		if !strings.Contains(body, sub) {
			s.t.Errorf("%s does not contain %q", path, sub)
		}
	}
}

// NotContains asserts that the output file holds none of subs.
func (s *Site) NotContains(path string, subs ...string) {
	s.t.Helper()
	body := s.File(path)
	for _, sub := range subs {
		if strings.Contains(body, sub) {
			s.t.Errorf("%s contains %q", path, sub)
		}
	}
}

// Files lists every output file, relative and with forward slashes.
func (s *Site) Files() []string {
	s.t.Helper()
	var out []string
	err := filepath.WalkDir(s.Out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.Out, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

// Check builds the site folder dir as it is, drafts and future posts
// included, into a temporary folder, and returns the build's error. A
// folder without site.toml is built with the defaults. It is how tests of
// tools that write content (importers, scaffolding) know that blogen
// accepts what they wrote.
func Check(dir string) error {
	out, err := os.MkdirTemp("", "blogen-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
		if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("base_url = \"https://example.org/\"\n"), 0o644); err != nil {
			return err
		}
		defer os.Remove(filepath.Join(dir, "site.toml"))
	}
	_, err = build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: filepath.Join(out, "public"), Drafts: true, Future: true, Now: Now, NoCache: true})
	return err
}

// generated remembers the generated sites of one test binary, by size.
var generated sync.Map // posts -> *generatedSite

type generatedSite struct {
	once sync.Once
	dir  string
	err  error
}

// Generated returns the folder of a site generated by sitegen with the
// given number of posts, made once per test binary in the temporary
// folder and reused by later runs while the generator's output stays the
// same, without photos (sitegen.Options.NoPhotos): benchmarks of
// stages and tests of text and search use it.
func Generated(tb testing.TB, posts int) string {
	tb.Helper()
	v, _ := generated.LoadOrStore(posts, &generatedSite{})
	g := v.(*generatedSite)
	g.once.Do(func() {
		g.dir = filepath.Join(os.TempDir(), "blogen-bench", fmt.Sprintf("gotest-%d", posts))
		_, g.err = sitegen.Ensure(g.dir, sitegen.Options{Posts: posts, Seed: 1, NoPhotos: true})
	})
	if g.err != nil {
		tb.Fatal(g.err)
	}
	return g.dir
}

// ReadTree returns every file below dir, by path relative to dir with
// forward slashes, for comparing whole output or content trees.
func ReadTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// WriteTree writes files, by path relative to dir with forward slashes,
// into dir.
func WriteTree(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for rel, data := range files {
		WriteFile(tb, filepath.Join(dir, filepath.FromSlash(rel)), []byte(data))
	}
}

// MemorySink is a render.Sink that keeps the pages written to it, by
// output path, and copies no static files.
type MemorySink struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// Write keeps one output.
func (m *MemorySink) Write(path string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Files == nil {
		m.Files = map[string][]byte{}
	}
	m.Files[path] = data
	return nil
}

// Copy does nothing: static files are not kept.
func (m *MemorySink) Copy(string, fs.FS, string) error { return nil }
