package sitefs

import (
	"io/fs"
	"os"
	"path"

	"github.com/blogen/blogen/internal/diag"
)

// WalkDir walks the tree at root in fsys as fs.WalkDir does, but a
// symbolic link to a folder is walked as the folder it leads to, under
// the link's path: fn sees it as a folder. A link that cannot be
// followed (it leads out of the site, or to nothing) is handed to fn with
// the error, and a link to a folder that holds it is an error.
func WalkDir(fsys fs.FS, root string, fn fs.WalkDirFunc) error {
	return walkFrom(fsys, root, root, fn)
}

// walkFrom walks dir, a folder of the tree at root.
func walkFrom(fsys fs.FS, root, dir string, fn fs.WalkDirFunc) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir || d.Type()&fs.ModeSymlink == 0 {
			return fn(p, d, err)
		}
		target, err := fs.Stat(fsys, p)
		if err != nil || !target.IsDir() {
			return fn(p, d, err)
		}
		if above(fsys, root, p, target) {
			return fn(p, d, diag.Errorf(p, 0, "symbolic link to a folder that holds it; remove the link"))
		}
		return walkFrom(fsys, root, p, fn)
	})
}

// above reports whether target is one of the folders that hold p, up to
// root.
func above(fsys fs.FS, root, p string, target fs.FileInfo) bool {
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		if info, err := fs.Stat(fsys, dir); err == nil && os.SameFile(info, target) {
			return true
		}
		if dir == root || dir == "." {
			return false
		}
	}
}
