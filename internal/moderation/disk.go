package moderation

import (
	"os"
)

// Disk is the file system new comments are written through. OSDisk is the
// real one; tests give one that fails, as a full disk does.
type Disk interface {
	// MkdirAll makes a folder and its parents.
	MkdirAll(dir string) error
	// CreateTemp makes a new file in dir that has no name yet, or only a
	// hidden temporary one (".*.md.*.tmp", which the content loader
	// ignores); DiskFile.Link names it.
	CreateTemp(dir string) (DiskFile, error)
	// Remove removes a file.
	Remove(name string) error
	// SyncDir makes the names in dir durable.
	SyncDir(dir string) error
}

// DiskFile is a new file being written.
type DiskFile interface {
	Write(p []byte) (int, error)
	// Sync makes what was written durable.
	Sync() error
	// Link gives the file the name, a path in the folder it was made in;
	// it fails with fs.ErrExist when the name is taken.
	Link(name string) error
	// Close closes the file and removes its temporary name, if it has
	// one: a file that was not linked is gone.
	Close() error
}

// OSDisk is the operating system's file system. On Linux a new file is
// made with O_TMPFILE and has no name until it is linked, so that a crash
// leaves nothing behind; elsewhere, or where the file system cannot, it
// has a hidden temporary name until then, which RemoveStaleTemp clears
// after a crash.
type OSDisk struct{}

// MkdirAll implements Disk.
func (OSDisk) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }

// CreateTemp implements Disk; the file is readable by all, as comment
// files are.
func (OSDisk) CreateTemp(dir string) (DiskFile, error) {
	if f, ok := createUnnamed(dir); ok {
		return f, nil
	}
	return createNamed(dir)
}

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

// namedFile is a new file under a hidden temporary name.
type namedFile struct{ *os.File }

// tempPattern is the name of a temporary comment file, as os.CreateTemp
// takes it.
const tempPattern = ".new.md.*.tmp"

// createNamed makes a new file under a hidden temporary name in dir.
func createNamed(dir string) (DiskFile, error) {
	f, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return namedFile{f}, nil
}

// Link implements DiskFile.
func (f namedFile) Link(name string) error { return os.Link(f.Name(), name) }

// Close implements DiskFile. A temporary name left by a failed removal
// is RemoveStaleTemp's to clear.
func (f namedFile) Close() error {
	err := f.File.Close()
	_ = os.Remove(f.Name())
	return err
}
