package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/blogen/blogen/internal/sitegen"
)

// errUsage is returned when the flags are wrong; the flag package has
// already said why.
var errUsage = errors.New("usage")

// runGen is "bench gen": generate one site into an empty folder.
func runGen(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "the number of `posts`")
	out := fs.String("o", "", "the `folder` to write the site into (required, empty)")
	seed := fs.Int64("seed", 1, "the random `seed`")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./bench gen -n POSTS -o DIR [-seed N]")
		return errUsage
	}
	start := time.Now()
	if err := sitegen.Generate(*out, sitegen.Options{Posts: *n, Seed: *seed}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Generated %d posts into %s in %s\n", *n, *out, time.Since(start).Round(time.Millisecond))
	return nil
}
