package render

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/images"
)

// ImageFile is a raster file of static/ that pages may show.
type ImageFile struct {
	Path string // output path, "images/a.jpg"
	FS   fs.FS
	Src  string // path within FS, "static/images/a.jpg"
}

// imageSource is one raster image of the site: a file of static/ or of a
// page bundle, published at out.
type imageSource struct {
	out  string // output path of the original
	fsys fs.FS
	src  string

	once sync.Once
	meta imageMeta
	err  error
	// broken is set when the image's header reads but its pixels do
	// not decode: pages then show it as it is, without copies.
	broken atomic.Bool
	// avatar and logo are the image fitted for cards as an avatar and
	// as a logo, each made once, when first asked for.
	avatar, logo func() image.Image
}

// imageMeta is what a build learns of an image before making its copies.
type imageMeta struct {
	sum  [sha256.Size]byte
	info images.Info
	key  cache.Key // the ImageFileKey it is to be cached under, when read from the file
}

// imageSet is every raster image of a site, by output path, and what
// makes their copies and the site's social cards.
type imageSet struct {
	settings images.Settings
	// key is the part of every copy's and card's key that the settings
	// and the images package make.
	key   string
	byOut map[string]*imageSource
	list  []*imageSource // sorted by out
	// clashes are the images of static/ at the path of an image of a
	// page bundle, copied so that publish reports the clash.
	clashes []ImageFile
	ts      *images.Typesetter
	tsErr   error
	store   *cache.Store
	keep    func(cache.Key)
	warnings
}

func newImageSet(r *Renderer) *imageSet {
	c := r.site.Config.Images
	s := images.Settings{Widths: c.Widths, Quality: c.Quality, MaxPixels: c.MaxMegapixels * 1_000_000}
	// AVIF first, the smaller: browsers take the first source they show.
	for _, f := range []images.Format{images.AVIF, images.WebP} {
		if slices.Contains(c.Formats, string(f)) {
			s.Formats = append(s.Formats, f)
		}
	}
	is := &imageSet{settings: s, byOut: map[string]*imageSource{}, store: r.opts.Cache, keep: r.keep,
		key: fmt.Sprintf("%s q%d", images.Version, s.Quality)}
	for out, src := range r.bundles {
		if images.IsRaster(out) {
			is.add(&imageSource{out: out, fsys: r.opts.Content, src: src})
		}
	}
	for _, f := range r.opts.Images {
		if _, ok := is.byOut[f.Path]; ok {
			is.clashes = append(is.clashes, f)
			continue
		}
		is.add(&imageSource{out: f.Path, fsys: f.FS, src: f.Src})
	}
	slices.SortFunc(is.list, func(a, b *imageSource) int { return strings.Compare(a.out, b.out) })
	is.ts, is.tsErr = images.NewTypesetter()
	return is
}

func (is *imageSet) add(s *imageSource) {
	s.avatar = sync.OnceValue(func() image.Image { return is.fit(s, images.FitAvatar) })
	s.logo = sync.OnceValue(func() image.Image { return is.fit(s, images.FitLogo) })
	is.byOut[s.out] = s
	is.list = append(is.list, s)
}

// source returns the image published at the site path p ("/images/a.jpg"),
// or nil when p is no raster image of the site.
func (is *imageSet) source(p string) *imageSource {
	if p == "" || strings.Contains(p, "://") || strings.HasPrefix(p, "//") {
		return nil
	}
	return is.byOut[strings.TrimPrefix(path.Clean("/"+p), "/")]
}

// metaOf returns the SHA-256 and header of an image, once per render,
// from the cache when the file's state (cache.FileState) is as recorded.
func (is *imageSet) metaOf(s *imageSource) (imageMeta, error) {
	s.once.Do(func() { s.meta, s.err = is.readMeta(s) })
	if s.err == nil && s.broken.Load() {
		return s.meta, errBroken
	}
	return s.meta, s.err
}

// errBroken is the error of an image whose pixels do not decode, which
// writeCopies has reported.
var errBroken = errors.New("the image does not decode")

func (is *imageSet) readMeta(s *imageSource) (imageMeta, error) {
	st, err := fs.Stat(s.fsys, s.src)
	if err != nil {
		return imageMeta{}, fmt.Errorf("%s: %w", s.src, err)
	}
	state := cache.StateOf(st)
	key := cache.ImageFileKey(s.src, state)
	if is.store != nil {
		is.keep(key)
		if b, ok := is.store.Get(key); ok {
			if m, ok := decodeMeta(b); ok {
				return m, nil
			}
		}
	}
	data, err := fs.ReadFile(s.fsys, s.src)
	if err != nil {
		return imageMeta{}, fmt.Errorf("%s: %w", s.src, err)
	}
	info, err := images.Probe(data, is.settings.MaxPixels)
	if err != nil {
		return imageMeta{}, fmt.Errorf("%s: %w; it is published as it is", s.src, err)
	}
	m := imageMeta{sum: sha256.Sum256(data), info: info}
	if state.SettledAt(time.Now().UnixNano()) {
		m.key = key // else the file may change again without its state changing
	}
	return m, nil
}

