package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v2"

	"github.com/blogen/blogen/internal/markdown"
)

// frontMatter is the little of a post's front matter the floor reads.
type frontMatter struct {
	Title      string    `yaml:"title"`
	Slug       string    `yaml:"slug"`
	Date       time.Time `yaml:"date"`
	Author     string    `yaml:"author"`
	Authors    []string  `yaml:"authors"`
	Categories []string  `yaml:"categories"`
	Tags       []string  `yaml:"tags"`
	Summary    string    `yaml:"summary"`
	Draft      bool      `yaml:"draft"`
}

// yamlFormat is YAML front matter between --- lines, decoded as blogen
// decodes it.
var yamlFormat = frontmatter.NewFormat("---", "---", yaml.Unmarshal)

// stats count what a run did.
type stats struct {
	posts   int
	in, out int64 // bytes of Markdown read and of HTML written
}

// run renders every post of the site into out on the given number of
// workers.
func run(ctx context.Context, site, out string, workers int) (stats, error) {
	files, err := postFiles(filepath.Join(site, "content", "posts"))
	if err != nil {
		return stats{}, err
	}
	md := markdown.New(markdown.Options{})
	var in, written atomic.Int64
	var next atomic.Int64
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for range min(workers, len(files)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				var n, m int
				n, m, errs[i] = renderPost(md, files[i], out)
				in.Add(int64(n))
				written.Add(int64(m))
			}
		})
	}
	wg.Wait()
	return stats{posts: len(files), in: in.Load(), out: written.Load()}, firstErrors(errs, 5)
}

// postFiles lists the posts below dir: dir/<slug>.md and the index.md of
// page bundles.
func postFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		switch {
		case d.IsDir() && p != dir && strings.HasPrefix(name, "."):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, "."):
			return nil
		case filepath.Dir(p) == dir || name == "index.md":
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list posts: %w", err)
	}
	return files, nil
}

// renderPost reads, parses and renders one post and writes its HTML to
// out/<slug>/index.html. It returns the bytes read and written.
func renderPost(md *markdown.Renderer, file, out string) (int, int, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, fmt.Errorf("read post: %w", err)
	}
	var fm frontMatter
	body, err := frontmatter.Parse(bytes.NewReader(src), &fm, yamlFormat)
	if err != nil {
		return len(src), 0, fmt.Errorf("%s: front matter: %w", file, err)
	}
	res, err := md.Render(body, nil)
	if err != nil {
		return len(src), 0, fmt.Errorf("%s: %w", file, err)
	}
	dir := filepath.Join(out, slugOf(file, fm))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return len(src), 0, fmt.Errorf("%s: %w", file, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), res.HTML, 0o644); err != nil {
		return len(src), 0, fmt.Errorf("%s: write: %w", file, err)
	}
	return len(src), len(res.HTML), nil
}

// slugOf returns the slug: key, else the file or bundle name.
func slugOf(file string, fm frontMatter) string {
	if fm.Slug != "" {
		return fm.Slug
	}
	name := filepath.Base(file)
	if name == "index.md" {
		return filepath.Base(filepath.Dir(file))
	}
	return strings.TrimSuffix(name, ".md")
}

// firstErrors joins the first n errors of errs, and says so when there
// were more.
func firstErrors(errs []error, n int) error {
	var out []error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if len(out) == n {
			out = append(out, errTooMany)
			break
		}
		out = append(out, err)
	}
	return errors.Join(out...)
}
