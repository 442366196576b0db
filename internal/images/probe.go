package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// Format is an image file format blogen reads or writes.
type Format string

// The formats of sources and copies.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
	// AVIF is written, never read: copies only.
	AVIF Format = "avif"
)

// Ext is the file name extension of f, with its dot.
func (f Format) Ext() string {
	if f == JPEG {
		return ".jpg"
	}
	return "." + string(f)
}

// MIME is the media type of f.
func (f Format) MIME() string { return "image/" + string(f) }

// Info is what Probe learns of an image without decoding its pixels.
type Info struct {
	Format Format
	// Width and Height are the upright size, EXIF orientation applied.
	Width, Height int
	// Orientation is the EXIF orientation (1 to 8; 1 is upright).
	Orientation int
	// Animated is set for a GIF of more than one frame, which is
	// published as it is: a copy would keep only its first frame.
	Animated bool
}

// ErrNotImage is returned for data in no format blogen reads.
var ErrNotImage = errors.New("not a JPEG, PNG, GIF or WebP image")

// sniff returns the format of data from its first bytes.
func sniff(data []byte) (Format, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return JPEG, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF, true
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP, true
	}
	return "", false
}

// Probe reads the format, size and orientation of an image from its
// header, and refuses one of more than maxPixels pixels (a decompression
// bomb declares billions in a few bytes) before its pixels are decoded.
func Probe(data []byte, maxPixels int) (Info, error) {
	f, ok := sniff(data)
	if !ok {
		return Info{}, ErrNotImage
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return Info{}, fmt.Errorf("cannot read the %s header: %w", f, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("the %s image is %dx%d pixels", f, cfg.Width, cfg.Height)
	}
	if maxPixels > 0 && int64(cfg.Width)*int64(cfg.Height) > int64(maxPixels) {
		return Info{}, fmt.Errorf("the image is %dx%d pixels, more than the %d megapixels of [images] max_megapixels; make it smaller or raise the limit",
			cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	in := Info{Format: f, Width: cfg.Width, Height: cfg.Height, Orientation: orientUpright}
	if f == JPEG {
		in.Orientation = jpegOrientation(data)
	}
	if swapsSides(in.Orientation) {
		in.Width, in.Height = in.Height, in.Width
	}
	if f == GIF {
		in.Animated = gifFrames(data) > 1
	}
	return in, nil
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(r)
	case PNG:
		return png.DecodeConfig(r)
	case GIF:
		return gif.DecodeConfig(r)
	}
	return webp.DecodeConfig(r)
}

// gifFrames counts the frames of a GIF, or returns 0 when it cannot be
// decoded.
func gifFrames(data []byte) int {
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		return 0
	}
	return len(g.Image)
}

// Decode returns the pixels of an image as stored (not yet turned
// upright) with what Probe says of it. It probes first, so an image over
// maxPixels is refused before it is decoded.
func Decode(data []byte, maxPixels int) (image.Image, Info, error) {
	in, err := Probe(data, maxPixels)
	if err != nil {
		return nil, Info{}, err
	}
	r := bytes.NewReader(data)
	var img image.Image
	switch in.Format {
	case JPEG:
		img, err = jpeg.Decode(r)
	case PNG:
		img, err = png.Decode(r)
	case GIF:
		img, err = gif.Decode(r)
	default:
		img, err = webp.Decode(r)
	}
	if err != nil {
		return nil, Info{}, fmt.Errorf("cannot decode the %s image: %w", in.Format, err)
	}
	return img, in, nil
}
