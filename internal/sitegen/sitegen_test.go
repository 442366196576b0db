package sitegen_test

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/sitegen"
)

// readTree returns every file below dir by its relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := sitegen.Options{Posts: 60, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := sitegen.Generate(dir, opts); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	other := t.TempDir()
	if err := sitegen.Generate(other, sitegen.Options{Posts: 60, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(fa["site.toml"], nil) || len(readTree(t, other)) == 0 {
		t.Fatal("no files generated")
	}
}

func TestGenerateLoadsAndBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Posts: 90, Seed: 1, Tags: 40}); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	loaded, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Posts) != 90 || len(loaded.Authors) != 20 || len(loaded.Comments) == 0 {
		t.Fatalf("loaded %d posts, %d authors, %d comments", len(loaded.Posts), len(loaded.Authors), len(loaded.Comments))
	}
	for _, p := range loaded.Posts {
		body, err := content.ReadBody(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(body); n < 5000 || n > 16000 {
			t.Errorf("%s: body of %d bytes, want 5-15 KB", p.Source, n)
		}
	}
	if raceDetector {
		t.Skip("make test builds the generated site without the race detector, which makes its photos ten times slower")
	}
	// One width and no WebP: the photos' copies are the images
	// package's to test.
	toml, err := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := toml.WriteString("\n[images]\nwidths = [320]\nformats = []\n"); err != nil || toml.Close() != nil {
		t.Fatal(err)
	}
	res, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: filepath.Join(t.TempDir(), "public"),
		NoCache: true, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Posts != 90 {
		t.Fatalf("built %d posts, want 90", res.Posts)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("the build warns: %q", res.Warnings)
	}
}

// TestGeneratePhotos checks that every image a post or author names on
// the site is a JPEG file of it, small but for the first posts' with
// Photos, which are 12 megapixels.
func TestGeneratePhotos(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Posts: 30, Seed: 2, Photos: 1, CommentsFraction: -1}); err != nil {
		t.Fatal(err)
	}
	loaded, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[string]image.Point{}
	var names []string
	for _, p := range loaded.Posts {
		names = append(names, p.Image)
	}
	for _, a := range loaded.Authors {
		names = append(names, a.Avatar)
	}
	for _, name := range names {
		if !strings.HasPrefix(name, "/") {
			continue
		}
		f, err := os.Open(filepath.Join(dir, "static", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sizes[name] = image.Pt(cfg.Width, cfg.Height)
	}
	big, small := 0, map[image.Point]bool{}
	for name, size := range sizes {
		switch {
		case size == image.Pt(4000, 3000):
			big++
		case size.X > 1600 || size.Y > 2400:
			t.Errorf("%s is %v", name, size)
		default:
			small[size] = true
		}
	}
	if big != 1 || len(small) < 4 || len(sizes) < 10 {
		t.Errorf("%d photos of 12 megapixels, %d sizes of small ones, %d images in all", big, len(small), len(sizes))
	}
}

func TestGenerateUsesEveryKey(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Posts: 400, Seed: 3, CodeShare: sitegen.DeveloperCodeShare}); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, data := range readTree(t, filepath.Join(dir, "content", "posts")) {
		all.Write(data)
	}
	for _, key := range []string{"\ntitle:", "\nslug:", "\ndate:", "\nlastmod:", "\nauthor:", "\nauthors:",
		"\ncategories:", "\ntags:", "\nsummary:", "\ndescription:", "\nfeatured: true", "\nimage:", "\nimage_alt:",
		"\nimage_credit:", "\n  license:", "\noriginally_appeared_on:", "\nrepublished_with_permission: true",
		"\ncanonical: self", "\ncanonical: original", "\naliases:", "\ncomments: closed", "\ndraft: false",
		"<!--more-->", "```go", "```python", "```yaml", "```js", "\n> ", "\n- ", "\n1. ", "](https://", "\n| ", "[^1]: "} {
		if !strings.Contains(all.String(), key) {
			t.Errorf("no post has %q", key)
		}
	}
}

// TestCodeShare checks that code blocks go to about the share of posts
// asked for.
func TestCodeShare(t *testing.T) {
	const posts = 400
	cases := []struct {
		share    float64
		min, max int // posts with code
	}{
		{0, 8, 35}, // DefaultCodeShare: 20 expected
		{sitegen.DeveloperCodeShare, 170, 230},
		{1, posts, posts},
		{-1, 0, 0},
	}
	for _, tc := range cases {
		dir := t.TempDir()
		if err := sitegen.Generate(dir, sitegen.Options{Posts: posts, Seed: 5, CommentsFraction: -1, CodeShare: tc.share}); err != nil {
			t.Fatal(err)
		}
		files := readTree(t, filepath.Join(dir, "content", "posts"))
		withCode := 0
		for _, data := range files {
			if bytes.Contains(data, []byte("\n```")) {
				withCode++
			}
		}
		if withCode < tc.min || withCode > tc.max {
			t.Errorf("share %v: %d posts of %d with code, want %d to %d", tc.share, withCode, posts, tc.min, tc.max)
		}
	}
}

func TestEnsureReuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	opts := sitegen.Options{Posts: 5, Seed: 1}
	if reused, err := sitegen.Ensure(dir, opts); err != nil || reused {
		t.Fatalf("first Ensure: reused %v, %v", reused, err)
	}
	if reused, err := sitegen.Ensure(dir, opts); err != nil || !reused {
		t.Fatalf("second Ensure: reused %v, %v", reused, err)
	}
	opts.Posts = 6
	if reused, err := sitegen.Ensure(dir, opts); err != nil || reused {
		t.Fatalf("Ensure with other options: reused %v, %v", reused, err)
	}
	if n := len(readTree(t, filepath.Join(dir, "content", "posts"))); n != 6 {
		t.Fatalf("%d posts after regenerating, want 6", n)
	}
}

// TestGenerateNoPhotos checks that a site generated without photos has
// no image file and every post's image on another host.
func TestGenerateNoPhotos(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Posts: 30, Seed: 2, NoPhotos: true, CommentsFraction: -1}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "static")); !os.IsNotExist(err) {
		t.Errorf("static/ is there (%v)", err)
	}
	loaded, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	remote := 0
	for _, p := range loaded.Posts {
		if strings.HasPrefix(p.Image, "/") {
			t.Errorf("%s shows %s", p.Source, p.Image)
		}
		if strings.HasPrefix(p.Image, "https://") {
			remote++
		}
	}
	if remote < 10 {
		t.Errorf("%d posts with an image on another host", remote)
	}
}
