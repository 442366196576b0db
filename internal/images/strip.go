package images

import (
	"bytes"
	"encoding/binary"
)

// Strip returns an image file without its metadata, its pixels untouched:
// the original of a photo is published as the photographer's camera wrote
// it but for where and when, and on what, it was taken.
//
//   - JPEG: only the segments that shape the pixels are kept (the
//     frame, tables, scans, the JFIF and Adobe segments and the ICC
//     profile); EXIF, XMP, IPTC, comments, maker segments and anything
//     after the end of the image go. An EXIF orientation other than 1
//     is kept, alone, in an EXIF segment of one tag.
//   - PNG: the critical chunks and those of colour, transparency and
//     animation are kept; text, EXIF, time and private chunks go.
//   - WebP: the image, alpha, animation and ICC chunks are kept; EXIF,
//     XMP and unknown chunks go.
//   - GIF: comments and application extensions other than looping and
//     colour go.
//
// A file cut short is stripped as far as it goes, and ends there. Strip
// returns ErrNotImage for data in none of these formats.
func Strip(data []byte) ([]byte, error) {
	f, ok := sniff(data)
	if !ok {
		return nil, ErrNotImage
	}
	switch f {
	case JPEG:
		return stripJPEG(data), nil
	case PNG:
		return stripPNG(data), nil
	case GIF:
		return stripGIF(data), nil
	}
	return stripWebP(data), nil
}

// JPEG markers Strip tells apart.
const (
	markerSOI  = 0xD8
	markerEOI  = 0xD9
	markerSOS  = 0xDA
	markerTEM  = 0x01
	markerRST0 = 0xD0
	markerRST7 = 0xD7
	markerAPP0 = 0xE0
	markerAPP1 = 0xE1
	markerAPP2 = 0xE2
	markerAPPE = 0xEE
	markerAPPF = 0xEF
	markerCOM  = 0xFE
)

// stripJPEG walks the markers of a JPEG file, keeping those keepSegment
// allows, and copies each scan's data as it is.
func stripJPEG(data []byte) []byte {
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, markerSOI)
	oriented := false
	for i := 2; i < len(data); {
		// Bytes that start no marker are skipped, as decoders do; so
		// are the fill bytes before one.
		j := bytes.IndexByte(data[i:], 0xFF)
		if j < 0 {
			break
		}
		i += j
		for i < len(data) && data[i] == 0xFF {
			i++
		}
		if i >= len(data) {
			break
		}
		marker := data[i]
		i++
		switch {
		case marker == markerEOI:
			return append(out, 0xFF, markerEOI)
		case marker == 0 || marker == markerSOI:
			continue
		case marker == markerTEM || (marker >= markerRST0 && marker <= markerRST7):
			out = append(out, 0xFF, marker)
			continue
		}
		if i+2 > len(data) {
			break
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 {
			break
		}
		end := min(len(data), i+n)
		seg := data[i:end]
		i = end
		switch {
		case keepSegment(marker, seg):
			out = append(out, 0xFF, marker)
			out = append(out, seg...)
		case marker == markerAPP1 && !oriented && isEXIF(seg):
			oriented = true
			if o := tiffOrientation(seg[8:]); o != orientUpright {
				out = append(out, orientationSegment(o)...)
			}
		}
		if marker == markerSOS && i < len(data) {
			k := scanEnd(data, i)
			out = append(out, data[i:k]...)
			i = k
		}
	}
	return out
}

// keepSegment reports whether the segment of marker, its length bytes
// and body seg, shapes the pixels: every segment but the application
// segments and comments, and of those the JFIF header, the ICC profile
// and Adobe's colour transform.
func keepSegment(marker byte, seg []byte) bool {
	body := seg[min(2, len(seg)):]
	switch {
	case marker == markerCOM:
		return false
	case marker == markerAPP0:
		return bytes.HasPrefix(body, []byte("JFIF\x00"))
	case marker == markerAPP2:
		return bytes.HasPrefix(body, []byte("ICC_PROFILE\x00"))
	case marker == markerAPPE:
		return bytes.HasPrefix(body, []byte("Adobe"))
	case marker >= markerAPP0 && marker <= markerAPPF:
		return false
	}
	return true
}

// isEXIF reports whether seg, an APP1 segment with its length bytes,
// holds EXIF.
func isEXIF(seg []byte) bool { return len(seg) > 8 && string(seg[2:8]) == "Exif\x00\x00" }

// orientationSegment is an APP1 segment of EXIF that holds orientation o
// and nothing else.
func orientationSegment(o int) []byte {
	be := binary.BigEndian
	seg := []byte{0xFF, markerAPP1, 0, 0}
	seg = append(seg, "Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"...)
	seg = be.AppendUint16(seg, 1)         // one entry
	seg = be.AppendUint16(seg, 0x0112)    // orientation
	seg = be.AppendUint16(seg, 3)         // SHORT
	seg = be.AppendUint32(seg, 1)         // one value
	seg = be.AppendUint16(seg, uint16(o)) // in the value field's first half
	seg = be.AppendUint16(seg, 0)
	seg = be.AppendUint32(seg, 0) // no next directory
	be.PutUint16(seg[2:], uint16(len(seg)-2))
	return seg
}

