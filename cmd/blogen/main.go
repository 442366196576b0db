// Command blogen builds, previews and maintains social-business blogs.
//
// Run "blogen help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/blogen/blogen/internal/cli"
)

// gcPercent is the collector's setting unless GOGC is set: a build holds
// its site's graph throughout and goes through many page buffers, and
// letting the heap grow to 1.8 rather than 2 times what is live keeps the
// peak memory about a tenth lower, for little more time.
const gcPercent = 80

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
