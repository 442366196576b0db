package images

import (
	"image/color"
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

// BenchmarkCard draws a social card with a title of two lines, an author
// and an avatar, and encodes it, as a build does for a post without an
// image. The avatar is fitted once, as a build does.
func BenchmarkCard(b *testing.B) {
	ts, err := NewTypesetter()
	if err != nil {
		b.Fatal(err)
	}
	c := Card{Title: "Why crowdsourcing is not customer service, and what a brand that listens does instead",
		Author: "Ana Ruiz", Avatar: FitAvatar(imagetest.Halves(200, 200)), Site: "Social Business", Color: color.NRGBA{R: 0x1d, G: 0x4e, B: 0x89, A: 0xff}}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		img, err := ts.Draw(c)
		if err != nil {
			b.Fatal(err)
		}
		out, err := Encode(img, PNG, 80)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/card")
}
