package render

import (
	"crypto/sha256"
	"sync"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/cache/mdentry"
	"github.com/blogen/blogen/internal/markdown"
)

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
		if res, lookups, err := mdentry.Decode(b); err == nil && mdentry.StillValid(lookups, r.resolve) {
			return keepResult(res), nil
		}
	}
	rec := &mdentry.Recorder{Resolver: r.resolve}
	return r.renderKept(body, rec, func(res markdown.Result) {
		r.putResult(key, res, rec.Lookups())
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
func (r *Renderer) putResult(key cache.Key, res markdown.Result, lookups []mdentry.Lookup) {
	buf := entryBuffers.Get().(*[]byte)
	*buf = mdentry.Append((*buf)[:0], res, lookups)
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
