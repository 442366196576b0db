package content

import (
	"bufio"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

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
	// seen is when the states of the entries were taken: the start of
	// the load that made them (nanoseconds since 1970).
	seen int64
}

// cacheEntry is one parsed file and the file's state when it was parsed.
// The kind of content a file holds follows from its path.
type cacheEntry struct {
	file  string
	state cache.FileState
	value any
	err   error
}

// trusted reports whether a file whose state is now st is unchanged since
// e was parsed.
func (c *Cache) trusted(e cacheEntry, st cache.FileState) bool {
	return e.state == st && st.SettledAt(c.seen)
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
	trusted := ok && c.trusted(c.entries[i], cache.StateOf(s.info))
	var e cacheEntry
	if ok {
		e = c.entries[i]
	}
	c.mu.Unlock()
	if trusted && sameBundle(e.value, s.files) {
		return e.value, e.err
	}
	return parseSource(fsys, s, n)
}

// sameBundle reports whether a cached value, when it is a post, has the
// bundle files a load found now: a file added to or removed from a page
// bundle changes the post although its index.md is unchanged.
func sameBundle(v any, files []string) bool {
	p, ok := v.(*Post)
	if !ok {
		return true
	}
	return slices.Equal(p.Files, files)
}

// update makes the cache hold what a load that started at seen found: the
// parsed value and the error of each source, by index.
func (c *Cache) update(seen time.Time, sources []source, values []any, errs []error) {
	if c == nil {
		return
	}
	entries := make([]cacheEntry, 0, len(sources))
	for i, s := range sources {
		if s.info != nil {
			entries = append(entries, cacheEntry{file: s.file, state: cache.StateOf(s.info), value: values[i], err: errs[i]})
		}
	}
	sortEntries(entries)
	c.mu.Lock()
	c.entries, c.seen = entries, seen.UnixNano()
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
	c.insert(cacheEntry{file: file, state: cache.StateOf(info), value: v})
	c.mu.Unlock()
	return old.value, v, true
}

// savedEntry is a cache entry as Save writes it: one of its values is
// set. Typed fields rather than an interface spare gob writing and
// reading a type name with every entry.
type savedEntry struct {
	File    string
	State   cache.FileState
	Post    *Post
	Page    *Page
	Author  *Author
	Comment *Comment
}

// saved returns e as Save writes it, or false when e holds no value.
func saved(e cacheEntry) (savedEntry, bool) {
	s := savedEntry{File: e.file, State: e.state}
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
// neither Save nor ReadCache holds the whole file in memory. The file
// ends with the CRC-32C of the rest, as the Markdown cache's packs do.
func (c *Cache) Save(file, stamp string) error {
	c.mu.Lock()
	entries, seen := c.entries, c.seen
	c.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	err := cache.WriteAtomic(file, func(w io.Writer) error {
		sum := crc32.New(castagnoli)
		enc := gob.NewEncoder(io.MultiWriter(w, sum))
		if err := errors.Join(enc.Encode(stamp), enc.Encode(seen)); err != nil {
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
		_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
		return err
	})
	if err != nil {
		return fmt.Errorf("save the content cache: %w", err)
	}
	return nil
}

// castagnoli is the CRC-32C table of the cache file's checksum.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ReadCache returns the cache Save wrote to file under stamp, or an empty
// cache when there is none, another program wrote it, or it is damaged:
// its checksum does not match, or it does not decode. A damaged cache is
// never trusted; the next Save replaces it.
func ReadCache(file, stamp string) *Cache {
	f, err := os.Open(file)
	if err != nil {
		return NewCache()
	}
	defer f.Close()
	body, ok := checkedBody(f)
	if !ok {
		return NewCache()
	}
	c, err := decodeCache(bufio.NewReaderSize(body, 64<<10), stamp)
	if err != nil {
		return NewCache()
	}
	return c
}

// checkedBody returns the part of a cache file before its checksum, once
// it has read it through and found the checksum right.
func checkedBody(f *os.File) (io.Reader, bool) {
	info, err := f.Stat()
	if err != nil || info.Size() < 4 {
		return nil, false
	}
	n := info.Size() - 4
	sum := crc32.New(castagnoli)
	var want [4]byte
	if _, err := io.Copy(sum, io.NewSectionReader(f, 0, n)); err != nil {
		return nil, false
	}
	if _, err := f.ReadAt(want[:], n); err != nil || binary.LittleEndian.Uint32(want[:]) != sum.Sum32() {
		return nil, false
	}
	return io.NewSectionReader(f, 0, n), true
}

// decodeCache decodes the entries of a cache file written under stamp.
func decodeCache(r io.Reader, stamp string) (*Cache, error) {
	c := NewCache()
	dec := gob.NewDecoder(r)
	var got string
	if err := errors.Join(dec.Decode(&got), dec.Decode(&c.seen)); err != nil || got != stamp {
		return nil, errors.New("another program's cache")
	}
	n := &names{}
	for {
		var e savedEntry
		switch err := dec.Decode(&e); {
		case errors.Is(err, io.EOF):
			sortEntries(c.entries)
			return c, nil
		case err != nil:
			return nil, err
		}
		v := e.value()
		if v == nil {
			return nil, errors.New("an entry without a value")
		}
		shareNames(v, n)
		c.entries = append(c.entries, cacheEntry{file: e.File, state: e.State, value: v})
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
