// Package render turns the site graph into files.
//
// Site renders every output of a site on a bounded pool of goroutines: the
// post pages, newest first, with the pages of lists and the feeds among
// them, each soon after the pages of all its posts (the Markdown of posts
// gives the summaries the lists show), then pages, redirects, the sitemap
// and the rest.
// Results never depend on the order goroutines run in: each job writes
// only its own files and its own slot of pre-sized slices, so two builds
// of one site give the same bytes. Output goes to a Sink, which the
// publish stage provides; render never touches the file system itself.
//
// Post bodies are rendered, written and dropped: only summaries and word
// counts are kept, and full HTML only for the posts that some feed
// carries, until the last list page or feed that shows the post is
// written.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/htmltext"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/layout"
	"github.com/blogen/blogen/internal/markdown"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/site"
)

// Sink receives the outputs of a build. Paths are relative to the output
// folder, with forward slashes ("2013/06/slug/index.html"). Its methods
// are called from many goroutines at once.
type Sink interface {
	// Write stores one output file.
	Write(path string, data []byte) error
	// Copy stores the file src of fsys as path, unchanged.
	Copy(path string, fsys fs.FS, src string) error
}

// KeepingSink is a Sink that can keep an output of the previous build
// (publish.Dir with a manifest): one whose inputs are unchanged, which is
// then not made at all, or one made again from the same bytes, which is
// then neither minified nor written again.
type KeepingSink interface {
	Sink
	// Previous returns what the previous build recorded of path.
	Previous(path string) (cache.Output, bool)
	// Reuse keeps the previous output at path if it was made from the
	// same source as o, and records o.
	Reuse(path string, o cache.Output) bool
	// WriteFrom stores an output and records what it was made from.
	WriteFrom(path string, data []byte, o cache.Output) error
}

// Options tune a render.
type Options struct {
	Minify   bool
	Workers  int                   // 0 means one per CPU
	Progress func(done, total int) // called as outputs are done; may be nil
	// Content is the site's own files, for the files of page bundles.
	Content fs.FS
	// Cache, when set, keeps rendered Markdown between builds.
	Cache *cache.Store
	// MarkdownSettings describes the Markdown renderer's options; it is
	// part of every cache key.
	MarkdownSettings string
	// Images are the raster files of static/, whose copies are made
	// like those of the images of page bundles.
	Images []ImageFile
	// Graph, when not zero, is the key of everything outputs are made
	// from but the bodies of posts: the site graph, the templates, the
	// configuration and blogen itself. With a KeepingSink, an output of
	// the previous build with the same Graph, whose posts' bodies are
	// unchanged, is kept without being made.
	Graph cache.Key
	// Assets maps the theme's stylesheets and scripts ("theme/style.css")
	// to the names pages link instead, which carry a hash of their
	// content; nil links the plain names.
	Assets map[string]string
}

// Stats count what a render wrote.
type Stats struct {
	Posts, Pages, Lists, Feeds int
	// Kept counts the outputs kept from the previous build without being
	// made again (Options.Graph).
	Kept int
	// Warnings are the tags and shortcodes of other generators that
	// posts and pages rendered by this build hold and blogen left as they
	// are, as file:line: message.
	Warnings []string
}

// postOut is what the lists and feeds need of a rendered post.
type postOut struct {
	summary string // HTML
	words   int
	html    string // kept only for posts in a feed
}

// postText is the text of a postOut, which Site lets go of once no output
// left to render shows the post.
type postText struct {
	summary, html string
}

// postSlot renders one post's Markdown at most once per Renderer.
type postSlot struct {
	once  sync.Once
	err   error
	words int
	// text is nil until the Markdown is rendered, and again after Site
	// has let it go (it is then rendered again if an output asks for it).
	text atomic.Pointer[postText]
	// pagers counts the list pages left to render that show the post,
	// readers those and the feeds left to render that carry it (Site).
	pagers, readers atomic.Int32
	// cacheKept is set when an output kept from the last build read the
	// post, whose cached Markdown is then still in use (UsedKeys).
	cacheKept atomic.Bool
}

// state is what the templates' Page methods read.
type state struct {
	r        *Renderer
	posts    []postSlot
	partials *partialCache
	bios     map[string]string
	comments *markdown.CommentRenderer
}

