//go:build !unix

package publish

// sameDevice cannot tell on this system, so no spare folder is kept.
func sameDevice(a, b string) bool { return false }
