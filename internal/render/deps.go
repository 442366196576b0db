package render

import (
	"crypto/sha256"
	"slices"

	"github.com/blogen/blogen/internal/cache"
)

// deps are the posts whose bodies (their HTML, summary or word count) one
// output read while it was made. With the rest of the site unchanged
// (Options.Graph), an output whose posts' bodies are unchanged too comes
// out the same, so a later build can keep it without making it. A nil
// *deps records nothing.
type deps struct {
	posts []int
}

func (d *deps) add(posts ...int) {
	if d != nil {
		d.posts = append(d.posts, posts...)
	}
}

func (d *deps) len() int {
	if d == nil {
		return 0
	}
	return len(d.posts)
}

// since returns the posts recorded after the first n, sorted, each once.
func (d *deps) since(n int) []int {
	if d == nil {
		return nil
	}
	return sortedSet(d.posts[n:])
}

// list returns the posts recorded, sorted, each once.
func (d *deps) list() []int {
	if d == nil {
		return nil
	}
	return sortedSet(d.posts)
}

// sortedSet returns the distinct values of s in order, in a slice of its
// own no longer than it needs: outputs and partials keep their lists for
// the whole build. It sorts s in place.
func sortedSet(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	n := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[i-1] {
			n++
		}
	}
	out := make([]int, 0, n)
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// inputs is the key of everything the output at p is made from, given
// the posts whose bodies it reads; zero when the render has no
// Options.Graph, or when posts names a post the site has not.
func (r *Renderer) inputs(p string, posts []int) cache.Key {
	if r.opts.Graph == (cache.Key{}) {
		return cache.Key{}
	}
	h := cache.NewHasher("inputs").Bytes(r.opts.Graph[:]).String(p)
	for _, i := range posts {
		if i < 0 || i >= len(r.site.Posts) {
			return cache.Key{}
		}
		sum := r.site.Posts[i].Post.BodySum
		h.Bytes(sum[:])
	}
	return h.Key()
}

// markdownKey is the Markdown cache's key of a body with this SHA-256.
func (r *Renderer) markdownKey(sum [sha256.Size]byte) cache.Key {
	return cache.NewHasher("markdown").String(r.opts.MarkdownSettings).Bytes(sum[:]).Key()
}
