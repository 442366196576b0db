package render

import (
	"github.com/blogen/blogen/internal/htmltext"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/site"
)

// feedSource gives a feed what the renderer made of its posts, noting in
// deps every post the feed carries.
type feedSource struct {
	r    *Renderer
	page *pagedata.Page
}

// feedSource returns the source of feed f, after noting its posts in d.
func (r *Renderer) feedSource(f *site.Feed, d *pagedata.Reads) feedSource {
	for _, p := range f.Posts {
		d.Add(p.Index)
	}
	return feedSource{r: r, page: (&pagedata.Page{}).Bind(r.site, r.st, d)}
}

// Summary implements feeds.Source.
func (fs feedSource) Summary(p *site.Post) string { return fs.r.st.post(p.Index).summary }

// SummaryText implements feeds.Source.
func (fs feedSource) SummaryText(p *site.Post) string { return htmltext.PlainText(fs.Summary(p)) }

// Body implements feeds.Source.
func (fs feedSource) Body(p *site.Post) (string, error) { return fs.r.postBody(p.Index) }

// Image implements feeds.Source.
func (fs feedSource) Image(p *site.Post) string { return fs.page.Image(p) }
