package sitewriter

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// CheckSitePath reports whether rel is a path an importer may write besides
// content files: site.toml, a file under static/, or a file of a page
// bundle under content/. Like CheckPath, it must be a clean, relative,
// slash-separated path that stays inside the site.
func CheckSitePath(rel string) error {
	switch {
	case strings.ContainsAny(rel, "\\\x00"):
		return fmt.Errorf("path %q: backslash or NUL in a site path", rel)
	case path.Clean(rel) != rel || !filepath.IsLocal(filepath.FromSlash(rel)):
		return fmt.Errorf("path %q: not a clean path inside the site", rel)
	case rel == "site.toml", strings.HasPrefix(rel, "static/"), strings.HasPrefix(rel, "content/"):
		return nil
	}
	return fmt.Errorf("path %q: importers write site.toml and files under static/ and content/", rel)
}

// WriteFile stages data as rel, a path CheckSitePath accepts. At Commit it
// replaces any file of that name.
func (w *Writer) WriteFile(rel string, data []byte) error {
	if err := CheckSitePath(rel); err != nil {
		return err
	}
	return w.stageFile(rel, data)
}

// WriteFileNew is WriteFile unless the site already has rel, in which case
// it writes nothing and returns false, as WriteNew does.
func (w *Writer) WriteFileNew(rel string, data []byte) (bool, error) {
	if w.Exists(rel) {
		return false, nil
	}
	if err := w.WriteFile(rel, data); err != nil {
		return false, err
	}
	w.keep[rel] = true
	return true, nil
}
