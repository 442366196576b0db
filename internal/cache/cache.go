// Package cache is what one build of a site keeps for the next, and the
// one place that says how it stays correct. It lives in a folder the user
// may delete at any time (.blogen-cache/ in the site folder, ignored by
// git).
//
// # The rule
//
// A warm build's output equals a cold build's, byte for byte. Everything
// cached is immutable and named by a key made of everything it was made
// from (keys.go makes every key), and a cached thing that is missing,
// damaged or of another version is a miss, never an error: the worst a
// cache can do is make a build cold. A test builds sites cold and warm,
// after edits of every kind, and compares the outputs (internal/build's
// warm-build tests).
//
// # The parts, and how each keeps the rule
//
//   - Parsed content files (content.Cache, saved in content.pack): a file
//     is parsed again unless its size, modification time, inode and change
//     time are all as recorded; the file carries a checksum and a damaged
//     one is ignored.
//   - Rendered Markdown (Store, below, in markdown/): keyed by MarkdownKey,
//     the body's SHA-256 and the Markdown settings; the @mention and
//     #hashtag look-ups a render made are stored with the entry and asked
//     again of the site before it is used (mdentry), so a new author or tag
//     elsewhere invalidates exactly the posts that named it.
//   - The graph key (Graph.Key): blogen's own binary, site.toml, the
//     templates, the build's options, every content file but the bodies of
//     posts, which posts are published, and the content-hashed names of
//     the theme's stylesheets and scripts, which every page links. Any
//     change to the site but a post's body changes it.
//   - Images (Store, in the same packs): what a build learnt of an image
//     file (its SHA-256, size and orientation), keyed by ImageFileKey, the
//     path and FileState of the file (size, modification time, inode and
//     change time, stored only once settled, as parsed content files are
//     trusted); the original as
//     published, stripped of its metadata, keyed by ImageOriginalKey, the
//     SHA-256 of the source; each resized copy,
//     keyed by ImageCopyKey, the SHA-256 of the source, the copy's width
//     and format and the settings; each social card, keyed by
//     PhotoCardKey (the image, the focal point) or DrawnCardKey (every
//     text, the avatar and the logo drawn on it). The graph key holds the
//     FileState of every image, whose dimensions pages show.
//   - Outputs (Manifest, and publish's spare folder, in outputs/): every
//     output of the last build with its OutputKey, the graph key and the
//     bodies of the posts the output read (pagedata.Reads). An output
//     whose key is unchanged is kept without being made; publish keeps the
//     file only when it is the very file (the same inode) the output
//     folder holds, walked without following links, so nothing in the
//     spare is trusted.
//
// Within one build (not across builds), render keeps post summaries and
// cached partials in memory until the last page that shows them is
// written, and the preview server keeps the last site graph and its
// renderer between edits; they hold what this build made, never what an
// earlier one did.
//
// # The store
//
// Store is a content-addressed key-value store kept
// in pack files (*.pack in its folder). Each Store appends the entries it
// writes to a pack of its own, of a unique name, one record per entry in
// one write: a header (the key, the entry's length, the entry's CRC-32C
// and the header's own CRC-32C), then the entry. Opening a store indexes
// every pack in the folder without reading the entries: from the pack's
// index file (*.idx, written when the store that wrote the pack closes)
// as far as it goes, and from the record headers beyond that. Entries are
// read on demand, so memory grows by a few dozen bytes an entry, not with
// their size. Prune copies the live entries out of a pack, and deletes
// it, only when most of the pack is dead. Several processes may use one
// folder at once: none writes to a pack it did not make, and the entries
// of a pack another process deletes are just misses.
//
// Manifest records, for every output of the last build, the file it
// became, the hash of its bytes and the hash of its inputs (the site but
// the bodies of posts, and the bodies of the posts it showed), so the
// next build can keep the file without making it again when its inputs
// are unchanged, and without writing it again when it comes out the same.
//
// Entries are immutable and depend only on their key; a corrupt or missing
// entry is a miss, never an error, so the worst a damaged cache can do is
// make a build cold.
package cache

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zeebo/xxh3"
)

