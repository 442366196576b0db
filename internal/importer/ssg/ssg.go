// Package ssg is what the importers of whole sites of other static site
// generators (Jekyll, Hugo, Zola) share. An importer reads its site into a
// Source: the posts, pages, authors and files it brings, each post and page
// with the URL the old site gave it, and the permalink patterns that may
// keep those URLs. Apply chooses the pattern that keeps the most, gives
// every other post or page an alias for its old URL, and writes the site
// through sitewriter without replacing a file of the site unless told to.
package ssg

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// Source is a site of another generator, read for import.
type Source struct {
	Generator string // "Jekyll", "Hugo" or "Zola"
	Dir       string // its folder
	Config    Config
	Posts     []Doc
	Pages     []Doc
	Authors   []Author
	Files     []File
	Converted []Note // what the reading changed, and why
	Left      []Note // what is not brought, and why
	Problems  []Note // what the build will report
}

// Config is what the old site's configuration says that site.toml can
// say too.
type Config struct {
	Title, Description, BaseURL, Language string
	// PostPatterns and PagePatterns are blogen permalink patterns that
	// express the old site's, best first; Apply also tries blogen's
	// defaults and keeps the one that gives the most old URLs.
	PostPatterns, PagePatterns []string
	PerPage                    int // posts on a page of a list; 0 keeps blogen's
}

// Doc is one post or page to write.
type Doc struct {
	From   string  // the file in the old site, relative to its folder
	To     string  // where it goes: content/posts/....md or content/pages/....md
	Data   []byte  // the file as it was
	Set    []Field // front matter keys the import sets
	OldURL string  // the URL path the old site gave it
	// Slug is the last part of the old URL. When the build would make
	// another slug of the file, the import writes slug: with it, so that
	// a pattern with :slug gives the old URL.
	Slug string
}

// Author is an author file to write.
type Author struct {
	From string // the data file it comes from
	ID   string
	Meta sitewriter.Author
	Bio  string
}

// File is a file copied as it is: a static file or a file of a bundle.
type File struct {
	From string // path in the old site, relative to its folder
	To   string // path in the blogen site
	// URL is its URL in the old site, which the import keeps; "" uses its
	// path under static/.
	URL string
}

// Note says what happened to one file of the old site.
type Note struct {
	Path string
	Why  string
}

// Options are the choices of one import.
type Options struct {
	SiteDir string // the blogen site to write into
	Force   bool   // replace files of the site that differ
}

// Import reads the site in dir with read, as a generator's package does,
// and writes it into opts.SiteDir (Apply).
func Import(ctx context.Context, read func(dir string) (*Source, error), dir string, opts Options) (*Report, error) {
	src, err := read(dir)
	if err != nil {
		return nil, err
	}
	return Apply(ctx, src, opts)
}

// Apply writes src into the blogen site and reports what it did. The
// import is all or nothing: files are staged and moved into the site only
// when every one was written.
func Apply(ctx context.Context, src *Source, opts Options) (*Report, error) {
	r := &Report{Generator: src.Generator, Dir: src.Dir, Converted: src.Converted, Left: src.Left, Problems: src.Problems}
	out, err := plan(src, r)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.SiteDir, 0o755); err != nil {
		return nil, fmt.Errorf("site folder %s: %w", opts.SiteDir, err)
	}
	w, err := sitewriter.Open(opts.SiteDir)
	if err != nil {
		return nil, err
	}
	for _, f := range out {
		if err := ctx.Err(); err != nil {
			return nil, errors.Join(err, w.Abort())
		}
		if err := put(w, opts, f, r); err != nil {
			return nil, errors.Join(err, w.Abort())
		}
	}
	if err := w.Commit(); err != nil {
		return nil, err
	}
	return r, nil
}

// output is one file of the blogen site: its bytes, or the old site's
// file to copy.
type output struct {
	rel  string
	data []byte
	from string // a file of the old site to copy, when data is nil
}

// put writes one output unless the site has it: the same bytes are left
// alone, other bytes replaced only with Force.
func put(w *sitewriter.Writer, opts Options, o output, r *Report) error {
	data := o.data
	if data == nil {
		b, err := os.ReadFile(o.from)
		if err != nil {
			return fmt.Errorf("%s: %w; check that it can be read", o.from, err)
		}
		data = b
	}
	if w.Exists(o.rel) {
		old, err := os.ReadFile(filepath.Join(opts.SiteDir, filepath.FromSlash(o.rel)))
		switch {
		case err == nil && bytes.Equal(old, data):
			r.Same++
			return nil
		case !opts.Force:
			r.Kept = append(r.Kept, o.rel)
			return nil
		}
		r.Replaced = append(r.Replaced, o.rel)
	}
	r.Written++
	return w.WriteFile(o.rel, data)
}
