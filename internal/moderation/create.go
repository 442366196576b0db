package moderation

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blogen/blogen/internal/content"
)

// ErrIDTaken is Writer.Create's error when the post already has a comment
// with the id.
var ErrIDTaken = errors.New("the post already has a comment with this id")

// maxWriting bounds the comment files being written at once: a burst of
// writers queues for a turn rather than each holding a thread of its own
// in a system call and contending for the folder's lock in the kernel.
const maxWriting = 16

// Writer adds new comments to the site folder siteDir, durably, for many
// writers at once. Each comment is written in full to a new file without
// a name (or under a hidden temporary one), synced, and linked to its
// final name; the folder is then synced once for all the comments linked
// in it since its last sync began (a group commit), and Create returns
// only after that. A Writer is safe for concurrent use.
type Writer struct {
	disk    Disk
	siteDir string
	turns   chan struct{} // a turn to write a file, at most maxWriting
	mu      sync.Mutex
	folders map[string]*groupSync // by folder
}

// NewWriter returns a Writer of new comments to the site folder siteDir
// through disk.
func NewWriter(disk Disk, siteDir string) *Writer {
	return &Writer{disk: disk, siteDir: siteDir, turns: make(chan struct{}, maxWriting), folders: map[string]*groupSync{}}
}

// Create writes c as content/comments/<post>/<id>.md (or
// content/comments/pages/<page>/<id>.md), durably: when it
// returns nil the comment survives a crash or a power cut. The name is
// never taken from another file: a comment with the id already there is
// ErrIDTaken. On any error no file of the id is left. It returns the
// site-relative path.
func (w *Writer) Create(id string, c NewComment) (string, error) {
	c, err := c.normalize()
	if err == nil && !validSegment(id) {
		err = fmt.Errorf("id %q is not a comment id", id)
	}
	if err != nil {
		return "", fmt.Errorf("create comment on %q: %w", c.Post, err)
	}
	src, err := c.render(id)
	if err != nil {
		return "", fmt.Errorf("create comment %s/%s: %w", c.Post, id, err)
	}
	dir := filepath.Join(w.siteDir, filepath.FromSlash(content.CommentsDir), c.Post)
	file := filepath.Join(dir, id+".md")
	if err := w.place(dir, file, src); err != nil {
		return "", fmt.Errorf("create comment %s/%s: %w", c.Post, id, err)
	}
	if err := w.folder(dir).sync(func() error { return w.disk.SyncDir(dir) }); err != nil {
		_ = w.disk.Remove(file) // not promised durable: take it back
		return "", fmt.Errorf("create comment %s/%s: sync the folder: %w", c.Post, id, err)
	}
	return commentPath(c.Post, id), nil
}

// place writes data to a new synced file in dir and links it to file, in
// its turn.
func (w *Writer) place(dir, file string, data []byte) error {
	w.turns <- struct{}{}
	defer func() { <-w.turns }()
	if err := w.disk.MkdirAll(dir); err != nil {
		return err
	}
	tmp, err := w.disk.CreateTemp(dir)
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Link(file)
		if errors.Is(err, fs.ErrExist) {
			err = ErrIDTaken
		}
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		_ = w.disk.Remove(file)
		err = cerr
	}
	return err
}

// folder returns the group sync of a folder.
func (w *Writer) folder(dir string) *groupSync {
	w.mu.Lock()
	defer w.mu.Unlock()
	g := w.folders[dir]
	if g == nil {
		g = &groupSync{}
		w.folders[dir] = g
	}
	return g
}

// RemoveStaleTemp removes the temporary files that writers of comments
// left in content/comments/<post>/ when they were killed, if older than
// age (so that a writer at work keeps its own). It returns how many it
// removed.
func RemoveStaleTemp(siteDir string, age time.Duration) (int, error) {
	root := filepath.Join(siteDir, filepath.FromSlash(content.CommentsDir))
	posts, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("remove temporary comment files: %w", err)
	}
	n := 0
	for _, p := range posts {
		matches, _ := filepath.Glob(filepath.Join(root, p.Name(), ".*.md.*.tmp"))
		for _, m := range matches {
			if fi, err := os.Stat(m); err == nil && time.Since(fi.ModTime()) > age && os.Remove(m) == nil {
				n++
			}
		}
	}
	return n, nil
}
