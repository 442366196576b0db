package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// Old outputs are not deleted between measured runs. On ext4 without a
// journal (the disks of many cloud VMs) the kernel will not reuse an inode
// for 60 seconds after it was deleted, and for 5 minutes more while the
// block of the inode table that holds it has unwritten changes, which the
// new files of a build make. Meanwhile every new file or folder scans past
// each recently deleted inode of its group: removing a 20,000-page output
// and then writing another made the next run's system time grow from 1 s
// to over 20 s here. A deletion in the minutes before a run would thus be
// charged to that run, and more to a tool that makes more files.
//
// So a run's old output is moved into the trash folder (a rename, which
// frees no inode). The trash is emptied at the start of the next bench
// run (not at the end of this one, which would slow the next run down
// just the same), or before a size when the disk has no room for it
// otherwise, each time followed by a sync and a wait of -settle for the
// deleted inodes to age.

// discard moves dir, if it exists, into the trash folder.
func (b *bench) discard(dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	trash := filepath.Join(b.dir, "trash")
	if err := os.MkdirAll(trash, 0o755); err != nil {
		return err
	}
	b.trashed++
	dst := filepath.Join(trash, strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(b.trashed))
	if err := os.Rename(dir, dst); err != nil {
		// Another file system (-dir elsewhere than the output): delete.
		return os.RemoveAll(dir)
	}
	return nil
}

// reportTrash says where the old outputs are kept, and how much room
// they take.
func (b *bench) reportTrash() {
	trash := filepath.Join(b.dir, "trash")
	var bytes int64
	filepath.WalkDir(trash, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				bytes += info.Size()
			}
		}
		return nil
	})
	if bytes > 0 {
		fmt.Fprintf(b.stderr, "old outputs (%.1f GB) are kept in %s until the next run; remove it to have the room now\n", float64(bytes)/1e9, trash)
	}
}

// emptyTrash deletes what the trash holds and syncs the file systems.
// When anything was deleted, it waits b.settle before returning, so that
// the next measured run finds no recently deleted inodes.
func (b *bench) emptyTrash(ctx context.Context) error {
	trash := filepath.Join(b.dir, "trash")
	entries, err := os.ReadDir(trash)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if err := os.RemoveAll(trash); err != nil {
		return fmt.Errorf("empty the trash: %w", err)
	}
	syscall.Sync()
	if b.settle <= 0 {
		return nil
	}
	fmt.Fprintf(b.stderr, "removed %d old outputs; waiting %s for the file system to settle (-settle)\n", len(entries), b.settle)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(b.settle):
		return nil
	}
}
