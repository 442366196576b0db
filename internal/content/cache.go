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
	"sync"
	"time"

	"github.com/blogen/blogen/internal/cache"
)

// Cache remembers parsed content files between loads of one site, so that
// a reload re-parses only what changed. It is safe for concurrent use; the
// zero value is not, use NewCache.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
}

// cacheEntry is one parsed file and the file's state when it was parsed.
type cacheEntry struct {
	size  int64
	mod   time.Time
	kind  kind
	value any
	err   error
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}} }

// parse returns the parsed file, from the cache when the file has not
// changed. A nil cache always parses.
func (c *Cache) parse(fsys fs.FS, s source) (any, error) {
	if c == nil || s.info == nil {
		return parseSource(fsys, s)
	}
	c.mu.Lock()
	e, ok := c.entries[s.file]
	c.mu.Unlock()
	if ok && e.kind == s.kind && e.size == s.info.Size() && e.mod.Equal(s.info.ModTime()) {
		return e.value, e.err
	}
	v, err := parseSource(fsys, s)
	c.mu.Lock()
	c.entries[s.file] = cacheEntry{size: s.info.Size(), mod: s.info.ModTime(), kind: s.kind, value: v, err: err}
	c.mu.Unlock()
	return v, err
}

// keep forgets the files that are no longer there.
func (c *Cache) keep(sources []source) {
	if c == nil {
		return
	}
	live := make(map[string]bool, len(sources))
	for _, s := range sources {
		live[s.file] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for f := range c.entries {
		if !live[f] {
			delete(c.entries, f)
		}
	}
}

// Forget drops the named files (paths relative to the site root) from the
// cache, so the next load parses them whatever their size and time say.
func (c *Cache) Forget(files ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range files {
		delete(c.entries, f)
	}
}

// Reparse parses again a file the cache holds, as the same kind of
// content, and keeps the result in place of the old one. It returns the
// value parsed before and the value parsed now. ok is false, and the file
// is forgotten, when the cache did not hold the file or the file no longer
// parses: only a whole load can then say what the site looks like.
func (c *Cache) Reparse(fsys fs.FS, file string) (before, after any, ok bool) {
	c.mu.Lock()
	old, held := c.entries[file]
	delete(c.entries, file)
	c.mu.Unlock()
	if !held || old.err != nil || old.value == nil {
		return nil, nil, false
	}
	info, err := fs.Stat(fsys, file)
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil, false
	}
	s := source{file: file, kind: old.kind, info: info}
	if p, isPost := old.value.(*Post); isPost && p.Bundle != "" {
		s.files = p.Files
	}
	v, err := parseSource(fsys, s)
	if err != nil || v == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	c.entries[file] = cacheEntry{size: info.Size(), mod: info.ModTime(), kind: s.kind, value: v}
	c.mu.Unlock()
	return old.value, v, true
}

// savedEntry is a cache entry as Save writes it.
type savedEntry struct {
	File  string
	Size  int64
	Mod   time.Time
	Kind  kind
	Value any
}

func init() {
	gob.Register(&Post{})
	gob.Register(&Page{})
	gob.Register(&Author{})
	gob.Register(&Comment{})
}

// Save writes the files the cache holds, parsed without error, to file,
// atomically, under the name of the program that parsed them (stamp): a
// later build of the site reads them back with ReadCache instead of
// parsing every file again. Entries are written one by one, so that
// neither Save nor ReadCache holds the whole file in memory.
func (c *Cache) Save(file, stamp string) error {
	c.mu.Lock()
	entries := make([]savedEntry, 0, len(c.entries))
	for f, e := range c.entries {
		if e.err == nil && e.value != nil {
			entries = append(entries, savedEntry{File: f, Size: e.size, Mod: e.mod, Kind: e.kind, Value: e.value})
		}
	}
	c.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	err := cache.WriteAtomic(file, func(w io.Writer) error {
		enc := gob.NewEncoder(w)
		if err := enc.Encode(stamp); err != nil {
			return err
		}
		for i := range entries {
			if err := enc.Encode(&entries[i]); err != nil {
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
	for {
		var e savedEntry
		switch err := dec.Decode(&e); {
		case errors.Is(err, io.EOF):
			return c
		case err != nil:
			return NewCache()
		}
		c.entries[e.File] = cacheEntry{size: e.Size, mod: e.Mod, kind: e.Kind, value: e.Value}
	}
}
