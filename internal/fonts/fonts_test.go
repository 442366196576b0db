package fonts

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestFontsAreWhatTheySay parses every face: it is a TrueType font of
// the family pages declare, and every font carries its licence.
func TestFontsAreWhatTheySay(t *testing.T) {
	for _, f := range All() {
		t.Run(f.Name, func(t *testing.T) {
			if len(f.Faces) == 0 || f.Faces[0].Weight != 400 {
				t.Fatalf("the body weight is not the first face: %+v", f.Faces)
			}
			if !strings.Contains(string(f.Text), "icense") || !strings.HasPrefix(f.License, Dir) {
				t.Errorf("licence %q missing or out of %s", f.License, Dir)
			}
			for _, face := range f.Faces {
				font, err := sfnt.Parse(face.TTF)
				if err != nil {
					t.Fatalf("%s: %v", face.File, err)
				}
				family, err := font.Name(nil, sfnt.NameIDFamily)
				if err != nil || !strings.EqualFold(strings.ReplaceAll(family, " ", ""), strings.ReplaceAll(f.Family, " ", "")) {
					t.Errorf("%s is of the family %q (%v), pages call it %q", face.File, family, err, f.Family)
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{{"go", true}, {"liberation-sans", true}, {"liberation-serif", true}, {"", false}, {"Go", false}, {"arial", false}}
	for _, tt := range tests {
		if _, ok := Lookup(tt.name); ok != tt.ok {
			t.Errorf("Lookup(%q) = %v, want %v", tt.name, ok, tt.ok)
		}
	}
	if got := Names(); !slices.IsSorted(got) || len(got) != 3 {
		t.Errorf("Names() = %q", got)
	}
}
