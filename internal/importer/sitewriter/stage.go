package sitewriter

import (
	"fmt"
	"os"
	"path/filepath"
)

// StageFile moves the file src, which must be on the same file system as
// the site (a Scratch file, say), into the staging folder as rel, a path
// CheckSitePath accepts; at Commit it replaces any file of that name. It
// is how large files, such as downloaded media, are staged without being
// held in memory.
func (w *Writer) StageFile(rel, src string) error {
	if err := CheckSitePath(rel); err != nil {
		return err
	}
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("staging %s: %w", rel, err)
	}
	if err := os.Rename(src, dst); err != nil {
		return fmt.Errorf("staging %s: %w", rel, err)
	}
	if err := os.Chmod(dst, 0o644); err != nil {
		return fmt.Errorf("staging %s: %w", rel, err)
	}
	w.written[rel] = true
	return nil
}
