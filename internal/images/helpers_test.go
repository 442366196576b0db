package images

import (
	"image"
	"testing"

	"github.com/blogen/blogen/internal/images/imagetest"
)

// testJPEG is a JPEG of imagetest.Halves(w, h) with an EXIF block of
// orientation o, GPS tags and imagetest.Secret.
func testJPEG(t testing.TB, w, h, o int) []byte {
	t.Helper()
	return imagetest.JPEG(t, imagetest.Halves(w, h), o)
}

// decodeAny decodes a copy, failing the test when it cannot.
func decodeAny(t *testing.T, b []byte) (image.Image, Info) {
	t.Helper()
	img, in, err := Decode(b, 0)
	if err != nil {
		t.Fatalf("a copy does not decode: %v", err)
	}
	return img, in
}
