package cache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestImageFileKeySeesAReplacedFile replaces a file by one of the same
// size and modification time, as a tool that keeps times does: the key
// differs from the key of the file before.
func TestImageFileKeySeesAReplacedFile(t *testing.T) {
	if inodeAndCtimeMissing() {
		t.Skip("this system tells no inode numbers or change times")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "photo.jpg")
	mtime := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	write := func(p, text string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	key := func() Key {
		t.Helper()
		info, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		return ImageFileKey("static/photo.jpg", StateOf(info))
	}
	write(file, "first photo")
	before := key()
	tests := []struct {
		name    string
		replace func()
	}{
		{"renamed over it", func() {
			tmp := filepath.Join(dir, "new.jpg")
			write(tmp, "other photo")
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.replace()
			if after := key(); after == before {
				t.Error("the key is the same")
			} else {
				before = after
			}
		})
	}
}

func TestFileStateSettledAt(t *testing.T) {
	now := time.Now().UnixNano()
	old := now - int64(time.Hour)
	tests := []struct {
		name string
		st   FileState
		want bool
	}{
		{"both old", FileState{Mod: old, Ctime: old}, true},
		{"just written", FileState{Mod: old, Ctime: now - int64(time.Second)}, false},
		{"modified just now", FileState{Mod: now, Ctime: old}, false},
	}
	for _, tt := range tests {
		if got := tt.st.SettledAt(now); got != tt.want {
			t.Errorf("%s: SettledAt = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// inodeAndCtimeMissing reports whether this system's file information
// lacks inode numbers and change times.
func inodeAndCtimeMissing() bool {
	info, err := os.Stat(".")
	if err != nil {
		return true
	}
	ino, ctime := inodeAndCtime(info)
	return ino == 0 && ctime == 0
}
