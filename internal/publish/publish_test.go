package publish

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blogen/blogen/internal/cache"
)

// folders of one site's output, as a build lays them out.
type folders struct {
	final, manifest, spare string
}

func newFolders(t *testing.T) folders {
	dir := t.TempDir()
	return folders{
		final:    filepath.Join(dir, "public"),
		manifest: filepath.Join(dir, ".blogen-cache", "outputs", "x.manifest"),
		spare:    filepath.Join(dir, ".blogen-cache", "outputs", "x.spare"),
	}
}

// open starts a build into f, as internal/build does.
func (f folders) open(t *testing.T) *Dir {
	t.Helper()
	d, err := NewDir(f.final)
	if err != nil {
		t.Fatal(err)
	}
	d.KeepUnchanged(f.manifest, f.spare)
	return d
}

// stage writes outputs (path -> text) into d, keeping the previous file
// of each output whose text is unchanged, and returns how many it kept.
func stage(t *testing.T, d *Dir, outputs map[string]string) int {
	t.Helper()
	kept := 0
	for p, text := range outputs {
		o := cache.Output{Source: cache.NewHasher("test").String(text).Key()}
		if d.Reuse(p, o) {
			kept++
			continue
		}
		if err := d.WriteFrom(p, []byte(text), o); err != nil {
			t.Fatal(err)
		}
	}
	return kept
}

// publishAll runs one whole build of outputs into f.
func (f folders) publishAll(t *testing.T, outputs map[string]string) (kept int, reused bool) {
	t.Helper()
	d := f.open(t)
	kept = stage(t, d, outputs)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return kept, d.reused
}

