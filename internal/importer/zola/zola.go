// Package zola imports a whole Zola site into a blogen site: config.toml,
// the pages of its sections (dated ones as posts, others as pages),
// bundles with their files, and static/, keeping every old URL through
// the same permalink pattern or an alias, Zola's aliases included.
package zola

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/importer/sitewriter"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// Options are the choices of one import.
type Options = ssg.Options

// Read reads the Zola site in dir into what an import writes.
func Read(dir string) (*ssg.Source, error) {
	cfg, err := readConfig(dir)
	if err != nil {
		return nil, err
	}
	files, left, err := ssg.Tree(dir)
	if err != nil {
		return nil, err
	}
	r := &reader{dir: dir, cfg: cfg, src: &ssg.Source{Generator: "Zola", Dir: dir, Left: left}, bundles: map[string]string{}}
	r.src.Config = ssg.Config{Title: cfg.Title, Description: cfg.Description, BaseURL: cfg.BaseURL, Language: cfg.DefaultLanguage,
		PostPatterns: []string{"/:section/:slug/"}}
	for _, f := range files {
		if strings.HasPrefix(f, "content/") && strings.HasSuffix(f, ".md") {
			if err := r.page(f); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range files {
		r.file(f)
	}
	r.notes()
	return r.src, nil
}

// reader holds one reading of a site.
type reader struct {
	dir     string
	cfg     *siteConfig
	src     *ssg.Source
	pages   sitewriter.Names
	bundles map[string]string // bundle folder in the old site -> its folder in blogen, "" for a page's
	themes  bool
}

// file sorts a file that is not a page: static files, files of bundles,
// and what Zola's theme and templates make.
func (r *reader) file(rel string) {
	top, rest, _ := strings.Cut(rel, "/")
	switch top {
	case "static":
		r.src.Files = append(r.src.Files, ssg.File{From: rel, To: rel, URL: "/" + rest})
	case "content":
		r.bundleFile(rel)
	case "templates", "sass", "themes":
		r.themes = true
	}
}

// bundleFile copies a file beside a page's index.md into the page's
// bundle; files of sections are copied to static/ at their old URL.
func (r *reader) bundleFile(rel string) {
	if strings.HasSuffix(rel, ".md") {
		return
	}
	dir := path.Dir(rel)
	oldURL := "/" + strings.TrimPrefix(rel, "content/")
	if to, ok := r.bundles[dir]; ok && to != "" {
		r.src.Files = append(r.src.Files, ssg.File{From: rel, To: path.Join(to, path.Base(rel)), URL: r.bundleURL(dir, rel)})
		return
	}
	r.src.Files = append(r.src.Files, ssg.File{From: rel, To: "static" + oldURL, URL: oldURL})
}

// bundleURL is the old URL of a file of a page bundle: beside the page.
func (r *reader) bundleURL(dir, rel string) string {
	for _, p := range r.src.Posts {
		if path.Dir(p.From) == dir {
			return p.OldURL + path.Base(rel)
		}
	}
	return ""
}

// datePrefix matches a date at the start of a file name, and the _ or -
// after it.
var datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}(?:T[\d:]+(?:Z|[+-][\d:]+)?)?)[_-]`)

// page reads one Markdown file of content/.
func (r *reader) page(rel string) error {
	name := path.Base(rel)
	if name == "_index.md" {
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "a section page: blogen makes its own lists (its text can go to content/pages/ by hand)"})
		return nil
	}
	data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	inside := strings.TrimPrefix(rel, "content/")
	section, stem := path.Dir(inside), strings.TrimSuffix(name, ".md")
	if name == "index.md" {
		section, stem = path.Dir(section), path.Base(section)
	}
	if section == "." {
		section = ""
	}
	fm := readFrontMatter(data)
	if fm.Title == "" && fm.Template != "" {
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "a page of the theme (template " + fm.Template + ") with no text of its own"})
		return nil
	}
	doc := ssg.Doc{From: rel, Data: data, Slug: r.slug(stem, fm.Slug)}
	doc.OldURL = oldURL(section, doc.Slug, fm.Path)
	if fm.Draft {
		doc.OldURL = ""
	}
	if fm.Date == nil && !datePrefix.MatchString(stem) && !hasPathDate(rel, data) {
		return r.plainPage(rel, doc, name == "index.md")
	}
	doc.To = path.Join(content.PostsDir, section, name)
	if name == "index.md" {
		doc.To = path.Join(content.PostsDir, section, stem, name)
		r.bundles[path.Dir(rel)] = path.Dir(doc.To)
	}
	r.src.Posts = append(r.src.Posts, doc)
	return nil
}

// hasPathDate reports whether the build reads a date from the page's
// path, as Zola sites that date posts by their path do
// (path = "2018/04/06/all-hands").
func hasPathDate(rel string, data []byte) bool {
	p, _ := content.ParsePost(rel, data)
	return p != nil && !p.Date.IsZero()
}

// plainPage brings a page without a date to content/pages/.
func (r *reader) plainPage(rel string, doc ssg.Doc, bundle bool) error {
	doc.Slug = r.pages.Claim(doc.Slug)
	doc.To = path.Join(content.PagesDir, doc.Slug+".md")
	if bundle {
		r.bundles[path.Dir(rel)] = ""
	}
	r.src.Pages = append(r.src.Pages, doc)
	return nil
}

// slug is the last segment of a page's URL: its slug key or its file
// name without a date, slugified as the site says.
func (r *reader) slug(stem, fromFM string) string {
	if fromFM != "" {
		return slugify(fromFM, r.cfg.Slugify.Paths)
	}
	if !r.cfg.Slugify.PathsKeepDates {
		stem = datePrefix.ReplaceAllString(stem, "")
	}
	return slugify(stem, r.cfg.Slugify.Paths)
}

// oldURL is a page's URL in Zola: its path key, else its section's path
// and its slug, always ending in "/".
func oldURL(section, slug, own string) string {
	if own != "" {
		return "/" + strings.Trim(strings.TrimSpace(own), "/") + "/"
	}
	return path.Clean("/"+section+"/"+slug) + "/"
}

// notes adds what the import leaves out.
func (r *reader) notes() {
	if r.themes {
		r.src.Left = append(r.src.Left, ssg.Note{Path: "templates/, sass/, themes/", Why: "the Zola theme; blogen has its own (layouts/ of your own replace it)"})
	}
	if len(r.cfg.Languages) > 0 {
		r.src.Left = append(r.src.Left, ssg.Note{Path: r.cfg.file, Why: fmt.Sprintf("[languages]: %d more languages; pages in them (name.fr.md) are brought as pages of their own", len(r.cfg.Languages))})
	}
	for _, t := range r.cfg.Taxonomies {
		if t.Name != "tags" && t.Name != "categories" {
			r.src.Left = append(r.src.Left, ssg.Note{Path: r.cfg.file, Why: "taxonomy " + t.Name + ": blogen lists tags and categories only"})
		}
	}
}
