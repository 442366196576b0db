package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitetest"

	"github.com/blogen/blogen/internal/build"
)

// benchPosts is the size of the generated site the benchmarks build.
const benchPosts = 1000

// benchNow is the clock of the benchmark builds: after every generated
// post.
var benchNow = time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkBuild is a cold build of a 1,000-post site into a new folder:
// no build cache and no previous output.
func BenchmarkBuild(b *testing.B) {
	dir := sitetest.Generated(b, benchPosts)
	tmp := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out := filepath.Join(tmp, fmt.Sprint(i))
		res, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: out, NoCache: true, Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		if res.Posts != benchPosts {
			b.Fatalf("built %d posts, want %d", res.Posts, benchPosts)
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		i++
	}
	b.ReportMetric(float64(benchPosts*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkBuildWarm rebuilds a 1,000-post site after editing one post,
// with the build cache and the previous output in place. pages/s counts
// every post of the site, as a cold build does.
func BenchmarkBuildWarm(b *testing.B) {
	site := filepath.Join(b.TempDir(), "site")
	if err := os.CopyFS(site, os.DirFS(sitetest.Generated(b, benchPosts))); err != nil {
		b.Fatal(err)
	}
	posts, err := filepath.Glob(filepath.Join(site, "content", "posts", "*.md"))
	if err != nil || len(posts) == 0 {
		b.Fatalf("no posts in %s: %v", site, err)
	}
	opts := build.Options{SiteDir: site, OutDir: filepath.Join(b.TempDir(), "public"), Now: benchNow}
	if _, err := build.Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	edit := 0
	for b.Loop() {
		b.StopTimer()
		appendLine(b, posts[edit%len(posts)], fmt.Sprintf("\nEdit number %d.\n", edit))
		edit++
		b.StartTimer()
		if _, err := build.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchPosts*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// appendLine appends text to a file.
func appendLine(b *testing.B, file, text string) {
	b.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}
