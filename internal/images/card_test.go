package images

import (
	"bytes"
	"image"
	"image/color"
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

func crop(img *image.RGBA, r image.Rectangle) []byte {
	return append([]byte{}, img.SubImage(r).(*image.RGBA).Pix...)
}
