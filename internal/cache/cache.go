// Package cache keeps what one build of a site learned for the next one, in
// a folder the user may delete at any time (.blogen-cache/ in the site
// folder, ignored by git).
//
// It holds two things. Store is a content-addressed key-value store: one
// small file per entry, written atomically, read on demand, so memory does
// not grow with the site. Manifest records, for every output of the last
// build, the file it became, the hash of its bytes and the hash of its
// inputs (the site but the bodies of posts, and the bodies of the posts it
// showed), so the next build can keep the file without making it again
// when its inputs are unchanged, and without writing it again when it
// comes out the same.
//
// Entries are immutable and depend only on their key; a corrupt or missing
// entry is a miss, never an error, so the worst a damaged cache can do is
// make a build cold.
package cache

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Dir is the name of the cache folder inside a site folder.
const Dir = ".blogen-cache"

// version changes whenever the format of an entry or anything that shapes
// cached output changes, so older entries are never read.
const version = "blogen-cache-v1"

// Key identifies an entry: a SHA-256 of everything the entry was made from.
type Key [sha256.Size]byte

// String returns the key in hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key from parts. Each part is length-prefixed, so that
// ("ab", "c") and ("a", "bc") differ.
type Hasher struct {
	parts [][]byte
}

// NewHasher starts a key for one kind of entry.
func NewHasher(kind string) *Hasher {
	h := &Hasher{}
	return h.String(version).String(kind)
}

// Bytes adds a part.
func (h *Hasher) Bytes(b []byte) *Hasher {
	h.parts = append(h.parts, fmt.Appendf(nil, "%d:", len(b)), b)
	return h
}

// String adds a part.
func (h *Hasher) String(s string) *Hasher { return h.Bytes([]byte(s)) }

// Key returns the key of the parts added so far.
func (h *Hasher) Key() Key {
	d := sha256.New()
	for _, p := range h.parts {
		d.Write(p)
	}
	var k Key
	d.Sum(k[:0])
	return k
}

// Store is a folder of entries. A nil *Store is a store that never hits
// and drops every write, so callers need not check whether caching is on.
type Store struct {
	dir string
}

// Open opens (creating it when needed) the store in dir.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Store{dir: dir}, nil
}

// path returns the file of an entry: two levels of fan-out keep folders
// small on large sites.
func (s *Store) path(k Key) string {
	h := k.String()
	return filepath.Join(s.dir, h[:2], h[2:])
}

// Get returns the entry for k.
func (s *Store) Get(k Key) ([]byte, bool) {
	if s == nil {
		return nil, false
	}
	b, err := os.ReadFile(s.path(k))
	return b, err == nil
}

// Put stores an entry for k, atomically: readers see the whole entry or
// none. Errors are dropped: a cache that cannot be written is a cold cache.
func (s *Store) Put(k Key, b []byte) {
	if s == nil {
		return
	}
	p := s.path(k)
	if _, err := os.Stat(p); err == nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	writeAtomic(p, b)
}

// writeAtomic writes b to a temporary file beside p and renames it over p.
func writeAtomic(p string, b []byte) error {
	return WriteAtomic(p, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// WriteAtomic writes the file p through write, buffered, into a temporary
// file that then replaces p, so that p is never seen half written and a
// large file is never held whole in memory. The folder of p must exist.
func WriteAtomic(p string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	buf := bufio.NewWriterSize(tmp, 64<<10)
	werr := write(buf)
	if werr == nil {
		werr = buf.Flush()
	}
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// Prune deletes the entries not in keep, so the cache does not grow
// without bound as posts change.
func (s *Store) Prune(keep map[Key]bool) error {
	if s == nil {
		return nil
	}
	return filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.dir, p)
		var k Key
		if n, err := hex.Decode(k[:], []byte(filepath.Dir(rel)+filepath.Base(rel))); err != nil || n != len(k) {
			os.Remove(p)
			return nil
		}
		if !keep[k] {
			os.Remove(p)
		}
		return nil
	})
}
