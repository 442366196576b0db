package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/feeds"
	"github.com/blogen/blogen/internal/htmltext"
	"github.com/blogen/blogen/internal/markdown"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/site"
)

// outputKind says what an output is, and so how it is made.
type outputKind uint8

const (
	outPost outputKind = iota
	outPage
	outPager
	outRSS
	outAtom
	outJSONFeed
	outAlias
	outTags
	outCategories
	outAuthors
	out404
	outSitemap
	outRobots
	outSyntaxCSS
	outSearchPage
	outSearchDoc
	outSearchShard
	outFont
	outFontLicense
)

// fromLayout reports whether outputs of kind k are pages that
// layout.Templates.Render writes, and so are handed back to it with
// layout.Recycle once written.
func (k outputKind) fromLayout() bool {
	switch k {
	case outRSS, outAtom, outJSONFeed, outSitemap, outRobots, outSyntaxCSS, outSearchDoc, outSearchShard, outFont, outFontLicense:
		return false
	}
	return true
}

// output is one generated file: its path, what it is and, for a post,
// page, list page, feed or outAlias, which one (its index in the site's
// list of them, or in Renderer.pagers). A large site has hundreds of
// thousands: they are kept small.
type output struct {
	path  string
	kind  outputKind
	index int32
}

// laterOutputs lists every output that is not a post page.
func (r *Renderer) laterOutputs() []output {
	s := r.site
	outs := make([]output, 0, len(s.Pages)+len(r.pagers)+3*len(s.Feeds)+len(s.Aliases)+7)
	add := func(p string, k outputKind, i int) {
		outs = append(outs, output{path: p, kind: k, index: int32(i)})
	}
	for i, p := range s.Pages {
		add(OutputPath(p.URL), outPage, i)
	}
	for i, pg := range r.pagers {
		add(OutputPath(pg.URL), outPager, i)
	}
	for i, f := range s.Feeds {
		dir := strings.TrimPrefix(f.URL, "/")
		add(dir+site.RSSFile, outRSS, i)
		add(dir+site.AtomFile, outAtom, i)
		add(dir+site.JSONFile, outJSONFeed, i)
	}
	for i, a := range s.Aliases {
		add(OutputPath(a.From), outAlias, i)
	}
	add("tags/index.html", outTags, 0)
	add("categories/index.html", outCategories, 0)
	add("authors/index.html", outAuthors, 0)
	add("404.html", out404, 0)
	add("sitemap.xml", outSitemap, 0)
	add("robots.txt", outRobots, 0)
	add("theme/syntax.css", outSyntaxCSS, 0)
	if hashed, ok := r.opts.Assets["theme/syntax.css"]; ok {
		add(hashed, outSyntaxCSS, 0)
	}
	r.fontOutputs(add)
	r.searchOutputs(add)
	return outs
}

// render makes an output, noting in d the posts whose bodies it reads.
func (r *Renderer) render(o output, d *pagedata.Reads) ([]byte, error) {
	s, i := r.site, int(o.index)
	switch o.kind {
	case outPost:
		return r.renderPost(s.Posts[i], d)
	case outPage:
		return r.renderPage(s.Pages[i], d)
	case outPager:
		return r.renderPager(r.pagers[i], d)
	case outRSS:
		return feeds.RSS(s, s.Feeds[i], r.feedSource(s.Feeds[i], d))
	case outAtom:
		return feeds.Atom(s, s.Feeds[i], r.feedSource(s.Feeds[i], d))
	case outJSONFeed:
		return feeds.JSON(s, s.Feeds[i], r.feedSource(s.Feeds[i], d))
	case outSitemap:
		return feeds.Sitemap(s)
	case outRobots:
		return r.robots()
	case outSyntaxCSS:
		return r.syntaxCSS()
	case outSearchDoc:
		d.Add(i)
		return r.searchDocFile(i)
	case outSearchShard:
		return r.searchShard(i)
	case outFont, outFontLicense:
		return r.fontFile(o.kind, i)
	}
	return r.page(r.fixedPage(o), d)
}

