package pagedata

import (
	"html/template"

	"github.com/blogen/blogen/internal/content"
)

// Source is what the render stage made of the site, which pages read
// through their methods. Posts are named by their index in Site.Posts.
// Its methods are called from many goroutines at once.
type Source interface {
	// Summary is the HTML of a post's summary.
	Summary(post int) string
	// Words is the number of words of a post.
	Words(post int) int
	// Asset is the name pages link for a file of the theme
	// ("theme/style.css"): the same, or one with a hash of its content.
	Asset(path string) string
	// Bio is the HTML of an author's bio, or "".
	Bio(authorID string) string
	// CommentHTML is a comment's body rendered in safe mode.
	CommentHTML(c *content.Comment) (string, error)
	// Cached runs the partial name with data once per key during a
	// render, noting in reads the posts it read, each time it is used.
	Cached(name, key string, data any, reads *Reads) (template.HTML, error)
	// Picture is the image at a site path with its copies, or nil.
	Picture(path string) *Picture
	// Card is the social card of a page.
	Card(p *Page) *Card
}