// scanEnd returns where the entropy-coded data of a scan starting at i
// ends: at the first 0xFF that is neither a stuffed byte (0xFF 0x00) nor
// a restart marker, or at the end of data.
func scanEnd(data []byte, i int) int {
	for {
		j := bytes.IndexByte(data[i:], 0xFF)
		if j < 0 {
			return len(data)
		}
		i += j
		if i+1 >= len(data) {
			return len(data)
		}
		if m := data[i+1]; m != 0 && (m < markerRST0 || m > markerRST7) {
			return i
		}
		i += 2
	}
}

// pngKeep are the ancillary PNG chunks kept: colour, transparency,
// resolution and animation. Critical chunks are always kept.
var pngKeep = map[string]bool{
	"tRNS": true, "cHRM": true, "gAMA": true, "iCCP": true, "sBIT": true, "sRGB": true, "cICP": true,
	"mDCV": true, "cLLI": true, "bKGD": true, "pHYs": true, "acTL": true, "fcTL": true, "fdAT": true,
}

// stripPNG keeps the signature and the chunks pngKeep allows, up to the
// image's end chunk.
func stripPNG(data []byte) []byte {
	const sigLen = 8
	out := append(make([]byte, 0, len(data)), data[:sigLen]...)
	for i := sigLen; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		end := len(data)
		if n <= len(data)-i-12 {
			end = i + 12 + n
		}
		critical := typ[0]&0x20 == 0
		if critical || pngKeep[typ] {
			out = append(out, data[i:end]...)
		}
		if typ == "IEND" {
			break
		}
		i = end
	}
	return out
}

// webpKeep are the RIFF chunks of a WebP file kept: the image, its alpha,
// its animation and its ICC profile.
var webpKeep = map[string]bool{"VP8 ": true, "VP8L": true, "VP8X": true, "ALPH": true, "ANIM": true, "ANMF": true, "ICCP": true}

// The flags of a VP8X chunk that say EXIF and XMP chunks follow.
const (
	vp8xEXIF = 0x08
	vp8xXMP  = 0x04
)

// stripWebP keeps the chunks webpKeep allows, clears the VP8X flags of
// those it drops and writes the RIFF size anew.
func stripWebP(data []byte) []byte {
	const headerLen = 12
	out := append(make([]byte, 0, len(data)), data[:headerLen]...)
	riffEnd := len(data)
	if n := int(binary.LittleEndian.Uint32(data[4:])); n <= len(data)-8 {
		riffEnd = 8 + n
	}
	for i := headerLen; i+8 <= riffEnd; {
		typ := string(data[i : i+4])
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		end := riffEnd
		if n <= riffEnd-i-8 {
			end = min(riffEnd, i+8+n+n%2)
		}
		if webpKeep[typ] {
			at := len(out)
			out = append(out, data[i:end]...)
			if typ == "VP8X" && at+8 < len(out) {
				out[at+8] &^= vp8xEXIF | vp8xXMP
			}
		}
		i = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}

// GIF blocks.
const (
	gifExtension  = 0x21
	gifImage      = 0x2C
	gifTrailer    = 0x3B
	gifComment    = 0xFE
	gifAppExt     = 0xFF
	gifHeaderLen  = 13 // signature and logical screen descriptor
	gifImageLen   = 10 // image descriptor
	gifColourFlag = 0x80
)

// stripGIF keeps every block of a GIF but comments and the application
// extensions gifKeepApp does not name.
func stripGIF(data []byte) []byte {
	if len(data) < gifHeaderLen {
		return bytes.Clone(data)
	}
	i := gifHeaderLen + colourTable(data[10])
	out := append(make([]byte, 0, len(data)), data[:min(i, len(data))]...)
	for i < len(data) {
		start := i
		keep := true
		switch data[i] {
		case gifTrailer:
			return append(out, gifTrailer)
		case gifExtension:
			keep = i+2 < len(data) && gifKeepExtension(data[i+1], data[i+2:])
			i = subBlocksEnd(data, i+2)
		case gifImage:
			i += gifImageLen
			if i <= len(data) {
				i += colourTable(data[i-1]) + 1 // the table, then the LZW code size
			}
			i = subBlocksEnd(data, min(i, len(data)))
		default:
			return out
		}
		if keep {
			out = append(out, data[start:min(i, len(data))]...)
		}
	}
	return out
}

// colourTable is the length of the colour table that the packed fields
// byte of a screen or image descriptor declares.
func colourTable(packed byte) int {
	if packed&gifColourFlag == 0 {
		return 0
	}
	return 3 << (packed&0x07 + 1)
}

// gifKeepExtension reports whether an extension of label, whose sub-blocks
// are blocks, is kept: all but comments, and of application extensions
// those of looping and of the ICC profile.
func gifKeepExtension(label byte, blocks []byte) bool {
	switch label {
	case gifComment:
		return false
	case gifAppExt:
		if len(blocks) < 12 || blocks[0] != 11 {
			return false
		}
		switch string(blocks[1:12]) {
		case "NETSCAPE2.0", "ANIMEXTS1.0", "ICCRGBG1012":
			return true
		}
		return false
	}
	return true
}

// subBlocksEnd returns where the sub-blocks starting at i end, after
// their terminating empty block, or the end of data.
func subBlocksEnd(data []byte, i int) int {
	for i < len(data) {
		n := int(data[i])
		i++
		if n == 0 {
			return i
		}
		i += n
	}
	return len(data)
}
