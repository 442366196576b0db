package render

import (
	"crypto/sha256"

	"github.com/blogen/blogen/internal/cache"
)

// inputs is the key of everything the output at p is made from, given
// the posts whose bodies it reads; zero when the render has no
// Options.Graph, or when posts names a post the site has not.
func (r *Renderer) inputs(p string, posts []int) cache.Key {
	if r.opts.Graph == (cache.Key{}) {
		return cache.Key{}
	}
	bodies := make([][sha256.Size]byte, len(posts))
	for j, i := range posts {
		if i < 0 || i >= len(r.site.Posts) {
			return cache.Key{}
		}
		bodies[j] = r.site.Posts[i].Post.BodySum
	}
	return cache.OutputKey(r.opts.Graph, p, bodies...)
}

// markdownKey is the Markdown cache's key of a body with this SHA-256.
func (r *Renderer) markdownKey(sum [sha256.Size]byte) cache.Key {
	return cache.MarkdownKey(r.opts.MarkdownSettings, sum)
}
