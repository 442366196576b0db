package images

import (
	"strings"
	"testing"
)

func TestParseFocus(t *testing.T) {
	tests := []struct {
		in      string
		want    Focus
		wantErr bool
	}{
		{"", Centre, false},
		{"0.5,0.3", Focus{0.5, 0.3}, false},
		{" 0 , 1 ", Focus{0, 1}, false},
		{"0.5", Focus{}, true},
		{"1.5,0.5", Focus{}, true},
		{"-0.1,0.5", Focus{}, true},
		{"NaN,0.5", Focus{}, true},
		{"a,b", Focus{}, true},
		{"0.1,0.2,0.3", Focus{}, true},
	}
	for _, tt := range tests {
		got, err := ParseFocus(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseFocus(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "0.5,0.3") {
			t.Errorf("ParseFocus(%q) error %q does not say how to write it", tt.in, err)
		}
	}
}

func FuzzParseFocus(f *testing.F) {
	for _, s := range []string{"", "0.5,0.3", "1,0", "0.5", "x,y", "1e-3,.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFocus(s)
		if err != nil {
			return
		}
		if !(got.X >= 0 && got.X <= 1 && got.Y >= 0 && got.Y <= 1) {
			t.Fatalf("ParseFocus(%q) = %v, outside 0..1", s, got)
		}
		again, err := ParseFocus(got.String())
		if err != nil || again != got {
			t.Fatalf("ParseFocus(%q).String() = %q reads back as %v, %v", s, got.String(), again, err)
		}
	})
}

func FuzzOrientation(f *testing.F) {
	f.Add(testJPEG(f, 8, 8, 6))
	f.Add([]byte("\xFF\xD8\xFF\xE1\x00\x10Exif\x00\x00MM\x00*\x00\x00\x00\x08"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if o := jpegOrientation(b); o < 1 || o > 8 {
			t.Fatalf("jpegOrientation = %d, outside 1..8", o)
		}
	})
}
