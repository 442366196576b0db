package config

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/blogen/blogen/internal/fonts"
)

// Brand sets the site's own look: its colour, logo and font.
type Brand struct {
	// Color is the accent colour of links and buttons on the light
	// page, "#rrggbb"; ColorDark the same on the dark page. "" keeps the
	// theme's.
	Color     string `toml:"color"`
	ColorDark string `toml:"color_dark"`
	// Logo is the path from the site root of an image shown beside the
	// title, in a square box of 40 by 40 pixels, and, when it is a raster
	// image, beside the site's name on drawn social cards.
	Logo string `toml:"logo"`
	// Font names one of the fonts blogen embeds (fonts.Names), served
	// from the site itself; "" keeps the reader's system font.
	Font string `toml:"font"`
}

// defaultCardColor is the background of drawn social cards of a site
// without a brand colour.
const defaultCardColor = "#1d4e89"

// CardColor is the background of drawn social cards: the brand colour,
// else a dark blue on which white text reads.
func (b Brand) CardColor() string {
	if b.Color != "" {
		return b.Color
	}
	return defaultCardColor
}

// The page backgrounds the brand colours are read against, light and
// dark, and the contrast text needs there (WCAG AA).
const (
	lightPage   = "#fdfcfa"
	darkPage    = "#15171a"
	minContrast = 4.5
)

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// validate checks that the colours are colours readers can read against
// the page, and the logo a path.
func (b Brand) validate() []problem {
	var out []problem
	check := func(key, color, page, scheme string) {
		if color == "" {
			return
		}
		if !hexColor.MatchString(color) {
			out = append(out, problem{key: []string{"brand", key}, msg: fmt.Sprintf("brand.%s %q is not a colour; write it as #rrggbb, such as #0b5cad", key, color)})
			return
		}
		if c := contrast(color, page); c < minContrast {
			out = append(out, problem{key: []string{"brand", key}, msg: fmt.Sprintf("brand.%s %s has a contrast of %.1f:1 against the %s page; links need %.1f:1, so pick a %s colour", key, color, c, scheme, minContrast, map[string]string{"light": "darker", "dark": "lighter"}[scheme])})
		}
	}
	check("color", b.Color, lightPage, "light")
	check("color_dark", b.ColorDark, darkPage, "dark")
	if b.Logo != "" && (!strings.HasPrefix(b.Logo, "/") || strings.Contains(b.Logo, "..")) {
		out = append(out, problem{key: []string{"brand", "logo"}, msg: fmt.Sprintf("brand.logo %q must be a path from the site root, such as /images/logo.svg (a file of static/)", b.Logo)})
	}
	if b.Font != "" {
		if _, ok := fonts.Lookup(b.Font); !ok {
			out = append(out, problem{key: []string{"brand", "font"}, msg: fmt.Sprintf("brand.font %q is not a font blogen embeds; choose one of %s, or leave it out for the reader's system font", b.Font, strings.Join(fonts.Names(), ", "))})
		}
	}
	return out
}

// contrast is the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is the WCAG relative luminance of a #rrggbb colour.
func luminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}
