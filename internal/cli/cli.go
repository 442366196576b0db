// Package cli is blogen's command line: it parses subcommands and flags,
// calls the packages that do the work, and maps their errors to exit
// statuses. Nothing here writes to the site except through those packages.
//
//	blogen build   [-s DIR] [-d OUT] [--base-url URL] [--drafts] [--future] [--cpuprofile F] [--memprofile F]
//	blogen serve   [-s DIR] [--port 1313] [--bind 127.0.0.1] [--drafts] [--future]
//	blogen init    DIR
//	blogen new post "Title" [--author ID] [-s DIR] [--republish URL --site NAME --date YYYY-MM-DD]
//	blogen lint    [-s DIR] [--format text|json]
//	blogen comments list [--status S] | approve ID | reject ID | spam ID | moderate  [-s DIR]
//	blogen comments serve [-s DIR] [--addr 127.0.0.1:8081] [--git] [--push]
//	blogen import  wordpress export.xml | linkedin DIR --author ID | jekyll|hugo|zola DIR  [-s DIR] [--force]
//	blogen version
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/blogen/blogen/internal/termsafe"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the work failed: bad input, a failed build, a policy breach
	exitUsage = 2 // the command line was wrong
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is where a command writes.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"build", "build the site into public/", runBuild},
		{"serve", "preview the site with live reload", runServe},
		{"init", "create a new site with the built-in theme and a sample post", runInit},
		{"new", "create a new post: blogen new post \"Title\"", runNew},
		{"lint", "check every comment against the comment policy", runLint},
		{"comments", "take and moderate comments: serve, list, approve, reject, spam, moderate", runComments},
		{"import", "import a WordPress export, LinkedIn articles or a Jekyll, Hugo or Zola site", runImport},
		{"version", "print the version", runVersion},
	}
}

// Main runs blogen with args (without the program name) and returns the exit
// status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return report(e, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "blogen: unknown command %q; run blogen help\n", args[0])
	return exitUsage
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errSilent is a failure already reported by the command itself.
var errSilent = errors.New("failed")

// report prints err and returns the exit status for it.
func report(e *env, err error) int {
	var u usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &u):
		fmt.Fprintf(e.stderr, "blogen: %s\n", termsafe.Text(u.msg))
		return exitUsage
	case errors.Is(err, errSilent):
		return exitError
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(e.stderr, "blogen: interrupted; nothing was changed")
		return exitError
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) > 1 {
		fmt.Fprintf(e.stderr, "blogen: %d problems:\n", len(lines))
	}
	for _, l := range lines {
		fmt.Fprintf(e.stderr, "%s\n", termsafe.Line(l))
	}
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "blogen builds social-business blogs from Markdown.\n\nUsage: blogen <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun blogen <command> -h for the flags of a command.")
}

// parse parses flags that may come before, between or after positional
// arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// newFlags returns a flag set whose -h prints its flags to out.
func newFlags(name, synopsis string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: blogen %s\n\nFlags:\n", synopsis)
		fs.SetOutput(out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

var version = "0.1.0"

func runVersion(_ context.Context, e *env, _ []string) error {
	fmt.Fprintf(e.stdout, "blogen %s\n", version)
	return nil
}
