// Package linkedin imports the articles of a LinkedIn data export into a
// blogen site as republished posts.
//
// A LinkedIn export ("Get a copy of your data") has an Articles folder,
// sometimes nested as Articles/Articles, with one HTML file per article.
// Each article becomes content/posts/<slug>.md with the title, the date it
// was published (else created), the cover image, the body as Markdown, the
// author given in Options, and the attribution blogen shows on republished
// posts:
//
//	originally_appeared_on:
//	  site: LinkedIn
//	  url: https://www.linkedin.com/pulse/...
//	  date: 2013-06-10
//	republished_with_permission: true
//	canonical: original
//
// An article with no linkedin.com address was never published there; it is
// written as a draft without attribution. Slugs come from the titles, made
// unique with -2, -3, … in file-name order, so importing the same folder
// twice writes the same files. As with every importer, nothing reaches the
// site unless the whole import succeeds.
package linkedin

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/importer/htmlmd"
	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// Site is the name written as originally_appeared_on.site.
const Site = "LinkedIn"

// Options configure an import.
type Options struct {
	SiteDir string // the site folder; it must exist
	Author  string // the author id written on every post; "" for none
}

// Summary counts what an import wrote and what it left out.
type Summary struct {
	Posts   int            // posts written, drafts included
	Drafts  int            // articles never published on LinkedIn
	Skipped map[string]int // files left out, by reason
}

// String describes the import in a few lines, the same way every time.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "posts: %d (%d drafts)\n", s.Posts, s.Drafts)
	total := 0
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(s.Skipped)) {
		total += s.Skipped[k]
		parts = append(parts, fmt.Sprintf("%d %s", s.Skipped[k], k))
	}
	fmt.Fprintf(&b, "skipped: %d", total)
	if len(parts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	b.WriteString("\n")
	return b.String()
}

// Import reads the articles under dir, which may be the export's top
// folder, its Articles folder or Articles/Articles, and writes them into
// opts.SiteDir.
func Import(ctx context.Context, dir string, opts Options) (Summary, error) {
	files, err := articleFiles(dir)
	if err != nil {
		return Summary{}, err
	}
	w, err := sitewriter.Open(opts.SiteDir)
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", dir, err)
	}
	sum := Summary{Skipped: map[string]int{}}
	var names sitewriter.Names
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return Summary{}, errors.Join(fmt.Errorf("%s: import stopped: %w", file, err), w.Abort())
		}
		if err := importFile(w, &names, file, opts, &sum); err != nil {
			return Summary{}, errors.Join(err, w.Abort())
		}
	}
	if err := w.Commit(); err != nil {
		return Summary{}, fmt.Errorf("%s: %w", dir, err)
	}
	return sum, nil
}

// articleFiles finds the folder of articles and returns its HTML files,
// sorted by name.
func articleFiles(dir string) ([]string, error) {
	for _, sub := range []string{"Articles/Articles", "Articles"} {
		if info, err := os.Stat(filepath.Join(dir, sub)); err == nil && info.IsDir() {
			dir = filepath.Join(dir, sub)
			break
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: reading the articles folder: %w", dir, err)
	}
	var files []string
	for _, e := range entries {
		if ext := strings.ToLower(path.Ext(e.Name())); !e.IsDir() && (ext == ".html" || ext == ".htm") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no LinkedIn articles (.html files) found; pass the Articles folder of the export", dir)
	}
	return files, nil
}

// importFile stages the post for one article file.
func importFile(w *sitewriter.Writer, names *sitewriter.Names, file string, opts Options, sum *Summary) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	a, err := parseArticle(file, data)
	if err != nil {
		return err
	}
	body, err := htmlmd.Convert(a.body)
	if err != nil {
		return fmt.Errorf("%s:1: %w", file, err)
	}
	if a.title == "" && body == "" {
		sum.Skipped["empty article"]++
		return nil
	}
	fm := frontMatter(a, opts.Author)
	slug := names.Claim(slugFor(a, file))
	data, err = sitewriter.Encode(fm, body)
	if err != nil {
		return fmt.Errorf("%s:1: %w", file, err)
	}
	if err := w.Write(postPath(w, slug), data); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	sum.Posts++
	if fm.Draft {
		sum.Drafts++
	}
	return nil
}

// frontMatter describes an article as a republished post.
func frontMatter(a *article, author string) sitewriter.Post {
	fm := sitewriter.Post{
		Title:    strings.ToValidUTF8(a.title, "\uFFFD"),
		Date:     sitewriter.At(a.date()),
		Author:   author,
		Image:    a.image,
		ImageAlt: strings.ToValidUTF8(a.imageAlt, "\uFFFD"),
		Draft:    a.url == "",
	}
	if fm.Title == "" {
		fm.Title = "Untitled"
	}
	if a.url != "" {
		fm.OriginallyAppearedOn = &sitewriter.Attribution{Site: Site, URL: a.url, Date: a.date()}
		fm.RepublishedWithPermission = true
		fm.Canonical = sitewriter.CanonicalOriginal
	}
	return fm
}

// slugFor makes a slug from the title, else from the last part of the
// article's address, else from the file name.
func slugFor(a *article, file string) string {
	if s := sitewriter.Slug(a.title); s != "" {
		return s
	}
	if s := sitewriter.Slug(path.Base(strings.TrimRight(a.url, "/"))); s != "" && a.url != "" {
		return s
	}
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if s := sitewriter.Slug(fileDateRE.ReplaceAllString(base, "")); s != "" {
		return s
	}
	return "linkedin-article"
}

// postPath is content/posts/<slug>.md, or the index.md of an existing page
// bundle of that name.
func postPath(w *sitewriter.Writer, slug string) string {
	if bundle := "content/posts/" + slug + "/index.md"; w.Exists(bundle) {
		return bundle
	}
	return "content/posts/" + slug + ".md"
}
