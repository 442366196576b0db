package moderation

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestDiskFiles checks both ways of making a new file: it has no name in
// the folder until it is linked, the link never replaces a file, the file
// is readable by all, and closing it leaves only the linked name.
func TestDiskFiles(t *testing.T) {
	for _, tc := range []struct {
		name   string
		create func(dir string) (DiskFile, error)
	}{
		{"OSDisk", OSDisk{}.CreateTemp},
		{"named", createNamed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			taken := filepath.Join(dir, "taken.md")
			if err := os.WriteFile(taken, []byte("first\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := tc.create(dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write([]byte("hello\n")); err != nil {
				t.Fatal(err)
			}
			if err := f.Sync(); err != nil {
				t.Fatal(err)
			}
			if err := f.Link(taken); !errors.Is(err, fs.ErrExist) {
				t.Fatalf("link over a file: %v, want fs.ErrExist", err)
			}
			file := filepath.Join(dir, "new.md")
			if err := f.Link(file); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if src, err := os.ReadFile(taken); err != nil || string(src) != "first\n" {
				t.Errorf("the taken name holds %q, %v", src, err)
			}
			if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o644 || fi.Size() != 6 {
				t.Errorf("new file: %v, %v; want 6 bytes, 0644", fi, err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("files in the folder: %v; want taken.md and new.md", entries)
			}
			g, err := tc.create(dir)
			if err != nil {
				t.Fatal(err)
			}
			_ = g.Close()
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("a file closed without a name left %v", entries)
			}
		})
	}
}
