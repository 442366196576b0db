package images

import (
	"image"
	"image/draw"
)

// upright returns src turned as EXIF orientation o says, in a new RGBA
// image, or src itself when o is 1.
func upright(src image.Image, o int) image.Image {
	if o <= orientUpright || o > orientMax {
		return src
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if swapsSides(o) {
		dw, dh = h, w
	}
	in := toRGBA(src)
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		for x := range w {
			dx, dy := orientedPoint(o, x, y, w, h)
			si := in.PixOffset(x+b.Min.X, y+b.Min.Y)
			di := out.PixOffset(dx, dy)
			copy(out.Pix[di:di+4], in.Pix[si:si+4])
		}
	}
	return out
}

// orientedPoint is where pixel (x, y) of a w x h stored image goes in the
// upright image, for orientation o (2 to 8).
func orientedPoint(o, x, y, w, h int) (int, int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return h - 1 - y, x
	case 7:
		return h - 1 - y, w - 1 - x
	case 8:
		return y, w - 1 - x
	}
	return x, y
}

// toRGBA returns img as an RGBA image with its bounds kept, converting
// it when it is of another type.
func toRGBA(img image.Image) *image.RGBA {
	if n, ok := img.(*image.RGBA); ok {
		return n
	}
	b := img.Bounds()
	out := image.NewRGBA(b)
	draw.Draw(out, b, img, b.Min, draw.Src)
	return out
}

// Upright returns the decoded image img (as Decode returned it) turned
// as its EXIF orientation says.
func Upright(img image.Image, in Info) image.Image { return upright(img, in.Orientation) }
