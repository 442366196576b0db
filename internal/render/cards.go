package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/site"
)

// siteCardPath is the card of the pages that are about no one post or
// page: the home page, lists, terms.
const siteCardPath = "card.png"

// cardSpec is what one social card is made of: the crop of a post's
// image, or a card drawn with its title.
type cardSpec struct {
	path   string // output path
	file   string // the content file it is for, for warnings
	photo  *imageSource
	focus  images.Focus
	title  string
	author string
	avatar *imageSource
	alt    string
}

// cardBase is the output path of the card of the page at url, without
// its extension: "a/b/card" for "/a/b/", "a/b-card" for "/a/b.html".
func cardBase(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "card"
	}
	return strings.TrimSuffix(p, pathExt(p)) + "-card"
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i > strings.LastIndexByte(p, '/') {
		return p[i:]
	}
	return ""
}

// postCard is the card of a post: its image cropped around its focus
// when it has a raster image of the site, else drawn.
func (r *Renderer) postCard(p *site.Post) cardSpec {
	c := cardSpec{file: p.Source, title: p.Title, alt: p.Title}
	if len(p.Authors) > 0 {
		a := p.Authors[0]
		c.author, c.avatar = a.Name, r.images.source(a.Avatar)
	}
	if s := r.images.source(imageSitePath(p)); s != nil {
		if m, err := r.images.metaOf(s); err == nil {
			c.photo, c.focus = s, images.Centre
			if p.ImageFocus != nil {
				c.focus = *p.ImageFocus
			}
			if p.ImageAlt != "" {
				c.alt = p.ImageAlt
			}
			c.path = cardBase(p.URL) + photoCardFormat(m.info.Format).Ext()
			return c
		}
	}
	c.path = cardBase(p.URL) + ".png"
	return c
}

// imageSitePath is the site path of a post's image.
func imageSitePath(p *site.Post) string { return pagedata.ImagePath(p) }

// photoCardFormat is JPEG for a photo, PNG for an image that may be
// transparent.
func photoCardFormat(f images.Format) images.Format {
	if f == images.JPEG || f == images.WebP {
		return images.JPEG
	}
	return images.PNG
}

// cardOf returns the card of a page.
func (r *Renderer) cardOf(p *pagedata.Page) cardSpec {
	switch {
	case p.Post != nil && p.Kind == "post":
		return r.postCard(p.Post)
	case p.Page != nil && p.Kind == "page":
		return cardSpec{path: cardBase(p.Page.URL) + ".png", file: p.Page.Source, title: p.Page.Title, alt: p.Page.Title}
	}
	return r.siteCard()
}

func (r *Renderer) siteCard() cardSpec {
	cfg := r.site.Config
	title := cfg.Description
	if title == "" {
		title = cfg.Title
	}
	return cardSpec{path: siteCardPath, file: "site.toml", title: title, alt: cfg.Title}
}

// allCards lists the card of every post, every page and the site.
func (r *Renderer) allCards() []cardSpec {
	out := make([]cardSpec, 0, len(r.site.Posts)+len(r.site.Pages)+1)
	for _, p := range r.site.Posts {
		c := r.postCard(p)
		if img := imageSitePath(p); c.photo == nil && images.IsRaster(img) && !strings.Contains(img, "//") && r.images.source(img) == nil {
			r.images.warn(fmt.Sprintf("%s: image %q is no file of static/ or of the post's bundle; its social card is drawn instead", p.Source, p.Image))
		}
		out = append(out, c)
	}
	for _, p := range r.site.Pages {
		out = append(out, r.cardOf(&pagedata.Page{Kind: "page", Page: p}))
	}
	return append(out, r.siteCard())
}

// writeCard makes a card, or keeps the one made from the same inputs.
func (r *Renderer) writeCard(c cardSpec, sink Sink) error {
	key, err := r.cardKey(c)
	if err != nil {
		return err
	}
	if done, err := r.reuseImage(sink, c.path, key); done || err != nil {
		return err
	}
	b, err := r.makeCard(c)
	if err != nil {
		return err
	}
	if r.opts.Cache != nil {
		r.opts.Cache.Put(key, b)
	}
	return writeImage(sink, c.path, b, key)
}