// tree reads every file under dir (path -> text); symbolic links read as
// "-> target".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if e.Type()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			files[filepath.ToSlash(rel)] = "-> " + target
			return nil
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildsStageIntoTheSpare(t *testing.T) {
	f := newFolders(t)
	builds := []struct {
		name    string
		outputs map[string]string
		kept    int
		reused  bool
	}{
		{"cold", map[string]string{"index.html": "home 1", "a/index.html": "A", "b/index.html": "B", "c/index.html": "C"}, 0, false},
		{"no spare yet", map[string]string{"index.html": "home 2", "a/index.html": "A", "b/index.html": "B", "d/index.html": "D"}, 2, false},
		{"into the spare", map[string]string{"index.html": "home 3", "a/index.html": "A", "b/index.html": "B changed", "e/f/index.html": "EF"}, 1, true},
		{"into the spare again", map[string]string{"index.html": "home 3", "a/index.html": "A", "b/index.html": "B changed", "e/f/index.html": "EF", "c/index.html": "C is back"}, 4, true},
		{"everything removed but one", map[string]string{"a/index.html": "A"}, 1, true},
	}
	for _, b := range builds {
		kept, reused := f.publishAll(t, b.outputs)
		if kept != b.kept || reused != b.reused {
			t.Errorf("%s: kept %d outputs, staged into the spare: %v; want %d, %v", b.name, kept, reused, b.kept, b.reused)
		}
		if got := tree(t, f.final); !reflect.DeepEqual(got, b.outputs) {
			t.Errorf("%s: output folder holds\n%v\nwant\n%v", b.name, got, b.outputs)
		}
		if empty := emptyFolders(t, f.final); len(empty) > 0 {
			t.Errorf("%s: empty folders left behind: %v", b.name, empty)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(f.final), ".public.blogen-*")); len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// TestWritingIntoTheSpareLeavesTheOutputAlone checks that an output
// written into the spare, where it was a link to the file the output
// folder shows, does not change that file before the build commits.
func TestWritingIntoTheSpareLeavesTheOutputAlone(t *testing.T) {
	f := newFolders(t)
	first := map[string]string{"a/index.html": "A", "style.css": "body{}"}
	f.publishAll(t, first)
	f.publishAll(t, first) // the first output folder becomes the spare; its files are those of the output
	d := f.open(t)
	if !d.reused {
		t.Fatal("the third build does not stage into the spare")
	}
	stage(t, d, map[string]string{"a/index.html": "A, edited", "style.css": "body{color:red}"})
	if got := tree(t, f.final); !reflect.DeepEqual(got, first) {
		t.Fatalf("before the build committed, the output folder changed to %v", got)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, f.final); !reflect.DeepEqual(got, first) {
		t.Fatalf("after the build was abandoned, the output folder changed to %v", got)
	}
	next := map[string]string{"a/index.html": "A", "style.css": "body{margin:0}"}
	if kept, reused := f.publishAll(t, next); kept != 1 || !reused {
		t.Errorf("the build after an abandoned one kept %d outputs, staged into the spare: %v; want 1, true", kept, reused)
	}
	if got := tree(t, f.final); !reflect.DeepEqual(got, next) {
		t.Errorf("output folder holds %v, want %v", got, next)
	}
}

// TestSpareContentsAreNotTrusted fills the spare with what a user or an
// interrupted build might leave there.
func TestSpareContentsAreNotTrusted(t *testing.T) {
	outputs := map[string]string{"index.html": "home", "a/index.html": "A", "b/index.html": "B", "c/d/index.html": "CD"}
	tests := []struct {
		name  string
		spoil func(t *testing.T, spare, final string)
	}{
		{"stray files and folders", func(t *testing.T, spare, _ string) {
			write(t, filepath.Join(spare, "stray.html"), "x")
			write(t, filepath.Join(spare, "deep", "er", "stray.html"), "x")
			if err := os.MkdirAll(filepath.Join(spare, "empty", "folder"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("/etc", filepath.Join(spare, "link")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a file where a folder goes", func(t *testing.T, spare, _ string) {
			os.RemoveAll(filepath.Join(spare, "c"))
			write(t, filepath.Join(spare, "c"), "not a folder")
		}},
		{"a folder where a file goes", func(t *testing.T, spare, _ string) {
			os.Remove(filepath.Join(spare, "a", "index.html"))
			write(t, filepath.Join(spare, "a", "index.html", "x"), "not a file")
		}},
		{"a file, not the one of the output, of the same size", func(t *testing.T, spare, _ string) {
			p := filepath.Join(spare, "b", "index.html")
			os.Remove(p)
			write(t, p, "X")
		}},
		{"a file of the output changed in place", func(t *testing.T, _, final string) {
			write(t, filepath.Join(final, "b", "index.html"), "edited by hand")
		}},
		{"the spare is a file", func(t *testing.T, spare, _ string) {
			os.RemoveAll(spare)
			write(t, spare, "not a folder")
		}},
		{"no spare", func(t *testing.T, spare, _ string) { os.RemoveAll(spare) }},
		{"no output folder", func(t *testing.T, _, final string) { os.RemoveAll(final) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFolders(t)
			f.publishAll(t, outputs)
			f.publishAll(t, outputs)
			tt.spoil(t, f.spare, f.final)
			f.publishAll(t, outputs)
			if got := tree(t, f.final); !reflect.DeepEqual(got, outputs) {
				t.Errorf("output folder holds\n%v\nwant\n%v", got, outputs)
			}
			if dirs, _ := filepath.Glob(filepath.Join(f.final, "*")); len(dirs) != 4 {
				t.Errorf("output folder has %v, want index.html, a, b and c", dirs)
			}
		})
	}
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCollidingOutputsAreAnError(t *testing.T) {
	f := newFolders(t)
	d := f.open(t)
	defer d.Abort()
	if err := d.Write("a/index.html", []byte("one")); err != nil {
		t.Fatal(err)
	}
	err := d.Write("a/index.html", []byte("two"))
	if err == nil || !strings.Contains(err.Error(), "both write a/index.html") {
		t.Errorf("second write of a path: %v", err)
	}
}

// TestPruneWhenTheInventoryFailed stages into a spare whose inventory
// failed: the files the build did not write are found by a walk instead.
func TestPruneWhenTheInventoryFailed(t *testing.T) {
	f := newFolders(t)
	old := map[string]string{"index.html": "home", "a/index.html": "A", "b/c/index.html": "BC"}
	f.publishAll(t, old)
	f.publishAll(t, old)
	d := f.open(t)
	if !d.reused {
		t.Fatal("the third build does not stage into the spare")
	}
	failed := &inventory{done: make(chan struct{}), err: errors.New("cannot list")}
	close(failed.done)
	d.contents.wait()
	d.contents = failed
	next := map[string]string{"index.html": "home 2", "a/index.html": "A"}
	stage(t, d, next)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, f.final); !reflect.DeepEqual(got, next) {
		t.Errorf("output folder holds %v, want %v", got, next)
	}
	if _, err := os.Stat(filepath.Join(f.final, "b")); !os.IsNotExist(err) {
		t.Errorf("the emptied folder b is still there: %v", err)
	}
}

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "index.html")
	for _, text := range []string{"a longer first text", "short", ""} {
		size, mod, err := writeNew(p, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if string(got) != text || size != int64(len(text)) || size != info.Size() || mod != info.ModTime().UnixNano() || info.Mode().Perm() != 0o644&^umask(t) {
			t.Errorf("wrote %q: file holds %q, size %d (stat %d), time %d (stat %d), mode %v", text, got, size, info.Size(), mod, info.ModTime().UnixNano(), info.Mode())
		}
	}
	missing := filepath.Join(dir, "no", "such", "folder", "index.html")
	if _, _, err := writeNew(missing, []byte("x")); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("writing into a missing folder: %v, want an error naming %s", err, missing)
	}
}

// umask is the process's file mode creation mask.
func umask(t *testing.T) os.FileMode {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ info.Mode().Perm()
}

// emptyFolders lists the folders under dir that hold nothing.
func emptyFolders(t *testing.T, dir string) []string {
	t.Helper()
	var empty []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return err
		}
		if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 {
			empty = append(empty, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return empty
}

// TestFoldersAreMadeAhead checks that a build without a spare makes the
// previous build's folders before it writes, that those of outputs gone
// are removed, and that a file may take the place of such a folder.
func TestFoldersAreMadeAhead(t *testing.T) {
	f := newFolders(t)
	f.publishAll(t, map[string]string{"a/index.html": "A", "b/c/index.html": "BC", "d/e/f/index.html": "DEF", "g/index.html": "G"})
	d := f.open(t)
	if d.reused {
		t.Fatal("the second build staged into a spare; there is none yet")
	}
	want := []string{"a", "b", "b/c", "d", "d/e", "d/e/f", "g"}
	if got := d.premade.wait(); !reflect.DeepEqual(got, want) {
		t.Fatalf("folders made ahead: %v, want %v", got, want)
	}
	for _, dir := range want {
		if info, err := os.Stat(filepath.Join(d.staging, dir)); err != nil || !info.IsDir() {
			t.Errorf("%s was not made ahead: %v", dir, err)
		}
	}
	// d is gone, and b/c and g are files now.
	next := map[string]string{"a/index.html": "A", "b/c": "a file where a folder was", "g": "G as a file"}
	stage(t, d, next)
	if err := d.Copy("b/index.txt", fstest.MapFS{"x.txt": {Data: []byte("copied")}}, "x.txt"); err != nil {
		t.Fatal(err)
	}
	next["b/index.txt"] = "copied"
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, f.final); !reflect.DeepEqual(got, next) {
		t.Errorf("output folder holds\n%v\nwant\n%v", got, next)
	}
	if empty := emptyFolders(t, f.final); len(empty) > 0 {
		t.Errorf("empty folders left behind: %v", empty)
	}
}

// TestAbortRemovesFoldersMadeAhead checks that an abandoned build leaves
// neither its staging folder nor the output changed.
func TestAbortRemovesFoldersMadeAhead(t *testing.T) {
	f := newFolders(t)
	first := map[string]string{"a/index.html": "A", "b/c/index.html": "BC"}
	f.publishAll(t, first)
	d := f.open(t)
	if d.premade == nil {
		t.Fatal("no folders made ahead")
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.staging); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("staging folder left behind: %v", err)
	}
	if got := tree(t, f.final); !reflect.DeepEqual(got, first) {
		t.Errorf("output folder holds %v, want %v", got, first)
	}
}
