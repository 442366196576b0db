package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/blogen/blogen/internal/build"
)

func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags("build", "build [-s DIR] [-d OUT] [--base-url URL] [--drafts] [--future] [--plain-templates] [--next-due] [-v]", e.stdout)
	var opts build.Options
	var cpuProfile, memProfile string
	var quiet, verbose, nextDue bool
	fs.StringVar(&opts.SiteDir, "s", ".", "the site `folder`")
	fs.StringVar(&opts.OutDir, "d", "", "the output `folder` (default: public/ in the site folder)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's absolute `URL`, overriding base_url of site.toml")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include drafts")
	fs.BoolVar(&opts.Future, "future", false, "include future-dated and expired posts")
	fs.BoolVar(&opts.NoCache, "no-cache", false, "build cold: neither read nor write the build cache (.blogen-cache/)")
	fs.BoolVar(&opts.PlainTemplates, "plain-templates", false, "run every page through html/template, never compiled (plain_templates in site.toml)")
	fs.BoolVar(&quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&verbose, "v", false, "also print how many pages the compiled templates wrote, and how many html/template wrote and why")
	fs.BoolVar(&nextDue, "next-due", false, "print only when the next future-dated post falls due (RFC 3339, UTC), or nothing when none is; for scheduling the next build")
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) to `file`")
	fs.StringVar(&memProfile, "memprofile", "", "write a heap profile (pprof) to `file`")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("build takes no arguments, got %q; use -s DIR for the site folder", rest[0])
	}
	stop, err := startProfile(cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	if nextDue {
		quiet = true
	}
	if !quiet {
		opts.Progress = progress(e.stderr)
	}
	restore := func() {}
	opts.Loaded = func(posts int) { restore = softMemoryLimit(build.MemoryBudget(posts)) }
	res, err := build.Build(ctx, opts)
	restore()
	if err != nil {
		return err
	}
	if err := writeHeapProfile(memProfile); err != nil {
		return err
	}
	if !quiet {
		clearProgress(e.stderr)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	if nextDue && res.Due.Post != nil {
		fmt.Fprintln(e.stdout, res.Due.Time.UTC().Format(time.RFC3339))
	}
	if !quiet {
		fmt.Fprintln(e.stdout, res)
		if verbose {
			fmt.Fprintln(e.stdout, res.Templates)
		}
	}
	return nil
}

// softMemoryLimit sets the process's soft memory limit to budget bytes,
// unless GOMEMLIMIT sets one, and returns the function that puts the
// previous limit back.
func softMemoryLimit(budget int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	previous := debug.SetMemoryLimit(budget)
	return func() { debug.SetMemoryLimit(previous) }
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progress returns a progress reporter that redraws one line on a terminal
// at most ten times a second, and nil when w is not a terminal.
func progress(w io.Writer) func(done, total int) {
	if !isTerminal(w) {
		return nil
	}
	var mu sync.Mutex
	var last time.Time
	start := time.Now()
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(start) < time.Second || time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "\rRendering %d/%d", done, total)
	}
}

func clearProgress(w io.Writer) {
	if isTerminal(w) {
		fmt.Fprint(w, "\r\033[K")
	}
}

// startProfile starts a CPU profile into path, when path is set.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes a heap profile into path, when path is set.
func writeHeapProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}
