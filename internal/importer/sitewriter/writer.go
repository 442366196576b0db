// Package sitewriter is the part that every importer shares: it stages the
// files of an import in a temporary folder inside the site and moves them in
// only when the import succeeds, turns titles into safe slugs, and encodes
// front matter deterministically.
package sitewriter

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// StagingPrefix starts the name of the temporary folder an import creates
// inside the site. A folder with this prefix left behind by a crash can be
// deleted.
const StagingPrefix = ".blogen-import-"

// Writer stages the files of one import. Files written through it appear in
// the site only after Commit; Abort removes everything it wrote. A Writer is
// not safe for concurrent use.
type Writer struct {
	site    string          // the site folder
	stage   string          // SITE/.blogen-import-*
	keep    map[string]bool // files that must not replace an existing one
	written map[string]bool // every file staged, by slash path
}

// Open creates the staging folder inside siteDir, which must exist.
func Open(siteDir string) (*Writer, error) {
	info, err := os.Stat(siteDir)
	if err != nil {
		return nil, fmt.Errorf("site folder %s: %w", siteDir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("site folder %s: not a folder", siteDir)
	}
	stage, err := os.MkdirTemp(siteDir, StagingPrefix)
	if err != nil {
		return nil, fmt.Errorf("site folder %s: creating the staging folder: %w", siteDir, err)
	}
	return &Writer{site: siteDir, stage: stage, keep: map[string]bool{}, written: map[string]bool{}}, nil
}

// CheckPath reports whether rel is a path an importer may write: a relative,
// slash-separated path under content/ that stays inside it and ends in .md.
func CheckPath(rel string) error {
	switch {
	case strings.ContainsAny(rel, "\\\x00"):
		return fmt.Errorf("path %q: backslash or NUL in a content path", rel)
	case !strings.HasPrefix(rel, "content/") || path.Clean(rel) != rel:
		return fmt.Errorf("path %q: not a clean path under content/", rel)
	case !filepath.IsLocal(filepath.FromSlash(rel)):
		return fmt.Errorf("path %q: leaves the site folder", rel)
	case path.Ext(rel) != ".md":
		return fmt.Errorf("path %q: content files end in .md", rel)
	}
	return nil
}

// Write stages data as the file rel (a slash path such as
// content/posts/hello.md). At Commit it replaces any file of that name.
func (w *Writer) Write(rel string, data []byte) error {
	if err := CheckPath(rel); err != nil {
		return err
	}
	return w.stageFile(rel, data)
}

// stageFile writes data into the staging folder as rel, a checked path.
func (w *Writer) stageFile(rel string, data []byte) error {
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("staging %s: %w", rel, err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return fmt.Errorf("staging %s: %w", rel, err)
	}
	w.written[rel] = true
	return nil
}

// WriteNew stages data as rel unless the site already has that file, in
// which case it writes nothing and returns false. The check is repeated at
// Commit, so a file that appears meanwhile is not replaced either.
func (w *Writer) WriteNew(rel string, data []byte) (bool, error) {
	if w.Exists(rel) {
		return false, nil
	}
	if err := w.Write(rel, data); err != nil {
		return false, err
	}
	w.keep[rel] = true
	return true, nil
}

// Exists reports whether the site (not the staging folder) has a file or
// folder at the slash path rel.
func (w *Writer) Exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(w.site, filepath.FromSlash(rel)))
	return err == nil
}

// Staged reports whether rel has been written in this import.
func (w *Writer) Staged(rel string) bool { return w.written[rel] }

// Scratch creates a file for the importer's own use in the staging folder.
// It is never moved into the site and goes away with Commit or Abort.
func (w *Writer) Scratch(name string) (*os.File, error) {
	dir := filepath.Join(w.stage, ".scratch")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("scratch file: %w", err)
	}
	f, err := os.CreateTemp(dir, name)
	if err != nil {
		return nil, fmt.Errorf("scratch file: %w", err)
	}
	return f, nil
}

// Files returns the slash paths staged so far, sorted.
func (w *Writer) Files() []string {
	out := make([]string, 0, len(w.written))
	for rel := range w.written {
		out = append(out, rel)
	}
	slices.Sort(out)
	return out
}

// Commit moves the staged files into the site and removes the staging
// folder. Folders are created first so that the moves, which are renames
// within one file system, are the last step; only a file system that fails
// a rename part-way through can leave some of the files moved.
func (w *Writer) Commit() error {
	files := w.Files()
	for _, rel := range files {
		dir := filepath.Dir(filepath.Join(w.site, filepath.FromSlash(rel)))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return errors.Join(fmt.Errorf("creating %s: %w", dir, err), w.Abort())
		}
	}
	for _, rel := range files {
		if w.keep[rel] && w.Exists(rel) {
			continue
		}
		src := filepath.Join(w.stage, filepath.FromSlash(rel))
		if err := os.Rename(src, filepath.Join(w.site, filepath.FromSlash(rel))); err != nil {
			return errors.Join(fmt.Errorf("moving %s into the site: %w", rel, err), w.Abort())
		}
	}
	return w.Abort()
}

// Abort removes the staging folder and everything in it. The site is left
// as it was before Open. Calling it again does nothing.
func (w *Writer) Abort() error {
	if err := os.RemoveAll(w.stage); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing the staging folder %s: %w", w.stage, err)
	}
	return nil
}
