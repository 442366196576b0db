package images

import "encoding/binary"

// Orientation values of EXIF tag 0x0112: 1 is upright; 2-8 are the
// mirrorings and rotations a camera records instead of turning the
// pixels.
const (
	orientUpright = 1
	orientMax     = 8
)

// jpegOrientation returns the EXIF orientation of a JPEG file, or 1 when
// it has none or it cannot be read. It reads only the markers before the
// image data.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return orientUpright
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return orientUpright
		}
		marker := data[i+1]
		if marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 {
			return orientUpright
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return orientUpright
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return orientUpright
}

// tiffOrientation reads the orientation tag of the first image file
// directory of a TIFF structure (the body of an EXIF segment).
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return orientUpright
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return orientUpright
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return orientUpright
	}
	count := int(bo.Uint16(t[off:]))
	for k := range count {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			break
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		v := int(bo.Uint16(t[e+8:]))
		if v < orientUpright || v > orientMax {
			return orientUpright
		}
		return v
	}
	return orientUpright
}

// swapsSides reports whether orientation o turns the image a quarter,
// so that its upright width is its stored height.
func swapsSides(o int) bool { return o >= 5 && o <= 8 }
