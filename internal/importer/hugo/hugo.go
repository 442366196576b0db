// Package hugo imports a whole Hugo site into a blogen site: its
// configuration, the pages of its main sections as posts and the others as
// pages, leaf bundles with their files, static/ and data/authors, keeping
// every old URL through the same permalink pattern or an alias. Shortcodes
// stay in the text; the build converts the built-in ones (package dropin).
package hugo

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/importer/sitewriter"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// Options are the choices of one import.
type Options = ssg.Options

// Read reads the Hugo site in dir into what an import writes.
func Read(dir string) (*ssg.Source, error) {
	cfg, err := readConfig(dir)
	if err != nil {
		return nil, err
	}
	files, left, err := ssg.Tree(dir)
	if err != nil {
		return nil, err
	}
	r := &reader{dir: dir, cfg: cfg, src: &ssg.Source{Generator: "Hugo", Dir: dir, Left: left}, bundles: map[string]*ssg.Doc{}}
	r.main = mainSections(cfg, files)
	r.src.Config = ssg.Config{Title: cfg.Title, Description: cfg.Description, BaseURL: cfg.BaseURL, Language: cfg.Language,
		PerPage: cfg.PerPage, PostPatterns: r.patterns()}
	for _, f := range files {
		if isContent(f) {
			if err := r.page(f); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range files {
		r.file(f)
	}
	if err := r.authors(); err != nil {
		return nil, err
	}
	r.notes()
	return r.src, nil
}

// reader holds one reading of a site.
type reader struct {
	dir     string
	cfg     *siteConfig
	src     *ssg.Source
	main    []string // the sections whose pages are posts
	pages   sitewriter.Names
	bundles map[string]*ssg.Doc // leaf bundle folder -> its page
	left    map[string]string
}

// isContent reports whether rel is a Markdown file of content/.
func isContent(rel string) bool {
	return strings.HasPrefix(rel, "content/") && ssg.IsMarkdown(rel)
}

// mainSections are the sections of posts: params.mainSections, else the
// section with the most pages, as Hugo chooses.
func mainSections(cfg *siteConfig, files []string) []string {
	if len(cfg.MainSections) > 0 {
		return cfg.MainSections
	}
	count := map[string]int{}
	for _, f := range files {
		parts := strings.Split(f, "/")
		if isContent(f) && len(parts) > 2 && !strings.HasPrefix(path.Base(f), "_index.") {
			count[parts[1]]++
		}
	}
	best := ""
	for _, s := range slices.Sorted(maps.Keys(count)) {
		if best == "" || count[s] > count[best] {
			best = s
		}
	}
	if best == "" {
		return nil
	}
	return []string{best}
}

// patterns are the blogen patterns that may keep the posts' URLs.
func (r *reader) patterns() []string {
	if len(r.main) != 1 {
		return []string{"/:section/:slug/"}
	}
	s := r.main[0]
	def := "/" + s + "/:section/:slug/"
	if r.cfg.UglyURLs {
		def = "/" + s + "/:section/:slug.html"
	}
	if p := r.cfg.Permalinks[s]; p != "" {
		if t := translate(p, s); t != "" {
			return []string{t, def}
		}
	}
	return []string{def}
}

// postsFolder is where the pages of a section go in blogen: below
// content/posts, without the section's name when it is the only one.
func (r *reader) postsFolder(sections []string) string {
	if len(r.main) == 1 {
		sections = sections[1:]
	}
	return path.Join(append([]string{"content/posts"}, sections...)...)
}

// file sorts a file that is not a page: static files, files of bundles,
// and the folders of Hugo's own.
func (r *reader) file(rel string) {
	top, rest, _ := strings.Cut(rel, "/")
	switch top {
	case "static":
		r.src.Files = append(r.src.Files, ssg.File{From: rel, To: rel, URL: "/" + rest})
	case "content":
		if !isContent(rel) {
			r.resource(rel)
		}
	case "layouts", "themes", "archetypes", "assets", "i18n", "resources", "public", "data":
		if rel != "data/authors.yaml" && rel != "data/authors.yml" && rel != "data/authors.toml" {
			r.leave(top+"/", folderReasons[top])
		}
	}
}

// folderReasons say why a folder of Hugo's own is not brought.
var folderReasons = map[string]string{
	"layouts":    "templates of the site; blogen has its own theme (layouts/ of your own replace it)",
	"themes":     "the Hugo theme; blogen has its own",
	"archetypes": "templates of new content; blogen new post makes its own",
	"assets":     "files for Hugo Pipes; copy any the posts link to into static/",
	"i18n":       "translations of the theme",
	"resources":  "Hugo's cache",
	"public":     "the built site",
	"data":       "data files; only data/authors is read",
}

// resource places a file of content/ that is not a page: beside its
// bundle's post, or in static/ at its old URL.
func (r *reader) resource(rel string) {
	for dir := path.Dir(rel); dir != "content" && dir != "."; dir = path.Dir(dir) {
		if doc, ok := r.bundles[dir]; ok {
			name := strings.TrimPrefix(rel, dir+"/")
			if strings.HasPrefix(doc.To, "content/posts/") && strings.HasSuffix(doc.OldURL, "/") {
				r.src.Files = append(r.src.Files, ssg.File{From: rel, To: path.Join(path.Dir(doc.To), name), URL: doc.OldURL + name})
				return
			}
			if strings.HasSuffix(doc.OldURL, "/") {
				r.src.Files = append(r.src.Files, ssg.File{From: rel, To: "static" + doc.OldURL + name, URL: doc.OldURL + name})
				return
			}
		}
	}
	old := finish("/"+strings.TrimPrefix(rel, "content/"), true)
	r.src.Files = append(r.src.Files, ssg.File{From: rel, To: "static" + old, URL: old})
}

// leave notes once that a folder is not brought.
func (r *reader) leave(p, why string) {
	if r.left == nil {
		r.left = map[string]string{}
	}
	r.left[p] = why
}

// notes adds the notes about folders and settings to the report.
func (r *reader) notes() {
	for _, p := range slices.Sorted(maps.Keys(r.left)) {
		r.src.Left = append(r.src.Left, ssg.Note{Path: p, Why: r.left[p]})
	}
	for _, t := range slices.Sorted(maps.Keys(r.cfg.Taxonomies)) {
		if t != "tag" && t != "category" {
			r.src.Left = append(r.src.Left, ssg.Note{Path: r.cfg.file, Why: "taxonomy " + t + ": blogen lists tags and categories only"})
		}
	}
	if r.cfg.TimeZone != "" {
		r.src.Left = append(r.src.Left, ssg.Note{Path: r.cfg.file, Why: "timeZone " + r.cfg.TimeZone + ": dates without a zone are read as UTC; the day of each URL is the same"})
	}
}

// authors reads data/authors.{yaml,yml,toml}, if the site has one.
func (r *reader) authors() error {
	for _, name := range []string{"data/authors.yaml", "data/authors.yml", "data/authors.toml"} {
		b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		a, err := ssg.ParseAuthors(name, b)
		r.src.Authors = a
		return err
	}
	return nil
}
