package render

import (
	"fmt"
	"strings"

	"github.com/blogen/blogen/internal/markdown"
	"github.com/blogen/blogen/internal/site"
)

// job is one output (or a few) rendered after the posts.
type job struct {
	name string
	run  func() error
}

// laterJobs lists every output that is not a post page.
func (r *Renderer) laterJobs() []job {
	s := r.site
	var jobs []job
	for _, p := range s.Pages {
		jobs = append(jobs, job{p.Source, func() error { return r.renderPage(p) }})
	}
	for _, l := range s.Lists {
		for _, pg := range l.Pagers {
			jobs = append(jobs, job{pg.URL, func() error { return r.renderPager(pg) }})
		}
	}
	for _, f := range s.Feeds {
		jobs = append(jobs, job{f.URL + "feeds", func() error { return r.renderFeeds(f) }})
	}
	for _, a := range s.Aliases {
		jobs = append(jobs, job{a.From, func() error {
			return r.page(&Page{Kind: "alias", Title: "Redirect", URL: a.From, Alias: &a})
		}})
	}
	jobs = append(jobs,
		job{"/tags/", func() error { return r.renderTerms("tags", "Tags", s.Tags) }},
		job{"/categories/", func() error { return r.renderTerms("categories", "Categories", s.Categories) }},
		job{"/authors/", func() error { return r.page(&Page{Kind: "authors", Title: "Authors", URL: "/authors/"}) }},
		job{"/404.html", func() error { return r.page(&Page{Kind: "404", Title: "Page not found", URL: "/404.html"}) }},
		job{"/sitemap.xml", r.renderSitemap},
		job{"/robots.txt", r.renderRobots},
		job{"/theme/syntax.css", r.renderSyntaxCSS},
	)
	return jobs
}

func (r *Renderer) renderPage(p *site.Page) error {
	res, err := r.md.Render(p.Body, r.resolve)
	if err != nil {
		return fmt.Errorf("%s:%d: cannot render the Markdown: %w", p.Source, p.BodyLine, err)
	}
	desc := p.Description
	if desc == "" {
		desc = truncate(plainText(string(res.Summary)), 160)
	}
	return r.page(&Page{Kind: "page", Title: p.Title, URL: p.URL, Page: p, Content: templateHTML(res.HTML), Description: desc})
}

func (r *Renderer) renderPager(pg *site.Pager) error {
	l := pg.List
	kind, title := "list", l.Title
	if l.Kind == "home" {
		kind = "home"
	}
	if pg.Number > 1 {
		title = fmt.Sprintf("%s, page %d", title, pg.Number)
	}
	p := &Page{Kind: kind, Title: title, URL: pg.URL, Pager: pg, Description: r.site.Config.Description}
	if l.Kind != "archive" {
		p.FeedURL = l.URL
	}
	return r.page(p)
}

func (r *Renderer) renderTerms(kind, title string, terms []*site.Term) error {
	return r.page(&Page{Kind: "terms", Title: title, URL: "/" + kind + "/", Terms: terms, TermKind: kind})
}

func (r *Renderer) renderRobots() error {
	body := fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", r.site.AbsURL("/sitemap.xml"))
	return r.sink.Write("robots.txt", []byte(body))
}

func (r *Renderer) renderSyntaxCSS() error {
	h := r.site.Config.Highlight
	css, err := markdown.Stylesheet(h.Light, h.Dark)
	if err != nil {
		return fmt.Errorf("site.toml: [highlight]: %w", err)
	}
	return r.write("theme/syntax.css", css)
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
