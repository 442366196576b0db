//go:build unix

package publish

import (
	"os"
	"syscall"
)

// sameDevice reports whether the folders a and b are on one file system,
// so that files can be linked and folders renamed from one to the other.
func sameDevice(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return false
	}
	sa, okA := ia.Sys().(*syscall.Stat_t)
	sb, okB := ib.Sys().(*syscall.Stat_t)
	return okA && okB && sa.Dev == sb.Dev
}