// Dir is the name of the cache folder inside a site folder.
const Dir = ".blogen-cache"

// version changes whenever the format of an entry or anything that shapes
// cached output changes, so older entries are never read.
const version = "blogen-cache-v1"

// Key identifies an entry: a SHA-256 of everything the entry was made from,
// or, from NewOutputHasher, the fingerprint of an output's bytes.
type Key [sha256.Size]byte

// String returns the key in hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key from parts. Each part is length-prefixed, so that
// ("ab", "c") and ("a", "bc") differ.
type Hasher struct {
	d      hash.Hash
	prefix [24]byte // the length prefix of the part being added
}

// NewHasher starts a key for one kind of entry.
func NewHasher(kind string) *Hasher {
	h := &Hasher{d: sha256.New()}
	return h.String(version).String(kind)
}

// NewOutputHasher starts the fingerprint of a built output, which a later
// build compares with its own to tell whether the output changed: the
// 128 bits of XXH3 in the first half of the Key. It is no cryptographic
// hash, and its keys never name entries of a Store; against accidental
// change, the only kind a build meets, it is as sure as SHA-256, and
// some thirty times faster, which matters as every byte of a cold build
// goes through it.
func NewOutputHasher(kind string) *Hasher {
	h := &Hasher{d: xxh3.New128()}
	return h.String(version).String(kind)
}

// Bytes adds a part.
func (h *Hasher) Bytes(b []byte) *Hasher {
	h.writePrefix(len(b))
	h.d.Write(b)
	return h
}

// String adds a part.
func (h *Hasher) String(s string) *Hasher {
	h.writePrefix(len(s))
	io.WriteString(h.d, s)
	return h
}

// writePrefix writes the length of the next part and a colon.
func (h *Hasher) writePrefix(n int) {
	h.d.Write(append(strconv.AppendInt(h.prefix[:0], int64(n), 10), ':'))
}

// Key returns the key of the parts added so far.
func (h *Hasher) Key() Key {
	var k Key
	h.d.Sum(k[:0])
	return k
}

// Store is a folder of pack files of entries. A nil *Store is a store that
// never hits and drops every write, so callers need not check whether
// caching is on. A Store is safe for concurrent use, and several
// processes may open one folder at once: each appends only to a pack of
// its own.
type Store struct {
	dir string

	mu    sync.RWMutex
	index map[Key]loc // every entry known, by key
	packs []*pack     // every pack open, the one written to included

	wmu     sync.Mutex // held while writing: by Put, Prune and Close
	own     *pack      // the pack Put appends to, made by the first Put
	buf     []byte     // the record Put is writing
	checked time.Time  // when own was last seen in the folder
	broken  bool       // a write failed: the store writes no more
	closed  bool
}

// loc is where an entry lies: the record at off in pack p, of an entry of
// n bytes whose CRC-32C is sum.
type loc struct {
	p   *pack
	off int64
	n   uint32
	sum uint32
}

func (l loc) record(k Key) record { return record{key: k, off: l.off, n: l.n, sum: l.sum} }

const (
	// indexAfter is how many records found by their headers make Open
	// write the index file of a pack, so the next Open reads that instead.
	indexAfter = 256
	// maxPacks is how many packs besides its own a Store keeps after
	// Prune: the smallest are merged into its own beyond that.
	maxPacks = 16
)

// recheck is how often Put makes sure its pack is still in the folder, as
// another process's Prune may have deleted it.
var recheck = time.Second

// Open opens (creating it when needed) the store in dir and indexes every
// pack in it, reading their index files, or their record headers where
// the index files do not reach; it reads no entry.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	s := &Store{dir: dir, index: map[Key]loc{}}
	packs := map[string]bool{}
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, packExt) && e.Type().IsRegular() {
			packs[name] = true
			s.load(name)
		}
	}
	for _, e := range entries {
		s.tidy(e, packs)
	}
	return s, nil
}

