package render_test

import (
	"context"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/render"
	"github.com/blogen/blogen/internal/sitetest"
)

// benchPosts is the size of the generated site the benchmarks render.
const benchPosts = 1000

// prepared loads and assembles a generated site of benchPosts posts.
func prepared(b *testing.B) *build.Prepared {
	b.Helper()
	p, err := build.Prepare(build.Options{SiteDir: sitetest.Generated(b, benchPosts), NoCache: true, Now: time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	if len(p.Site.Posts) != benchPosts {
		b.Fatalf("prepared %d posts, want %d", len(p.Site.Posts), benchPosts)
	}
	return p
}

// BenchmarkRenderPosts renders every post page of a 1,000-post site
// (Markdown, template, minify) on one goroutine per CPU, into memory.
func BenchmarkRenderPosts(b *testing.B) {
	p := prepared(b)
	paths := make([]string, len(p.Site.Posts))
	for i, post := range p.Site.Posts {
		paths[i] = render.OutputPath(post.URL)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := renderAll(p.Renderer(), paths); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// renderAll renders paths on one goroutine per CPU and returns the first
// error.
func renderAll(r *render.Renderer, paths []string) error {
	var next atomic.Int64
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(paths); i = int(next.Add(1) - 1) {
				_, _, errs[i] = r.Output(paths[i])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkRenderSite renders every output of a 1,000-post site (posts,
// lists, feeds, sitemap and the rest) into a sink that drops them. pages/s
// counts post pages; outputs/s counts every file.
func BenchmarkRenderSite(b *testing.B) {
	p := prepared(b)
	outputs := len(p.Renderer().Paths())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Render(context.Background(), discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchPosts*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(outputs*b.N)/b.Elapsed().Seconds(), "outputs/s")
}

// discard is a render.Sink that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error       { return nil }
func (discard) Copy(string, fs.FS, string) error { return nil }
