package site_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/site"
	"github.com/blogen/blogen/internal/sitegen"
)

// benchPosts is the size of the generated site the benchmarks assemble.
const benchPosts = 1000

var benchSite struct {
	once sync.Once
	dir  string
	err  error
}

// generatedSite returns a generated site of benchPosts posts. It is made
// once per test binary, in the temporary folder, and reused by later runs
// while the generator's output stays the same.
func generatedSite(b *testing.B) string {
	b.Helper()
	benchSite.once.Do(func() {
		benchSite.dir = filepath.Join(os.TempDir(), "blogen-bench", "gotest-1000")
		_, benchSite.err = sitegen.Ensure(benchSite.dir, sitegen.Options{Posts: benchPosts, Seed: 1})
	})
	if benchSite.err != nil {
		b.Fatal(benchSite.err)
	}
	return benchSite.dir
}

// BenchmarkAssemble builds the site graph of a loaded 1,000-post site:
// permalinks, order, terms, archives, threads, lists and feeds.
func BenchmarkAssemble(b *testing.B) {
	dir := generatedSite(b)
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
