//go:build !linux

package moderation

// createUnnamed is false: only Linux makes files without a name.
func createUnnamed(string) (DiskFile, bool) { return nil, false }
