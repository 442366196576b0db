// Package mdentry is the format of the Markdown cache's entries: a post's
// rendered Markdown and the @mention and #hashtag look-ups its render made.
//
// A cached Markdown result is valid when the body and the renderer's
// settings are the same (the key) and every @mention and #hashtag look-up
// it made gives the same answer in the site as it is now. Recording the
// look-ups, rather than hashing every author and tag into the key, keeps
// the cache warm when a tag is added somewhere else.
//
// Entries are length-prefixed fields; Decode rejects anything that does
// not parse to the end, so a damaged entry is a miss (cache's rule).
package mdentry

import (
	"encoding/binary"
	"errors"
	"slices"
	"sync"

	"github.com/blogen/blogen/internal/markdown"
)

// Lookup is one question a render asked the resolver, and the answer.
type Lookup struct {
	Kind  byte // 'a' for Author, 't' for Tag
	Query string
	URL   string
	OK    bool
}

// Recorder is a resolver that remembers what it was asked.
type Recorder struct {
	Resolver markdown.Resolver
	mu       sync.Mutex
	lookups  []Lookup
}

// Author answers from the site and records the look-up.
func (r *Recorder) Author(h string) (string, bool) {
	u, ok := r.Resolver.Author(h)
	r.record(Lookup{'a', h, u, ok})
	return u, ok
}

// Tag answers from the site and records the look-up.
func (r *Recorder) Tag(t string) (string, bool) {
	u, ok := r.Resolver.Tag(t)
	r.record(Lookup{'t', t, u, ok})
	return u, ok
}

func (r *Recorder) record(l Lookup) {
	r.mu.Lock()
	r.lookups = append(r.lookups, l)
	r.mu.Unlock()
}

// StillValid reports whether every recorded look-up gets the same answer.
func StillValid(lookups []Lookup, res markdown.Resolver) bool {
	for _, l := range lookups {
		var u string
		var ok bool
		if l.Kind == 'a' {
			u, ok = res.Author(l.Query)
		} else {
			u, ok = res.Tag(l.Query)
		}
		if u != l.URL || ok != l.OK {
			return false
		}
	}
	return true
}

// Append lays a result out as length-prefixed fields, appended to
// dst.
func Append(dst []byte, res markdown.Result, lookups []Lookup) []byte {
	n := 4*binary.MaxVarintLen64 + 1 + len(res.HTML) + len(res.Summary)
	for _, l := range lookups {
		n += 2*binary.MaxVarintLen64 + 2 + len(l.Query) + len(l.URL)
	}
	b := binary.AppendUvarint(slices.Grow(dst, n), uint64(res.Words))
	b = appendBool(b, res.HasMore)
	b = appendBytes(b, res.HTML)
	b = appendBytes(b, res.Summary)
	b = binary.AppendUvarint(b, uint64(len(lookups)))
	for _, l := range lookups {
		b = append(b, l.Kind)
		b = appendBytes(b, []byte(l.Query))
		b = appendBytes(b, []byte(l.URL))
		b = appendBool(b, l.OK)
	}
	return b
}

func appendBytes(b, p []byte) []byte { return append(binary.AppendUvarint(b, uint64(len(p))), p...) }

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

var errCorrupt = errors.New("corrupt cache entry")

// decoder reads what Append wrote.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// Decode reads an entry that Append wrote; a damaged one is an error.
func Decode(b []byte) (markdown.Result, []Lookup, error) {
	d := &decoder{b: b}
	var res markdown.Result
	res.Words = int(d.uvarint())
	res.HasMore = d.byte() == 1
	res.HTML = d.bytes()
	res.Summary = d.bytes()
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return res, nil, errCorrupt
	}
	lookups := make([]Lookup, 0, n)
	for range n {
		l := Lookup{Kind: d.byte(), Query: string(d.bytes()), URL: string(d.bytes())}
		l.OK = d.byte() == 1
		lookups = append(lookups, l)
	}
	if d.err != nil || len(d.b) != 0 {
		return res, nil, errCorrupt
	}
	return res, lookups, nil
}

// Lookups returns the look-ups recorded so far.
func (r *Recorder) Lookups() []Lookup {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lookups
}
