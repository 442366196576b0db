//go:build !linux

package publish

import "errors"

// exchange is not available on this system; swap falls back to renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
