// Package sitefs reads the files of a site folder through an os.Root.
//
// A symbolic link is followed when it stays inside the site folder, so a
// site may link a file or a folder of its own from static/ or a page
// bundle. A link that leads out of the site folder (to /etc/passwd, to
// /proc/self/environ, to a file of another project) is refused with an
// error naming it: whatever it leads to is not the site's to publish.
// Only regular files and folders are opened: a device, a named pipe or a
// socket is refused too, so that no build reads /dev/zero until the disk
// is full or waits forever on a pipe.
package sitefs

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/blogen/blogen/internal/diag"
)

// FS is the files of one site folder. It implements fs.FS, fs.StatFS,
// fs.ReadDirFS and fs.ReadFileFS, and is safe for concurrent use. Its
// folder stays open for as long as the FS is reachable.
type FS struct {
	dir  string
	root *os.Root
	// escapes is the error, wrapped in a *fs.PathError, with which root
	// refuses a name or link that leads out of it.
	escapes error
}

// Open opens the site folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	f := &FS{dir: dir, root: root}
	// os.Root does not export its error for a path that escapes it; a
	// name that does is asked about, and its error kept to compare with.
	if _, err := root.Lstat(".."); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			f.escapes = pe.Err
		}
	}
	return f, nil
}

// Open opens the file or folder name, following links that stay in the
// site folder. Anything else than a regular file or a folder is refused.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	// O_NONBLOCK: opening a named pipe must not wait for a writer; it is
	// refused below. It changes nothing for files and folders.
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, f.explain(name, err)
	}
	info, err := file.Stat()
	if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		err = notAFile(name, info.Mode())
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// ReadFile reads the file name (see Open).
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var buf bytes.Buffer
	if info, err := file.Stat(); err == nil {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(file.(io.Reader))
	return buf.Bytes(), err
}

// Stat describes the file or folder name, following links that stay in
// the site folder.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	info, err := f.root.Stat(name)
	if err != nil {
		return nil, f.explain(name, err)
	}
	return info, nil
}

// ReadDir lists the folder name, sorted by file name. Links in it are
// listed as links.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(f.root.FS(), name)
	if err != nil {
		return entries, f.explain(name, err)
	}
	return entries, nil
}

// explain turns the error os.Root gives a name that leads out of the
// site folder into one that says so and what to do.
func (f *FS) explain(name string, err error) error {
	if f.escapes == nil || !errors.Is(err, f.escapes) {
		return err
	}
	if f.inside(name) {
		return diag.Errorf(name, 0, "symbolic link by absolute path; make it a relative link, or copy the file in instead")
	}
	return diag.Errorf(name, 0, "symbolic link to outside the site; copy the file in instead")
}

// inside reports whether name, all links followed, is in the site folder
// after all: a link by absolute path to a file of the site escapes
// os.Root all the same.
func (f *FS) inside(name string) bool {
	dir, err := filepath.EvalSymlinks(f.dir)
	if err != nil {
		return false
	}
	target, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(name)))
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// notAFile is the error for a name that is neither a file nor a folder.
func notAFile(name string, mode fs.FileMode) error {
	kind := "a special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	}
	return diag.Errorf(name, 0, "%s, not a file; only regular files are published; remove it or put a file in its place", kind)
}