// words returns the number of words of a post, rendering it first if no
// output has needed it yet.
func (st *state) words(i int) int {
	if st.r.ensurePost(i) != nil {
		return 0
	}
	return st.posts[i].words
}

// post returns the rendered summary and counts of a post, rendering it
// first if no output has needed it yet, or again (and keeping it until
// the end) if Site has let go of it.
func (st *state) post(i int) postOut {
	if st.r.ensurePost(i) != nil {
		return postOut{}
	}
	slot := &st.posts[i]
	if t := slot.text.Load(); t != nil {
		return postOut{summary: t.summary, words: slot.words, html: t.html}
	}
	res, err := st.r.renderPostMarkdown(i)
	if err != nil {
		return postOut{}
	}
	out := st.r.summarize(i, res)
	slot.text.CompareAndSwap(nil, &postText{summary: out.summary, html: out.html})
	return out
}

// commentHTML reads and renders an untrusted comment body; a body that
// cannot be rendered is shown as escaped text.
func (st *state) commentHTML(c *content.Comment) (html string, err error) {
	err = content.WithCommentBody(st.r.opts.Content, c, func(body []byte) error {
		b, err := st.comments.Render(body)
		if err != nil {
			html = "<p>" + template.HTMLEscapeString(string(body)) + "</p>"
		} else {
			html = string(b)
		}
		return nil
	})
	return html, err
}

// Renderer renders the outputs of one site graph: all of them into a Sink
// (Site), or any one of them on demand (Output). It is safe for concurrent
// use.
type Renderer struct {
	site     *site.Site
	tmpl     *layout.Templates
	md       *markdown.Renderer
	comments *markdown.CommentRenderer
	opts     Options
	min      *minifier
	st       *state
	resolve  *resolver
	inFeed   []bool
	outputs  []output
	pagers   []*site.Pager // every page of every list, newest first
	byPath   *pathIndex
	bundles  map[string]string // output path -> bundle file
	dropins  *dropins
	search   *searchState // nil when search is off
	images   *imageSet
	biosErr  error
	done     atomic.Int64
	kept     atomic.Int64 // outputs kept unmade
	usedMu   sync.Mutex
	used     map[cache.Key]bool
}

// New prepares the rendering of a site graph. Nothing is rendered until
// Site or Output is called, except the authors' bios.
func New(s *site.Site, tmpl *layout.Templates, md *markdown.Renderer, comments *markdown.CommentRenderer, opts Options) *Renderer {
	r := &Renderer{site: s, tmpl: tmpl, md: md, comments: comments, opts: opts, resolve: newResolver(s), inFeed: postsInFeeds(s), byPath: &pathIndex{}, bundles: map[string]string{}, dropins: newDropins(s), used: map[cache.Key]bool{}, search: newSearch(s)}
	if opts.Minify {
		r.min = newMinifier()
		r.tmpl = tmpl.Compact(r.min.template)
	}
	r.st = &state{r: r, posts: make([]postSlot, len(s.Posts)), bios: map[string]string{}, comments: comments,
		partials: newPartialCache(partialCacheBytes)}
	r.biosErr = r.renderBios()
	r.pagers = newestFirst(s.Lists)
	later := r.laterOutputs()
	r.outputs = make([]output, 0, len(s.Posts)+len(later))
	for i, p := range s.Posts {
		r.outputs = append(r.outputs, output{path: OutputPath(p.URL), kind: outPost, index: int32(i)})
		for _, f := range p.Files {
			r.bundles[strings.TrimPrefix(p.Folder(), "/")+f] = path.Join(p.Bundle, f)
		}
	}
	r.outputs = append(r.outputs, later...)
	r.images = newImageSet(r)
	return r
}

