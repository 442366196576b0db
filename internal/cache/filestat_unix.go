//go:build linux || openbsd || dragonfly || solaris || darwin || freebsd || netbsd

package cache

import (
	"io/fs"
	"syscall"
)

// inodeAndCtime returns the inode number and the change time (in
// nanoseconds since 1970) of a file, or zeros when info does not carry
// them.
func inodeAndCtime(info fs.FileInfo) (uint64, int64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	ctime := changeTime(st)
	return uint64(st.Ino), ctime.Nano()
}
