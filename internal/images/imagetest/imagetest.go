// Package imagetest makes the images of tests and benchmarks in code: a
// photo-like picture, and files of it in every format blogen reads,
// among them a phone's JPEG with an EXIF orientation and GPS tags. No
// test ships a photo of anyone's.
package imagetest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/gen2brain/webp"
)

// Secret is the text of the EXIF block of JPEG that no copy may carry:
// where the photo was taken.
const Secret = "Home of the author, 48.8566N"

// Halves is a w x h picture, red on its left half and blue on its right,
// shaded from top to bottom, so a test can tell which way it faces.
func Halves(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		shade := uint8(y * 96 / max(h, 1))
		for x := range w {
			c := color.NRGBA{R: 0xff - shade, G: shade / 2, A: 0xff}
			if x >= w/2 {
				c = color.NRGBA{R: shade / 2, G: shade / 2, B: 0xff - shade, A: 0xff}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// Transparent is Halves with its right half see-through.
func Transparent(w, h int) *image.NRGBA {
	img := Halves(w, h)
	for y := range h {
		for x := w / 2; x < w; x++ {
			img.Pix[img.PixOffset(x, y)+3] = 0
		}
	}
	return img
}

// JPEG encodes img, with an EXIF block of orientation o, a GPS
// directory and Secret when o is not 0.
func JPEG(tb testing.TB, img image.Image, o int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	b := buf.Bytes()
	if o == 0 {
		return b
	}
	seg := append([]byte("Exif\x00\x00"), EXIF(o)...)
	out := append([]byte{}, b[:2]...)
	out = append(out, 0xFF, 0xE1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, b[2:]...)
}

// Turned returns img as a camera stores a photo of it taken with
// orientation 6: turned a quarter anticlockwise, for the viewer to turn
// back.
func Turned(img *image.NRGBA) *image.NRGBA {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := range b.Dy() {
		for x := range b.Dx() {
			out.SetNRGBA(y, b.Dx()-1-x, img.NRGBAAt(x, y))
		}
	}
	return out
}

// EXIF is a little-endian TIFF structure of one directory: the
// orientation o, an image description of Secret and a GPS directory with
// a latitude reference.
func EXIF(o int) []byte {
	le := binary.LittleEndian
	t := []byte("II*\x00\x08\x00\x00\x00")
	const entries = 3
	descOff := 8 + 2 + 12*entries + 4
	gpsOff := descOff + len(Secret) + 1
	t = le.AppendUint16(t, entries)
	t = entry(t, 0x010E, 2, uint32(len(Secret)+1), uint32(descOff))
	t = entry(t, 0x0112, 3, 1, uint32(o))
	t = entry(t, 0x8825, 4, 1, uint32(gpsOff))
	t = le.AppendUint32(t, 0)
	t = append(t, Secret+"\x00"...)
	t = le.AppendUint16(t, 1)
	t = entry(t, 0x0001, 2, 2, uint32('N'))
	return le.AppendUint32(t, 0)
}

func entry(t []byte, tag, typ uint16, count, value uint32) []byte {
	le := binary.LittleEndian
	t = le.AppendUint16(t, tag)
	t = le.AppendUint16(t, typ)
	t = le.AppendUint32(t, count)
	return le.AppendUint32(t, value)
}

// PNG encodes img.
func PNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// GIF encodes img in a palette.
func GIF(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// AnimatedGIF is a GIF of two frames of img.
func AnimatedGIF(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var one bytes.Buffer
	if err := gif.Encode(&one, img, nil); err != nil {
		tb.Fatal(err)
	}
	frame, err := gif.Decode(&one)
	if err != nil {
		tb.Fatal(err)
	}
	p := frame.(*image.Paletted)
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, &gif.GIF{Image: []*image.Paletted{p, p}, Delay: []int{50, 50}}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// WebP encodes img, lossy.
func WebP(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := webp.Encode(&buf, img, webp.Options{Quality: 80}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Bomb is the header of a PNG that declares w x h pixels and holds none.
func Bomb(w, h uint32) []byte {
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
	b = binary.BigEndian.AppendUint32(b, w)
	b = binary.BigEndian.AppendUint32(b, h)
	b = append(b, 8, 6, 0, 0, 0)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[12:]))
}
