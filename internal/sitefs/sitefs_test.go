package sitefs_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/blogen/blogen/internal/sitefs"
	"github.com/blogen/blogen/internal/sitetest"
)

// site makes a site folder with a file, links in and out of it, and a
// named pipe, and returns it with a file outside it.
func site(t *testing.T) (dir, outside string) {
	t.Helper()
	dir, outside = t.TempDir(), filepath.Join(t.TempDir(), "secret.txt")
	sitetest.WriteFile(t, outside, []byte("secret"))
	sitetest.WriteFile(t, filepath.Join(dir, "static/a.txt"), []byte("A"))
	sitetest.WriteFile(t, filepath.Join(dir, "shared/sub/b.txt"), []byte("B"))
	links := map[string]string{
		"static/in.txt":     "a.txt",
		"static/shared":     "../shared",
		"static/out.txt":    outside,
		"static/up.txt":     "../../" + filepath.Base(filepath.Dir(outside)) + "/secret.txt",
		"static/abs-in.txt": filepath.Join(dir, "static/a.txt"),
		"static/broken.txt": "nowhere.txt",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "static/pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, outside
}

func TestReadFile(t *testing.T) {
	dir, _ := site(t)
	fsys, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, want, err string
	}{
		{"static/a.txt", "A", ""},
		{"static/in.txt", "A", ""},
		{"static/shared/sub/b.txt", "B", ""},
		{"static/out.txt", "", "static/out.txt: symbolic link to outside the site; copy the file in instead"},
		{"static/up.txt", "", "static/up.txt: symbolic link to outside the site; copy the file in instead"},
		{"static/abs-in.txt", "", "static/abs-in.txt: symbolic link by absolute path; make it a relative link"},
		{"static/pipe", "", "static/pipe: a named pipe, not a file; only regular files are published"},
		{"static/broken.txt", "", "no such file"},
		{"../x", "", "invalid argument"},
	}
	for _, tt := range tests {
		got, err := fsys.ReadFile(tt.name)
		if string(got) != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ReadFile(%s) = %q, %v; want %q, an error with %q", tt.name, got, err, tt.want, tt.err)
		}
		if _, err := fs.Stat(fsys, tt.name); tt.err != "" && !strings.Contains(tt.err, "named pipe") && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("Stat(%s): %v, want an error with %q", tt.name, err, tt.err)
		}
	}
}

func TestWalkDirFollowsLinksInTheSite(t *testing.T) {
	dir, _ := site(t)
	for _, link := range []string{"out.txt", "up.txt", "abs-in.txt", "broken.txt", "pipe"} {
		os.Remove(filepath.Join(dir, "static", link))
	}
	fsys, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	walk := func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	}
	if err := sitefs.WalkDir(fsys, "static", walk); err != nil {
		t.Fatal(err)
	}
	want := []string{"static/a.txt", "static/in.txt", "static/shared/sub/b.txt"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("walked %v, want %v", files, want)
	}
	if err := os.Symlink("..", filepath.Join(dir, "shared/sub/loop")); err != nil {
		t.Fatal(err)
	}
	err = sitefs.WalkDir(fsys, "static", walk)
	if err == nil || !strings.Contains(err.Error(), "static/shared/sub/loop: symbolic link to a folder that holds it") {
		t.Errorf("a link to a folder above it: %v", err)
	}
}
