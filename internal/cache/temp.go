package cache

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tempPrefix starts the names of WriteAtomic's temporary files. The
// writer's process id follows it, so that a later build can tell the
// files of a build that was killed from those of one under way.
const tempPrefix = ".tmp-"

// tempPattern is the os.CreateTemp pattern of this process's temporary
// files.
func tempPattern() string { return tempPrefix + strconv.Itoa(os.Getpid()) + "-*" }

// RemoveTemporary removes from dir the temporary files that WriteAtomic
// left there in processes that have ended, such as a build that was
// killed while it saved the cache. A missing dir is no error.
func RemoveTemporary(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if leftTemporary(e) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// leftTemporary reports whether e is a temporary file of WriteAtomic that
// no running process is writing: its writer has ended or, when that
// cannot be told (a name without a process id, from an older version),
// it is more than an hour old.
func leftTemporary(e fs.DirEntry) bool {
	rest, ok := strings.CutPrefix(e.Name(), tempPrefix)
	if !ok || !e.Type().IsRegular() {
		return false
	}
	if id, _, ok := strings.Cut(rest, "-"); ok {
		if pid, err := strconv.Atoi(id); err == nil && pid > 0 && !running(pid) {
			return true
		}
	}
	info, err := e.Info()
	return err == nil && time.Since(info.ModTime()) > time.Hour
}
