package images

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"sync"
	"unicode"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Card is what a drawn social card shows.
type Card struct {
	Title  string
	Author string      // the author's name, or ""
	Avatar image.Image // the author's picture, upright, or nil
	Site   string      // the site's name
	Logo   image.Image // the site's logo, upright, or nil
	Color  color.NRGBA // the brand colour, the card's background
	// NoTitle leaves the title out, for a test to compare against.
	NoTitle bool
}

// Typesetter draws social cards with the Go fonts (a BSD licence, shipped
// in golang.org/x/image). It is safe for concurrent use.
type Typesetter struct {
	regular, bold *sfnt.Font
	// canvases are the RGBA images cards are drawn on before they are
	// put in their palette, one per card being drawn.
	canvases sync.Pool
	// disc is the mask avatars are drawn through.
	disc *image.Alpha
}

// NewTypesetter parses the fonts cards are set in.
func NewTypesetter() (*Typesetter, error) {
	r, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("images: the Go regular font: %w", err)
	}
	b, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("images: the Go bold font: %w", err)
	}
	t := &Typesetter{regular: r, bold: b, disc: circle(avatarSize)}
	t.canvases.New = func() any { return image.NewRGBA(image.Rect(0, 0, CardWidth, CardHeight)) }
	return t, nil
}

// The card's layout, in pixels.
const (
	cardMargin    = 72
	avatarSize    = 96
	titleMaxLines = 4
	titleMaxSize  = 72
	titleMinSize  = 36
)

// Missing returns the characters of s the card's fonts have no glyph
// for, each once, in order; a title with any is drawn without its title.
func (t *Typesetter) Missing(s string) []rune {
	var buf sfnt.Buffer
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune(string(out), r) {
			continue
		}
		if i, err := t.bold.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return out
}

// Draw draws card c at CardWidth x CardHeight. The title is wrapped and
// set smaller until it fits; one the fonts cannot show (Missing) is left
// out. The card is returned in a palette (cardPalette): it is flat colour
// and text, which a paletted PNG holds in a fraction of the bytes and the
// time of a true-colour one.
func (t *Typesetter) Draw(c Card) (*image.Paletted, error) {
	// An opaque RGBA canvas: image/draw fills it and draws glyphs on it
	// by its fast paths.
	img := t.canvases.Get().(*image.RGBA)
	defer t.canvases.Put(img)
	draw.Draw(img, img.Bounds(), image.NewUniform(c.Color), image.Point{}, draw.Src)
	ink := inkOn(c.Color)
	src := image.NewUniform(ink)
	var pictures []image.Rectangle
	x := cardMargin
	if c.Logo != nil {
		pictures = append(pictures, drawFitted(img, c.Logo, image.Rect(cardMargin, cardMargin-8, cardMargin+logoSize, cardMargin+logoSize-8)))
		x += 72
	}
	if err := t.line(img, src, t.bold, 36, x, cardMargin+36, c.Site); err != nil {
		return nil, err
	}
	if !c.NoTitle && len(t.Missing(c.Title)) == 0 {
		if err := t.title(img, src, c.Title); err != nil {
			return nil, err
		}
	}
	avatar, err := t.byline(img, src, c)
	if err != nil {
		return nil, err
	}
	if !avatar.Empty() {
		pictures = append(pictures, avatar)
	}
	return quantize(img, c.Color, ink, pictures), nil
}

// TitleArea is the part of a card the title is drawn in; nothing else
// is.
func TitleArea() image.Rectangle {
	return image.Rect(cardMargin, cardMargin+80, CardWidth-cardMargin, CardHeight-cardMargin-avatarSize-24)
}

// title sets the title in the middle band of the card, as large as fits.
func (t *Typesetter) title(img *image.RGBA, ink image.Image, title string) error {
	top, bottom := TitleArea().Min.Y, TitleArea().Max.Y
	width := TitleArea().Dx()
	for size := titleMaxSize; ; size -= 4 {
		face, err := opentype.NewFace(t.bold, &opentype.FaceOptions{Size: float64(size), DPI: 72})
		if err != nil {
			return fmt.Errorf("images: the title face: %w", err)
		}
		lead := size * 5 / 4
		lines := wrap(face, title, width)
		fits := len(lines) <= titleMaxLines && len(lines)*lead <= bottom-top
		if fits || size <= titleMinSize {
			lines = lines[:min(len(lines), max(1, (bottom-top)/lead))]
			d := font.Drawer{Dst: img, Src: ink, Face: face}
			for i, l := range lines {
				d.Dot = fixed.P(cardMargin, top+size+i*lead)
				d.DrawString(l)
			}
			return face.Close()
		}
		face.Close()
	}
}

