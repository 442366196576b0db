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
	code := fs.Float64("code-share", sitegen.DefaultCodeShare, codeShareUsage)
	photos := fs.Int("photos", 0, photosUsage)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *out == "" || !validShare(*code) || *photos < 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./bench gen -n POSTS -o DIR [-seed N] [-code-share 0.05] [-photos 0]")
		return errUsage
	}
	start := time.Now()
	if err := sitegen.Generate(*out, sitegen.Options{Posts: *n, Seed: *seed, CodeShare: codeShareOption(*code), Photos: *photos}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Generated %d posts into %s in %s\n", *n, *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// codeShareUsage describes the -code-share flag.
const codeShareUsage = "the `share` of posts with code blocks, 0 to 1: 0.05 is a business blog's, 0.5 a developer blog's"

// photosUsage describes the -photos flag.
const photosUsage = "the `number` of posts, the first ones, whose image is a 12-megapixel photo (the other photos are small)"

// validShare reports whether a -code-share value is a share.
func validShare(share float64) bool {
	return share >= 0 && share <= 1
}

// codeShareOption is sitegen's CodeShare for a -code-share value, in
// which 0 means none rather than the default.
func codeShareOption(share float64) float64 {
	if share == 0 {
		return -1
	}
	return share
}
