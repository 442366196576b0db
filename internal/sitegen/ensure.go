package sitegen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// StampFile is the file, in a generated site's folder, that records the
// Options it was generated with.
const StampFile = ".sitegen"

// Ensure makes dir hold the site opts describe, reusing what a previous
// call generated there: a folder whose stamp names the same options is
// kept as it is, any other folder is replaced. The site is generated in a
// temporary sibling folder and renamed into place, so a process that
// stops half-way leaves no half site behind, and two processes that ensure
// the same site at once both end up with it. reused reports that nothing
// was generated.
func Ensure(dir string, opts Options) (reused bool, err error) {
	if Stamped(dir, opts) {
		return true, nil
	}
	tmp, err := generateStamped(dir, opts)
	defer os.RemoveAll(tmp)
	if err != nil {
		return false, err
	}
	return false, replace(dir, tmp, opts)
}

// generateStamped generates the site in a new temporary sibling of dir
// and stamps it. It returns the temporary folder, to be removed by the
// caller, even on error.
func generateStamped(dir string, opts Options) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", fmt.Errorf("sitegen: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".tmp-")
	if err != nil {
		return "", fmt.Errorf("sitegen: %w", err)
	}
	if err := Generate(tmp, opts); err != nil {
		return tmp, err
	}
	if err := os.WriteFile(filepath.Join(tmp, StampFile), []byte(opts.String()+"\n"), 0o644); err != nil {
		return tmp, fmt.Errorf("sitegen: stamp: %w", err)
	}
	return tmp, nil
}

// replace puts the generated site tmp in the place of dir, unless another
// process has put the same site there meanwhile.
func replace(dir, tmp string, opts Options) error {
	if Stamped(dir, opts) {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("sitegen: replace %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil && !Stamped(dir, opts) {
		return fmt.Errorf("sitegen: %w", err)
	}
	return nil
}

// Stamped reports whether dir holds a complete site generated with opts by
// this version of the package.
func Stamped(dir string, opts Options) bool {
	got, err := os.ReadFile(filepath.Join(dir, StampFile))
	return err == nil && bytes.Equal(got, []byte(opts.String()+"\n"))
}