// byline draws the author's avatar and name at the bottom of the card,
// and returns where the avatar is.
func (t *Typesetter) byline(img *image.RGBA, ink image.Image, c Card) (image.Rectangle, error) {
	if c.Author == "" {
		return image.Rectangle{}, nil
	}
	y := CardHeight - cardMargin - avatarSize
	x := cardMargin
	var at image.Rectangle
	if c.Avatar != nil {
		at = image.Rect(x, y, x+avatarSize, y+avatarSize)
		t.drawCircle(img, c.Avatar, at)
		x += avatarSize + 24
	}
	return at, t.line(img, ink, t.regular, 36, x, y+avatarSize/2+12, c.Author)
}

// line draws one line of text at (x, baseline), cut short with an
// ellipsis when it would pass the right margin.
func (t *Typesetter) line(img *image.RGBA, ink image.Image, f *sfnt.Font, size, x, baseline int, s string) error {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size), DPI: 72})
	if err != nil {
		return fmt.Errorf("images: a face of %dpx: %w", size, err)
	}
	defer face.Close()
	d := font.Drawer{Dst: img, Src: ink, Face: face, Dot: fixed.P(x, baseline)}
	d.DrawString(ellipsize(face, s, CardWidth-cardMargin-x))
	return nil
}

// wrap breaks s into lines no wider than width, at spaces; a word wider
// than a line is cut.
func wrap(face font.Face, s string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := strings.TrimSpace(cur + " " + w)
		if cur != "" && font.MeasureString(face, try).Ceil() > width {
			lines = append(lines, cur)
			try = w
		}
		cur = ellipsize(face, try, width)
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// ellipsize cuts s, ending it with an ellipsis, until it is no wider than
// width.
func ellipsize(face font.Face, s string, width int) string {
	if font.MeasureString(face, s).Ceil() <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(face, string(r)+"…").Ceil() > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// inkOn is white on a dark background and near-black on a light one.
func inkOn(bg color.NRGBA) color.NRGBA {
	lum := 299*int(bg.R) + 587*int(bg.G) + 114*int(bg.B)
	if lum > 150_000 {
		return color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
	}
	return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
}

// logoSize is the side of the square the site's logo is fitted in.
const logoSize = 56

// FitLogo returns a logo scaled to fit the card's logo box, keeping its
// aspect, or logo itself when it fits already: a build fits its logo once
// for all its cards.
func FitLogo(logo image.Image) image.Image {
	b := logo.Bounds()
	w, h := logoSize, logoSize
	if b.Dx()*h > b.Dy()*w {
		h = max(1, b.Dy()*w/b.Dx())
	} else {
		w = max(1, b.Dx()*h/b.Dy())
	}
	if b.Dx() == w && b.Dy() == h {
		return logo
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), logo, b, draw.Src, nil)
	return dst
}

// FitAvatar returns an avatar cropped to a square around its centre and
// scaled to the card's avatar size, or avatar itself when it is so
// already: a build fits each author's avatar once for all their cards.
func FitAvatar(avatar image.Image) image.Image {
	if b := avatar.Bounds(); b.Dx() == avatarSize && b.Dy() == avatarSize {
		return avatar
	}
	return Cover(avatar, Centre, avatarSize, avatarSize)
}

// drawFitted draws the logo fitted (FitLogo) and centred in r, and
// returns where it went.
func drawFitted(dst *image.RGBA, logo image.Image, r image.Rectangle) image.Rectangle {
	src := FitLogo(logo)
	b := src.Bounds()
	at := image.Rectangle{Max: b.Size()}.Add(r.Min).Add(image.Pt((r.Dx()-b.Dx())/2, (r.Dy()-b.Dy())/2))
	draw.Draw(dst, at, src, b.Min, draw.Over)
	return at
}

// drawCircle draws the avatar fitted (FitAvatar) into r, masked to a
// disc.
func (t *Typesetter) drawCircle(dst *image.RGBA, avatar image.Image, r image.Rectangle) {
	src := FitAvatar(avatar)
	draw.DrawMask(dst, r, src, src.Bounds().Min, t.disc, image.Point{}, draw.Over)
}

// circle is an alpha mask of a disc of diameter d.
func circle(d int) *image.Alpha {
	m := image.NewAlpha(image.Rect(0, 0, d, d))
	c := float64(d-1) / 2
	for y := range d {
		for x := range d {
			dx, dy := float64(x)-c, float64(y)-c
			if dx*dx+dy*dy <= c*c {
				m.SetAlpha(x, y, color.Alpha{A: 0xff})
			}
		}
	}
	return m
}

// cardShades is how many shades from the background to the ink a card's
// palette has, for the edges of letters: steps of about 6 in 255, which
// no eye tells from the 256 the canvas had.
const cardShades = 40

// cubeLevels is the number of levels of each channel in the colour cube
// of a card's palette, in which pictures are dithered: 6, 216 colours,
// the web-safe cube, which leaves room for the shades.
const cubeLevels = 6

// cardPalette is the palette of a card on bg in ink: the shades from one
// to the other, then a colour cube of cubeLevels a channel, red first, in
// which pictures (the avatar, the logo) are dithered.
func cardPalette(bg, ink color.NRGBA) color.Palette {
	p := make(color.Palette, 0, cardShades+cubeLevels*cubeLevels*cubeLevels)
	for i := range cardShades {
		mix := func(a, b uint8) uint8 {
			return uint8((int(a)*(cardShades-1-i) + int(b)*i + (cardShades-1)/2) / (cardShades - 1))
		}
		p = append(p, color.NRGBA{R: mix(bg.R, ink.R), G: mix(bg.G, ink.G), B: mix(bg.B, ink.B), A: 0xff})
	}
	step := 255 / (cubeLevels - 1)
	for r := range cubeLevels {
		for g := range cubeLevels {
			for b := range cubeLevels {
				p = append(p, color.NRGBA{R: uint8(r * step), G: uint8(g * step), B: uint8(b * step), A: 0xff})
			}
		}
	}
	return p
}

// quantize puts a card drawn on bg in ink into cardPalette: every pixel
// outside pictures is a mix of the two, read off the channel in which
// they differ most; pictures are dithered (Floyd-Steinberg).
func quantize(img *image.RGBA, bg, ink color.NRGBA, pictures []image.Rectangle) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), cardPalette(bg, ink))
	bgc, inkc := [3]int{int(bg.R), int(bg.G), int(bg.B)}, [3]int{int(ink.R), int(ink.G), int(ink.B)}
	ch := 0
	for i := range 3 {
		if abs(inkc[i]-bgc[i]) > abs(inkc[ch]-bgc[ch]) {
			ch = i
		}
	}
	from, span := bgc[ch], inkc[ch]-bgc[ch]
	if span != 0 {
		var shade [256]uint8 // the palette index of each value of the channel
		for v := range shade {
			k := ((v-from)*(cardShades-1)*2 + span) / (2 * span)
			if (v-from)*span < 0 { // beyond the background
				k = 0
			}
			shade[v] = uint8(min(k, cardShades-1))
		}
		for i, j := ch, 0; j < len(out.Pix); i, j = i+4, j+1 {
			out.Pix[j] = shade[img.Pix[i]]
		}
	}
	for _, r := range pictures {
		dither(out, img, r, bg)
	}
	return out
}