// load indexes the pack named name. A pack that cannot be read is left
// alone: another process may be making it.
func (s *Store) load(name string) {
	p, recs, scanned, err := openPack(s.dir, name)
	if err != nil {
		return
	}
	s.packs = append(s.packs, p)
	for _, r := range recs {
		if _, dup := s.index[r.key]; !dup {
			s.index[r.key] = loc{p: p, off: r.off, n: r.n, sum: r.sum}
		}
	}
	if scanned >= indexAfter {
		writeIndex(s.dir, name, p.size, recs)
	}
}

// tidy removes what older versions and interrupted writes left in the
// folder: the folders of entries of the layout before packs, index files
// whose pack is gone and temporary files no running process writes (see
// RemoveTemporary). packs names the packs in the folder.
func (s *Store) tidy(e fs.DirEntry, packs map[string]bool) {
	name := e.Name()
	file := filepath.Join(s.dir, name)
	switch {
	case e.IsDir() && len(name) == 2 && isHex(name):
		os.RemoveAll(file)
	case strings.HasSuffix(name, indexExt) && !packs[strings.TrimSuffix(name, indexExt)+packExt]:
		os.Remove(file)
	case leftTemporary(e):
		os.Remove(file)
	}
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// Get returns the entry for k, in a slice of its own. A damaged entry is
// a miss, and is forgotten so that Put can write it again.
func (s *Store) Get(k Key) ([]byte, bool) {
	if s == nil {
		return nil, false
	}
	s.mu.RLock()
	l, ok := s.index[k]
	s.mu.RUnlock()
	if !ok {
		return nil, false
	}
	rec, ok := readRecord(l.p.f, l.record(k), nil)
	if !ok {
		s.forget(k, l)
		return nil, false
	}
	return rec[headerSize:], true
}

// has reports whether the store knows an entry for k.
func (s *Store) has(k Key) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, ok := s.index[k]
	return ok
}

// forget drops k from the index, unless it has moved on from l.
func (s *Store) forget(k Key, l loc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.index[k] == l {
		delete(s.index, k)
	}
}

// Put stores an entry for k, unless the store has one: it appends a
// record to the store's own pack in one write, so that the entry is in
// the file, for other processes and later builds to read, when Put
// returns. Errors are dropped: a cache that cannot be written is a cold
// cache.
func (s *Store) Put(k Key, b []byte) {
	if s == nil || len(b) > maxEntry || s.has(k) {
		return
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.has(k) {
		return
	}
	s.buf = appendRecord(s.buf[:0], k, b)
	s.write(s.buf)
}

// write appends the record raw to the store's own pack and indexes it.
// It reports whether it did.
func (s *Store) write(raw []byte) bool {
	p := s.writer()
	if p == nil {
		return false
	}
	if _, err := p.f.WriteAt(raw, p.size); err != nil {
		s.broken = true
		return false
	}
	r, _ := parseHeader(raw, p.size)
	p.size += int64(len(raw))
	s.mu.Lock()
	s.index[r.key] = loc{p: p, off: r.off, n: r.n, sum: r.sum}
	s.mu.Unlock()
	return true
}

// writer returns the store's own pack, making one when there is none yet
// or when another process's Prune deleted it; nil when the store does not
// write.
func (s *Store) writer() *pack {
	if s.closed || s.broken {
		return nil
	}
	if s.own != nil && !s.ownGone() {
		return s.own
	}
	p, err := createPack(s.dir)
	if err != nil {
		s.broken = true
		return nil
	}
	s.mu.Lock()
	s.packs = append(s.packs, p)
	s.mu.Unlock()
	s.own, s.checked = p, time.Now()
	return p
}

// ownGone reports whether the store's own pack has left the folder, at
// most once every recheck.
func (s *Store) ownGone() bool {
	if time.Since(s.checked) < recheck {
		return false
	}
	s.checked = time.Now()
	there, err := os.Stat(filepath.Join(s.dir, s.own.name))
	if err != nil {
		return true
	}
	mine, err := s.own.f.Stat()
	return err != nil || !os.SameFile(there, mine)
}

// Prune deletes the entries not in keep, so the cache does not grow
// without bound as posts change. It deletes the packs of other stores
// that hold no entry of keep, and those that are more than half dead,
// after copying their live entries into the store's own pack; packs
// mostly alive are left as they are, as are packs made after Open. When
// more than maxPacks packs of other stores remain, the smallest are
// merged into the store's own. Entries another process added to a pack
// after Open go with the pack: they become misses.
func (s *Store) Prune(keep map[Key]bool) error {
	if s == nil {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return nil
	}
	live := s.liveBytes(keep)
	gone := map[*pack]bool{}
	for _, p := range s.toRewrite(live) {
		if live[p] == 0 || s.move(p, keep) {
			gone[p] = true
		}
	}
	return s.drop(gone)
}

// liveBytes returns the bytes of the records of each pack that keep
// names.
func (s *Store) liveBytes(keep map[Key]bool) map[*pack]int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	live := make(map[*pack]int64, len(s.packs))
	for k, l := range s.index {
		if keep[k] {
			live[l.p] += int64(headerSize) + int64(l.n)
		}
	}
	return live
}

