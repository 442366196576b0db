package hugo

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// frontMatter is what the importer reads of a page's front matter.
type frontMatter struct {
	Title string `toml:"title" yaml:"title"`
	Slug  string `toml:"slug" yaml:"slug"`
	URL   string `toml:"url" yaml:"url"`
	Draft bool   `toml:"draft" yaml:"draft"`
}

// readFrontMatter decodes a page's front matter.
func readFrontMatter(data []byte) frontMatter {
	var fm frontMatter
	ssg.DecodeFrontMatter(data, &fm)
	return fm
}

// page reads one Markdown file of content/.
func (r *reader) page(rel string) error {
	name := path.Base(rel)
	if strings.HasPrefix(name, "_index.") {
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "a section or list page: blogen makes its own lists (its text can go to content/pages/ by hand)"})
		return nil
	}
	data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	parts := strings.Split(path.Dir(strings.TrimPrefix(rel, "content/")), "/")
	stem := strings.TrimSuffix(name, path.Ext(name))
	bundle := strings.HasPrefix(name, "index.")
	if bundle {
		stem, parts = parts[len(parts)-1], parts[:len(parts)-1]
	}
	if len(parts) == 1 && parts[0] == "." || len(parts) == 0 {
		parts = nil
	}
	fm := readFrontMatter(data)
	v := vars{date: dateOf(rel, data), title: fm.Title, slug: fm.Slug, filename: stem, sections: parts}
	doc := &ssg.Doc{From: rel, Data: data}
	r.oldURL(doc, v, fm)
	if fm.Draft {
		doc.OldURL = ""
	}
	if len(parts) > 0 && slices.Contains(r.main, parts[0]) {
		doc.To = path.Join(r.postsFolder(parts), ssg.MarkdownName(name))
		if bundle {
			doc.To = path.Join(r.postsFolder(parts), stem, "index.md")
		}
		r.src.Posts = append(r.src.Posts, *doc)
		doc = &r.src.Posts[len(r.src.Posts)-1]
	} else {
		doc.Slug = r.pages.Claim(doc.Slug)
		doc.To = path.Join(content.PagesDir, doc.Slug+".md")
		r.src.Pages = append(r.src.Pages, *doc)
		doc = &r.src.Pages[len(r.src.Pages)-1]
	}
	if bundle {
		r.bundles[path.Dir(rel)] = doc
	}
	return nil
}

// oldURL sets the URL Hugo gives a page and the slug that keeps it.
func (r *reader) oldURL(doc *ssg.Doc, v vars, fm frontMatter) {
	keep := r.cfg.KeepCase
	doc.Slug = urlize(or(v.slug, v.filename))
	switch pattern := r.cfg.Permalinks[first(v.sections)]; {
	case fm.URL != "":
		doc.OldURL = "/" + strings.TrimPrefix(fm.URL, "/")
	case pattern != "" && len(v.sections) > 0:
		doc.OldURL = expand(pattern, v, keep)
		doc.Slug = lastValue(pattern, v)
	default:
		doc.OldURL = defaultURL(v, keep)
		if r.cfg.UglyURLs && len(v.sections) > 0 {
			doc.OldURL = strings.TrimSuffix(doc.OldURL, "/") + ".html"
		}
	}
	if !keep {
		doc.Slug = strings.ToLower(doc.Slug)
	}
}

// lastValue is the value of the placeholder that makes a pattern's last
// segment.
func lastValue(pattern string, v vars) string {
	for _, m := range token.FindAllStringSubmatch(pattern, -1) {
		if lastTokens[m[1]] {
			s, _ := v.value(m[1])
			return s
		}
	}
	return ""
}

// dateOf is a page's date as the build reads it, whose year, month and
// day are those of its Hugo URL.
func dateOf(rel string, data []byte) time.Time {
	if p, err := content.ParsePost(rel, data); err == nil {
		return p.Date
	}
	return time.Time{}
}
