package images

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// secret is text of the EXIF block of testJPEG that no copy may carry.
const secret = "Home of the author, 48.8566N"

// halves is a w x h image, red on the left half and blue on the right.
func halves(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{R: 0xff, A: 0xff}
			if x >= w/2 {
				c = color.NRGBA{B: 0xff, A: 0xff}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// testJPEG is a JPEG of halves(w, h) with an EXIF block holding the
// orientation o, a GPS directory and an image description of secret.
func testJPEG(t testing.TB, w, h, o int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, halves(w, h), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	seg := append([]byte("Exif\x00\x00"), exifTIFF(o)...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, b[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, b[2:]...)
}

// exifTIFF is a little-endian TIFF structure of one directory: the
// orientation, a description and a pointer to a GPS directory with a
// latitude reference.
func exifTIFF(o int) []byte {
	le := binary.LittleEndian
	t := []byte("II*\x00\x08\x00\x00\x00")
	entries := 3
	descOff := 8 + 2 + 12*entries + 4
	gpsOff := descOff + len(secret) + 1
	t = le.AppendUint16(t, uint16(entries))
	t = appendEntry(t, 0x010E, 2, uint32(len(secret)+1), uint32(descOff))
	t = appendEntry(t, 0x0112, 3, 1, uint32(o))
	t = appendEntry(t, 0x8825, 4, 1, uint32(gpsOff))
	t = le.AppendUint32(t, 0)
	t = append(t, secret+"\x00"...)
	t = le.AppendUint16(t, 1)
	t = appendEntry(t, 0x0001, 2, 2, uint32('N'))
	return le.AppendUint32(t, 0)
}

func appendEntry(t []byte, tag, typ uint16, count, value uint32) []byte {
	le := binary.LittleEndian
	t = le.AppendUint16(t, tag)
	t = le.AppendUint16(t, typ)
	t = le.AppendUint32(t, count)
	return le.AppendUint32(t, value)
}

// decodeAny decodes a copy, failing the test when it cannot.
func decodeAny(t *testing.T, b []byte) (image.Image, Info) {
	t.Helper()
	img, in, err := Decode(b, 0)
	if err != nil {
		t.Fatalf("a copy does not decode: %v", err)
	}
	return img, in
}
