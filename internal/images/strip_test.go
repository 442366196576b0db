package images

import (
	"bytes"
	"testing"

	"github.com/blogen/blogen/internal/images/imagetest"
)

// metadataFiles are a file of every format with every kind of metadata
// (imagetest.Secret in each), and the orientation each is shown in.
func metadataFiles(t testing.TB) []struct {
	name   string
	data   []byte
	orient int
} {
	px := imagetest.Halves(64, 48)
	return []struct {
		name   string
		data   []byte
		orient int
	}{
		{"jpeg turned", imagetest.JPEGWithMetadata(t, px, 6), 6},
		{"jpeg upright", imagetest.JPEGWithMetadata(t, px, 1), 1},
		{"png", imagetest.PNGWithMetadata(t, px), 1},
		{"webp", imagetest.WebPWithMetadata(t, px), 1},
		{"gif", imagetest.GIFWithMetadata(t, px), 1},
	}
}

// TestStripRemovesMetadata strips a file of every format: no Secret is
// left, the ICC profile is, the orientation is kept, and the file
// decodes to the very pixels of the original.
func TestStripRemovesMetadata(t *testing.T) {
	for _, tt := range metadataFiles(t) {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(tt.data, []byte(imagetest.Secret)) {
				t.Fatal("the test file holds no secret")
			}
			got, err := Strip(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{imagetest.Secret, "xmpmeta", "XMP", "Author", "MPF", "tIME", "eXIf"} {
				if bytes.Contains(got, []byte(bad)) {
					t.Errorf("the stripped file holds %q", bad)
				}
			}
			if tt.name != "gif" && !bytes.Contains(got, []byte(imagetest.ICCProfile)) {
				t.Error("the ICC profile was dropped")
			}
			sameImage(t, tt.data, got)
			if in, err := Probe(got, 0); err != nil || in.Orientation != tt.orient {
				t.Errorf("the stripped file probes as %+v, %v; want orientation %d", in, err, tt.orient)
			}
			if again, _ := Strip(got); !bytes.Equal(again, got) {
				t.Error("stripping a stripped file changes it")
			}
		})
	}
}

// TestStripKeepsTheVP8XFlagsTrue checks that a WebP stripped of its EXIF
// and XMP chunks no longer says it has them, and that its RIFF size is
// its length.
func TestStripKeepsTheVP8XFlagsTrue(t *testing.T) {
	got, err := Strip(imagetest.WebPWithMetadata(t, imagetest.Halves(40, 30)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got[12:16]) != "VP8X" || got[20]&(vp8xEXIF|vp8xXMP) != 0 || got[20]&0x20 == 0 {
		t.Errorf("VP8X flags %#x: want ICC alone", got[20])
	}
	if n := int(got[4]) | int(got[5])<<8 | int(got[6])<<16 | int(got[7])<<24; n != len(got)-8 {
		t.Errorf("RIFF size %d, file of %d bytes", n, len(got))
	}
}

// TestStripCutShort strips files cut anywhere: never a panic, never a
// secret, and what decodes in the file decodes in its stripped copy.
func TestStripCutShort(t *testing.T) {
	for _, tt := range metadataFiles(t) {
		for n := 12; n < len(tt.data); n += max(1, len(tt.data)/97) {
			got, err := Strip(tt.data[:n])
			if err != nil {
				t.Fatalf("%s cut at %d: %v", tt.name, n, err)
			}
			if bytes.Contains(got, []byte(imagetest.Secret)) {
				t.Errorf("%s cut at %d keeps the secret", tt.name, n)
			}
		}
	}
}

func TestStripRefusesWhatIsNoImage(t *testing.T) {
	if _, err := Strip([]byte("<svg/>")); err != ErrNotImage {
		t.Errorf("Strip(svg) = %v, want ErrNotImage", err)
	}
}

// sameImage fails the test unless stripped decodes, as orig does, to the
// same pixels; orig that does not decode asks nothing.
func sameImage(t testing.TB, orig, stripped []byte) {
	t.Helper()
	want, win, err := Decode(orig, 1<<24)
	if err != nil {
		return
	}
	got, gin, err := Decode(stripped, 1<<24)
	if err != nil {
		t.Fatalf("the original decodes, its stripped copy does not: %v", err)
	}
	if gin != win {
		t.Fatalf("stripped copy probes as %+v, the original as %+v", gin, win)
	}
	if !imagetest.SamePixels(want, got) {
		t.Fatal("the stripped copy decodes to other pixels")
	}
}

// FuzzStrip holds Strip to its promises on any bytes: no panic, a stripped
// file stays as it is when stripped again, and a file that decodes gives
// the same pixels and header once stripped.
func FuzzStrip(f *testing.F) {
	for _, tt := range metadataFiles(f) {
		f.Add(tt.data)
	}
	f.Add(imagetest.Bomb(100_000, 100_000))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Strip(data)
		if err != nil {
			return
		}
		if again, err := Strip(got); err == nil && !bytes.Equal(again, got) {
			t.Fatalf("not idempotent:\n%q\n%q", got, again)
		}
		sameImage(t, data, got)
	})
}
