package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestABuildHoldsTheOutputFolder checks that a second build into a
// folder that a build holds fails at once, naming the holder, and leaves
// that build's staging folder alone; and that leftovers of builds that
// are no longer running are removed by the next one.
func TestABuildHoldsTheOutputFolder(t *testing.T) {
	f := newFolders(t)
	first := f.open(t)
	_, err := NewDir(f.final)
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("a second build while the first runs: %v; want ErrBusy naming process %d", err, os.Getpid())
	}
	if _, err := os.Stat(first.staging); err != nil {
		t.Fatalf("the second build touched the first one's staging folder: %v", err)
	}
	if err := first.Write("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(filepath.Dir(f.final), ".public.blogen-staging-1")
	write(t, filepath.Join(leftover, "index.html"), "of a build that was killed")
	next, err := NewDir(f.final)
	if err != nil {
		t.Fatalf("a build after the first finished: %v", err)
	}
	defer next.Abort()
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the staging folder of a build no longer running is still there: %v", err)
	}
	if got := tree(t, f.final); got["index.html"] != "home" {
		t.Errorf("output folder holds %v", got)
	}
}