// fixedPage is the Page of a outAlias, of the pages of all tags, all
// categories and all authors, of the search page, or of the page for a
// missing one.
func (r *Renderer) fixedPage(o output) *pagedata.Page {
	s := r.site
	switch o.kind {
	case outAlias:
		a := &s.Aliases[o.index]
		return &pagedata.Page{Kind: "alias", Title: "Redirect", URL: a.From, Alias: a}
	case outTags:
		return &pagedata.Page{Kind: "terms", Title: "Tags", URL: "/tags/", Terms: s.Tags, TermKind: "tags"}
	case outCategories:
		return &pagedata.Page{Kind: "terms", Title: "Categories", URL: "/categories/", Terms: s.Categories, TermKind: "categories"}
	case outAuthors:
		return &pagedata.Page{Kind: "authors", Title: "Authors", URL: "/authors/"}
	case outSearchPage:
		return &pagedata.Page{Kind: "search", Title: "Search", URL: "/search/", Description: "Search " + s.Config.Title}
	}
	return &pagedata.Page{Kind: "404", Title: "Page not found", URL: "/404.html"}
}

// newestFirst returns the pages of every list in the order of their newest
// post, newest first (empty pages first): pages that show the same posts
// are then rendered close together, while the summary cards of those posts
// are still cached.
func newestFirst(lists []*site.List) []*site.Pager {
	var out []*site.Pager
	for _, l := range lists {
		out = append(out, l.Pagers...)
	}
	newest := func(pg *site.Pager) time.Time {
		if len(pg.Posts) == 0 {
			return time.Time{}
		}
		return pg.Posts[0].Date
	}
	slices.SortStableFunc(out, func(a, b *site.Pager) int {
		ta, tb := newest(a), newest(b)
		switch {
		case len(a.Posts) == 0 || len(b.Posts) == 0:
			return min(len(a.Posts), 1) - min(len(b.Posts), 1)
		case ta.After(tb):
			return -1
		case tb.After(ta):
			return 1
		}
		return 0
	})
	return out
}

func (r *Renderer) renderPage(p *site.Page, d *pagedata.Reads) ([]byte, error) {
	res, err := r.md.Render(r.dropins.convert(p.Source, p.BodyLine, p.Body), r.resolve)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: cannot render the Markdown: %w", p.Source, p.BodyLine, err)
	}
	desc := p.Description
	if desc == "" {
		desc = htmltext.Truncate(htmltext.PlainText(string(res.Summary)), 160)
	}
	body := r.pictures(string(res.HTML), urlFolder(p.URL), true)
	return r.page(&pagedata.Page{Kind: "page", Title: p.Title, URL: p.URL, Page: p, Content: template.HTML(body), Description: desc}, d)
}

func (r *Renderer) renderPager(pg *site.Pager, d *pagedata.Reads) ([]byte, error) {
	l := pg.List
	for _, p := range pg.Posts {
		d.Add(p.Index)
		if err := r.ensurePost(p.Index); err != nil {
			return nil, err
		}
	}
	kind, title := "list", l.Title
	if l.Kind == "home" {
		kind = "home"
	}
	if pg.Number > 1 {
		title = fmt.Sprintf("%s, page %d", title, pg.Number)
	}
	p := &pagedata.Page{Kind: kind, Title: title, URL: pg.URL, Pager: pg, Description: r.site.Config.Description}
	if l.Kind != "archive" {
		p.FeedURL = l.URL
	}
	return r.page(p, d)
}

func (r *Renderer) robots() ([]byte, error) {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", r.site.AbsURL("/sitemap.xml")), nil
}

func (r *Renderer) syntaxCSS() ([]byte, error) {
	h := r.site.Config.Highlight
	css, err := markdown.Stylesheet(h.Light, h.Dark)
	if err != nil {
		return nil, fmt.Errorf("site.toml: [highlight]: %w", err)
	}
	return css, nil
}
