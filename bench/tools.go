package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The tools a round runs, in this order. The warm build follows the cold
// one and keeps its output and cache; the second warm build follows the
// first, as an author's next build does, and finds the spare output folder
// the first one kept.
const (
	toolFloor     = "floor"
	toolBlogen    = "blogen"
	toolHugo      = "hugo"
	toolWarm      = "blogen warm"
	toolWarmAgain = "warm again"
)

// runner runs one tool once on one size and measures it; round counts
// from 0.
type runner func(ctx context.Context, s *size, round int) sample

// tools returns the tools to run, in order, with their runners.
func (b *bench) tools() ([]string, map[string]runner) {
	names := []string{toolFloor, toolBlogen}
	if b.hugo != "" {
		names = append(names, toolHugo)
	}
	if b.warm {
		names = append(names, toolWarm, toolWarmAgain)
	}
	return names, map[string]runner{toolFloor: b.runFloor, toolBlogen: b.runCold, toolHugo: b.runHugo,
		toolWarm: b.runWarm(0), toolWarmAgain: b.runWarm(1)}
}

// runFloor runs the floor into an empty folder.
func (b *bench) runFloor(ctx context.Context, s *size, _ int) sample {
	out := filepath.Join(s.out, toolFloor)
	if err := b.discard(out); err != nil {
		return sample{err: err}
	}
	r := b.measure(ctx, "", b.floor, "-s", s.site, "-d", out, "-q")
	return checkPages(r, out, "*/index.html", s.n)
}

// runCold runs a blogen build with no output folder and no build cache.
func (b *bench) runCold(ctx context.Context, s *size, _ int) sample {
	out := filepath.Join(s.out, toolBlogen)
	for _, dir := range []string{out, filepath.Join(s.site, ".blogen-cache")} {
		if err := b.discard(dir); err != nil {
			return sample{err: err}
		}
	}
	r := b.measure(ctx, "", b.blogen, "build", "-s", s.site, "-d", out, "-q")
	r = checkPages(r, out, postPages, s.n)
	s.coldOK = r.err == nil
	return r
}

// runWarm returns a runner that edits one post's body (a different one
// for each nth warm build of a round) and builds again over the output
// and cache of the builds before it; the post is restored afterwards.
func (b *bench) runWarm(nth int) runner {
	return func(ctx context.Context, s *size, round int) sample {
		return b.warmBuild(ctx, s, s.posts[(round*7919+len(s.posts)/2+nth*101)%len(s.posts)], round)
	}
}

// warmBuild appends a paragraph to the post file and builds.
func (b *bench) warmBuild(ctx context.Context, s *size, file string, round int) sample {
	if !s.coldOK {
		return sample{err: fmt.Errorf("not run: the cold build of this round failed")}
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		return sample{err: err}
	}
	edited := fmt.Appendf(append([]byte(nil), orig...), "\nOne more paragraph, added for the warm build of round %d.\n", round+1)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		return sample{err: err}
	}
	out := filepath.Join(s.out, toolBlogen)
	r := b.measure(ctx, "", b.blogen, "build", "-s", s.site, "-d", out, "-q")
	if err := os.WriteFile(file, orig, 0o644); err != nil && r.err == nil {
		r.err = fmt.Errorf("restore %s: %w", file, err)
	}
	return checkPages(r, out, postPages, s.n)
}

// runHugo runs Hugo into an empty folder with an empty cache.
func (b *bench) runHugo(ctx context.Context, s *size, _ int) sample {
	out := filepath.Join(s.out, toolHugo)
	cache := filepath.Join(s.hugo, ".hugo-cache")
	for _, dir := range []string{out, cache, filepath.Join(s.hugo, "resources")} {
		if err := b.discard(dir); err != nil {
			return sample{err: err}
		}
	}
	r := b.measure(ctx, s.hugo, b.hugo, "--quiet", "-s", s.hugo, "-d", out, "--cacheDir", cache)
	return checkPages(r, out, postPages, s.n)
}

// postPages matches the post pages of /:year/:month/:slug/, the permalink
// of both blogen and the Hugo site.
const postPages = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"

// checkPages turns a successful run into a failed one when it did not
// write want pages matching pattern below out. Month archives paginate
// into YYYY/MM/page/, which is not a post.
func checkPages(r sample, out, pattern string, want int) sample {
	if r.err != nil {
		return r
	}
	matches, err := filepath.Glob(filepath.Join(out, pattern))
	if err != nil {
		r.err = err
		return r
	}
	n := 0
	for _, m := range matches {
		if filepath.Base(filepath.Dir(m)) != "page" {
			n++
		}
	}
	if n != want {
		r.err = fmt.Errorf("wrote %d post pages into %s, want %d", n, out, want)
	}
	return r
}

// prepareHugo makes the Hugo site of a size: the config and layouts of
// the Hugo bench site, and the generated posts, authors and pages
// hard-linked under content/. Comments are left out: the Hugo site has no
// comment templates and would render each comment as a page of its own.
func (b *bench) prepareHugo(s *size) error {
	if err := b.discard(s.hugo); err != nil {
		return err
	}
	if err := copyTree(filepath.Join(b.hugoSite, "config.toml"), filepath.Join(s.hugo, "config.toml"), false); err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	if err := copyTree(filepath.Join(b.hugoSite, "layouts"), filepath.Join(s.hugo, "layouts"), false); err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	for _, sub := range []string{"posts", "authors", "pages"} {
		if err := copyTree(filepath.Join(s.site, "content", sub), filepath.Join(s.hugo, "content", sub), true); err != nil {
			return fmt.Errorf("hugo site: %w", err)
		}
	}
	// The photos, which Hugo's bench layouts publish as they are.
	if err := copyTree(filepath.Join(s.site, "static"), filepath.Join(s.hugo, "static"), true); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("hugo site: %w", err)
	}
	return nil
}

// copyTree copies the file or folder src to dst, hard-linking files when
// link is set.
func copyTree(src, dst string, link bool) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, strings.TrimPrefix(p, src))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if link {
			return os.Link(p, target)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
