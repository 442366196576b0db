//go:build unix

package cache

import "syscall"

// running reports whether a process with the id pid is running: signal 0
// is checked for, not sent.
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
