package moderation

import (
	"errors"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// unnamedFile is a new file made with O_TMPFILE: it has no name until it
// is linked, and is gone when closed unlinked or when the system stops.
type unnamedFile struct{ *os.File }

// createUnnamed makes a file without a name in dir; false when the kernel
// or the file system cannot.
func createUnnamed(dir string) (DiskFile, bool) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return nil, false
	}
	if err := unix.Fchmod(fd, 0o644); err != nil { // whatever the umask
		unix.Close(fd)
		return nil, false
	}
	return unnamedFile{os.NewFile(uintptr(fd), dir)}, true
}

// Link implements DiskFile: linkat of the descriptor, through /proc (which
// any user may), or with AT_EMPTY_PATH where /proc is not mounted.
func (f unnamedFile) Link(name string) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var lerr error
	err = rc.Control(func(fd uintptr) {
		lerr = unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(fd)), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		if errors.Is(lerr, unix.ENOENT) {
			lerr = unix.Linkat(int(fd), "", unix.AT_FDCWD, name, unix.AT_EMPTY_PATH)
		}
	})
	if err == nil {
		err = lerr
	}
	if err != nil {
		return &os.LinkError{Op: "link", Old: f.Name() + " (unnamed)", New: name, Err: err}
	}
	return nil
}
