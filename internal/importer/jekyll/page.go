package jekyll

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/blogen/blogen/internal/importer/sitewriter"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// page reads a file with front matter outside the folders of Jekyll's
// own: a Markdown page is brought, any other is made by the theme.
func (r *reader) page(rel string, data []byte) error {
	base := strings.TrimSuffix(rel, path.Ext(rel))
	switch {
	case base == "index" || base == "404":
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "a page of the theme; blogen makes its own home and 404 pages"})
		return nil
	case strings.HasSuffix(rel, ".xml"):
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "a feed or sitemap made by the theme; blogen writes /index.xml, /atom.xml, /feed.json and /sitemap.xml"})
		return nil
	case !ssg.IsMarkdown(rel):
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "made by Liquid templates of the theme; blogen makes its own home page, lists and feeds"})
		return nil
	}
	var fm struct {
		Permalink string `yaml:"permalink"`
		Published *bool  `yaml:"published"`
	}
	_, block, _ := ssg.SplitFrontMatter(data)
	_ = yaml.Unmarshal(block, &fm)
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if name == "index" {
		name = path.Base(path.Dir(rel))
	}
	slug := r.pages.Claim(sitewriter.Slug(name))
	doc := ssg.Doc{From: rel, To: "content/pages/" + slug + ".md", Data: data, Slug: slug}
	if fm.Published == nil || *fm.Published {
		doc.OldURL = pageURL(rel, r.cfg.Permalink)
		if fm.Permalink != "" {
			doc.OldURL = sanitize(fm.Permalink)
		}
	}
	r.src.Pages = append(r.src.Pages, doc)
	return nil
}
