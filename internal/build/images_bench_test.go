package build_test

import (
	"context"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/blogen/blogen/internal/sitetest"
)

// imageBenchPosts is the size of the site of BenchmarkImages; set
// BLOGEN_IMAGE_POSTS to change it.
func imageBenchPosts(b *testing.B) int {
	if n, err := strconv.Atoi(os.Getenv("BLOGEN_IMAGE_POSTS")); err == nil && n > 0 {
		return n
	}
	return 200
}

// writeImageBench writes a site of n page bundles, each with a 2400x1600
// photo as its image and another in its text, every photo different.
func writeImageBench(b *testing.B, dir string, n int) {
	b.Helper()
	base := imagetest.Halves(2400, 1600)
	sitetest.WriteFile(b, filepath.Join(dir, "site.toml"), []byte("title = \"Bench\"\nbase_url = \"https://example.org/\"\n"))
	for i := range n {
		bundle := filepath.Join(dir, "content/posts", fmt.Sprintf("p%04d", i))
		for k, name := range []string{"hero.jpg", "inline.jpg"} {
			sitetest.WriteFile(b, filepath.Join(bundle, name), imagetest.JPEG(b, marked(base, 2*i+k), 0))
		}
		sitetest.WriteFile(b, filepath.Join(bundle, "index.md"), fmt.Appendf(nil,
			"---\ntitle: Post %d\ndate: 2020-01-01T%02d:%02d:00Z\nimage: hero.jpg\nimage_alt: A photo\n---\nText of post %d.\n\n![Another](inline.jpg)\n",
			i, i/60%24, i%60, i))
	}
}

// marked is img with a bar at a place of its own for each k, so that no
// two photos are the same bytes.
func marked(img *image.NRGBA, k int) *image.NRGBA {
	out := *img
	out.Pix = append([]byte(nil), img.Pix...)
	y := k % img.Rect.Dy()
	for x := range img.Rect.Dx() / 2 {
		out.Pix[out.PixOffset(x, y)+1] = byte(k)
	}
	return &out
}

// BenchmarkImages builds a site of photos cold (no cache, no previous
// output), then warm after editing one post's text, and reports both.
func BenchmarkImages(b *testing.B) {
	n := imageBenchPosts(b)
	site := filepath.Join(b.TempDir(), "site")
	writeImageBench(b, site, n)
	var cold, warm, coldCPU, warmCPU float64
	for b.Loop() {
		out := filepath.Join(b.TempDir(), "public")
		opts := build.Options{SiteDir: site, OutDir: out, Now: benchNow}
		cpu := cpuSeconds()
		res, err := build.Build(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		cold, coldCPU = cold+res.Duration.Seconds(), coldCPU+cpuSeconds()-cpu
		appendLine(b, filepath.Join(site, "content/posts/p0000/index.md"), "\nEdited.\n")
		cpu = cpuSeconds()
		if res, err = build.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
		warm, warmCPU = warm+res.Duration.Seconds(), warmCPU+cpuSeconds()-cpu
		if err := os.RemoveAll(filepath.Join(site, ".blogen-cache")); err != nil {
			b.Fatal(err)
		}
	}
	per := float64(b.N)
	b.ReportMetric(cold/per, "cold-s")
	b.ReportMetric(coldCPU/per, "cold-cpu-s")
	b.ReportMetric(warm/per, "warm-s")
	b.ReportMetric(warmCPU/per, "warm-cpu-s")
	b.ReportMetric(float64(2*n), "photos")
	b.ReportMetric(peakRSS(), "peak-MB")
}

// cpuSeconds is the user and system time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// peakRSS is the process's peak resident memory in MB, the site's
// generation included.
func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
