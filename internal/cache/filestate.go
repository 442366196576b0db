package cache

import (
	"io/fs"
	"time"
)

// FileState is what tells that a file changed without reading it: its
// size, modification time, and where the system tells them, its inode
// number (a file replaced by another) and change time (a file written by
// a tool that keeps its modification time). Every cache that trusts a
// file unread (parsed content files, what a build learnt of an image)
// knows it by its FileState.
type FileState struct {
	Size  int64
	Mod   int64 // modification time, in nanoseconds since 1970
	Ino   uint64
	Ctime int64 // change time, in nanoseconds since 1970
}

// StateOf returns the state of a file.
func StateOf(info fs.FileInfo) FileState {
	ino, ctime := inodeAndCtime(info)
	return FileState{Size: info.Size(), Mod: info.ModTime().UnixNano(), Ino: ino, Ctime: ctime}
}

// RacyWindow is how close to the moment its state was taken a file's
// times may be for the state to be trusted. A file system with coarse
// timestamps (whole seconds, two on FAT) gives a file written twice within
// that time the same times both times.
const RacyWindow = 2 * time.Second

// SettledAt reports whether a state taken at t (nanoseconds since 1970)
// will change when the file does: both its times are more than
// RacyWindow before t.
func (s FileState) SettledAt(t int64) bool {
	return s.Mod < t-int64(RacyWindow) && s.Ctime < t-int64(RacyWindow)
}
