package site_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitetest"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/site"
)

// benchPosts is the size of the generated site the benchmarks assemble.
const benchPosts = 1000

// BenchmarkAssemble builds the site graph of a loaded 1,000-post site:
// permalinks, order, terms, archives, threads, lists and feeds.
func BenchmarkAssemble(b *testing.B) {
	dir := sitetest.Generated(b, benchPosts)
	cfg, err := config.Load(filepath.Join(dir, config.FileName), config.FileName)
	if err != nil {
		b.Fatal(err)
	}
	loaded, err := content.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	opts := site.Options{Now: time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		s, err := site.Assemble(cfg, loaded, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Posts) != benchPosts {
			b.Fatalf("assembled %d posts, want %d", len(s.Posts), benchPosts)
		}
	}
	b.ReportMetric(float64(benchPosts*b.N)/b.Elapsed().Seconds(), "pages/s")
}
