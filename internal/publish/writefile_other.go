//go:build !linux

package publish

import "os"

// writeNew creates the file p (or empties it) and writes data into it,
// and returns the file's size and modification time (Unix nanoseconds)
// as written.
func writeNew(p string, data []byte) (size, mod int64, err error) {
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return 0, 0, err
	}
	info, err := os.Lstat(p)
	if err != nil {
		return 0, 0, err
	}
	return info.Size(), info.ModTime().UnixNano(), nil
}
