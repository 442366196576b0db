package ssg

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/importer/sitewriter"
	"github.com/blogen/blogen/internal/site"
)

// defaultPostPattern and defaultPagePattern are blogen's own, tried after
// the old site's.
const (
	defaultPostPattern = "/:year/:month/:slug/"
	defaultPagePattern = "/:slug/"
)

// plan turns a Source into the files of the blogen site, in a fixed order.
func plan(src *Source, r *Report) ([]output, error) {
	posts, err := settle(src.Posts, r)
	if err != nil {
		return nil, err
	}
	pages, err := settle(src.Pages, r)
	if err != nil {
		return nil, err
	}
	r.PostPattern = choosePattern(posts, append(src.Config.PostPatterns, defaultPostPattern), postURL)
	r.PagePattern = choosePattern(pages, append(src.Config.PagePatterns, defaultPagePattern), pageURL)
	var out []output
	for _, d := range posts {
		o, err := keepURL(d, r.PostPattern, postURL, r)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	for _, d := range pages {
		o, err := keepURL(d, r.PagePattern, pageURL, r)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	r.Posts, r.Pages = len(posts), len(pages)
	authors, err := authorFiles(src.Authors)
	if err != nil {
		return nil, err
	}
	out = append(out, authors...)
	r.Authors = len(authors)
	for _, f := range src.Files {
		if builtOutputs[f.To] {
			r.Left = append(r.Left, Note{f.From, "blogen writes its own " + strings.TrimPrefix(f.To, "static/")})
			r.Files--
			continue
		}
		out = append(out, output{rel: f.To, from: filepath.Join(src.Dir, filepath.FromSlash(f.From))})
		u := f.URL
		if u == "" {
			u = oldFileURL(f.To)
		}
		r.OldURLs = append(r.OldURLs, u)
	}
	r.Files += len(src.Files)
	toml, err := siteTOML(src.Config, r.PostPattern, r.PagePattern)
	if err != nil {
		return nil, err
	}
	out = append(out, output{rel: "site.toml", data: toml})
	slices.Sort(r.OldURLs)
	return out, nil
}

// builtOutputs are the files at the root of every blogen site, which a
// static file of the same name would clash with.
var builtOutputs = map[string]bool{
	"static/robots.txt": true, "static/sitemap.xml": true, "static/index.xml": true, "static/atom.xml": true,
	"static/feed.json": true, "static/404.html": true, "static/index.html": true,
}

// oldFileURL is the URL of a copied file that names none: its path
// under static/.
func oldFileURL(rel string) string {
	p, _ := strings.CutPrefix(rel, "static/")
	return "/" + p
}

// parsed is a Doc with its front matter edits made and as a build reads it.
type parsed struct {
	Doc
	post *content.Post
	page *content.Page
}

// settle makes each Doc's front matter edits and parses the result as the
// build will. A file the build cannot read is written as it is, and the
// report says why.
func settle(docs []Doc, r *Report) ([]parsed, error) {
	out := make([]parsed, 0, len(docs))
	for _, d := range docs {
		data, err := EditFrontMatter(d.Data, d.Set...)
		if err != nil {
			return nil, fmt.Errorf("%s:1: %v; fix its front matter and import again", d.From, err)
		}
		d.Data = data
		p, err := parse(d)
		if err == nil && d.Slug != "" && d.OldURL != "" && p.slug() != d.Slug {
			if d.Data, err = EditFrontMatter(d.Data, Field{"slug", d.Slug}); err != nil {
				return nil, fmt.Errorf("%s:1: %v; fix its front matter and import again", d.From, err)
			}
			p, err = parse(d)
			r.Converted = append(r.Converted, Note{d.From, fmt.Sprintf("slug: %s, the last part of its old URL", d.Slug)})
		}
		if err != nil {
			r.Problems = append(r.Problems, Note{d.From, err.Error()})
		}
		out = append(out, p)
	}
	return out, nil
}

// parse reads a Doc as the build will.
func parse(d Doc) (parsed, error) {
	p := parsed{Doc: d}
	var err error
	if isPage(d.To) {
		p.page, err = content.ParsePage(d.To, d.Data)
	} else {
		p.post, err = content.ParsePost(d.To, d.Data)
	}
	return p, err
}

// aliases are the old URLs the file declares itself.
func (p parsed) aliases() []string {
	switch {
	case p.page != nil:
		return p.page.Aliases
	case p.post != nil:
		return p.post.Aliases
	}
	return nil
}

// slug is the slug the build gives the file.
func (p parsed) slug() string {
	if p.page != nil {
		return p.page.Slug
	}
	return p.post.Slug
}

func isPage(rel string) bool { return strings.HasPrefix(rel, content.PagesDir+"/") }

// urlOf is the URL a build gives a parsed post or page under a pattern,
// and "" when it could not be parsed.
type urlOf func(p parsed, pattern string) string

func postURL(p parsed, pattern string) string {
	if p.post == nil {
		return ""
	}
	return site.PostURL(pattern, p.post)
}

func pageURL(p parsed, pattern string) string {
	if p.page == nil {
		return ""
	}
	return site.PageURL(pattern, p.page)
}

// choosePattern returns the candidate pattern that gives the most files
// their old URL, the first on a tie.
func choosePattern(docs []parsed, patterns []string, url urlOf) string {
	best, bestN := patterns[0], -1
	for _, pat := range patterns {
		n := 0
		for _, d := range docs {
			if d.OldURL != "" && url(d, pat) == site.AliasURL(d.OldURL) {
				n++
			}
		}
		if n > bestN {
			best, bestN = pat, n
		}
	}
	return best
}

// keepURL returns the file of a post or page, with an alias for its old
// URL when the pattern does not give it.
func keepURL(d parsed, pattern string, url urlOf, r *Report) (output, error) {
	if d.OldURL != "" {
		r.OldURLs = append(r.OldURLs, d.OldURL)
	}
	for _, a := range d.aliases() {
		if !strings.Contains(a, "?") && !strings.Contains(a, "://") {
			r.OldURLs = append(r.OldURLs, site.AliasURL(a))
		}
	}
	u := url(d, pattern)
	if d.OldURL == "" || u == "" || u == site.AliasURL(d.OldURL) {
		return output{rel: d.To, data: d.Data}, nil
	}
	data, err := addAlias(d.Data, d.OldURL)
	if err != nil {
		return output{}, fmt.Errorf("%s:1: %v; fix its front matter and import again", d.From, err)
	}
	r.Aliased++
	r.Converted = append(r.Converted, Note{d.From, fmt.Sprintf("its URL is %s; an alias keeps %s", u, d.OldURL)})
	return output{rel: d.To, data: data}, nil
}

// addAlias adds old to the aliases of a file, under the key it already
// uses for them.
func addAlias(data []byte, old string) ([]byte, error) {
	key := "aliases"
	list, ok := Lookup(data, key)
	if !ok {
		if l, ok2 := Lookup(data, "redirect_from"); ok2 {
			key, list = "redirect_from", l
		}
	}
	var aliases []any
	switch l := list.(type) {
	case []any:
		aliases = l
	case string:
		aliases = []any{l}
	}
	return EditFrontMatter(data, Field{key, append(aliases, old)})
}

// authorFiles encodes the author files.
func authorFiles(authors []Author) ([]output, error) {
	var out []output
	for _, a := range authors {
		data, err := sitewriter.Encode(a.Meta, a.Bio)
		if err != nil {
			return nil, fmt.Errorf("%s: author %s: %w", a.From, a.ID, err)
		}
		out = append(out, output{rel: path.Join(content.AuthorsDir, a.ID+".md"), data: data})
	}
	return out, nil
}
