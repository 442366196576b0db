package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
)

// premade makes folders of a fresh staging folder in the background, those
// the previous build's outputs went into, so that the work overlaps what
// the build does before it writes: a site has a folder for nearly every
// page, and making them was a third of a build after a small edit.
type premade struct {
	staging string
	done    chan struct{}
	made    []string // the folders it made, parents first; read once done
}

// premake starts making dirs (slash-separated, relative to staging,
// parents before their children). It returns nil when there is nothing to
// make.
func premake(staging string, dirs []string) *premade {
	if len(dirs) == 0 {
		return nil
	}
	pm := &premade{staging: staging, done: make(chan struct{})}
	go func() {
		defer close(pm.done)
		for _, dir := range dirs {
			abs := filepath.Join(staging, filepath.FromSlash(dir))
			if os.Mkdir(abs, 0o755) == nil {
				pm.made = append(pm.made, dir)
			}
		}
	}()
	return pm
}

// wait returns the folders made, once all are.
func (pm *premade) wait() []string {
	if pm == nil {
		return nil
	}
	<-pm.done
	return pm.made
}

// free makes room for the file dst where a folder was made ahead (a
// folder of the previous build's output is a file in this one): it
// removes that folder and the folders made in it, and reports whether it
// did. It leaves alone a folder holding anything but folders.
func (pm *premade) free(dst string) bool {
	if pm == nil {
		return false
	}
	rel, err := filepath.Rel(pm.staging, dst)
	if err != nil || !slices.Contains(pm.wait(), filepath.ToSlash(rel)) {
		return false
	}
	return removeFolders(dst) == nil
}

// removeFolders removes dir and the folders in it, and fails when it
// holds anything else.
func removeFolders(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() {
			return fmt.Errorf("%s holds %s", dir, e.Name())
		}
		if err := removeFolders(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return syscall.Rmdir(dir)
}