// toRewrite returns the packs of other stores that are more than half
// dead, and the smallest of the rest beyond maxPacks.
func (s *Store) toRewrite(live map[*pack]int64) []*pack {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var dead, rest []*pack
	for _, p := range s.packs {
		switch {
		case p == s.own:
		case 2*live[p] < p.size:
			dead = append(dead, p)
		default:
			rest = append(rest, p)
		}
	}
	slices.SortFunc(rest, func(a, b *pack) int { return cmp.Compare(a.size, b.size) })
	return append(dead, rest[:max(0, len(rest)-maxPacks)]...)
}

// move copies the entries of p that keep names into the store's own
// pack, and reports whether every one of them that was intact is there
// now.
func (s *Store) move(p *pack, keep map[Key]bool) bool {
	var buf []byte
	for _, r := range s.recordsIn(p, keep) {
		raw, ok := readRecord(p.f, r, buf)
		if !ok {
			continue
		}
		buf = raw
		if !s.write(raw) {
			return false
		}
	}
	return true
}

// recordsIn returns the records of p that the index points to and keep
// names (all of them when keep is nil), in the order they are in p.
func (s *Store) recordsIn(p *pack, keep map[Key]bool) []record {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var recs []record
	for k, l := range s.index {
		if l.p == p && (keep == nil || keep[k]) {
			recs = append(recs, l.record(k))
		}
	}
	slices.SortFunc(recs, func(a, b record) int { return cmp.Compare(a.off, b.off) })
	return recs
}

// drop forgets the packs gone and deletes their files. The files of a
// pack another process already deleted are no error.
func (s *Store) drop(gone map[*pack]bool) error {
	if len(gone) == 0 {
		return nil
	}
	s.mu.Lock()
	maps.DeleteFunc(s.index, func(_ Key, l loc) bool { return gone[l.p] })
	s.packs = slices.DeleteFunc(s.packs, func(p *pack) bool { return gone[p] })
	s.mu.Unlock()
	var errs []error
	for p := range gone {
		p.f.Close()
		for _, name := range []string{indexName(p.name), p.name} {
			if err := os.Remove(filepath.Join(s.dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("cache: prune: %w", err))
			}
		}
	}
	return errors.Join(errs...)
}

// Close writes the index file of the store's own pack, so the next Open
// need not read its record headers, and closes its packs. The store is
// then empty and drops every write. Closing a nil or closed store does
// nothing.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var errs []error
	if s.own != nil {
		errs = append(errs, writeIndex(s.dir, s.own.name, s.own.size, s.recordsIn(s.own, nil)))
	}
	s.mu.Lock()
	packs := s.packs
	s.packs, s.index = nil, nil
	s.mu.Unlock()
	for _, p := range packs {
		if err := p.f.Close(); err != nil {
			errs = append(errs, fmt.Errorf("cache: %w", err))
		}
	}
	return errors.Join(errs...)
}

// WriteAtomic writes the file p through write, buffered, into a temporary
// file that then replaces p, so that p is never seen half written and a
// large file is never held whole in memory. The folder of p must exist.
func WriteAtomic(p string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), tempPattern())
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
