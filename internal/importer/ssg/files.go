package ssg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ReadFirst reads the first of names (slash-separated, relative to dir)
// that the folder has, as a generator looks for its configuration file;
// name is "" when it has none of them. An error reading a file that is
// there names it.
func ReadFirst(dir string, names ...string) (name string, data []byte, err error) {
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", name, err)
		}
		return name, b, nil
	}
	return "", nil, nil
}
