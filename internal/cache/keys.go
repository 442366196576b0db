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
	// Images are the raster images of static/ and of page bundles, whose
	// size pages show, each with its file's state.
	Images []ImageStamp
}

// ImageStamp is what the graph key holds of an image file: what changes
// when the file does, without reading it (its size is -1 when it cannot
// be read).
type ImageStamp struct {
	Path  string
	State FileState
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
	h.String("images")
	for _, im := range g.Images {
		h.String(im.Path).fileState(im.State)
	}
	return h.Key()
}

// ImageFileKey names what a build learnt of an image file (the SHA-256
// of its bytes and its size and orientation) by the file's path and
// state, as the parsed content files are known, so a warm build does not
// read an unchanged image again. A changed file changes its size or
// times, a file put in its place its inode number and change time; an
// entry is stored only for a state settled when it was taken
// (FileState.SettledAt).
func ImageFileKey(path string, st FileState) Key {
	return NewHasher("image-file").String(path).fileState(st).Key()
}

// fileState adds the parts of a file's state.
func (h *Hasher) fileState(st FileState) *Hasher {
	return h.String(strconv.FormatInt(st.Size, 10)).String(strconv.FormatInt(st.Mod, 10)).
		String(strconv.FormatUint(st.Ino, 10)).String(strconv.FormatInt(st.Ctime, 10))
}

// ImageCopyKey is the key of one resized copy of an image: the source's
// SHA-256, the copy (its width and format, as "800 webp") and the
// settings it was encoded with (the quality and the images package's
// version).
func ImageCopyKey(source [sha256.Size]byte, copy, settings string) Key {
	return NewHasher("image-copy").Bytes(source[:]).String(copy).String(settings).Key()
}

// ImageOriginalKey is the key of an image as published at its own
// address, stripped of its metadata: the source's SHA-256 and the images
// package's version.
func ImageOriginalKey(source [sha256.Size]byte, version string) Key {
	return NewHasher("image-original").Bytes(source[:]).String(version).Key()
}

// PhotoCardKey is the key of a social card cropped from a post's image:
// the image's SHA-256, the focal point and the settings.
func PhotoCardKey(source [sha256.Size]byte, focus, settings string) Key {
	return NewHasher("photo-card").Bytes(source[:]).String(focus).String(settings).Key()
}

// DrawnCardKey is the key of a drawn social card: its title, author,
// site name and colour (text), the SHA-256 of the avatar and logo drawn
// on it (zero for none), and the settings.
func DrawnCardKey(text []string, avatar, logo [sha256.Size]byte, settings string) Key {
	h := NewHasher("drawn-card").String(settings).Bytes(avatar[:]).Bytes(logo[:])
	for _, t := range text {
		h.String(t)
	}
	return h.Key()
}
