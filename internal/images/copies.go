package images

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"slices"

	"github.com/gen2brain/avif"
	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

// Settings say which copies of an image are made and how.
type Settings struct {
	// Widths are the widths of the resized copies, in pixels; an image
	// is never scaled up, so a narrower one gets its own width instead
	// of the larger ones.
	Widths []int
	// Quality is the JPEG and WebP quality, 1 to 100.
	Quality int
	// Formats are the formats of the extra copies besides the
	// fallback (Fallback): WebP, AVIF, both or none, in the order pages
	// offer them (browsers take the first they show).
	Formats []Format
	// MaxPixels is the largest image decoded; 0 means no limit.
	MaxPixels int
}

// Copy is one resized copy of an image.
type Copy struct {
	Width, Height int
	Format        Format
}

// Fallback is the format of the copies every browser shows: the
// source's own, but PNG for a GIF.
func Fallback(f Format) Format {
	if f == GIF {
		return PNG
	}
	return f
}

// CopyWidths returns the widths of the copies of an image in upright size
// in, narrowest first: those of s narrower than the image, and the
// image's own width when it is narrower than the widest of s.
func (s Settings) CopyWidths(in Info) []int {
	var out []int
	for _, w := range s.Widths {
		if w < in.Width {
			out = append(out, w)
		}
	}
	if len(s.Widths) == 0 || in.Width <= slices.Max(s.Widths) {
		out = append(out, in.Width)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Copies lists every copy of an image: each width in the fallback format
// and in each extra format. An animated GIF has none.
func (s Settings) Copies(in Info) []Copy {
	if in.Animated {
		return nil
	}
	var out []Copy
	formats := append([]Format{Fallback(in.Format)}, s.Formats...)
	for _, f := range slices.Compact(formats) {
		for _, w := range s.CopyWidths(in) {
			out = append(out, Copy{Width: w, Height: scaledHeight(in, w), Format: f})
		}
	}
	return out
}

// scaledHeight is the height of a copy w pixels wide, at least 1.
func scaledHeight(in Info, w int) int {
	return max(1, (in.Height*w+in.Width/2)/in.Width)
}

// Make encodes the copies of the decoded image img (as Decode returned
// it), in the order given, scaling each from the smallest larger one
// already made. Each copy is made from pixels alone: no metadata of the
// source reaches it. It returns the widest copy's pixels too, upright,
// for a social card.
func Make(img image.Image, in Info, copies []Copy, quality int) (files [][]byte, widest image.Image, err error) {
	out := make([][]byte, len(copies))
	order := make([]int, len(copies))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return copies[b].Width - copies[a].Width })
	scaled := map[int]image.Image{}
	from := img
	for _, i := range order {
		c := copies[i]
		px, ok := scaled[c.Width]
		if !ok {
			from = scaleStored(from, in.Orientation, c.Width, c.Height)
			px = upright(from, in.Orientation)
			scaled[c.Width] = px
			if widest == nil {
				widest = px
			}
		}
		b, err := Encode(px, c.Format, quality)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot encode the %dpx %s copy: %w", c.Width, c.Format, err)
		}
		out[i] = b
	}
	return out, widest, nil
}

// scaleStored scales the stored pixels src so that, turned upright by
// orientation o, they are w x h.
func scaleStored(src image.Image, o, w, h int) image.Image {
	if swapsSides(o) {
		w, h = h, w
	}
	if b := src.Bounds(); b.Dx() == w && b.Dy() == h {
		return src
	}
	src = shrink(src, w, h)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	scaler(w, src.Bounds().Dy()).Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// maxScaleBuffer caps the buffer of Catmull-Rom scaling (32 bytes for
// each column of the copy and row of the source), so that images are
// scaled in bounded memory, whatever their size.
const maxScaleBuffer = 64 << 20

// scaler is Catmull-Rom when its buffer for a copy w wide from a source
// h high stays under maxScaleBuffer, else bilinear sampling, which needs
// none: after shrink, the factor left is under two.
func scaler(w, h int) draw.Scaler {
	if 32*w*h <= maxScaleBuffer {
		return draw.CatmullRom
	}
	return draw.ApproxBiLinear
}

// webpMethod is libwebp's effort, 0 to 6: 1 writes files within a few
// percent of 4, its default, in a quarter of the time.
const webpMethod = 1

// avifSpeed is libaom's speed, 0 to 10: 8 writes files within a few
// percent of 6, its default, in a tenth of the time.
const avifSpeed = 8

// Encode writes img in format f; quality applies to JPEG, WebP and
// AVIF.
func Encode(img image.Image, f Format, quality int) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch f {
	case JPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	case PNG:
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
	case WebP:
		err = webp.Encode(&buf, img, webp.Options{Quality: quality, Method: webpMethod})
	case AVIF:
		err = avif.Encode(&buf, img, avif.Options{Quality: quality, QualityAlpha: quality, Speed: avifSpeed})
	default:
		err = fmt.Errorf("blogen does not write %s images", f)
	}
	return buf.Bytes(), err
}
