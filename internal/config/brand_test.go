package config

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#0b5cad", lightPage, 6.5}, // the theme's own accent
		{"#7db8f5", darkPage, 8.6},
	}
	for _, tt := range tests {
		if got := contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.05 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.1f", tt.a, tt.b, got, tt.want)
		}
	}
}
