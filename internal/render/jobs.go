package render

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/markdown"
	"github.com/blogen/blogen/internal/site"
)

// laterOutputs lists every output that is not a post page.
func (r *Renderer) laterOutputs() []output {
	s := r.site
	var outs []output
	add := func(p string, make func(r *Renderer, d *deps) ([]byte, error)) {
		outs = append(outs, output{path: p, make: make})
	}
	// page renders a copy of p, which renderers of the same graph share.
	page := func(p *Page) func(*Renderer, *deps) ([]byte, error) {
		return func(r *Renderer, d *deps) ([]byte, error) {
			c := *p
			c.deps = d
			return r.page(&c)
		}
	}
	// noDeps is an output that reads no post's body.
	noDeps := func(make func(r *Renderer) ([]byte, error)) func(*Renderer, *deps) ([]byte, error) {
		return func(r *Renderer, _ *deps) ([]byte, error) { return make(r) }
	}
	for _, p := range s.Pages {
		add(OutputPath(p.URL), func(r *Renderer, d *deps) ([]byte, error) { return r.renderPage(p, d) })
	}
	for _, pg := range newestFirst(s.Lists) {
		add(OutputPath(pg.URL), func(r *Renderer, d *deps) ([]byte, error) { return r.renderPager(pg, d) })
	}
	for _, f := range s.Feeds {
		dir := strings.TrimPrefix(f.URL, "/")
		add(dir+site.RSSFile, func(r *Renderer, d *deps) ([]byte, error) { return r.rss(f, d) })
		add(dir+site.AtomFile, func(r *Renderer, d *deps) ([]byte, error) { return r.atom(f, d) })
		add(dir+site.JSONFile, func(r *Renderer, d *deps) ([]byte, error) { return r.jsonFeed(f, d) })
	}
	for _, a := range s.Aliases {
		add(OutputPath(a.From), page(&Page{Kind: "alias", Title: "Redirect", URL: a.From, Alias: &a}))
	}
	add("tags/index.html", page(&Page{Kind: "terms", Title: "Tags", URL: "/tags/", Terms: s.Tags, TermKind: "tags"}))
	add("categories/index.html", page(&Page{Kind: "terms", Title: "Categories", URL: "/categories/", Terms: s.Categories, TermKind: "categories"}))
	add("authors/index.html", page(&Page{Kind: "authors", Title: "Authors", URL: "/authors/"}))
	add("404.html", page(&Page{Kind: "404", Title: "Page not found", URL: "/404.html"}))
	add("sitemap.xml", noDeps((*Renderer).sitemap))
	add("robots.txt", noDeps((*Renderer).robots))
	add("theme/syntax.css", noDeps((*Renderer).syntaxCSS))
	return outs
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

func (r *Renderer) renderPage(p *site.Page, d *deps) ([]byte, error) {
	res, err := r.md.Render(p.Body, r.resolve)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: cannot render the Markdown: %w", p.Source, p.BodyLine, err)
	}
	desc := p.Description
	if desc == "" {
		desc = truncate(plainText(string(res.Summary)), 160)
	}
	return r.page(&Page{Kind: "page", Title: p.Title, URL: p.URL, Page: p, Content: templateHTML(res.HTML), Description: desc, deps: d})
}

func (r *Renderer) renderPager(pg *site.Pager, d *deps) ([]byte, error) {
	l := pg.List
	for _, p := range pg.Posts {
		d.add(p.Index)
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
	p := &Page{Kind: kind, Title: title, URL: pg.URL, Pager: pg, Description: r.site.Config.Description, deps: d}
	if l.Kind != "archive" {
		p.FeedURL = l.URL
	}
	return r.page(p)
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

// plainText strips the tags of an HTML fragment and unescapes its text,
// folding white space. Block-level tags separate words; inline ones do not.
func plainText(h string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(h, '<')
		if open < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:open])
		end := strings.IndexByte(h[open:], '>')
		if end < 0 {
			break
		}
		if blockTag(h[open+1 : open+end]) {
			b.WriteByte(' ')
		}
		h = h[open+end+1:]
	}
	return strings.Join(strings.Fields(unescape(b.String())), " ")
}

// blockTag reports whether the inside of a tag ("/p", "li class=x") names
// an element that separates words.
func blockTag(tag string) bool {
	name := strings.TrimPrefix(tag, "/")
	if i := strings.IndexAny(name, " \t\n/"); i >= 0 {
		name = name[:i]
	}
	switch strings.ToLower(name) {
	case "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th", "table", "hr", "figure", "figcaption", "section", "dd", "dt":
		return true
	}
	return false
}
