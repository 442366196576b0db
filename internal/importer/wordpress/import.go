package wordpress

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/importer/fetch"
	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// Options configure an import.
type Options struct {
	// SiteDir is the site folder to import into. It must exist.
	SiteDir string
	// Log receives one line per item that was changed or left out on the
	// way in, and why. Nil discards them.
	Log io.Writer
	// Force replaces files the site already has. Without it a file of the
	// site (an "About" page of its own, an edited post, a moderated
	// comment) is kept, and the summary counts the ones that differ.
	Force bool
	// Media downloads the images, audio and video the posts and pages use
	// (their HTML, galleries and featured images) into each post's bundle,
	// or static/media/ for files used by pages or by several posts, and
	// rewrites their addresses. A file that cannot be downloaded keeps its
	// address and is listed in Summary.Media.
	Media bool
	// Fetch bounds the downloads of Media: time, size, retries, how many
	// at once.
	Fetch fetch.Options
	// SkipMentions leaves pingbacks and trackbacks out, counted in the
	// summary; without it they are written as comment files of type
	// mention, which the theme lists apart from the comments.
	SkipMentions bool
}

// Summary counts what an import wrote and what it left out.
type Summary struct {
	Version     string // the WXR version of the export, such as "1.2"
	Posts       int    // posts written, drafts included
	Pages       int    // pages written, drafts included
	Drafts      int    // posts and pages written as drafts
	Authors     int    // author files written
	AuthorsKept int    // authors whose file already existed and was kept
	Categories  int    // distinct categories on the imported posts
	Tags        int    // distinct tags on the imported posts
	// Comments counts the comments written, by status: approved, pending
	// or spam.
	Comments map[string]int
	// Mentions counts the pingbacks and trackbacks written as mentions,
	// by status; they are not in Comments.
	Mentions map[string]int
	// Skipped counts the items and comments left out, by reason.
	Skipped map[string]int
	// Shortcodes counts, by name, the shortcodes that had no Markdown
	// equivalent and were removed (their enclosed text is kept).
	Shortcodes map[string]int
	// Examples holds a few of the things counted in Skipped, by reason,
	// and of the items each removed shortcode was in, by "[name]".
	Examples map[string][]string
	// Media counts the files Options.Media brought, and those it could
	// not.
	Media MediaSummary
}

func newSummary() Summary {
	return Summary{Comments: map[string]int{}, Mentions: map[string]int{}, Skipped: map[string]int{}, Shortcodes: map[string]int{}, Examples: map[string][]string{}}
}

// commentOrder is the order String lists comment statuses in.
var commentOrder = []string{"approved", "pending", "spam", "rejected"}

// String describes the import in a few lines, the same way every time.
func (s Summary) String() string {
	var b strings.Builder
	if s.Version != "" {
		fmt.Fprintf(&b, "WordPress export: WXR %s\n", s.Version)
	}
	fmt.Fprintf(&b, "posts: %d, pages: %d (%d drafts)\n", s.Posts, s.Pages, s.Drafts)
	fmt.Fprintf(&b, "authors: %d written, %d kept as they were\n", s.Authors, s.AuthorsKept)
	fmt.Fprintf(&b, "categories: %d, tags: %d\n", s.Categories, s.Tags)
	total := sumOf(s.Comments)
	fmt.Fprintf(&b, "comments: %d%s\n", total, counts(s.Comments, commentOrder))
	if mentions := sumOf(s.Mentions); mentions > 0 {
		fmt.Fprintf(&b, "mentions: %d%s\n", mentions, counts(s.Mentions, commentOrder))
	}
	fmt.Fprintf(&b, "skipped: %d\n", sumOf(s.Skipped))
	for _, reason := range slices.Sorted(maps.Keys(s.Skipped)) {
		if n := s.Skipped[reason]; n > 0 {
			fmt.Fprintf(&b, "  %d %s%s\n", n, reason, s.examples(reason, n))
		}
	}
	if len(s.Shortcodes) > 0 {
		b.WriteString("shortcodes removed:\n")
		for _, name := range slices.Sorted(maps.Keys(s.Shortcodes)) {
			n := s.Shortcodes[name]
			fmt.Fprintf(&b, "  %d [%s]%s\n", n, name, s.examples("["+name+"]", n))
		}
	}
	b.WriteString(s.Media.String())
	return b.String()
}