// Fresh returns a renderer of the same site graph that shares this one's
// tables (outputs, links, bios) but has rendered nothing yet: the preview
// server's renderer for a version whose only changes are to the text of
// posts, which is read again when rendered.
func (r *Renderer) Fresh() *Renderer {
	f := &Renderer{site: r.site, tmpl: r.tmpl, md: r.md, comments: r.comments, opts: r.opts, min: r.min,
		resolve: r.resolve, inFeed: r.inFeed, outputs: r.outputs, pagers: r.pagers, byPath: r.byPath, bundles: r.bundles,
		dropins: r.dropins, images: r.images, biosErr: r.biosErr, used: map[cache.Key]bool{}, search: newSearch(r.site)}
	f.st = &state{r: f, posts: make([]postSlot, len(r.site.Posts)), bios: r.st.bios, comments: r.comments,
		partials: newPartialCache(partialCacheBytes)}
	return f
}

// pathIndex finds outputs by path, for Output. It is made on first use:
// Site does not need it.
type pathIndex struct {
	once sync.Once
	m    map[string]int
}

// find returns the index of the output at p in outputs.
func (x *pathIndex) find(outputs []output, p string) (int, bool) {
	x.once.Do(func() {
		x.m = make(map[string]int, len(outputs))
		for i, o := range outputs {
			x.m[o.path] = i
		}
	})
	i, ok := x.m[p]
	return i, ok
}

// Paths lists every generated file, posts first, in a stable order.
func (r *Renderer) Paths() []string {
	out := make([]string, 0, len(r.outputs)+len(r.bundles))
	for _, o := range r.outputs {
		out = append(out, o.path)
	}
	for p := range r.bundles {
		out = append(out, p)
	}
	return out
}

// Output renders the one file at path (as Paths names it; "a/b/" and
// "a/b" mean "a/b/index.html"). ok is false when the site has no such
// file. Files of page bundles are read from Options.Content.
func (r *Renderer) Output(p string) (data []byte, ok bool, err error) {
	p = strings.TrimPrefix(p, "/")
	i, found := r.byPath.find(r.outputs, p)
	if !found {
		i, found = r.byPath.find(r.outputs, strings.TrimSuffix(p, "/")+"/index.html")
	}
	if !found {
		if src, ok := r.bundles[p]; ok && !images.IsRaster(p) {
			b, err := fs.ReadFile(r.opts.Content, src)
			return b, true, err
		}
		return r.imageOutput(p)
	}
	if r.biosErr != nil {
		return nil, true, r.biosErr
	}
	b, err := r.make(r.outputs[i])
	return b, true, err
}

// make runs one output and minifies it when asked.
func (r *Renderer) make(o output) ([]byte, error) {
	b, err := r.render(o, nil)
	if err == nil && o.kind.fromLayout() {
		// The sink keeps what it is given.
		page := b
		b = bytes.Clone(page)
		layout.Recycle(page)
	}
	if err != nil || r.min == nil {
		return b, err
	}
	m, err := r.min.minify(o.path, b)
	if err != nil {
		return nil, fmt.Errorf("%s: minify: %w", o.path, err)
	}
	return m, nil
}

// Site renders every output of s into sink: a shorthand for New and
// Renderer.Site.
func Site(ctx context.Context, s *site.Site, tmpl *layout.Templates, md *markdown.Renderer, comments *markdown.CommentRenderer, sink Sink, opts Options) (Stats, error) {
	return New(s, tmpl, md, comments, opts).Site(ctx, sink)
}

// Site renders every output into sink on the worker pool, in the order of
// Renderer.order. When a post cannot be rendered, the build fails with the
// errors of the posts alone.
func (r *Renderer) Site(ctx context.Context, sink Sink) (Stats, error) {
	if r.biosErr != nil {
		return Stats{}, r.biosErr
	}
	// Images first: pages show an image only with the copies made of it.
	imagesErr := r.writeImages(ctx, sink)
	if ctx.Err() != nil {
		return Stats{}, ctx.Err()
	}
	failed, err := r.writeAll(ctx, sink)
	if err != nil {
		return Stats{}, err
	}
	var l diag.List
	for _, f := range failed {
		if f.post {
			l.Add(f.err)
		}
	}
	if l.Len() > 0 {
		return Stats{}, l.Err()
	}
	for _, f := range failed {
		l.Add(f.err)
	}
	l.Add(r.copyBundles(sink))
	l.Add(imagesErr)
	stats := Stats{Posts: len(r.site.Posts), Pages: len(r.site.Pages), Feeds: 3 * len(r.site.Feeds), Kept: int(r.kept.Load()),
		Warnings: append(r.dropins.warnings(), r.images.sorted()...)}
	for _, list := range r.site.Lists {
		stats.Lists += len(list.Pagers)
	}
	return stats, l.Err()
}

