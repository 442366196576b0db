package render

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"slices"
	"sync"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/markdown"
)

// A cached Markdown result is valid when the body and the renderer's
// settings are the same (the key) and every @mention and #hashtag look-up
// it made gives the same answer in the site as it is now. Recording the
// look-ups, rather than hashing every author and tag into the key, keeps
// the cache warm when a tag is added somewhere else.

// lookup is one question a render asked the resolver, and the answer.
type lookup struct {
	kind  byte // 'a' for Author, 't' for Tag
	query string
	url   string
	ok    bool
}

// recorder is a resolver that remembers what it was asked.
type recorder struct {
	res     markdown.Resolver
	mu      sync.Mutex
	lookups []lookup
}

// Author answers from the site and records the look-up.
func (r *recorder) Author(h string) (string, bool) {
	u, ok := r.res.Author(h)
	r.record(lookup{'a', h, u, ok})
	return u, ok
}

// Tag answers from the site and records the look-up.
func (r *recorder) Tag(t string) (string, bool) {
	u, ok := r.res.Tag(t)
	r.record(lookup{'t', t, u, ok})
	return u, ok
}

func (r *recorder) record(l lookup) {
	r.mu.Lock()
	r.lookups = append(r.lookups, l)
	r.mu.Unlock()
}

// stillValid reports whether every recorded look-up gets the same answer.
func stillValid(lookups []lookup, res markdown.Resolver) bool {
	for _, l := range lookups {
		var u string
		var ok bool
		if l.kind == 'a' {
			u, ok = res.Author(l.query)
		} else {
			u, ok = res.Tag(l.query)
		}
		if u != l.url || ok != l.ok {
			return false
		}
	}
	return true
}

// renderedPost is a post's rendered Markdown as the render keeps it.
type renderedPost struct {
	html    string // the whole body
	summary string // the HTML of the Markdown summary; "" when there is none
	words   int
}

// keepResult copies what the render keeps of res.
func keepResult(res markdown.Result) renderedPost {
	return renderedPost{html: string(res.HTML), summary: string(res.Summary), words: res.Words}
}

// renderCached renders a Markdown body through the cache store of the
// render, when there is one.
func (r *Renderer) renderCached(body []byte) (renderedPost, error) {
	if r.opts.Cache == nil {
		return r.renderKept(body, r.resolve, nil)
	}
	key := r.markdownKey(sha256.Sum256(body))
	r.keep(key)
	if b, ok := r.opts.Cache.Get(key); ok {
		if res, lookups, err := decodeResult(b); err == nil && stillValid(lookups, r.resolve) {
			return keepResult(res), nil
		}
	}
	rec := &recorder{res: r.resolve}
	return r.renderKept(body, rec, func(res markdown.Result) {
		r.putResult(key, res, rec.lookups)
	})
}

// renderKept renders body and returns what the render keeps of it, after
// passing the result to store, when store is not nil.
func (r *Renderer) renderKept(body []byte, res markdown.Resolver, store func(markdown.Result)) (renderedPost, error) {
	var out renderedPost
	err := r.md.RenderFunc(body, res, func(tmp markdown.Result) error {
		if store != nil {
			store(tmp)
		}
		out = keepResult(tmp)
		return nil
	})
	return out, err
}

// entryBuffers holds the buffers cache entries are encoded in, as the store
// copies an entry when it writes it.
var entryBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledEntry caps the buffers kept in entryBuffers.
const maxPooledEntry = 1 << 20

// putResult writes res and the look-ups it made to the cache under key.
func (r *Renderer) putResult(key cache.Key, res markdown.Result, lookups []lookup) {
	buf := entryBuffers.Get().(*[]byte)
	*buf = appendResult((*buf)[:0], res, lookups)
	r.opts.Cache.Put(key, *buf)
	if cap(*buf) <= maxPooledEntry {
		entryBuffers.Put(buf)
	}
}

// keep records a key this build used, so Prune keeps its entry.
func (r *Renderer) keep(k cache.Key) {
	r.usedMu.Lock()
	r.used[k] = true
	r.usedMu.Unlock()
}

// UsedKeys returns the cache keys this render read or wrote, and those
// of the posts read by the outputs it kept.
func (r *Renderer) UsedKeys() map[cache.Key]bool {
	r.usedMu.Lock()
	defer r.usedMu.Unlock()
	for i := range r.st.posts {
		if r.st.posts[i].cacheKept.Load() {
			r.used[r.markdownKey(r.site.Posts[i].Post.BodySum)] = true
		}
	}
	return r.used
}

// appendResult lays a result out as length-prefixed fields, appended to
// dst.
func appendResult(dst []byte, res markdown.Result, lookups []lookup) []byte {
	n := 4*binary.MaxVarintLen64 + 1 + len(res.HTML) + len(res.Summary)
	for _, l := range lookups {
		n += 2*binary.MaxVarintLen64 + 2 + len(l.query) + len(l.url)
	}
	b := binary.AppendUvarint(slices.Grow(dst, n), uint64(res.Words))
	b = appendBool(b, res.HasMore)
	b = appendBytes(b, res.HTML)
	b = appendBytes(b, res.Summary)
	b = binary.AppendUvarint(b, uint64(len(lookups)))
	for _, l := range lookups {
		b = append(b, l.kind)
		b = appendBytes(b, []byte(l.query))
		b = appendBytes(b, []byte(l.url))
		b = appendBool(b, l.ok)
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

// decoder reads what encodeResult wrote.
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

func decodeResult(b []byte) (markdown.Result, []lookup, error) {
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
	lookups := make([]lookup, 0, n)
	for range n {
		l := lookup{kind: d.byte(), query: string(d.bytes()), url: string(d.bytes())}
		l.ok = d.byte() == 1
		lookups = append(lookups, l)
	}
	if d.err != nil || len(d.b) != 0 {
		return res, nil, errCorrupt
	}
	return res, lookups, nil
}
