package cache

import (
	"crypto/sha256"
	"strconv"
)

// Every key a build uses is made here, so what invalidates each cached
// thing can be read in one place.

// MarkdownKey is the key of a post's rendered Markdown: the body (its
// SHA-256) and the Markdown renderer's settings. The @mention and #hashtag
// look-ups a render made are not in the key; they are stored with the
// entry and checked against the site when it is read (mdentry).
func MarkdownKey(settings string, body [sha256.Size]byte) Key {
	return NewHasher("markdown").String(settings).Bytes(body[:]).Key()
}

// OutputKey is the key of everything the output at path is made from:
// the graph key and the bodies of the posts the output read, in the order
// given. A zero graph gives a zero key: nothing is kept.
func OutputKey(graph Key, path string, bodies ...[sha256.Size]byte) Key {
	if graph == (Key{}) {
		return Key{}
	}
	h := NewHasher("inputs").Bytes(graph[:]).String(path)
	for _, sum := range bodies {
		h.Bytes(sum[:])
	}
	return h.Key()
}

// Graph is everything the outputs of a build are made from but the
// bodies of posts.
type Graph struct {
	Executable       string // names the blogen binary (ExecutableID)
	Config           []byte // site.toml as read
	Templates        [sha256.Size]byte
	MarkdownSettings string
	BaseURL          string
	Drafts, Future   bool
	// Files are the site's content files: posts (with their bundle
	// files), pages, authors and comments, each with the SHA-256 of its
	// front matter and body.
	Files []File
	// Published names the source of every published post, in order.
	Published []string
	// Assets are the theme's stylesheets and scripts as pages name
	// them, "theme/style.css theme/style.1a2b3c4d.css", sorted.
	Assets []string
}

// File is one content file of a Graph.
type File struct {
	Source  string
	Sum     [sha256.Size]byte
	Bundled []string // a post bundle's other files
}

// Key is the graph key: a change to any part of g changes it.
func (g *Graph) Key() Key {
	h := NewHasher("graph").String(g.Executable).Bytes(g.Config).Bytes(g.Templates[:]).String(g.MarkdownSettings).
		String(g.BaseURL).String(strconv.FormatBool(g.Drafts)).String(strconv.FormatBool(g.Future))
	for _, f := range g.Files {
		h.String(f.Source).Bytes(f.Sum[:])
		for _, b := range f.Bundled {
			h.String(b)
		}
	}
	h.String("published")
	for _, p := range g.Published {
		h.String(p)
	}
	h.String("assets")
	for _, a := range g.Assets {
		h.String(a)
	}
	return h.Key()
}
