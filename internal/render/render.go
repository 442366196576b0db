// Package render turns the site graph into files.
//
// Site renders every output of a site on a bounded pool of goroutines: post
// pages first (their Markdown gives the summaries the lists show), then
// pages, every page of every list, the feeds, redirects, the sitemap and
// the rest. Results never depend on the order goroutines run in: each job
// writes only its own files and its own slot of pre-sized slices, so two
// builds of one site give the same bytes. Output goes to a Sink, which the
// publish stage provides; render never touches the file system itself.
//
// Post bodies are rendered, written and dropped: only summaries and word
// counts are kept, and full HTML only for the posts that some feed carries.
package render

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/layout"
	"github.com/blogen/blogen/internal/markdown"
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

// Options tune a render.
type Options struct {
	Minify   bool
	Workers  int                   // 0 means one per CPU
	Progress func(done, total int) // called as outputs are done; may be nil
	// Content is the site's own files, for the files of page bundles.
	Content fs.FS
}

// Stats count what a render wrote.
type Stats struct {
	Posts, Pages, Lists, Feeds int
}

// postOut is what the lists and feeds need of a rendered post.
type postOut struct {
	summary     string // HTML
	summaryText string
	words       int
	html        string // kept only for posts in a feed
}

// state is shared by the jobs of one render.
type state struct {
	posts    []postOut
	bios     map[string]string
	comments *markdown.CommentRenderer
	errs     []error
}

// commentHTML renders an untrusted comment body; a body that cannot be
// rendered is shown as escaped text.
func (st *state) commentHTML(c *content.Comment) string {
	b, err := st.comments.Render(c.Body)
	if err != nil {
		return "<p>" + template.HTMLEscapeString(string(c.Body)) + "</p>"
	}
	return string(b)
}

// Renderer holds what one render needs.
type Renderer struct {
	site     *site.Site
	tmpl     *layout.Templates
	md       *markdown.Renderer
	comments *markdown.CommentRenderer
	sink     Sink
	opts     Options
	min      *minifier
	st       *state
	resolve  *resolver
	done     atomic.Int64
	total    int
}

// Site renders every output of s into sink.
func Site(ctx context.Context, s *site.Site, tmpl *layout.Templates, md *markdown.Renderer, comments *markdown.CommentRenderer, sink Sink, opts Options) (Stats, error) {
	r := &Renderer{site: s, tmpl: tmpl, md: md, comments: comments, sink: sink, opts: opts, resolve: newResolver(s)}
	if opts.Minify {
		r.min = newMinifier()
	}
	r.st = &state{posts: make([]postOut, len(s.Posts)), bios: map[string]string{}, comments: comments}
	var errs diag.List
	errs.Add(r.renderBios())
	inFeed := postsInFeeds(s)
	jobs := r.laterJobs()
	r.total = len(s.Posts) + len(jobs)
	errs.Add(r.run(ctx, len(s.Posts), func(i int) error { return r.renderPost(s.Posts[i], inFeed[i]) }))
	if errs.Len() > 0 {
		return Stats{}, errs.Err()
	}
	errs.Add(r.run(ctx, len(jobs), func(i int) error { return jobs[i].run() }))
	stats := Stats{Posts: len(s.Posts), Pages: len(s.Pages), Feeds: 3 * len(s.Feeds)}
	for _, l := range s.Lists {
		stats.Lists += len(l.Pagers)
	}
	return stats, errs.Err()
}

// run calls fn for 0..n-1 on the worker pool and collects the errors in
// index order.
func (r *Renderer) run(ctx context.Context, n int, fn func(i int) error) error {
	errs := make([]error, n)
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				errs[i] = fn(i)
				r.tick()
			}
		})
	}
	wg.Wait()
	var l diag.List
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		l.Add(err)
	}
	return l.Err()
}

func (r *Renderer) tick() {
	done := r.done.Add(1)
	if r.opts.Progress != nil {
		r.opts.Progress(int(done), r.total)
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

// renderPost renders a post's Markdown and its page, and copies the other
// files of its bundle beside it.
func (r *Renderer) renderPost(p *site.Post, keepHTML bool) error {
	res, err := r.md.Render(p.Body, r.resolve)
	if err != nil {
		return diag.Wrap(p.Source, p.BodyLine, err, "cannot render the Markdown")
	}
	out := postOut{summary: string(res.Summary), words: res.Words}
	if p.Post.Summary != "" {
		out.summary = "<p>" + template.HTMLEscapeString(p.Post.Summary) + "</p>"
	}
	out.summaryText = plainText(out.summary)
	if keepHTML {
		out.html = string(res.HTML)
	}
	r.st.posts[p.Index] = out
	page := &Page{Kind: "post", Title: p.Title, URL: p.URL, Post: p, Content: template.HTML(res.HTML), Description: p.Description}
	if page.Description == "" {
		page.Description = truncate(out.summaryText, 160)
	}
	if err := r.page(page); err != nil {
		return err
	}
	for _, f := range p.Files {
		dst := strings.TrimPrefix(p.URL, "/") + f
		if err := r.sink.Copy(dst, r.opts.Content, path.Join(p.Bundle, f)); err != nil {
			return diag.Wrap(path.Join(p.Bundle, f), 0, err, "cannot copy the file of the page bundle")
		}
	}
	return nil
}

// page runs a page's template and writes the result at its URL.
func (r *Renderer) page(p *Page) error {
	p.Site, p.st = r.site, r.st
	b, err := r.tmpl.Render(p.Kind, p)
	if err != nil {
		return err
	}
	return r.write(OutputPath(p.URL), b)
}

// write minifies (when asked) and stores one output.
func (r *Renderer) write(p string, b []byte) error {
	if r.min != nil {
		m, err := r.min.minify(p, b)
		if err != nil {
			return fmt.Errorf("%s: minify: %w", p, err)
		}
		b = m
	}
	return r.sink.Write(p, b)
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

// postsInFeeds marks the posts some feed carries.
func postsInFeeds(s *site.Site) []bool {
	in := make([]bool, len(s.Posts))
	for _, f := range s.Feeds {
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
