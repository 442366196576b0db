//go:build linux || openbsd || dragonfly || solaris

package cache

import "syscall"

// changeTime returns the change time of a file's status.
func changeTime(st *syscall.Stat_t) syscall.Timespec { return st.Ctim }
