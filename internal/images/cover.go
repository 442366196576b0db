package images

import (
	"image"
	"math"

	"golang.org/x/image/draw"
)

// Social cards are the size LinkedIn, X and Facebook show large.
const (
	CardWidth  = 1200
	CardHeight = 630
)

// Cover crops the upright image up to the aspect of w x h around focus
// and scales the crop to w x h. A smaller image is scaled up: a card must
// be full size.
func Cover(up image.Image, focus Focus, w, h int) *image.RGBA {
	crop := coverRect(up.Bounds(), focus, w, h)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	scaler(w, crop.Dy()).Scale(dst, dst.Bounds(), up, crop, draw.Src, nil)
	return dst
}

// coverRect is the largest rectangle of b with the aspect w:h whose
// centre is as near the focus as b allows.
func coverRect(b image.Rectangle, focus Focus, w, h int) image.Rectangle {
	bw, bh := b.Dx(), b.Dy()
	cw, ch := bw, bw*h/w
	if ch > bh {
		cw, ch = bh*w/h, bh
	}
	cw, ch = max(cw, 1), max(ch, 1)
	x := clamp(int(focus.X*float64(bw))-cw/2, 0, bw-cw)
	y := clamp(int(focus.Y*float64(bh))-ch/2, 0, bh-ch)
	return image.Rect(x, y, x+cw, y+ch).Add(b.Min)
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// CoverDecoded is Cover of a decoded image (as Decode returned it): the
// image is first scaled down, and turned upright, to the smallest size
// that still covers w x h, so a large photo never needs a buffer of its
// full size.
func CoverDecoded(img image.Image, in Info, focus Focus, w, h int) *image.RGBA {
	scale := max(float64(w)/float64(in.Width), float64(h)/float64(in.Height))
	if scale < 1 {
		tw := max(w, int(math.Ceil(float64(in.Width)*scale)))
		th := max(h, int(math.Ceil(float64(in.Height)*scale)))
		return Cover(upright(scaleStored(img, in.Orientation, tw, th), in.Orientation), focus, w, h)
	}
	return Cover(upright(img, in.Orientation), focus, w, h)
}
