package images

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
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
	return &Typesetter{regular: r, bold: b}, nil
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
// out.
func (t *Typesetter) Draw(c Card) (*image.RGBA, error) {
	// An opaque RGBA canvas: image/draw fills it and draws glyphs on it
	// by its fast paths.
	img := image.NewRGBA(image.Rect(0, 0, CardWidth, CardHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(c.Color), image.Point{}, draw.Src)
	ink := image.NewUniform(inkOn(c.Color))
	x := cardMargin
	if c.Logo != nil {
		drawFitted(img, c.Logo, image.Rect(cardMargin, cardMargin-8, cardMargin+56, cardMargin+48))
		x += 72
	}
	if err := t.line(img, ink, t.bold, 36, x, cardMargin+36, c.Site); err != nil {
		return nil, err
	}
	if !c.NoTitle && len(t.Missing(c.Title)) == 0 {
		if err := t.title(img, ink, c.Title); err != nil {
			return nil, err
		}
	}
	return img, t.byline(img, ink, c)
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

// byline draws the author's avatar and name at the bottom of the card.
func (t *Typesetter) byline(img *image.RGBA, ink image.Image, c Card) error {
	if c.Author == "" {
		return nil
	}
	y := CardHeight - cardMargin - avatarSize
	x := cardMargin
	if c.Avatar != nil {
		drawCircle(img, c.Avatar, image.Rect(x, y, x+avatarSize, y+avatarSize))
		x += avatarSize + 24
	}
	return t.line(img, ink, t.regular, 36, x, y+avatarSize/2+12, c.Author)
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

// drawFitted scales src into r, keeping its aspect, centred.
func drawFitted(dst *image.RGBA, src image.Image, r image.Rectangle) {
	b := src.Bounds()
	w, h := r.Dx(), r.Dy()
	if b.Dx()*h > b.Dy()*w {
		h = max(1, b.Dy()*w/b.Dx())
	} else {
		w = max(1, b.Dx()*h/b.Dy())
	}
	at := image.Rect(0, 0, w, h).Add(r.Min).Add(image.Pt((r.Dx()-w)/2, (r.Dy()-h)/2))
	xdraw.CatmullRom.Scale(dst, at, src, b, draw.Over, nil)
}

// drawCircle draws src cropped to a square around its centre, scaled
// into r and masked to a circle.
func drawCircle(dst *image.RGBA, src image.Image, r image.Rectangle) {
	sq := Cover(src, Centre, r.Dx(), r.Dy())
	draw.DrawMask(dst, r, sq, image.Point{}, circle(r.Dx()), image.Point{}, draw.Over)
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