// remember keeps what was learnt of an image for the next build, once its
// copies are made: an image whose pixels do not decode is read again.
func (is *imageSet) remember(m imageMeta) {
	if is.store != nil && m.key != (cache.Key{}) {
		is.store.Put(m.key, encodeMeta(m))
	}
}

// encodeMeta writes m as the SHA-256 then "format width height
// orientation animated".
func encodeMeta(m imageMeta) []byte {
	in := m.info
	return fmt.Appendf(m.sum[:len(m.sum):len(m.sum)], "%s %d %d %d %t", in.Format, in.Width, in.Height, in.Orientation, in.Animated)
}

func decodeMeta(b []byte) (imageMeta, bool) {
	var m imageMeta
	if len(b) <= len(m.sum) {
		return m, false
	}
	copy(m.sum[:], b)
	f := strings.Fields(string(b[len(m.sum):]))
	if len(f) != 5 {
		return m, false
	}
	m.info.Format = images.Format(f[0])
	var errs [4]error
	m.info.Width, errs[0] = strconv.Atoi(f[1])
	m.info.Height, errs[1] = strconv.Atoi(f[2])
	m.info.Orientation, errs[2] = strconv.Atoi(f[3])
	m.info.Animated, errs[3] = strconv.ParseBool(f[4])
	for _, err := range errs {
		if err != nil {
			return m, false
		}
	}
	return m, m.info.Width > 0 && m.info.Height > 0
}

// copyPath is the output path of copy c of the image at out:
// "a/photo.jpg" gives "a/photo-800w.webp".
func copyPath(out string, c images.Copy) string {
	return strings.TrimSuffix(out, path.Ext(out)) + "-" + strconv.Itoa(c.Width) + "w" + c.Format.Ext()
}

// copyKey is the cache key of copy c of an image.
func (is *imageSet) copyKey(m imageMeta, c images.Copy) cache.Key {
	return cache.ImageCopyKey(m.sum, strconv.Itoa(c.Width)+" "+string(c.Format), is.key)
}

// decode reads and decodes an image's pixels.
func (is *imageSet) decode(s *imageSource) (image.Image, images.Info, error) {
	data, err := fs.ReadFile(s.fsys, s.src)
	if err != nil {
		return nil, images.Info{}, fmt.Errorf("%s: %w", s.src, err)
	}
	img, info, err := images.Decode(data, is.settings.MaxPixels)
	if err != nil {
		return nil, images.Info{}, fmt.Errorf("%s: %w", s.src, err)
	}
	return img, info, nil
}

// writeCopies makes the copies of an image that neither the previous
// build's output nor the cache holds, decoding it at most once. An image
// that cannot be read is reported and published as it is.
func (r *Renderer) writeCopies(s *imageSource, sink Sink) error {
	is := r.images
	m, err := is.metaOf(s)
	if err != nil {
		is.warn(err.Error())
		return nil
	}
	var todo []images.Copy
	for _, c := range is.settings.Copies(m.info) {
		done, err := r.reuseImage(sink, copyPath(s.out, c), is.copyKey(m, c))
		if err != nil {
			return err
		}
		if !done {
			todo = append(todo, c)
		}
	}
	if len(todo) == 0 {
		is.remember(m)
		return nil
	}
	img, info, err := is.decode(s)
	if err != nil {
		s.broken.Store(true)
		is.warn(err.Error() + "; it is published as it is")
		return nil
	}
	files, _, err := images.Make(img, info, todo, is.settings.Quality)
	if err != nil {
		return fmt.Errorf("%s: %w", s.src, err)
	}
	is.remember(m)
	for i, c := range todo {
		key := is.copyKey(m, c)
		if is.store != nil {
			is.store.Put(key, files[i])
		}
		if err := writeImage(sink, copyPath(s.out, c), files[i], key); err != nil {
			return err
		}
	}
	return nil
}

