package content

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/sitefs"
)

// The folders of content/, relative to the site root.
const (
	PostsDir    = "content/posts"
	PagesDir    = "content/pages"
	AuthorsDir  = "content/authors"
	CommentsDir = "content/comments"
)

// Ignored reports whether a file name is one blogen never reads: hidden
// files, editor temporary and backup files, and Hugo's _index.md section
// files.
func Ignored(name string) bool {
	switch {
	case name == "" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"),
		name == "4913", isSection(name):
		return true
	}
	return false
}

// source is one file to parse and the parser for its kind.
type source struct {
	file  string
	kind  kind
	files []string // other files of a page bundle
	info  fs.FileInfo
}

type kind int

const (
	kindPost kind = iota
	kindPage
	kindAuthor
	kindComment
)

// Load reads every content file of the site rooted at fsys, in parallel, and
// returns them in a stable order (by path). Every file that fails to parse
// is reported; the returned error is a diag list.
func Load(fsys fs.FS) (*Site, error) { return LoadCached(fsys, nil) }

// LoadCached is Load that re-parses only the files that changed since the
// cache last saw them (by size, modification time, inode and change time,
// and every file changed within cache.RacyWindow of the last load); cache may
// be nil.
// Parsed values are immutable, so unchanged files share them with the
// previous load.
func LoadCached(fsys fs.FS, cache *Cache) (*Site, error) {
	return LoadContext(context.Background(), fsys, cache)
}

// LoadContext is LoadCached that stops reading files when ctx ends, and
// then returns ctx's error and leaves the cache as it was.
func LoadContext(ctx context.Context, fsys fs.FS, cache *Cache) (*Site, error) {
	var errs diag.List
	start := time.Now()
	sources, sections := collect(ctx, fsys, &errs)
	results := make([]any, len(sources))
	failures := make([]error, len(sources))
	n := &names{}
	parallel(ctx, len(sources), func(i int) {
		results[i], failures[i] = cache.parse(fsys, sources[i], n)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cache.update(start, sources, results, failures)
	site := &Site{Sections: sections}
	for i, r := range results {
		errs.Add(failures[i])
		switch v := r.(type) {
		case *Post:
			if v.ThemePage {
				site.Sections = append(site.Sections, v.Source)
				continue
			}
			site.Posts = append(site.Posts, v)
		case *Page:
			site.Pages = append(site.Pages, v)
		case *Author:
			site.Authors = append(site.Authors, v)
		case *Comment:
			site.Comments = append(site.Comments, v)
		}
	}
	return site, errs.Err()
}

// parseSource reads and parses one file. The value parsed so far is
// returned with an error too, so later checks (authors, URLs) can still
// report their own problems in the same build. The strings of names are
// shared with n (which may be nil).
func parseSource(fsys fs.FS, s source, n *names) (any, error) {
	buf, err := readPooled(fsys, s.file)
	if err != nil {
		return nil, diag.Wrap(s.file, 0, err, "cannot read the file")
	}
	defer releaseRead(buf)
	src := *buf
	var v any
	switch s.kind {
	case kindPost:
		var p *Post
		p, err = parsePost(s.file, src, n)
		if p != nil {
			p.Body = nil // read again when the post is rendered
			if s.files != nil {
				p.Files, p.Bundle = s.files, path.Dir(s.file)
			}
			head := min(p.BodyStart, len(src))
			p.Sum, p.BodySum = sha256.Sum256(src[:head]), sha256.Sum256(src[head:])
		}
		v = orNil(p)
	case kindPage:
		var p *Page
		if p, err = ParsePage(s.file, src); p != nil {
			p.Body = slices.Clone(p.Body) // not the read buffer
			p.Sum = sha256.Sum256(src)
		}
		v = orNil(p)
	case kindAuthor:
		var a *Author
		if a, err = ParseAuthor(s.file, src); a != nil {
			a.Body = slices.Clone(a.Body) // not the read buffer
			a.Sum = sha256.Sum256(src)
		}
		v = orNil(a)
	default:
		var c *Comment
		if c, err = parseComment(s.file, src, n); c != nil {
			c.Body = nil // read again when the comment is rendered
			c.Sum = sha256.Sum256(src)
		}
		v = orNil(c)
	}
	if err != nil {
		return v, flatten(err)
	}
	return v, nil
}

// flatten turns errors.Join of diag errors into a diag list.
func flatten(err error) error {
	var l diag.List
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			l.Add(e)
		}
		return l.Err()
	}
	return err
}

