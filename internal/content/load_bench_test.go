package content_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/sitegen"
)

// benchPosts is the size of the generated site the benchmarks load.
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

// BenchmarkLoad reads and parses every file of a 1,000-post site: posts,
// authors, pages and comments.
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(generatedSite(b))
	b.ReportAllocs()
	for b.Loop() {
		s, err := content.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Posts) != benchPosts {
			b.Fatalf("loaded %d posts, want %d", len(s.Posts), benchPosts)
		}
	}
	b.ReportMetric(float64(benchPosts*b.N)/b.Elapsed().Seconds(), "pages/s")
}