// writeOriginal publishes an image at its own path stripped of its
// metadata (images.Strip), or as it is when it is in no format blogen
// reads. It is kept from the previous build or the cache by the image's
// SHA-256 when the image's header reads.
func (r *Renderer) writeOriginal(s *imageSource, sink Sink) error {
	is := r.images
	var key cache.Key
	if m, err := is.metaOf(s); err == nil || errors.Is(err, errBroken) {
		key = cache.ImageOriginalKey(m.sum, images.Version)
		if done, err := r.reuseImage(sink, s.out, key); done || err != nil {
			return err
		}
	}
	data, err := fs.ReadFile(s.fsys, s.src)
	if err != nil {
		return diag.Locate(s.src, 0, err, "cannot read the image")
	}
	out, err := images.Strip(data)
	if err != nil {
		return sink.Copy(s.out, s.fsys, s.src)
	}
	if key == (cache.Key{}) {
		return sink.Write(s.out, out)
	}
	if is.store != nil {
		is.store.Put(key, out)
	}
	return writeImage(sink, s.out, out, key)
}

// writeImages publishes every original without its metadata and makes
// every copy, then every social card (which know then which images do
// not decode), on the worker pool, one image at a time on each worker.
func (r *Renderer) writeImages(ctx context.Context, sink Sink) error {
	var errs diag.List
	var mu sync.Mutex
	each := func(n int, fn func(i int) error) error {
		return r.pool(ctx, n, func(i int) {
			if err := fn(i); err != nil {
				mu.Lock()
				errs.Add(err)
				mu.Unlock()
			}
		})
	}
	list := r.images.list
	err := each(len(list), func(i int) error {
		if err := r.writeOriginal(list[i], sink); err != nil {
			return err
		}
		return r.writeCopies(list[i], sink)
	})
	if err != nil {
		return err
	}
	for _, f := range r.images.clashes {
		if err := sink.Copy(f.Path, f.FS, f.Src); err != nil {
			errs.Add(diag.Locate(f.Src, 0, err, "cannot copy the static file"))
		}
	}
	cards := r.allCards()
	if err := each(len(cards), func(i int) error { return r.writeCard(cards[i], sink) }); err != nil {
		return err
	}
	return errs.Err()
}

// copyOf returns the source and copy of the output path p of a copy, for
// serve, which makes files as they are asked for.
func (r *Renderer) copyOf(p string) (*imageSource, images.Copy, bool) {
	ext := pathExt(p)
	stem := strings.TrimSuffix(p, ext)
	i := strings.LastIndexByte(stem, '-')
	if i < 0 || !strings.HasSuffix(stem, "w") {
		return nil, images.Copy{}, false
	}
	w, err := strconv.Atoi(stem[i+1 : len(stem)-1])
	if err != nil {
		return nil, images.Copy{}, false
	}
	for _, s := range r.images.list {
		if strings.TrimSuffix(s.out, pathExt(s.out)) != stem[:i] {
			continue
		}
		m, err := r.images.metaOf(s)
		if err != nil {
			return nil, images.Copy{}, false
		}
		for _, c := range r.images.settings.Copies(m.info) {
			if c.Width == w && c.Format.Ext() == ext {
				return s, c, true
			}
		}
	}
	return nil, images.Copy{}, false
}

// imageOutput makes the copy or card at output path p on demand, for
// serve; ok is false when p is neither.
func (r *Renderer) imageOutput(p string) (data []byte, ok bool, err error) {
	sink := &memorySink{}
	if s := r.images.byOut[p]; s != nil {
		err := r.writeOriginal(s, sink)
		return sink.data, true, err
	}
	if s, c, found := r.copyOf(p); found {
		m, _ := r.images.metaOf(s)
		if done, err := r.reuseImage(sink, p, r.images.copyKey(m, c)); done || err != nil {
			return sink.data, true, err
		}
		img, info, err := r.images.decode(s)
		if err != nil {
			return nil, true, err
		}
		files, _, err := images.Make(img, info, []images.Copy{c}, r.images.settings.Quality)
		if err != nil {
			return nil, true, err
		}
		if r.images.store != nil {
			r.images.store.Put(r.images.copyKey(m, c), files[0])
		}
		return files[0], true, nil
	}
	if !strings.HasSuffix(p, "card.png") && !strings.HasSuffix(p, "card.jpg") {
		return nil, false, nil
	}
	for _, c := range r.allCards() {
		if c.path == p {
			err := r.writeCard(c, sink)
			return sink.data, true, err
		}
	}
	return nil, false, nil
}

// memorySink keeps the one file written to it.
type memorySink struct{ data []byte }

func (m *memorySink) Write(_ string, data []byte) error { m.data = data; return nil }

func (m *memorySink) Copy(_ string, fsys fs.FS, src string) (err error) {
	m.data, err = fs.ReadFile(fsys, src)
	return err
}