// collect finds every content file to parse, until ctx ends.
func collect(ctx context.Context, fsys fs.FS, errs *diag.List) ([]source, []string) {
	var out []source
	posts, sections := collectPosts(ctx, fsys, PostsDir, errs)
	out = append(out, posts...)
	for _, d := range []struct {
		dir  string
		kind kind
	}{{PagesDir, kindPage}, {AuthorsDir, kindAuthor}, {CommentsDir, kindComment}} {
		out = append(out, collectMarkdown(ctx, fsys, d.dir, d.kind, errs)...)
	}
	return out, sections
}

// walk calls fn for every file and folder below dir that blogen reads,
// skipping ignored names (and everything inside ignored folders). A
// missing dir is no error. Links to folders are not followed. It stops
// when ctx ends.
func walk(ctx context.Context, fsys fs.FS, dir string, fn func(p string, d fs.DirEntry) error) error {
	return walkWith(ctx, fs.WalkDir, fsys, dir, fn, nil)
}

// walkWith is walk with the walker walkDir (fs.WalkDir, or sitefs.WalkDir,
// which follows links to folders in the site), calling section, when not
// nil, for each _index.md file it skips.
func walkWith(ctx context.Context, walkDir func(fs.FS, string, fs.WalkDirFunc) error, fsys fs.FS, dir string, fn func(p string, d fs.DirEntry) error, section func(p string)) error {
	err := walkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if section != nil && isSection(d.Name()) {
			section(p)
		}
		if p != dir && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		return fn(p, d)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// collectMarkdown lists the .md files below dir.
func collectMarkdown(ctx context.Context, fsys fs.FS, dir string, k kind, errs *diag.List) []source {
	var out []source
	err := walk(ctx, fsys, dir, func(p string, d fs.DirEntry) error {
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			info, _ := d.Info()
			out = append(out, source{file: p, kind: k, info: info})
		}
		return nil
	})
	if err != nil {
		errs.Add(diag.Wrap(dir, 0, err, "cannot read the folder"))
	}
	return out
}

// isSection reports whether a file name is that of a Hugo or Zola
// section page.
func isSection(name string) bool { return name == "_index.md" || name == "_index.markdown" }

// isPostFile reports whether a file name is that of a post: .md, or
// .markdown as Jekyll sites name them.
func isPostFile(name string) bool {
	return strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".markdown")
}

// collectPosts lists posts: .md and .markdown files, and folders holding
// an index.md (page bundles), whose other files are copied beside the
// post. It returns the section pages it skipped too.
func collectPosts(ctx context.Context, fsys fs.FS, dir string, errs *diag.List) ([]source, []string) {
	var out []source
	var sections []string
	err := walkWith(ctx, fs.WalkDir, fsys, dir, func(p string, d fs.DirEntry) error {
		if !d.IsDir() {
			if isPostFile(d.Name()) && !isSection(d.Name()) {
				info, _ := d.Info()
				out = append(out, source{file: p, kind: kindPost, info: info})
			}
			return nil
		}
		if p == dir {
			return nil
		}
		info, err := fs.Stat(fsys, path.Join(p, "index.md"))
		if err != nil {
			return nil
		}
		files, err := bundleFiles(ctx, fsys, p)
		if err != nil {
			return err
		}
		out = append(out, source{file: path.Join(p, "index.md"), kind: kindPost, files: files, info: info})
		return fs.SkipDir
	}, func(p string) { sections = append(sections, p) })
	if err != nil {
		errs.Add(diag.Locate(dir, 0, err, "cannot read the folder"))
	}
	return out, sections
}

// bundleFiles lists the files of a page bundle other than index.md,
// relative to the bundle folder, sorted. Links to folders in the bundle
// are followed when they stay in the site (sitefs.WalkDir).
func bundleFiles(ctx context.Context, fsys fs.FS, dir string) ([]string, error) {
	files := []string{}
	err := walkWith(ctx, sitefs.WalkDir, fsys, dir, func(p string, d fs.DirEntry) error {
		if !d.IsDir() && p != path.Join(dir, "index.md") {
			files = append(files, strings.TrimPrefix(p, dir+"/"))
		}
		return nil
	}, nil)
	slices.Sort(files)
	return files, err
}

// parallel calls fn(i) for i in [0, n) on as many goroutines as there are
// CPUs, until ctx ends. Each fn writes only its own index of any shared
// slice.
func parallel(ctx context.Context, n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// kindOf returns the kind of a parsed value.
func kindOf(v any) kind {
	switch v.(type) {
	case *Post:
		return kindPost
	case *Page:
		return kindPage
	case *Author:
		return kindAuthor
	}
	return kindComment
}

// orNil returns p as an any that is nil when p is a nil pointer, so that a
// file that did not parse at all leaves no value behind.
func orNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return p
}
