package publish

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLinksInTheSpareAreNotFollowed puts symbolic links where folders of
// the output go, in the spare or in the output folder (which becomes the
// spare), as a restored cache or a hand edit might: no file may be
// written through them, and every output must be published.
func TestLinksInTheSpareAreNotFollowed(t *testing.T) {
	outputs := map[string]string{"index.html": "home", "a/index.html": "A", "b/index.html": "B", "c/d/index.html": "CD", "c/e/f/index.html": "CEF"}
	tests := []struct {
		name  string
		spoil func(t *testing.T, spare, final, outside string)
	}{
		{"a link out of the spare where a folder goes", func(t *testing.T, spare, _, outside string) {
			replaceWithLink(t, filepath.Join(spare, "c"), outside)
		}},
		{"a link out of the spare deeper down", func(t *testing.T, spare, _, outside string) {
			replaceWithLink(t, filepath.Join(spare, "c", "e"), outside)
		}},
		{"a link from the spare to the output folder", func(t *testing.T, spare, final, _ string) {
			replaceWithLink(t, filepath.Join(spare, "c"), filepath.Join(final, "c"))
		}},
		{"a link from the spare to another of its folders", func(t *testing.T, spare, _, _ string) {
			replaceWithLink(t, filepath.Join(spare, "a"), "b")
		}},
		{"a link out of the output folder", func(t *testing.T, _, final, outside string) {
			replaceWithLink(t, filepath.Join(final, "c"), outside)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFolders(t)
			outside := t.TempDir()
			f.publishAll(t, outputs)
			f.publishAll(t, outputs)
			tt.spoil(t, f.spare, f.final, outside)
			for build := range 3 {
				f.publishAll(t, outputs)
				if got := tree(t, f.final); !reflect.DeepEqual(got, outputs) {
					t.Fatalf("build %d: output folder holds\n%v\nwant\n%v", build, got, outputs)
				}
				if got := tree(t, outside); len(got) > 0 {
					t.Fatalf("build %d: files written outside the output: %v", build, got)
				}
			}
		})
	}
}

// replaceWithLink replaces the folder dir with a symbolic link to target.
func replaceWithLink(t *testing.T, dir, target string) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, dir); err != nil {
		t.Fatal(err)
	}
}
