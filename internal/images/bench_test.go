package images

import (
	"testing"

	"github.com/blogen/blogen/internal/images/imagetest"
)

// BenchmarkMake makes every copy of a 12-megapixel phone photo.
func BenchmarkMake(b *testing.B) {
	src := imagetest.JPEG(b, imagetest.Halves(4000, 3000), 6)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		img, in, err := Decode(src, testSettings.MaxPixels)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := Make(img, in, testSettings.Copies(in), testSettings.Quality); err != nil {
			b.Fatal(err)
		}
	}
}
