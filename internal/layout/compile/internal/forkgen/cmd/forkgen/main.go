// Command forkgen writes the compile package's copies of html/template
// and text/template, made from the sources of the Go toolchain that runs
// it, into the current folder, and sets go.mod's go line to that
// toolchain's version. go generate runs it in internal/layout/compile;
// see package forkgen for the rules.
package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/layout/compile/internal/forkgen"
)

func main() {
	dir := flag.String("dir", ".", "the folder of the compile package")
	goroot := flag.String("goroot", "", "the Go tree to copy from (default: go env GOROOT)")
	flag.Parse()
	if err := run(*dir, *goroot); err != nil {
		fmt.Fprintln(os.Stderr, "forkgen:", err)
		os.Exit(1)
	}
}

func run(dir, goroot string) error {
	if goroot == "" {
		var err error
		if goroot, err = forkgen.GOROOT(); err != nil {
			return err
		}
	}
	files, err := forkgen.Generate(goroot, "compile", forkgen.Files)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return fmt.Errorf("writing the copy: %w", err)
		}
	}
	// go.mod's go line names the toolchain the copies were made from.
	version, err := forkgen.Version(goroot)
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "mod", "edit", "-go="+strings.TrimPrefix(version, "go"))
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("setting go.mod's go line: %w: %s", err, out)
	}
	return nil
}
