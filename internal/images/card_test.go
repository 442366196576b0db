package images

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/blogen/blogen/internal/images/imagetest"
)

func TestCardDrawsTheTitle(t *testing.T) {
	ts, err := NewTypesetter()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, title string
		drawn       bool
	}{
		{"short", "Listening first", true},
		{"long", "Why crowdsourcing is not customer service, and what a brand that listens does instead of asking its fans to answer", true},
		{"greek and accents", "Réseaux sociaux και πελάτες", true},
		{"japanese", "顧客サービスとソーシャルメディア", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Card{Title: tt.title, Author: "Ana Ruiz", Avatar: imagetest.Halves(200, 200), Site: "Social Business",
				Color: color.NRGBA{R: 0x1d, G: 0x4e, B: 0x89, A: 0xff}}
			with, err := ts.Draw(c)
			if err != nil {
				t.Fatal(err)
			}
			c.NoTitle = true
			without, err := ts.Draw(c)
			if err != nil {
				t.Fatal(err)
			}
			if with.Bounds() != image.Rect(0, 0, CardWidth, CardHeight) {
				t.Fatalf("card is %v", with.Bounds())
			}
			c.NoTitle = false
			if again, err := ts.Draw(c); err != nil || !bytes.Equal(again.Pix, with.Pix) {
				t.Errorf("a card drawn twice differs (%v)", err)
			}
			c.NoTitle = true
			if differ := !bytes.Equal(crop(with, TitleArea()), crop(without, TitleArea())); differ != tt.drawn {
				t.Errorf("title area differs = %v, want %v", differ, tt.drawn)
			}
			if got := len(ts.Missing(tt.title)) == 0; got != tt.drawn {
				t.Errorf("Missing(%q) says drawable = %v", tt.title, got)
			}
		})
	}
}

// crop returns the pixels of img within r.
func crop(img *image.Paletted, r image.Rectangle) []byte {
	var out []byte
	for y := r.Min.Y; y < r.Max.Y; y++ {
		out = append(out, img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]...)
	}
	return out
}

// TestQuantize puts canvases of every mix of a background and its ink,
// and a picture, in a card's palette: each mix stays within half a step
// of its shade, the background around the picture stays exact, and the
// picture's colour, on average, stays its own.
func TestQuantize(t *testing.T) {
	tests := []struct {
		name string
		bg   color.NRGBA
	}{
		{"dark blue", color.NRGBA{R: 0x1d, G: 0x4e, B: 0x89, A: 0xff}},
		{"light", color.NRGBA{R: 0xf0, G: 0xe8, B: 0xd0, A: 0xff}},
		{"black", color.NRGBA{A: 0xff}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ink := inkOn(tt.bg)
			img := image.NewRGBA(image.Rect(0, 0, 256, 120))
			for x := range 256 {
				a := uint8(x)
				mix := func(b, i uint8) uint8 { return uint8((int(b)*(255-int(a)) + int(i)*int(a) + 127) / 255) }
				for y := range 20 {
					img.SetRGBA(x, y, color.RGBA{R: mix(tt.bg.R, ink.R), G: mix(tt.bg.G, ink.G), B: mix(tt.bg.B, ink.B), A: 0xff})
				}
			}
			pic := image.Rect(0, 20, 256, 120)
			draw.Draw(img, pic, image.NewUniform(tt.bg), image.Point{}, draw.Src)
			inner := image.Rect(20, 40, 236, 100)
			draw.Draw(img, inner, imagetest.Halves(inner.Dx(), inner.Dy()), image.Point{}, draw.Src)
			got := quantize(img, tt.bg, ink, []image.Rectangle{pic})
			const halfStep = 255/(cardShades-1)/2 + 1
			for x := range 256 {
				if d := colourDistance(img.At(x, 5), got.At(x, 5)); d > halfStep {
					t.Fatalf("the mix %d is %d off", x, d)
				}
			}
			if got.At(5, 30) != got.Palette[0] || got.At(250, 110) != got.Palette[0] {
				t.Error("the background around the picture is dithered")
			}
			var want, have [3]int
			for y := inner.Min.Y; y < inner.Max.Y; y++ {
				for x := inner.Min.X; x < inner.Max.X; x++ {
					w, h := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA), color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
					want[0], want[1], want[2] = want[0]+int(w.R), want[1]+int(w.G), want[2]+int(w.B)
					have[0], have[1], have[2] = have[0]+int(h.R), have[1]+int(h.G), have[2]+int(h.B)
				}
			}
			n := inner.Dx() * inner.Dy()
			for c := range 3 {
				if d := abs(want[c]-have[c]) / n; d > 2 {
					t.Errorf("channel %d of the picture is %d off on average", c, d)
				}
			}
		})
	}
}

// colourDistance is the largest difference of a channel of a and b.
func colourDistance(a, b color.Color) int {
	x, y := color.RGBAModel.Convert(a).(color.RGBA), color.RGBAModel.Convert(b).(color.RGBA)
	return max(abs(int(x.R)-int(y.R)), abs(int(x.G)-int(y.G)), abs(int(x.B)-int(y.B)))
}
