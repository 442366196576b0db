package ssg

import (
	"fmt"
	"strings"
)

// Report says what an import brought, changed and left out.
type Report struct {
	Generator, Dir            string
	Posts, Pages, Authors     int
	Files                     int // static files and files of bundles
	Aliased                   int // posts and pages given an alias for their old URL
	PostPattern, PagePattern  string
	Written                   int      // files written
	Same                      int      // files the site already had, byte for byte
	Kept                      []string // files of the site that differ and were kept (no --force)
	Replaced                  []string // files of the site replaced (--force)
	Converted, Left, Problems []Note
	OldURLs                   []string // every URL of the old site that the import keeps
}

// String is the report as the import prints it.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported the %s site %s: %d posts, %d pages, %d authors, %d files.\n", r.Generator, r.Dir, r.Posts, r.Pages, r.Authors, r.Files)
	fmt.Fprintf(&b, "Posts follow %s and pages %s; %d keep their old URL through an alias.\n", r.PostPattern, r.PagePattern, r.Aliased)
	fmt.Fprintf(&b, "%d files written, %d already there as they are.\n", r.Written, r.Same)
	section(&b, "Kept the site's own (they differ; --force replaces them):", plainNotes(r.Kept))
	section(&b, "Replaced (--force):", plainNotes(r.Replaced))
	section(&b, "Converted:", r.Converted)
	section(&b, "Left as it was:", r.Left)
	section(&b, "The build will report (fix these by hand):", r.Problems)
	return strings.TrimRight(b.String(), "\n")
}

func plainNotes(paths []string) []Note {
	out := make([]Note, len(paths))
	for i, p := range paths {
		out[i] = Note{Path: p}
	}
	return out
}

func section(b *strings.Builder, title string, notes []Note) {
	if len(notes) == 0 {
		return
	}
	fmt.Fprintf(b, "%s\n", title)
	for _, n := range notes {
		if n.Why == "" {
			fmt.Fprintf(b, "  %s\n", n.Path)
			continue
		}
		fmt.Fprintf(b, "  %s: %s\n", n.Path, n.Why)
	}
}