// sumOf adds the counts of m.
func sumOf(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// examples lists the examples kept of key, of n in all, as ": a, b, …".
func (s Summary) examples(key string, n int) string {
	ex := s.Examples[key]
	if len(ex) == 0 {
		return ""
	}
	more := ""
	if n > len(ex) {
		more = ", …"
	}
	return ": " + strings.Join(ex, ", ") + more
}

// counts lists the entries of m as " (n key, n key)": first those in
// order, then the rest sorted by key.
func counts(m map[string]int, order []string) string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int {
		ia, ib := slices.Index(order, a), slices.Index(order, b)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		return ia - ib
	})
	var parts []string
	for _, k := range keys {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// Import reads the WordPress export r, whose file name name is used in
// messages, and writes its posts, pages, authors and comments into the site
// opts.SiteDir.
//
// The export is read as a stream, twice: once to index authors and
// attachments (featured images and galleries may point forward), once to
// write. A reader that cannot seek is copied to a scratch file inside the
// staging folder for the second pass. Nothing reaches the site unless the
// whole import succeeds; on error the site is as it was and the error
// names the file and line.
func Import(ctx context.Context, r io.Reader, name string, opts Options) (Summary, error) {
	if name == "" {
		name = "export"
	}
	w, err := sitewriter.Open(opts.SiteDir)
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", name, err)
	}
	var s sink = w
	if !opts.Force {
		s = &keeper{sink: w, dir: opts.SiteDir, log: opts.Log}
	}
	imp := newImporter(s, name, opts.Log)
	imp.skipMentions = opts.SkipMentions
	if opts.Media {
		imp.files = newLocalMedia(w, opts, &imp.sum.Media, func(format string, args ...any) {
			fmt.Fprintf(imp.log, "%s: %s\n", name, fmt.Sprintf(format, args...))
		})
	}
	sum, err := imp.importAll(ctx, r)
	if err != nil {
		return Summary{}, errors.Join(err, w.Abort())
	}
	if err := w.Commit(); err != nil {
		return Summary{}, fmt.Errorf("%s: %w", name, err)
	}
	return sum, nil
}

// sink is where an import stages its files; *sitewriter.Writer is the one
// Import uses.
type sink interface {
	Write(rel string, data []byte) error
	WriteNew(rel string, data []byte) (bool, error)
	Exists(rel string) bool
	Scratch(name string) (*os.File, error)
}

// keeper is a sink that never replaces a file of the site: Write stages a
// file only when the site has none of that name.
type keeper struct {
	sink
	dir  string
	log  io.Writer
	kept []string // files of the site kept that differ from the import's
}

// Write stages data as rel unless the site has rel; a kept file that
// differs is logged and counted.
func (k *keeper) Write(rel string, data []byte) error {
	written, err := k.sink.WriteNew(rel, data)
	if err != nil || written {
		return err
	}
	old, err := os.ReadFile(filepath.Join(k.dir, filepath.FromSlash(rel)))
	if err == nil && bytes.Equal(old, data) {
		return nil
	}
	k.kept = append(k.kept, rel)
	if k.log != nil {
		fmt.Fprintf(k.log, "%s: kept the site's own file; --force replaces it\n", rel)
	}
	return nil
}

// importInto runs an import that stages its files in s.
func importInto(ctx context.Context, r io.Reader, name string, s sink, opts Options) (Summary, error) {
	imp := newImporter(s, name, opts.Log)
	imp.skipMentions = opts.SkipMentions
	return imp.importAll(ctx, r)
}

// importAll runs the import and returns its summary.
func (imp *importer) importAll(ctx context.Context, r io.Reader) (Summary, error) {
	if err := imp.run(ctx, r); err != nil {
		return Summary{}, err
	}
	if k, ok := imp.w.(*keeper); ok {
		for _, rel := range k.kept {
			imp.skip("kept the site's own file (--force replaces it)", rel)
		}
	}
	return imp.sum, nil
}

// run makes both passes over the export.
func (imp *importer) run(ctx context.Context, r io.Reader) error {
	first, second, err := imp.twoPasses(r)
	if err != nil {
		return err
	}
	x := newReader(first, imp.name)
	if err := x.scan(ctx, handler{author: imp.indexAuthor, item: imp.indexItem}); err != nil {
		return err
	}
	imp.sum.Version = x.version
	if err := imp.writeAuthors(); err != nil {
		return err
	}
	if imp.files != nil {
		if err := imp.files.download(ctx, imp.media); err != nil {
			return fmt.Errorf("%s: %w", imp.name, err)
		}
	}
	src, err := second()
	if err != nil {
		return err
	}
	x = newReader(src, imp.name)
	if err := x.scan(ctx, handler{author: func(author) error { return nil }, item: imp.importItem}); err != nil {
		return err
	}
	imp.sum.Categories, imp.sum.Tags = len(imp.categories), len(imp.tags)
	imp.countAttachments()
	return nil
}

// twoPasses returns the reader for the first pass and a function that
// returns one for the second: the same reader seeked back when it can seek,
// else a scratch copy made while the first pass reads.
func (imp *importer) twoPasses(r io.Reader) (io.Reader, func() (io.Reader, error), error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		if start, err := rs.Seek(0, io.SeekCurrent); err == nil {
			return rs, func() (io.Reader, error) {
				if _, err := rs.Seek(start, io.SeekStart); err != nil {
					return nil, fmt.Errorf("%s: rewinding for the second pass: %w", imp.name, err)
				}
				return rs, nil
			}, nil
		}
	}
	f, err := imp.w.Scratch("export-*.xml")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", imp.name, err)
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	return io.TeeReader(r, buf), func() (io.Reader, error) {
		if err := buf.Flush(); err != nil {
			return nil, fmt.Errorf("%s: copying the export: %w", imp.name, err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("%s: rewinding the copy of the export: %w", imp.name, err)
		}
		return f, nil
	}, nil
}
