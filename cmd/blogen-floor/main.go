// Command blogen-floor is the floor of a blogen build: the least work any
// build of a site must do, against which blogen's own build time is
// measured.
//
// For every post under content/posts it parses the YAML front matter (with
// adrg/frontmatter, as blogen does) into a small struct, renders the
// Markdown with the Markdown renderer blogen uses (goldmark with GFM,
// footnotes and chroma), and writes the HTML of the body to
// OUT/<slug>/index.html. Posts are handled on one goroutine per CPU. There
// are no templates, no site graph, no lists, feeds or minification.
//
// Usage:
//
//	blogen-floor [-s SITE] -d OUT [-j WORKERS] [-q]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"
)

func main() { os.Exit(main1(os.Args[1:], os.Stdout, os.Stderr)) }

// main1 runs the command and returns its exit code.
func main1(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("blogen-floor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("s", ".", "the site `folder`")
	out := fs.String("d", "", "the output `folder` (required)")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "the number of `workers`")
	quiet := fs.Bool("q", false, "print nothing but errors")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 || *workers < 1 {
		fmt.Fprintln(stderr, "usage: blogen-floor [-s SITE] -d OUT [-j WORKERS] [-q]")
		return 2
	}
	start := time.Now()
	stats, err := run(context.Background(), *site, *out, *workers)
	if err != nil {
		fmt.Fprintln(stderr, "blogen-floor:", err)
		return 1
	}
	if !*quiet {
		fmt.Fprintf(stdout, "Rendered %d posts (%.1f MB of Markdown, %.1f MB of HTML) in %s on %d workers into %s\n",
			stats.posts, float64(stats.in)/1e6, float64(stats.out)/1e6, time.Since(start).Round(time.Millisecond), *workers, *out)
	}
	return 0
}

// errTooMany stops the report after the first few failed posts.
var errTooMany = errors.New("more posts failed")