// outputError is the error of the output at index.
type outputError struct {
	index int
	post  bool // the output is a post page
	err   error
}

// writeAll writes every output into sink and returns the errors, in the
// order of outputs, or the context's error. Once a post has failed, the
// other outputs are left unmade.
func (r *Renderer) writeAll(ctx context.Context, sink Sink) ([]outputError, error) {
	r.countReaders()
	order := r.order()
	var mu sync.Mutex
	var failed []outputError
	var postFailed atomic.Bool
	err := r.run(ctx, len(order), func(j int) {
		i := int(order[j])
		o := r.outputs[i]
		if o.kind != outPost && postFailed.Load() {
			return
		}
		err := r.writeOutput(o, sink)
		r.finished(o)
		if err == nil {
			return
		}
		if o.kind == outPost {
			postFailed.Store(true)
		}
		mu.Lock()
		failed = append(failed, outputError{index: i, post: o.kind == outPost, err: err})
		mu.Unlock()
	})
	slices.SortFunc(failed, func(a, b outputError) int { return a.index - b.index })
	return failed, err
}

// writeOutput renders one output into sink, keeping the previous build's
// file when the sink can and the output has not changed.
func (r *Renderer) writeOutput(o output, sink Sink) error {
	keeping, ok := sink.(KeepingSink)
	if !ok {
		b, err := r.make(o)
		if err != nil {
			return err
		}
		return sink.Write(o.path, b)
	}
	if r.keepUnmade(o, keeping) {
		return nil
	}
	var d pagedata.Reads
	raw, err := r.render(o, &d)
	if err != nil {
		return err
	}
	if o.kind.fromLayout() {
		defer layout.Recycle(raw)
	}
	posts := d.List()
	rec := cache.Output{
		Source: cache.NewOutputHasher("output").String(o.path).Bytes(raw).String(strconv.FormatBool(r.min != nil)).Key(),
		Inputs: r.outputInputs(o, posts), Deps: posts,
	}
	if keeping.Reuse(o.path, rec) {
		return nil
	}
	b := raw
	if r.min != nil {
		if b, err = r.min.minify(o.path, raw); err != nil {
			return fmt.Errorf("%s: minify: %w", o.path, err)
		}
	}
	return keeping.WriteFrom(o.path, b, rec)
}

// keepUnmade keeps the previous build's output without making it when
// its inputs are unchanged: the same Graph, and the same bodies of the
// posts it read. The Markdown of those posts stays in the cache.
func (r *Renderer) keepUnmade(o output, sink KeepingSink) bool {
	prev, ok := sink.Previous(o.path)
	if !ok || prev.Inputs == (cache.Key{}) || prev.Inputs != r.outputInputs(o, prev.Deps) {
		return false
	}
	if !sink.Reuse(o.path, prev) {
		return false
	}
	r.kept.Add(1)
	if r.opts.Cache != nil {
		for _, i := range prev.Deps {
			r.st.posts[i].cacheKept.Store(true)
		}
	}
	return true
}

// copyBundles copies the files of page bundles beside their posts, but
// raster images, which the image phase publishes without their metadata.
func (r *Renderer) copyBundles(sink Sink) error {
	var errs diag.List
	for _, p := range r.site.Posts {
		for _, f := range p.Files {
			if images.IsRaster(f) {
				continue
			}
			src := path.Join(p.Bundle, f)
			if err := sink.Copy(strings.TrimPrefix(p.Folder(), "/")+f, r.opts.Content, src); err != nil {
				errs.Add(diag.Locate(src, 0, err, "cannot copy the file of the page bundle"))
			}
		}
	}
	return errs.Err()
}

// run calls fn for 0..n-1 on the worker pool, counting each as an output
// done, and returns the context's error if it ends first.
func (r *Renderer) run(ctx context.Context, n int, fn func(i int)) error {
	return r.pool(ctx, n, func(i int) {
		fn(i)
		r.tick()
	})
}

