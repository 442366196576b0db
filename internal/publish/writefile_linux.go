package publish

import (
	"io/fs"
	"syscall"
)

// writeNew creates the file p (or empties it) and writes data into it,
// and returns the file's size and modification time (Unix nanoseconds)
// as written. It asks the system directly: os.OpenFile would also try to
// add the disk file to the network poller, five calls more for each of
// the tens of thousands of files a build writes.
func writeNew(p string, data []byte) (size, mod int64, err error) {
	fd, err := openNew(p)
	if err != nil {
		return 0, 0, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return 0, 0, &fs.PathError{Op: "write", Path: p, Err: err}
		}
		data = data[n:]
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return 0, 0, &fs.PathError{Op: "stat", Path: p, Err: err}
	}
	if err := syscall.Close(fd); err != nil {
		return 0, 0, &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return st.Size, st.Mtim.Nano(), nil
}

// openNew opens p for writing, creating or emptying it; a link at p is
// not followed.
func openNew(p string) (int, error) {
	for {
		fd, err := syscall.Open(p, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
