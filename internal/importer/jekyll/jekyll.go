// Package jekyll imports a whole Jekyll site into a blogen site: its
// _config.yml, posts, Markdown pages, authors (_data/authors.yml) and
// static files, keeping every post's and page's old URL through the same
// permalink pattern or an alias. Liquid tags stay in the text; the build
// converts the common ones (package dropin).
package jekyll

import (
	"errors"
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

// Read reads the Jekyll site in dir into what an import writes.
func Read(dir string) (*ssg.Source, error) {
	cfg, err := readConfig(dir)
	if err != nil {
		return nil, err
	}
	files, left, err := ssg.Tree(dir)
	if err != nil {
		return nil, err
	}
	r := &reader{dir: dir, cfg: cfg, src: &ssg.Source{Generator: "Jekyll", Dir: dir, Left: left}}
	r.src.Config = r.config()
	for _, f := range files {
		if err := r.file(f); err != nil {
			return nil, err
		}
	}
	if err := r.authors(); err != nil {
		return nil, err
	}
	r.notes()
	return r.src, nil
}

// reader holds one reading of a site.
type reader struct {
	dir      string
	cfg      *siteConfig
	src      *ssg.Source
	pages    sitewriter.Names
	leftDirs map[string]string
}

// config is the part of _config.yml that site.toml says.
func (r *reader) config() ssg.Config {
	c := r.cfg
	base := strings.TrimSuffix(c.URL, "/") + "/" + strings.Trim(c.BaseURL, "/")
	if c.URL == "" {
		base = ""
	}
	out := ssg.Config{Title: c.Title, Description: c.Description, BaseURL: strings.TrimSuffix(base, "/") + "/", Language: c.Lang, PerPage: c.Paginate}
	if base == "" {
		out.BaseURL = ""
	}
	tmpl := pattern(c.Permalink)
	for _, t := range []string{withoutCategories(tmpl), tmpl} {
		if p := translate(t); p != "" && !slices.Contains(out.PostPatterns, p) {
			out.PostPatterns = append(out.PostPatterns, p)
		}
	}
	if pageSuffix(c.Permalink) == ".html" {
		out.PagePatterns = []string{"/:slug.html"}
	}
	return out
}

// file sorts one file of the site into posts, pages, static files and
// what is left.
func (r *reader) file(rel string) error {
	top, _, _ := strings.Cut(rel, "/")
	switch {
	case isPost(rel):
		return r.post(rel)
	case r.excluded(rel):
		return nil
	case rel == r.cfg.file || rel == "_config.yml":
		return nil
	case strings.HasPrefix(top, "_") && top != rel:
		r.leaveDir(top)
		return nil
	}
	if hidden(rel) {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	if !hasFrontMatter(data) {
		r.src.Files = append(r.src.Files, ssg.File{From: rel, To: "static/" + rel})
		return nil
	}
	return r.page(rel, data)
}

// isPost reports whether rel is in a _posts folder.
func isPost(rel string) bool {
	return strings.HasPrefix(rel, "_posts/") || strings.Contains(rel, "/_posts/")
}

// hidden reports whether Jekyll ignores a file for its name: a part of
// the path starting with "_", "#" or "~", or ending in "~".
func hidden(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, "_") || strings.HasPrefix(part, "#") || strings.HasPrefix(part, "~") || strings.HasSuffix(part, "~") {
			return true
		}
	}
	return false
}

// defaultExclude are the files Jekyll never publishes.
var defaultExclude = []string{"Gemfile", "Gemfile.lock", "node_modules", "vendor", ".sass-cache", ".jekyll-cache", "gemfiles"}

// excluded reports whether _config.yml's exclude (or Jekyll's own) names
// rel or a folder of it, and include does not.
func (r *reader) excluded(rel string) bool {
	match := func(list []string) bool {
		for _, e := range list {
			e = strings.Trim(e, "/")
			if ok, _ := path.Match(e, rel); ok || rel == e || strings.HasPrefix(rel, e+"/") {
				return true
			}
		}
		return false
	}
	if match(r.cfg.Include) {
		return false
	}
	return match(defaultExclude) || match(r.cfg.Exclude)
}

// hasFrontMatter reports whether Jekyll would process a file: it starts
// with a --- line.
func hasFrontMatter(b []byte) bool {
	first, _, _ := strings.Cut(string(b[:min(len(b), 8)]), "\n")
	return strings.TrimRight(first, " \r") == "---"
}

// dirReasons say why a folder of Jekyll's own is not brought.
var dirReasons = map[string]string{
	"_layouts":  "layouts of the Jekyll theme; blogen has its own (layouts/ of your own replace it)",
	"_includes": "includes of the Jekyll theme; {% include %} tags stay in posts, reported by the build",
	"_sass":     "styles of the Jekyll theme; blogen has its own",
	"_site":     "the built site",
	"_plugins":  "Ruby plugins; blogen does not run them",
	"_drafts":   "unpublished drafts: they have no date or URL; copy one to content/posts/ with a date to keep it",
	"_data":     "data files; only _data/authors.yml is read",
}

// leaveDir notes once that a folder of Jekyll's own is not brought.
func (r *reader) leaveDir(top string) {
	if r.leftDirs == nil {
		r.leftDirs = map[string]string{}
	}
	why, ok := dirReasons[top]
	if !ok {
		why = "a collection or folder of Jekyll's own; only _posts is read as posts"
	}
	r.leftDirs[top+"/"] = why
}

// notes adds the notes about folders and settings to the report.
func (r *reader) notes() {
	for _, d := range slices.Sorted(maps.Keys(r.leftDirs)) {
		if d == "_data/" && !r.hasOtherData() {
			continue
		}
		r.src.Left = append(r.src.Left, ssg.Note{Path: d, Why: r.leftDirs[d]})
	}
	c := r.cfg
	if c.Paginate > 0 {
		r.src.Left = append(r.src.Left, ssg.Note{Path: c.file, Why: "paginate_path: the pages of the home page are /page/2/, /page/3/ ... in blogen"})
	}
	if len(c.Defaults) > 0 {
		r.src.Left = append(r.src.Left, ssg.Note{Path: c.file, Why: "defaults: not read; a permalink or author set there must be set in site.toml or the posts"})
	}
	if c.Timezone != "" {
		r.src.Left = append(r.src.Left, ssg.Note{Path: c.file, Why: "timezone " + c.Timezone + ": dates without a zone are read as UTC; the day of each URL is the same"})
	}
}

// hasOtherData reports whether _data holds more than authors.
func (r *reader) hasOtherData() bool {
	entries, _ := os.ReadDir(filepath.Join(r.dir, "_data"))
	for _, e := range entries {
		if n := e.Name(); n != "authors.yml" && n != "authors.yaml" {
			return true
		}
	}
	return false
}

// authors reads _data/authors.yml, if the site has one.
func (r *reader) authors() error {
	for _, name := range []string{"_data/authors.yml", "_data/authors.yaml"} {
		b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		authors, err := ssg.ParseAuthors(name, b)
		if err != nil {
			return err
		}
		r.src.Authors = authors
		return nil
	}
	return nil
}
