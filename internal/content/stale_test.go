package content

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

const (
	approvedComment = "---\nauthor: R\ndate: 2024-01-03T10:00:00Z\nstatus: approved\n---\nHi.\n"
	rejectedComment = "---\nauthor: R\ndate: 2024-01-03T10:00:00Z\nstatus: rejected\n---\nHi.\n"
)

// TestCacheSeesChangesThatKeepSizeAndTime rejects an approved comment
// the ways that keep the file's size and modification time ("approved"
// and "rejected" have the same length): the next load must see it.
func TestCacheSeesChangesThatKeepSizeAndTime(t *testing.T) {
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	tests := []struct {
		name   string
		change func(t *testing.T, file string)
	}{
		{"rewritten in place by a tool that keeps the time", func(t *testing.T, file string) {
			write(t, file, rejectedComment, past)
		}},
		{"replaced by another file with the same time", func(t *testing.T, file string) {
			tmp := file + ".new"
			write(t, tmp, rejectedComment, past)
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "content", "comments", "a", "001.md")
			write(t, file, approvedComment, past)
			c := NewCache()
			if s, err := LoadCached(os.DirFS(dir), c); err != nil || s.Comments[0].Status != StatusApproved {
				t.Fatalf("first load: %v, %v", s, err)
			}
			c.seen = time.Now().Add(time.Hour).UnixNano() // as if the load were long after the change
			tt.change(t, file)
			s, err := LoadCached(os.DirFS(dir), c)
			if err != nil || s.Comments[0].Status != StatusRejected {
				t.Errorf("after the change the comment is %s (%v), want rejected", s.Comments[0].Status, err)
			}
		})
	}
}

// TestCacheSeesChangesWithinTheTimestampsGrain rejects a comment on a
// file system whose times are whole seconds and tell no change time, in
// the second the last load read it.
func TestCacheSeesChangesWithinTheTimestampsGrain(t *testing.T) {
	now := time.Now().Truncate(time.Second)
	fsys := fstest.MapFS{"content/comments/a/001.md": {Data: []byte(approvedComment), ModTime: now}}
	c := NewCache()
	if s, err := LoadCached(fsys, c); err != nil || s.Comments[0].Status != StatusApproved {
		t.Fatalf("first load: %v, %v", s, err)
	}
	fsys["content/comments/a/001.md"] = &fstest.MapFile{Data: []byte(rejectedComment), ModTime: now}
	s, err := LoadCached(fsys, c)
	if err != nil || s.Comments[0].Status != StatusRejected {
		t.Errorf("after the change the comment is %s (%v), want rejected", s.Comments[0].Status, err)
	}
}

// TestDamagedCacheIsNotTrusted changes "approved" to "rejected" inside a
// saved cache: the bytes still decode, but the cache must not be used.
func TestDamagedCacheIsNotTrusted(t *testing.T) {
	fsys := fstest.MapFS{"content/comments/a/001.md": {Data: []byte(approvedComment), ModTime: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}}
	c := NewCache()
	if _, err := LoadCached(fsys, c); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "content.gob")
	if err := c.Save(file, "blogen 1"); err != nil {
		t.Fatal(err)
	}
	if got := ReadCache(file, "blogen 1"); len(got.entries) != 1 {
		t.Fatalf("the saved cache holds %d files, want 1", len(got.entries))
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(b, []byte("approved")) != 1 {
		t.Fatalf("the cache file holds %q %d times", "approved", bytes.Count(b, []byte("approved")))
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte("approved"), []byte("rejected"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ReadCache(file, "blogen 1"); len(got.entries) != 0 {
		t.Errorf("the damaged cache was read: %d entries, status %s", len(got.entries), got.entries[0].value.(*Comment).Status)
	}
}

// write writes data to file with the modification time mod.
func write(t *testing.T, file, data string, mod time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, mod, mod); err != nil {
		t.Fatal(err)
	}
}
