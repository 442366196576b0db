package sitegen

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
)

// The sizes of the generated photos: small ones of the widths and
// aspects phones and editors export, and the 12-megapixel photos of
// Options.Photos, as a phone takes them.
var (
	photoWidths  = []int{640, 800, 960, 1200, 1600}
	photoAspects = [][2]int{{3, 2}, {4, 3}, {16, 9}, {1, 1}, {2, 3}}
)

const (
	bigPhotoWidth, bigPhotoHeight = 4000, 3000
	avatarSide                    = 256
	photoQuality                  = 85
)

// writePhoto writes the JPEG of post i's image at rel, 12 megapixels
// for the first Options.Photos posts, else small. Photos of one size
// share their pixels, drawn and encoded once a site, but each file is
// unique (a comment names its post), as a build must treat it.
func (g *generator) writePhoto(rel string, i int) error {
	r := rng(g.opts.Seed, streamImage, i)
	w, h := bigPhotoWidth, bigPhotoHeight
	if i >= g.opts.Photos {
		w = photoWidths[r.IntN(len(photoWidths))]
		a := photoAspects[r.IntN(len(photoAspects))]
		h = w * a[1] / a[0]
	}
	v, _ := g.photos.LoadOrStore(image.Pt(w, h), sync.OnceValues(func() ([]byte, error) {
		return encodeJPEG(photo(rng(g.opts.Seed, streamPixels, w<<16|h), w, h))
	}))
	data, err := v.(func() ([]byte, error))()
	if err != nil {
		return err
	}
	return g.writeFile(rel, withComment(data, fmt.Sprintf("Photo of post %d", i+1)))
}

// withComment returns the JPEG data with a comment segment of text
// after its start marker.
func withComment(data []byte, text string) []byte {
	out := make([]byte, 0, len(data)+len(text)+4)
	out = append(out, data[:2]...)
	out = append(out, 0xFF, 0xFE, byte((len(text)+2)>>8), byte(len(text)+2))
	out = append(out, text...)
	return append(out, data[2:]...)
}

// writeAvatar writes author i's avatar at rel.
func (g *generator) writeAvatar(rel string, i int) error {
	data, err := encodeJPEG(photo(rng(g.opts.Seed, streamAvatar, i), avatarSide, avatarSide))
	if err != nil {
		return err
	}
	return g.writeFile(rel, data)
}

func encodeJPEG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: photoQuality}); err != nil {
		return nil, fmt.Errorf("encode a photo: %w", err)
	}
	return buf.Bytes(), nil
}

// writeFile writes a file below the site folder, making its folder.
func (g *generator) writeFile(rel string, data []byte) error {
	file := filepath.Join(g.dir, rel)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, data, 0o644)
}

// photo draws a w x h picture that compresses about as a photo does: a
// sky and a ground of random colours, a few discs and a grain of noise,
// in YCbCr 4:2:0, which the JPEG encoder takes as it is.
func photo(r *rand.Rand, w, h int) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	horizon := h/3 + r.IntN(h/3+1)
	sky, ground := [3]int{150 + r.IntN(80), 140 + r.IntN(40), 80 + r.IntN(40)}, [3]int{60 + r.IntN(80), 100 + r.IntN(50), 120 + r.IntN(50)}
	type disc struct{ x, y, rad, luma int }
	discs := make([]disc, 3+r.IntN(5))
	for k := range discs {
		discs[k] = disc{r.IntN(w), r.IntN(h), max(4, w/20+r.IntN(w/6+1)), 40 + r.IntN(180)}
	}
	noise := rand.New(rand.NewPCG(r.Uint64(), r.Uint64()))
	for y := range h {
		c := sky
		if y >= horizon {
			c = ground
		}
		shade := c[0] - 40*y/h
		row := img.Y[y*img.YStride : y*img.YStride+w]
		for x := range row {
			v := shade + int(noise.Uint32()&15) - 8
			for _, d := range discs {
				if dx, dy := x-d.x, y-d.y; dx*dx+dy*dy < d.rad*d.rad {
					v = d.luma + int(noise.Uint32()&7)
				}
			}
			row[x] = uint8(min(max(v, 0), 255))
		}
		if y%2 == 0 {
			cy := y / 2
			for x := range (w + 1) / 2 {
				img.Cb[cy*img.CStride+x] = uint8(c[1] + x*20/w)
				img.Cr[cy*img.CStride+x] = uint8(c[2] + x*16/w)
			}
		}
	}
	return img
}
