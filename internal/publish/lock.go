package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrBusy is the error, wrapped, of a build into an output folder that
// another build is writing into.
var ErrBusy = errors.New("another build is writing into the output folder")

// lockName is the lock file of the output folder final: beside it, named
// after it, so that builds into one folder share it whatever site they
// are of.
func lockName(final string) string {
	return filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+".blogen.lock")
}

// outputLock is the lock of one output folder, held by this process from
// NewDir to Commit or Abort. The lock file stays when the lock is
// released: removing it would let two builds lock two different files.
type outputLock struct {
	f *os.File
}

// lockOutput takes the lock of the output folder final, or fails at once
// with ErrBusy, naming the process that holds it, when another build
// does. The lock goes with the process: a build that is killed leaves no
// lock behind.
func lockOutput(final string) (*outputLock, error) {
	name := lockName(final)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", final, err)
	}
	if err := tryLock(f); err != nil {
		holder := lockHolder(f)
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, fmt.Errorf("%s: %w (%s, which holds %s); wait for it to finish, or stop it, then build again",
				final, ErrBusy, holder, name)
		}
		return nil, fmt.Errorf("lock %s with %s: %w", final, name, err)
	}
	// The holder's process id, for the message of a build that finds the
	// folder locked; the lock, not this text, is what excludes.
	id := []byte(strconv.Itoa(os.Getpid()) + "\n")
	if _, err := f.WriteAt(id, 0); err == nil {
		f.Truncate(int64(len(id)))
	}
	return &outputLock{f: f}, nil
}

// holderWait bounds how long lockHolder waits for the holder of a lock
// taken a moment ago to write its process id.
const holderWait = 200 * time.Millisecond

// lockHolder names the process that holds the lock of f, as it wrote it.
func lockHolder(f *os.File) string {
	b := make([]byte, 32)
	for start := time.Now(); ; time.Sleep(5 * time.Millisecond) {
		n, _ := f.ReadAt(b, 0)
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n]))); err == nil && pid > 0 {
			return "process " + strconv.Itoa(pid)
		}
		if time.Since(start) > holderWait {
			return "a process that has not written its id"
		}
	}
}

// release gives the lock up, emptying the lock file first so that it
// names no process while no build holds it. It may be called more than
// once, and on nil.
func (l *outputLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	l.f.Close() // closing the file releases the lock
	l.f = nil
}