// pool calls fn for 0..n-1 on the worker pool, and returns the context's
// error if it ends first.
func (r *Renderer) pool(ctx context.Context, n int, fn func(i int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(r.workers(), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// workers is the number of goroutines that render.
func (r *Renderer) workers() int {
	if r.opts.Workers > 0 {
		return r.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (r *Renderer) tick() {
	done := r.done.Add(1)
	if r.opts.Progress != nil {
		r.opts.Progress(int(done), len(r.outputs))
	}
}

// renderBios renders every author's bio once.
func (r *Renderer) renderBios() error {
	var errs diag.List
	for _, a := range r.site.Authors {
		res, err := r.md.Render(a.Body, r.resolve)
		if err != nil {
			errs.Add(diag.Wrap(a.Source, a.BodyLine, err, "cannot render the bio"))
			continue
		}
		r.st.bios[a.ID] = string(res.HTML)
	}
	return errs.Err()
}

// ensurePost renders post i's Markdown once for its summary and word
// count, unless its page has already done so.
func (r *Renderer) ensurePost(i int) error {
	slot := &r.st.posts[i]
	slot.once.Do(func() {
		res, err := r.renderPostMarkdown(i)
		if err != nil {
			slot.err = err
			return
		}
		r.keepSummary(i, res)
	})
	return slot.err
}

// renderMarkdown renders post i's whole HTML and returns it with its
// summary, recording the summary if no output has yet: a list page that
// needs the summary meanwhile waits for it rather than rendering the post
// too.
func (r *Renderer) renderMarkdown(i int) (html, summary string, err error) {
	made := false
	slot := &r.st.posts[i]
	slot.once.Do(func() {
		made = true
		var rp renderedPost
		if rp, err = r.renderPostMarkdown(i); err != nil {
			slot.err = err
			return
		}
		html, summary = rp.html, r.keepSummary(i, rp)
	})
	if made {
		return html, summary, err
	}
	rp, err := r.renderPostMarkdown(i)
	if err != nil {
		return "", "", err
	}
	return rp.html, r.summarize(i, rp).summary, nil
}

// renderPostMarkdown reads post i's body and renders it.
func (r *Renderer) renderPostMarkdown(i int) (renderedPost, error) {
	p := r.site.Posts[i]
	var rp renderedPost
	err := content.WithBody(r.opts.Content, p.Post, func(body []byte) error {
		var err error
		if rp, err = r.renderCached(r.dropins.convert(p.Source, p.BodyLine, body)); err != nil {
			return diag.Wrap(p.Source, p.BodyLine, err, "cannot render the Markdown")
		}
		return nil
	})
	return rp, err
}

// summarize keeps what lists and feeds need of a rendered post: the
// summary and word count, and the whole HTML only for posts a feed carries.
func (r *Renderer) summarize(i int, rp renderedPost) postOut {
	p := r.site.Posts[i]
	out := postOut{summary: listSummary(rp.summary, r.site.RelURL(p.Folder())), words: rp.words}
	if p.Post.Summary != "" {
		out.summary = "<p>" + template.HTMLEscapeString(p.Post.Summary) + "</p>"
	}
	if r.inFeed[i] {
		out.html = rp.html
	}
	return out
}

// keepSummary keeps what lists and feeds need of post i, and returns its
// summary.
func (r *Renderer) keepSummary(i int, rp renderedPost) string {
	out := r.summarize(i, rp)
	slot := &r.st.posts[i]
	slot.words = out.words
	slot.text.Store(&postText{summary: out.summary, html: out.html})
	return out.summary
}

// postBody returns the whole HTML of post i for a feed.
func (r *Renderer) postBody(i int) (string, error) {
	if err := r.ensurePost(i); err != nil {
		return "", err
	}
	if t := r.st.posts[i].text.Load(); t != nil && t.html != "" {
		return t.html, nil
	}
	html, _, err := r.renderMarkdown(i)
	return html, err
}

// renderPost renders a post's page, noting in d the posts it read.
func (r *Renderer) renderPost(p *site.Post, d *pagedata.Reads) ([]byte, error) {
	d.Add(p.Index)
	body, summary, err := r.renderMarkdown(p.Index)
	if err != nil {
		return nil, err
	}
	r.indexPost(p.Index, body, summary)
	body = r.pictures(body, p.Folder(), r.images.source(imageSitePath(p)) == nil && p.Image == "")
	body, heads := anchorHeadings(body)
	page := &pagedata.Page{Kind: "post", Title: p.Title, URL: p.URL, Post: p, Content: template.HTML(body), Description: p.Description}
	if showTOC(p.TOC, len(heads), r.site.Config.TOC.Headings) {
		page.TOC = heads
	}
	if page.Description == "" {
		page.Description = htmltext.Truncate(htmltext.PlainText(summary), 160)
	}
	return r.page(page, d)
}

// page runs a page's template.
func (r *Renderer) page(p *pagedata.Page, d *pagedata.Reads) ([]byte, error) {
	p.Bind(r.site, r.st, d)
	return r.tmpl.Render(p.Kind, p)
}

// OutputPath is the file a URL path is written to: "/a/b/" is
// "a/b/index.html"; a path with an extension is written as it is.
func OutputPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// postsInFeeds marks the posts whose whole HTML some feed carries, so it
// is kept after their page is written.
func postsInFeeds(s *site.Site) []bool {
	in := make([]bool, len(s.Posts))
	if !s.Config.Feeds.FullContent {
		return in
	}
	for _, f := range s.Feeds {
		if f.List.Kind != "home" {
			continue
		}
		for _, p := range f.Posts {
			in[p.Index] = true
		}
	}
	return in
}

// resolver answers @mention and #hashtag look-ups from the site graph.
type resolver struct {
	authors map[string]string // lower-cased id or handle -> URL
	tags    map[string]string // lower-cased name or slug -> URL
}

func newResolver(s *site.Site) *resolver {
	r := &resolver{authors: map[string]string{}, tags: map[string]string{}}
	for _, a := range s.Authors {
		r.authors[strings.ToLower(a.ID)] = s.RelURL(a.URL)
		if a.Handle != "" {
			r.authors[strings.ToLower(a.Handle)] = s.RelURL(a.URL)
		}
	}
	for _, t := range s.Tags {
		r.tags[strings.ToLower(t.Name)] = s.RelURL(t.URL)
		r.tags[t.Slug] = s.RelURL(t.URL)
	}
	return r
}

// Author returns the page of the author whose id or handle is handle.
func (r *resolver) Author(handle string) (string, bool) {
	u, ok := r.authors[strings.ToLower(handle)]
	return u, ok
}

// Tag returns the page of the tag named tag.
func (r *resolver) Tag(tag string) (string, bool) {
	u, ok := r.tags[strings.ToLower(tag)]
	return u, ok
}

// Summary implements pagedata.Source.
func (st *state) Summary(i int) string { return st.post(i).summary }

// Words implements pagedata.Source.
func (st *state) Words(i int) int { return st.words(i) }

// Asset implements pagedata.Source.
func (st *state) Asset(p string) string {
	if a, ok := st.r.opts.Assets[p]; ok {
		return a
	}
	return p
}

// Picture implements pagedata.Source.
func (st *state) Picture(path string) *pagedata.Picture { return st.r.picture(path) }

// Card implements pagedata.Source.
func (st *state) Card(p *pagedata.Page) *pagedata.Card {
	c := st.r.cardOf(p)
	return &pagedata.Card{URL: st.r.site.AbsURL("/" + c.path), Width: images.CardWidth, Height: images.CardHeight, Alt: c.alt}
}

// Bio implements pagedata.Source.
func (st *state) Bio(authorID string) string { return st.bios[authorID] }

// CommentHTML implements pagedata.Source.
func (st *state) CommentHTML(c *content.Comment) (string, error) { return st.commentHTML(c) }

// Cached implements pagedata.Source: the partial cache of the render.
func (st *state) Cached(name, key string, data any, reads *pagedata.Reads) (template.HTML, error) {
	pc := st.partials
	c := pc.get(name + "\x00" + key)
	c.once.Do(func() {
		from := reads.Len()
		c.html, c.err = st.r.tmpl.Partial(name, data)
		c.deps = reads.Since(from)
		pc.made(c)
	})
	reads.Add(c.deps...)
	return c.html, c.err
}
