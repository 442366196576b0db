package content

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/blogen/blogen/internal/cache"
)

// Cache remembers parsed content files between loads of one site, so that
// a reload re-parses only what changed. It is safe for concurrent use; the
// zero value is not, use NewCache.
type Cache struct {
	mu sync.Mutex
	// entries are the files of the last load, sorted by path: a large
	// site has hundreds of thousands, which a slice holds in less memory
	// than a map would. The slice is replaced, never changed, so that
	// Save can read it while the cache changes.
	entries []cacheEntry
}

// cacheEntry is one parsed file and the file's state when it was parsed.
// The kind of content a file holds follows from its path.
type cacheEntry struct {
	file  string
	size  int64
	mod   int64 // modification time, in nanoseconds since 1970
	value any
	err   error
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// find returns where file is, or would be, in entries. The caller holds
// the lock.
func (c *Cache) find(file string) (int, bool) {
	return slices.BinarySearchFunc(c.entries, file, func(e cacheEntry, f string) int { return strings.Compare(e.file, f) })
}

// parse returns the parsed file, from the cache when the file has not
// changed. A nil cache always parses.
func (c *Cache) parse(fsys fs.FS, s source, n *names) (any, error) {
	if c == nil || s.info == nil {
		return parseSource(fsys, s, n)
	}
	c.mu.Lock()
	i, ok := c.find(s.file)
	var e cacheEntry
	if ok {
		e = c.entries[i]
	}
	c.mu.Unlock()
	if ok && e.size == s.info.Size() && e.mod == s.info.ModTime().UnixNano() {
		return e.value, e.err
	}
	return parseSource(fsys, s, n)
}

// update makes the cache hold what a load found: the parsed value and the
// error of each source, by index.
func (c *Cache) update(sources []source, values []any, errs []error) {
	if c == nil {
		return
	}
	entries := make([]cacheEntry, 0, len(sources))
	for i, s := range sources {
		if s.info != nil {
			entries = append(entries, cacheEntry{file: s.file, size: s.info.Size(), mod: s.info.ModTime().UnixNano(), value: values[i], err: errs[i]})
		}
	}
	sortEntries(entries)
	c.mu.Lock()
	c.entries = entries
	c.mu.Unlock()
}

// sortEntries sorts entries by path.
func sortEntries(entries []cacheEntry) {
	byFile := func(a, b cacheEntry) int { return strings.Compare(a.file, b.file) }
	if !slices.IsSortedFunc(entries, byFile) {
		slices.SortFunc(entries, byFile)
	}
}

// Forget drops the named files (paths relative to the site root) from the
// cache, so the next load parses them whatever their size and time say.
func (c *Cache) Forget(files ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range files {
		c.remove(f)
	}
}

// remove drops file from the cache and returns its entry, if it held
// it. The caller holds the lock.
func (c *Cache) remove(file string) (cacheEntry, bool) {
	i, ok := c.find(file)
	if !ok {
		return cacheEntry{}, false
	}
	e := c.entries[i]
	c.entries = slices.Concat(c.entries[:i], c.entries[i+1:])
	return e, true
}

// insert adds e to the cache unless it holds the file. The caller holds
// the lock.
func (c *Cache) insert(e cacheEntry) {
	if i, ok := c.find(e.file); !ok {
		c.entries = slices.Concat(c.entries[:i], []cacheEntry{e}, c.entries[i:])
	}
}

// Reparse parses again a file the cache holds, as the same kind of
// content, and keeps the result in place of the old one. It returns the
// value parsed before and the value parsed now. ok is false, and the file
// is forgotten, when the cache did not hold the file or the file no longer
// parses: only a whole load can then say what the site looks like.
func (c *Cache) Reparse(fsys fs.FS, file string) (before, after any, ok bool) {
	c.mu.Lock()
	old, held := c.remove(file)
	c.mu.Unlock()
	if !held || old.err != nil || old.value == nil {
		return nil, nil, false
	}
	info, err := fs.Stat(fsys, file)
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil, false
	}
	s := source{file: file, kind: kindOf(old.value), info: info}
	if p, isPost := old.value.(*Post); isPost && p.Bundle != "" {
		s.files = p.Files
	}
	v, err := parseSource(fsys, s, nil)
	if err != nil || v == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	c.insert(cacheEntry{file: file, size: info.Size(), mod: info.ModTime().UnixNano(), value: v})
	c.mu.Unlock()
	return old.value, v, true
}

// savedEntry is a cache entry as Save writes it: one of its values is
// set. Typed fields rather than an interface spare gob writing and
// reading a type name with every entry.
type savedEntry struct {
	File    string
	Size    int64
	Mod     int64
	Post    *Post
	Page    *Page
	Author  *Author
	Comment *Comment
}

// saved returns e as Save writes it, or false when e holds no value.
func saved(e cacheEntry) (savedEntry, bool) {
	s := savedEntry{File: e.file, Size: e.size, Mod: e.mod}
	switch v := e.value.(type) {
	case *Post:
		s.Post = v
	case *Page:
		s.Page = v
	case *Author:
		s.Author = v
	case *Comment:
		s.Comment = v
	default:
		return s, false
	}
	return s, true
}

// value returns the value e holds, or nil.
func (e *savedEntry) value() any {
	switch {
	case e.Post != nil:
		return e.Post
	case e.Page != nil:
		return e.Page
	case e.Author != nil:
		return e.Author
	case e.Comment != nil:
		return e.Comment
	}
	return nil
}

// Save writes the files the cache holds, parsed without error, to file,
// atomically, under the name of the program that parsed them (stamp): a
// later build of the site reads them back with ReadCache instead of
// parsing every file again. Entries are written one by one, so that
// neither Save nor ReadCache holds the whole file in memory.
func (c *Cache) Save(file, stamp string) error {
	c.mu.Lock()
	entries := c.entries
	c.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	err := cache.WriteAtomic(file, func(w io.Writer) error {
		enc := gob.NewEncoder(w)
		if err := enc.Encode(stamp); err != nil {
			return err
		}
		for _, e := range entries {
			s, ok := saved(e)
			if e.err != nil || !ok {
				continue
			}
			if err := enc.Encode(&s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save the content cache: %w", err)
	}
	return nil
}

// ReadCache returns the cache Save wrote to file under stamp, or an empty
// cache when there is none, it is damaged or another program wrote it.
func ReadCache(file, stamp string) *Cache {
	c := NewCache()
	f, err := os.Open(file)
	if err != nil {
		return c
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 64<<10))
	var got string
	if dec.Decode(&got) != nil || got != stamp {
		return c
	}
	n := &names{}
	for {
		var e savedEntry
		switch err := dec.Decode(&e); {
		case errors.Is(err, io.EOF):
			sortEntries(c.entries)
			return c
		case err != nil:
			return NewCache()
		}
		v := e.value()
		if v == nil {
			return NewCache()
		}
		shareNames(v, n)
		c.entries = append(c.entries, cacheEntry{file: e.File, size: e.Size, mod: e.Mod, value: v})
	}
}

// shareNames makes the names of a value read back share their strings, as
// they do when the file is parsed (names).
func shareNames(v any, n *names) {
	switch v := v.(type) {
	case *Post:
		for _, l := range [][]string{v.Authors, v.Tags, v.Category} {
			for i, s := range l {
				l[i] = n.share(s)
			}
		}
	case *Comment:
		v.Author, v.AuthorURL, v.EmailHash = n.share(v.Author), n.share(v.AuthorURL), n.share(v.EmailHash)
		v.Status = statusOf(string(v.Status))
	}
}