// dither puts the pixels of img within r into the colour cube of out's
// palette, spreading each pixel's error to the next ones (Floyd and
// Steinberg's weights); a pixel of the background colour bg, around a
// round avatar or a logo, stays that colour.
func dither(out *image.Paletted, img *image.RGBA, r image.Rectangle, bg color.NRGBA) {
	step := int32(255 / (cubeLevels - 1))
	// Errors of this row and the next, times 16, one pixel of margin
	// on either side.
	cur, next := make([][3]int32, r.Dx()+2), make([][3]int32, r.Dx()+2)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i, px := x-r.Min.X+1, img.Pix[img.PixOffset(x, y):]
			if px[0] == bg.R && px[1] == bg.G && px[2] == bg.B {
				out.Pix[out.PixOffset(x, y)] = 0
				continue
			}
			idx := int32(0)
			for c := range 3 {
				v := min(max(int32(px[c])+cur[i][c]/16, 0), 255)
				level := (v + step/2) / step
				e := v - level*step
				cur[i+1][c] += 7 * e
				next[i-1][c] += 3 * e
				next[i][c] += 5 * e
				next[i+1][c] += e
				idx = idx*cubeLevels + level
			}
			out.Pix[out.PixOffset(x, y)] = uint8(cardShades + idx)
		}
		cur, next = next, cur
		clear(next)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
