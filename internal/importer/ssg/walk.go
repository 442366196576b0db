package ssg

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// Tree lists the regular files of an old site's folder, as slash paths
// relative to it, sorted. Links and other special files are not followed
// and are listed in Left; so are hidden files and folders (a name starting
// with "."), which belong to tools rather than to the site.
func Tree(dir string) (files []string, left []Note, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
			return nil
		case strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			left = append(left, Note{rel, "a link or special file; copy what it points to by hand"})
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading the site %s: %w", dir, err)
	}
	slices.Sort(files)
	return files, left, nil
}

// IsMarkdown reports whether a file name is that of a Markdown file.
func IsMarkdown(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn":
		return true
	}
	return false
}

// MarkdownName returns name with its extension changed to .md, the one
// blogen reads.
func MarkdownName(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".md"
}
