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

// ICCProfile is the body of the ICC profile segments and chunks of the
// files WithMetadata makes, which a file stripped of its metadata keeps:
// its colours depend on it.
const ICCProfile = "colour profile: sRGB"

// JPEGWithMetadata is JPEG(img, o) with every kind of metadata a camera
// or an editor writes, each holding Secret: XMP, IPTC, a comment, a
// maker's segment, a second image after the end of the first (as phones
// write), and an ICC profile, which is no metadata.
func JPEGWithMetadata(tb testing.TB, img image.Image, o int) []byte {
	tb.Helper()
	b := JPEG(tb, img, o)
	var segs []byte
	for _, s := range []struct {
		marker byte
		body   string
	}{
		{0xE1, "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + Secret + "</x:xmpmeta>"},
		{0xED, "Photoshop 3.0\x008BIM\x04\x04" + Secret},
		{0xFE, Secret},
		{0xE2, "MPF\x00" + Secret},
		{0xE2, "ICC_PROFILE\x00\x01\x01" + ICCProfile},
		{0xEA, Secret},
	} {
		segs = append(segs, 0xFF, s.marker)
		segs = binary.BigEndian.AppendUint16(segs, uint16(len(s.body)+2))
		segs = append(segs, s.body...)
	}
	out := append([]byte{}, b[:2]...)
	out = append(out, segs...)
	out = append(out, b[2:]...)
	return append(out, "\xFF\xD8\xFF\xE1\x00\x20Exif\x00\x00"+Secret...)
}

// PNGWithMetadata is PNG(img) with text, EXIF and time chunks holding
// Secret, and an ICC profile chunk.
func PNGWithMetadata(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	b := PNG(tb, img)
	const ihdrEnd = 8 + 12 + 13
	var chunks []byte
	for _, c := range []struct{ typ, body string }{
		{"tEXt", "Author\x00" + Secret},
		{"zTXt", "Comment\x00\x00" + Secret},
		{"iTXt", "XML:com.adobe.xmp\x00\x00\x00\x00\x00" + Secret},
		{"eXIf", string(EXIF(1))},
		{"tIME", "\x07\xea\x01\x02\x03\x04\x05"},
		{"iCCP", "sRGB\x00\x00" + ICCProfile},
		{"prVt", Secret},
	} {
		chunks = pngChunk(chunks, c.typ, c.body)
	}
	out := append([]byte{}, b[:ihdrEnd]...)
	out = append(out, chunks...)
	return append(out, b[ihdrEnd:]...)
}

func pngChunk(b []byte, typ, body string) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(body)))
	start := len(b)
	b = append(b, typ...)
	b = append(b, body...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
}

// WebPWithMetadata is WebP(img) in the extended format, with EXIF and
// XMP chunks holding Secret and an ICC profile chunk.
func WebPWithMetadata(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	b := WebP(tb, img)
	le := binary.LittleEndian
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	vp8x := []byte{0x20 | 0x08 | 0x04, 0, 0, 0} // ICC, EXIF and XMP
	vp8x = append(vp8x, byte(w-1), byte((w-1)>>8), byte((w-1)>>16), byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	var body []byte
	for _, c := range []struct{ typ, body string }{
		{"VP8X", string(vp8x)},
		{"ICCP", ICCProfile},
		{"VP8 ", string(b[20:])},
		{"EXIF", string(EXIF(1)) + Secret},
		{"XMP ", "<x:xmpmeta>" + Secret + "</x:xmpmeta>"},
	} {
		if c.typ == "VP8 " {
			body = append(body, b[12:]...) // the simple file's one chunk, with its padding
			continue
		}
		body = append(body, c.typ...)
		body = le.AppendUint32(body, uint32(len(c.body)))
		body = append(body, c.body...)
		if len(c.body)%2 == 1 {
			body = append(body, 0)
		}
	}
	out := []byte("RIFF")
	out = le.AppendUint32(out, uint32(len(body)+4))
	out = append(out, "WEBP"...)
	return append(out, body...)
}

// GIFWithMetadata is GIF(img) with a comment and an XMP extension
// holding Secret.
func GIFWithMetadata(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	b := GIF(tb, img)
	at := 13
	if b[10]&0x80 != 0 {
		at += 3 << (b[10]&0x07 + 1)
	}
	ext := []byte{0x21, 0xFE, byte(len(Secret))}
	ext = append(ext, Secret...)
	ext = append(ext, 0, 0x21, 0xFF, 11)
	ext = append(ext, "XMP DataXMP"...)
	ext = append(ext, byte(len(Secret)))
	ext = append(ext, Secret...)
	ext = append(ext, 0)
	out := append([]byte{}, b[:at]...)
	out = append(out, ext...)
	return append(out, b[at:]...)
}

// SamePixels reports whether a and b are of one size and every pixel of
// one is the pixel of the other.
func SamePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
