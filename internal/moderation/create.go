package moderation

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/blogen/blogen/internal/content"
)

// Disk is the file system CreateComment writes through. OSDisk is the
// real one; tests give one that fails, as a full disk does.
type Disk interface {
	// MkdirAll makes a folder and its parents.
	MkdirAll(dir string) error
	// CreateTemp makes a new file in dir, named by pattern as
	// os.CreateTemp does.
	CreateTemp(dir, pattern string) (DiskFile, error)
	// Link gives the file old a second name, new; it fails with
	// fs.ErrExist when new exists.
	Link(old, new string) error
	// Remove removes a file.
	Remove(name string) error
	// SyncDir makes the names in dir durable.
	SyncDir(dir string) error
}

// DiskFile is a file being written.
type DiskFile interface {
	Name() string
	Write(p []byte) (int, error)
	Sync() error
	Close() error
}

// OSDisk is the operating system's file system.
type OSDisk struct{}

// MkdirAll implements Disk.
func (OSDisk) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }

// CreateTemp implements Disk; the file is readable by all, as comment
// files are.
func (OSDisk) CreateTemp(dir, pattern string) (DiskFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		err = f.Chmod(0o644)
	}
	return f, err
}

// Link implements Disk.
func (OSDisk) Link(old, new string) error { return os.Link(old, new) }

// Remove implements Disk.
func (OSDisk) Remove(name string) error { return os.Remove(name) }

// SyncDir implements Disk.
func (OSDisk) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// ErrIDTaken is CreateComment's error when the post already has a comment
// with the id.
var ErrIDTaken = errors.New("the post already has a comment with this id")

// CreateComment writes c as content/comments/<post>/<id>.md (or
// content/comments/pages/<page>/<id>.md) of the site at siteDir, durably: when it returns nil the comment survives a crash or a
// power cut. The file is written in full under a hidden temporary name
// (one the content loader ignores) and synced; it is then given its final
// name, which fails with ErrIDTaken rather than replace a file, and the
// folder is synced. On any error no file of the id is left, and the
// temporary file is removed. It returns the site-relative path.
func CreateComment(disk Disk, siteDir, id string, c NewComment) (string, error) {
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
	dir := filepath.Join(siteDir, filepath.FromSlash(content.CommentsDir), c.Post)
	if err := disk.MkdirAll(dir); err != nil {
		return "", fmt.Errorf("create comment %s/%s: %w", c.Post, id, err)
	}
	if err := placeDurably(disk, dir, id+".md", src); err != nil {
		return "", fmt.Errorf("create comment %s/%s: %w", c.Post, id, err)
	}
	return commentPath(c.Post, id), nil
}

// placeDurably writes data to a synced temporary file in dir, links it to
// name and syncs dir.
func placeDurably(disk Disk, dir, name string, data []byte) error {
	tmp, err := disk.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return err
	}
	defer disk.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	file := filepath.Join(dir, name)
	if err := disk.Link(tmp.Name(), file); errors.Is(err, fs.ErrExist) {
		return ErrIDTaken
	} else if err != nil {
		return err
	}
	if err := disk.SyncDir(dir); err != nil {
		_ = disk.Remove(file) // not promised durable: take it back
		return err
	}
	return nil
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
