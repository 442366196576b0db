package pagedata

import "github.com/blogen/blogen/internal/site"

// Picture is a raster image of the site with its resized copies, for a
// <picture> element: the copies in the format every browser shows (Src,
// Srcset) and in the other formats (Sources), and the size of the image.
type Picture struct {
	Src    string // the widest copy, in the fallback format
	Srcset string // "a-480w.jpg 480w, a-800w.jpg 800w"
	Type   string // the fallback's media type, "image/jpeg"
	// Width and Height are the upright size of the widest copy.
	Width, Height int
	Sources       []PictureSource
}

// PictureSource is one <source> of a Picture: its copies in one format.
type PictureSource struct {
	Type   string // "image/webp"
	Srcset string
}

// Card is a page's social card, for og:image: an image of the site
// 1200x630 pixels.
type Card struct {
	URL           string // absolute
	Width, Height int
	Alt           string
}

// Picture returns the copies of the image at the site path p
// ("/images/a.jpg", as a post's image or an author's avatar is written),
// or nil when p is not a raster image of the site (an SVG, an image on
// another host, a missing file): show it as an <img> then.
func (p *Page) Picture(path string) *Picture { return p.src.Picture(path) }

// Card returns the page's social card.
func (p *Page) Card() *Card { return p.src.Card(p) }

// ImagePath is the site path of a post's image ("/2013/06/a/photo.jpg",
// "/images/b.png"), a URL of another host, or "".
func (p *Page) ImagePath(post *site.Post) string { return ImagePath(post) }

// ImagePath is the site path of a post's image, as Page.ImagePath.
func ImagePath(post *site.Post) string { return imagePath(post) }
