package config

import (
	"fmt"
	"slices"
)

// Images sets the resized copies blogen makes of every raster image a
// page shows.
type Images struct {
	// Widths are the widths of the copies, in pixels, in the srcset.
	Widths []int `toml:"widths"`
	// Quality is the JPEG and WebP quality, 1 to 100.
	Quality int `toml:"quality"`
	// Formats are the formats of copies besides the source's own:
	// "webp", "avif", both or none.
	Formats []string `toml:"formats"`
	// MaxMegapixels is the largest image blogen decodes.
	MaxMegapixels int `toml:"max_megapixels"`
}

// DefaultImages are the settings of a site.toml without [images].
func DefaultImages() Images {
	return Images{Widths: []int{480, 800, 1200, 1600}, Quality: 80, Formats: []string{"webp"}, MaxMegapixels: 64}
}

// validateImages checks [images].
func (c *Config) validateImages() []problem {
	var out []problem
	add := func(msg string, key ...string) { out = append(out, problem{key, msg}) }
	im := c.Images
	if len(im.Widths) == 0 || slices.ContainsFunc(im.Widths, func(w int) bool { return w < 16 || w > 8192 }) {
		add(fmt.Sprintf("images.widths %v must list widths from 16 to 8192 pixels, such as [480, 800, 1200, 1600]", im.Widths), "images", "widths")
	}
	if im.Quality < 1 || im.Quality > 100 {
		add(fmt.Sprintf("images.quality %d must be from 1 to 100; 80 is the default", im.Quality), "images", "quality")
	}
	for _, f := range im.Formats {
		if f != "webp" && f != "avif" {
			add(fmt.Sprintf("images.formats: blogen does not write %q; use [\"webp\"], [\"webp\", \"avif\"] or []", f), "images", "formats")
		}
	}
	if im.MaxMegapixels < 1 {
		add("images.max_megapixels must be at least 1", "images", "max_megapixels")
	}
	return out
}
