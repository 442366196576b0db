package content

import (
	"slices"
	"testing"
)

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Niko Matsakis", []string{"Niko Matsakis"}},
		{"Brian Anderson, David Tolnay, and Aaron Turon", []string{"Brian Anderson", "David Tolnay", "Aaron Turon"}},
		{"Ryan Levick and Mara Bos", []string{"Ryan Levick", "Mara Bos"}},
		{"Jakub Beránek, Jack Huey and Paul Lenz", []string{"Jakub Beránek", "Jack Huey", "Paul Lenz"}},
		{"TC & Eric Huss", []string{"TC", "Eric Huss"}},
		{"Jane Doe and the Governance WG", []string{"Jane Doe", "the Governance WG"}},
		{"The Rust and Friends Team", []string{"The Rust and Friends Team"}},
		{"Anderson", []string{"Anderson"}},
		{" , and ", nil},
	}
	for _, tt := range tests {
		if got := splitNames(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
