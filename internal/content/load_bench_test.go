package content_test

import (
	"os"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"

	"github.com/blogen/blogen/internal/content"
)

// benchPosts is the size of the generated site the benchmarks load.
const benchPosts = 1000

// BenchmarkLoad reads and parses every file of a 1,000-post site: posts,
// authors, pages and comments.
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(sitetest.Generated(b, benchPosts))
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
