package moderation

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// syncLog is a Disk that records when each comment file is linked and
// when each sync of a folder begins and ends, in one sequence.
type syncLog struct {
	OSDisk
	mu     sync.Mutex
	events []string // "link <file>", "begin", "end"
}

func (d *syncLog) add(e string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.events = append(d.events, e)
	return len(d.events) - 1
}

func (d *syncLog) CreateTemp(dir string) (DiskFile, error) {
	f, err := d.OSDisk.CreateTemp(dir)
	return loggedFile{f, d}, err
}

func (d *syncLog) SyncDir(dir string) error {
	d.add("begin")
	time.Sleep(2 * time.Millisecond) // as a disk takes its time, so that others come meanwhile
	err := d.OSDisk.SyncDir(dir)
	d.add("end")
	return err
}

type loggedFile struct {
	DiskFile
	d *syncLog
}

func (f loggedFile) Link(name string) error {
	err := f.DiskFile.Link(name)
	f.d.add("link " + filepath.Base(name))
	return err
}

// TestWriterGroupCommit writes many comments at once into one folder and
// checks that each Create returns only after a sync of the folder that
// began after its file was linked, and that the comments shared syncs.
func TestWriterGroupCommit(t *testing.T) {
	const n = 64
	disk := &syncLog{}
	w := NewWriter(disk, t.TempDir())
	returned := make([]int, n) // index in the events when Create returned
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			c := NewComment{Post: "p", Author: "Ann", Body: []byte(bankStory)}
			if _, err := w.Create(fmt.Sprintf("id-%02d", i), c); err != nil {
				t.Error(err)
			}
			returned[i] = disk.add(fmt.Sprintf("returned id-%02d", i))
		})
	}
	wg.Wait()
	syncs := 0
	for _, e := range disk.events {
		if e == "begin" {
			syncs++
		}
	}
	for i := range n {
		linked := -1
		for k, e := range disk.events {
			if e == fmt.Sprintf("link id-%02d.md", i) {
				linked = k
			}
		}
		covered := false
		for k := linked + 1; k < returned[i] && !covered; k++ {
			if disk.events[k] != "begin" {
				continue
			}
			for j := k + 1; j < returned[i]; j++ {
				if disk.events[j] == "end" {
					covered = true
					break
				}
			}
		}
		if linked < 0 || !covered {
			t.Errorf("id-%02d returned without a sync of the folder begun after its link: %v", i, disk.events)
			break
		}
	}
	if syncs >= n {
		t.Errorf("%d comments took %d syncs of their folder; want them shared", n, syncs)
	}
	t.Logf("%d comments, %d syncs of the folder", n, syncs)
}

// failingSync is a Disk whose folder syncs fail.
type failingSync struct{ OSDisk }

func (failingSync) SyncDir(string) error { return errors.New("input/output error") }

// TestWriterSyncFails checks that a comment whose folder could not be
// synced is not kept: Create fails and the file is taken back.
func TestWriterSyncFails(t *testing.T) {
	dir := t.TempDir()
	w := NewWriter(failingSync{}, dir)
	if _, err := w.Create("001", NewComment{Post: "p", Author: "Ann", Body: []byte(bankStory)}); err == nil {
		t.Fatal("Create returned nil with the folder not synced")
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "comments", "p")); len(entries) != 0 {
		t.Fatalf("files left: %v", entries)
	}
}