// cardKey names everything card c is made from.
func (r *Renderer) cardKey(c cardSpec) (cache.Key, error) {
	is := r.images
	if c.photo != nil {
		m, err := is.metaOf(c.photo)
		if err != nil {
			return cache.Key{}, err
		}
		return cache.PhotoCardKey(m.sum, c.focus.String(), is.key), nil
	}
	cfg := r.site.Config
	return cache.DrawnCardKey([]string{c.title, c.author, cfg.Title, cfg.Brand.CardColor()},
		is.sumOf(c.avatar), is.sumOf(is.source(cfg.Brand.Logo)), is.key), nil
}

// sumOf is the SHA-256 of an image, or zero for none or one that cannot
// be read (which is then not drawn).
func (is *imageSet) sumOf(s *imageSource) [sha256.Size]byte {
	if s == nil {
		return [sha256.Size]byte{}
	}
	m, err := is.metaOf(s)
	if err != nil {
		return [sha256.Size]byte{}
	}
	return m.sum
}

// makeCard draws or crops a card and encodes it.
func (r *Renderer) makeCard(c cardSpec) ([]byte, error) {
	is := r.images
	if c.photo != nil {
		img, info, err := is.decode(c.photo)
		if err != nil {
			return nil, err
		}
		card := images.CoverDecoded(img, info, c.focus, images.CardWidth, images.CardHeight)
		return images.Encode(card, photoCardFormat(info.Format), is.settings.Quality)
	}
	if is.tsErr != nil {
		return nil, is.tsErr
	}
	cfg := r.site.Config
	card := images.Card{Title: c.title, Author: c.author, Site: cfg.Title, Color: brandColor(cfg.Brand.CardColor()),
		Avatar: fittedAvatar(c.avatar), Logo: fittedLogo(is.source(cfg.Brand.Logo))}
	if missing := is.ts.Missing(c.title); len(missing) > 0 {
		is.warn(fmt.Sprintf("%s: the social card is drawn without the title %q: its font has no %q; give the post an image",
			c.file, c.title, string(missing)))
	}
	img, err := is.ts.Draw(card)
	if err != nil {
		return nil, err
	}
	return images.Encode(img, images.PNG, is.settings.Quality)
}

// fittedAvatar is the image of s fitted as an avatar, or nil for none.
func fittedAvatar(s *imageSource) image.Image {
	if s == nil {
		return nil
	}
	return s.avatar()
}

// fittedLogo is the image of s fitted as a logo, or nil for none.
func fittedLogo(s *imageSource) image.Image {
	if s == nil {
		return nil
	}
	return s.logo()
}

// fit decodes an image, turns it upright and fits it by fn
// (images.FitAvatar, images.FitLogo), or returns nil when it cannot be
// read.
func (is *imageSet) fit(s *imageSource, fn func(image.Image) image.Image) image.Image {
	img, info, err := is.decode(s)
	if err != nil {
		return nil
	}
	return fn(images.Upright(img, info))
}

// brandColor reads "#rrggbb", which config has checked.
func brandColor(s string) color.NRGBA {
	v, _ := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// reuseImage keeps the previous build's file at p when it was made from
// key, or writes it from the cache; it reports whether it did either.
func (r *Renderer) reuseImage(sink Sink, p string, key cache.Key) (bool, error) {
	if r.opts.Cache != nil {
		r.keep(key)
	}
	if k, ok := sink.(KeepingSink); ok && k.Reuse(p, cache.Output{Source: key}) {
		return true, nil
	}
	if r.opts.Cache != nil {
		if b, ok := r.opts.Cache.Get(key); ok {
			return true, writeImage(sink, p, b, key)
		}
	}
	return false, nil
}

// writeImage writes an image file made from key.
func writeImage(sink Sink, p string, b []byte, key cache.Key) error {
	if k, ok := sink.(KeepingSink); ok {
		return k.WriteFrom(p, b, cache.Output{Source: key})
	}
	return sink.Write(p, bytes.Clone(b))
}

// warnings collects what a render says of images without failing.
type warnings struct {
	mu   sync.Mutex
	list []string
}

func (w *warnings) warn(s string) {
	w.mu.Lock()
	if !slices.Contains(w.list, s) {
		w.list = append(w.list, s)
	}
	w.mu.Unlock()
}

// sorted returns the warnings in order.
func (w *warnings) sorted() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Sorted(slices.Values(w.list))
}
