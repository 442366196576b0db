package images

import (
	"bytes"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/gen2brain/avif"
)

var testSettings = Settings{Widths: []int{480, 800, 1200, 1600}, Quality: 80, Formats: []Format{WebP}, MaxPixels: 50_000_000}

func TestProbe(t *testing.T) {
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, imagetest.Halves(30, 10)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		data    []byte
		want    Info
		wantErr string
	}{
		{"upright jpeg", testJPEG(t, 40, 20, 1), Info{Format: JPEG, Width: 40, Height: 20, Orientation: 1}, ""},
		{"turned jpeg", testJPEG(t, 40, 20, 6), Info{Format: JPEG, Width: 20, Height: 40, Orientation: 6}, ""},
		{"png", pngBuf.Bytes(), Info{Format: PNG, Width: 30, Height: 10, Orientation: 1}, ""},
		{"bomb", imagetest.Bomb(100_000, 100_000), Info{}, "more than the 50 megapixels"},
		{"truncated", testJPEG(t, 40, 20, 1)[:40], Info{}, "cannot read the jpeg header"},
		{"text", []byte("<svg></svg>"), Info{}, "not a JPEG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Probe(tt.data, testSettings.MaxPixels)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Probe error = %v, want one with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Probe = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestCopyWidths(t *testing.T) {
	tests := []struct {
		width int
		want  []int
	}{
		{4000, []int{480, 800, 1200, 1600}},
		{1000, []int{480, 800, 1000}},
		{1600, []int{480, 800, 1200, 1600}},
		{300, []int{300}},
	}
	for _, tt := range tests {
		got := testSettings.CopyWidths(Info{Width: tt.width, Height: 100})
		if !slices.Equal(got, tt.want) {
			t.Errorf("CopyWidths(%d) = %v, want %v", tt.width, got, tt.want)
		}
	}
}

// TestCopiesAreUprightAndCarryNoMetadata makes the copies of a phone
// photo turned a quarter, with GPS tags, and checks their size, the way
// they face, and that nothing of the EXIF block reached them.
func TestCopiesAreUprightAndCarryNoMetadata(t *testing.T) {
	src := testJPEG(t, 1000, 500, 6)
	img, in, err := Decode(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	copies := testSettings.Copies(in)
	if len(copies) != 4 { // 480, 500 in JPEG and WebP
		t.Fatalf("copies = %+v, want 2 widths in 2 formats", copies)
	}
	files, widest, err := Make(img, in, copies, 80)
	if err != nil {
		t.Fatal(err)
	}
	if widest.Bounds().Dx() != 500 || widest.Bounds().Dy() != 1000 {
		t.Errorf("widest copy is %v, want 500x1000", widest.Bounds())
	}
	for i, f := range files {
		c := copies[i]
		for _, bad := range []string{"Exif", imagetest.Secret, "GPS"} {
			if bytes.Contains(f, []byte(bad)) {
				t.Errorf("the %d %s copy carries %q", c.Width, c.Format, bad)
			}
		}
		got, gin := decodeAny(t, f)
		if gin.Format != c.Format || gin.Width != c.Width || gin.Height != c.Height {
			t.Errorf("copy %+v decodes as %+v", c, gin)
		}
		// Stored left half (red) is the top once turned clockwise.
		r, _, b, _ := got.At(c.Width/2, c.Height/8).RGBA()
		if r < b {
			t.Errorf("the %d %s copy is not upright: the top is blue", c.Width, c.Format)
		}
	}
}

func TestMakeIsDeterministic(t *testing.T) {
	src := testJPEG(t, 900, 600, 1)
	img, in, err := Decode(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := Make(img, in, testSettings.Copies(in), 80)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Make(img, in, testSettings.Copies(in), 80)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("copy %d differs between two runs", i)
		}
	}
}

func TestCoverRect(t *testing.T) {
	tests := []struct {
		name  string
		b     image.Rectangle
		focus Focus
		want  image.Rectangle
	}{
		{"tall, centre", image.Rect(0, 0, 1200, 1200), Centre, image.Rect(0, 285, 1200, 915)},
		{"tall, top", image.Rect(0, 0, 1200, 1200), Focus{0.5, 0}, image.Rect(0, 0, 1200, 630)},
		{"tall, 0.3", image.Rect(0, 0, 1200, 1200), Focus{0.5, 0.3}, image.Rect(0, 45, 1200, 675)},
		{"wide, right", image.Rect(0, 0, 4000, 1000), Focus{1, 0.5}, image.Rect(2096, 0, 4000, 1000)},
	}
	for _, tt := range tests {
		if got := coverRect(tt.b, tt.focus, CardWidth, CardHeight); got != tt.want {
			t.Errorf("%s: coverRect = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestShrink(t *testing.T) {
	tests := []struct {
		name      string
		img       image.Image
		w, h      int
		wantW     int
		wantYCbCr bool
	}{
		{"jpeg to a quarter", mustDecode(t, testJPEG(t, 1000, 800, 1)), 240, 200, 250, true},
		{"jpeg, less than half", mustDecode(t, testJPEG(t, 1000, 800, 1)), 600, 480, 1000, true},
		{"rgba, odd", imagetest.Halves(1001, 601), 300, 200, 500, false},
	}
	for _, tt := range tests {
		got := shrink(tt.img, tt.w, tt.h)
		_, isY := got.(*image.YCbCr)
		if got.Bounds().Dx() != tt.wantW || (isY != tt.wantYCbCr && got != tt.img) {
			t.Errorf("%s: shrink gives %v, %T", tt.name, got.Bounds(), got)
		}
		r, _, b, _ := got.At(got.Bounds().Dx()/4, got.Bounds().Dy()/4).RGBA()
		if r < b {
			t.Errorf("%s: the left half is no longer red", tt.name)
		}
	}
}

func mustDecode(t *testing.T, b []byte) image.Image {
	img, _ := decodeAny(t, b)
	return img
}

// TestCoverDecoded crops a phone photo turned a quarter: the card is
// upright (red, the stored left, on top) and full size.
func TestCoverDecoded(t *testing.T) {
	img, in, err := Decode(testJPEG(t, 4000, 3000, 6), 0)
	if err != nil {
		t.Fatal(err)
	}
	card := CoverDecoded(img, in, Focus{0.5, 0}, CardWidth, CardHeight)
	if card.Bounds() != image.Rect(0, 0, CardWidth, CardHeight) {
		t.Fatalf("card is %v", card.Bounds())
	}
	if r, _, b, _ := card.At(CardWidth/2, 10).RGBA(); r < b {
		t.Error("the card is not upright: its top is blue")
	}
}

// TestAVIFCopies makes the copies of a photo in AVIF too: each is an
// AVIF of its size, the same bytes every time.
func TestAVIFCopies(t *testing.T) {
	img, in, err := Decode(testJPEG(t, 600, 400, 0), 0)
	if err != nil {
		t.Fatal(err)
	}
	s := testSettings
	s.Formats = []Format{AVIF}
	copies := s.Copies(in)
	files, _, err := Make(img, in, copies, 80)
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := Make(img, in, copies, 80)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, c := range copies {
		if c.Format != AVIF {
			continue
		}
		n++
		cfg, err := avif.DecodeConfig(bytes.NewReader(files[i]))
		if err != nil || cfg.Width != c.Width || cfg.Height != c.Height {
			t.Errorf("the %dpx AVIF copy decodes as %dx%d, %v", c.Width, cfg.Width, cfg.Height, err)
		}
		if !bytes.Equal(files[i], again[i]) {
			t.Errorf("the %dpx AVIF copy differs between two runs", c.Width)
		}
	}
	if n != 2 {
		t.Errorf("%d AVIF copies, want 2 (480 and 600)", n)
	}
}
