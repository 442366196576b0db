package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)

// linkSite is a site with a page bundle and a static file of its own.
const linkSite = `
-- content/posts/b/index.md --
---
title: B
date: 2020-01-02
---
See [the data](data.txt).
-- content/posts/b/data.txt --
bundle data
-- content/shared/logo.txt --
a logo
-- content/shared/icons/a.txt --
icon a
-- static/robots-extra.txt --
static text
`

// outsideFile is a file outside the site holding a secret.
func outsideFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "secret.txt")
	sitetest.WriteFile(t, p, []byte("SECRET=hunter2"))
	return p
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestLinksOutOfTheSiteAreRefused links files of the static folder and
// of a page bundle to files and folders outside the site, and puts files
// there that are not regular files: the build must fail naming each,
// publish none of it and leave the previous output as it was.
func TestLinksOutOfTheSiteAreRefused(t *testing.T) {
	const outside = "symbolic link to outside the site; copy the file in instead"
	tests := []struct {
		name  string
		spoil func(t *testing.T, dir string)
		want  string
		out   string // the output the file would be
	}{
		{"a bundle file linked to a file outside", func(t *testing.T, dir string) {
			symlink(t, outsideFile(t), filepath.Join(dir, "content/posts/b/env.txt"))
		}, "content/posts/b/env.txt: " + outside, "2020/01/b/env.txt"},
		{"a bundle file linked to the process environment", func(t *testing.T, dir string) {
			symlink(t, "/proc/self/environ", filepath.Join(dir, "content/posts/b/env.txt"))
		}, "content/posts/b/env.txt: " + outside, "2020/01/b/env.txt"},
		{"a static file linked to a file outside", func(t *testing.T, dir string) {
			symlink(t, outsideFile(t), filepath.Join(dir, "static/passwd"))
		}, "static/passwd: " + outside, "passwd"},
		{"a static file linked out by a relative path", func(t *testing.T, dir string) {
			target, _ := filepath.Rel(filepath.Join(dir, "static"), outsideFile(t))
			symlink(t, target, filepath.Join(dir, "static/passwd"))
		}, "static/passwd: " + outside, "passwd"},
		{"a static file linked to a device", func(t *testing.T, dir string) {
			symlink(t, "/dev/zero", filepath.Join(dir, "static/zero"))
		}, "static/zero: " + outside, "zero"},
		{"a static folder linked to a folder outside", func(t *testing.T, dir string) {
			symlink(t, filepath.Dir(outsideFile(t)), filepath.Join(dir, "static/etc"))
		}, "static/etc: " + outside, "etc/secret.txt"},
		{"a named pipe in static", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "static/pipe"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, "static/pipe: a named pipe, not a file", "pipe"},
		{"a named pipe in a bundle", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "content/posts/b/pipe"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, "content/posts/b/pipe: a named pipe, not a file", "2020/01/b/pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Build(t, linkSite)
			before := sitetest.ReadTree(t, s.Out)
			tt.spoil(t, s.Dir)
			done := make(chan struct{})
			go func() {
				defer close(done)
				s.Rebuild(func(o *build.Options) { o.NoCache = true })
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the build does not end")
			}
			if s.Err == nil || !strings.Contains(s.Err.Error(), tt.want) {
				t.Fatalf("build: %v\nwant an error with %q", s.Err, tt.want)
			}
			if got := sitetest.ReadTree(t, s.Out); len(got) != len(before) {
				t.Errorf("the failed build changed the output: %d files, was %d", len(got), len(before))
			}
			if body, err := served(s.Dir, tt.out); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("serve answers %s with %q, %v\nwant an error with %q", tt.out, body, err, tt.want)
			}
		})
	}
}

// served is what blogen serve reads for the output p of the site in dir:
// a static file or a rendered output, or the error that stops it.
func served(dir, p string) ([]byte, error) {
	prepared, err := build.NewSession(build.Options{SiteDir: dir, NoCache: true, Now: sitetest.Now}).Prepare()
	if err != nil {
		return nil, err
	}
	static, err := prepared.Static()
	if err != nil {
		return nil, err
	}
	for _, f := range static {
		if f.Path == p {
			return fs.ReadFile(f.FS, f.Src)
		}
	}
	b, _, err := prepared.Renderer().Output(p)
	return b, err
}

// TestLinksInsideTheSiteAreFollowed links static files, a static folder
// and a bundle file to files and folders elsewhere in the site, by
// relative path: they are published as copies of what they lead to.
func TestLinksInsideTheSiteAreFollowed(t *testing.T) {
	s := sitetest.Write(t, linkSite)
	symlink(t, "../content/shared/logo.txt", filepath.Join(s.Dir, "static/logo.txt"))
	symlink(t, "../content/shared/icons", filepath.Join(s.Dir, "static/icons"))
	symlink(t, "../../shared/logo.txt", filepath.Join(s.Dir, "content/posts/b/logo.txt"))
	symlink(t, "../../shared/icons", filepath.Join(s.Dir, "content/posts/b/icons"))
	symlink(t, "..", filepath.Join(s.Dir, "static/icons-loop"))
	s.Rebuild()
	if s.Err == nil || !strings.Contains(s.Err.Error(), "static/icons-loop: symbolic link to a folder that holds it") {
		t.Fatalf("a link to the folder that holds it: %v", s.Err)
	}
	os.Remove(filepath.Join(s.Dir, "static/icons-loop"))
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	for p, want := range map[string]string{
		"logo.txt": "a logo", "icons/a.txt": "icon a", "robots-extra.txt": "static text",
		"2020/01/b/logo.txt": "a logo", "2020/01/b/icons/a.txt": "icon a", "2020/01/b/data.txt": "bundle data",
	} {
		s.Contains(p, want)
		if info, err := os.Lstat(filepath.Join(s.Out, p)); err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s is not a file of its own in the output: %v", p, err)
		}
	}
}
