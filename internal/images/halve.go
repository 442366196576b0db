package images

import "image"

// shrink halves img, averaging blocks of 2x2 pixels, while it stays at
// least twice as wide and high as w x h: a cheap box filter that leaves
// the final scaling a factor under two, and so its buffers small. A
// YCbCr image (a JPEG's) stays YCbCr; any other becomes RGBA.
func shrink(img image.Image, w, h int) image.Image {
	for b := img.Bounds(); b.Dx() >= 2*w && b.Dy() >= 2*h; b = img.Bounds() {
		if y, ok := img.(*image.YCbCr); ok {
			img = halveYCbCr(y)
		} else {
			img = halveRGBA(toRGBA(img))
		}
	}
	return img
}

// halveYCbCr halves each plane of a YCbCr image.
func halveYCbCr(src *image.YCbCr) *image.YCbCr {
	b := src.Bounds()
	dst := image.NewYCbCr(image.Rect(0, 0, b.Dx()/2, b.Dy()/2), src.SubsampleRatio)
	sb := src.Bounds()
	halvePlane(dst.Y, dst.YStride, dst.Rect.Dx(), dst.Rect.Dy(), src.Y[src.YOffset(sb.Min.X, sb.Min.Y):], src.YStride, sb.Dx(), sb.Dy())
	cw, ch := chromaSize(dst)
	scw, sch := chromaSize(src)
	off := src.COffset(sb.Min.X, sb.Min.Y)
	halvePlane(dst.Cb, dst.CStride, cw, ch, src.Cb[off:], src.CStride, scw, sch)
	halvePlane(dst.Cr, dst.CStride, cw, ch, src.Cr[off:], src.CStride, scw, sch)
	return dst
}

// chromaSize is the size of the chroma planes of img.
func chromaSize(img *image.YCbCr) (int, int) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	switch img.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}

// halvePlane writes into dst (w x h) the averages of 2x2 blocks of src
// (sw x sh); a block at the edge of an odd plane repeats its last row or
// column.
func halvePlane(dst []byte, stride, w, h int, src []byte, sstride, sw, sh int) {
	for y := range h {
		y0, y1 := min(2*y, sh-1), min(2*y+1, sh-1)
		for x := range w {
			x0, x1 := min(2*x, sw-1), min(2*x+1, sw-1)
			sum := int(src[y0*sstride+x0]) + int(src[y0*sstride+x1]) + int(src[y1*sstride+x0]) + int(src[y1*sstride+x1])
			dst[y*stride+x] = uint8((sum + 2) / 4)
		}
	}
}

// halveRGBA averages blocks of 2x2 pixels of src.
func halveRGBA(src *image.RGBA) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			for c := range 4 {
				p := func(dx, dy int) int { return int(src.Pix[src.PixOffset(b.Min.X+2*x+dx, b.Min.Y+2*y+dy)+c]) }
				dst.Pix[dst.PixOffset(x, y)+c] = uint8((p(0, 0) + p(1, 0) + p(0, 1) + p(1, 1) + 2) / 4)
			}
		}
	}
	return dst
}
