// Command bench compares the speed and memory of blogen builds with the
// floor (cmd/blogen-floor) and with Hugo, on generated sites.
//
//	go run ./bench [-sizes 1000,10000] [-runs 3] [-code-share 0.05] [-hugo]
//	               [-warm=false] [-keep] [-dir /tmp/blogen-bench] [-max-rss 12GB]
//	               [-settle 6m1s] [-photos 0]
//	go run ./bench gen -n 10000 -o DIR [-seed 1] [-code-share 0.05] [-photos 0]
//
// It builds the blogen and floor binaries once, generates a site of each
// size with package sitegen (or reuses the one DIR/N/site already holds)
// with code blocks in -code-share of the posts (5% by default, like the
// business blogs blogen is made for; 0.5 for a developer blog, whose
// sites go to DIR/N-code50/site) and, with -photos P, a 12-megapixel
// photo on the first P posts (DIR/N-photosP/site; the other posts that
// show a photo of the site have a small one), and then, round after
// round, runs in
// turn on the same machine: the floor,
// a cold blogen build (no output folder, no build cache), Hugo with
// ../shared/bench/hugo-site on the same posts (with -hugo, when hugo is
// installed), a warm blogen build (one post edited since the cold build,
// the cache and the output kept) and a second one ("warm again": another
// post edited since the first warm build; the target is judged on the
// first). Each run is one child process,
// measured for wall time, user+system CPU time and peak resident memory;
// a run that fails, or writes the wrong number of post pages, is reported
// and not counted, and so is a run killed for passing -max-rss. The table
// of each size shows the medians and their ratios, and the end of the
// report says which targets are met, with wall-time ratios first and
// CPU-time ratios after them (a busy machine disturbs CPU time less).
//
// Generated sites stay in DIR/N/site for the next run; outputs and the
// Hugo site (posts, authors and pages hard-linked, config and layouts
// copied) are put aside after each size unless -keep is given. Nothing
// is deleted just before a measured run: old outputs go to DIR/trash,
// which is emptied at the start of the next bench run (or before a size
// the disk has no room for), and then the bench waits -settle (see
// trash.go for why). Every run starts after a sync.
//
// gen writes one generated site into an empty folder and exits.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := main1(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// main1 runs the command and returns its exit code.
func main1(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var err error
	if len(args) > 0 && args[0] == "gen" {
		err = runGen(args[1:], stdout, stderr)
	} else {
		err = runBench(ctx, args, stdout, stderr)
	}
	if err == errUsage {
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	return 0
}
