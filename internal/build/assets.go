package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/fonts"
	"github.com/blogen/blogen/internal/markdown"
)

// Assets names the theme's stylesheets and scripts by their content:
// "theme/style.css" is also written as "theme/style.1a2b3c4d.css" and
// pages link that name, so a browser that kept the old file fetches the
// new one after a deploy (the name can then be cached for good). Only
// Build does it; the preview server keeps the plain names, whose
// stylesheets it swaps in place.
type Assets map[string]string

// linked are the stylesheets and scripts of the theme that its pages
// link; other files of static/theme/ keep their names.
var linked = []string{"theme/style.css", "theme/print.css", "theme/blogen.js", "theme/search.js"}

// hashAssets names the files pages link, among static, the stylesheet of
// highlighted code and the faces of the site's font, by the first 8 bytes of the SHA-256 of
// its content.
func (p *Prepared) hashAssets() (Assets, error) {
	static, err := p.Static()
	if err != nil {
		return nil, err
	}
	a := Assets{}
	for _, f := range static {
		if !slices.Contains(linked, f.Path) {
			continue
		}
		b, err := fs.ReadFile(f.FS, f.Src)
		if err != nil {
			return nil, diag.Locate(f.Src, 0, err, "cannot read the file")
		}
		a[f.Path] = hashedName(f.Path, b)
	}
	h := p.Config.Highlight
	css, err := markdown.Stylesheet(h.Light, h.Dark)
	if err != nil {
		return nil, fmt.Errorf("site.toml: [highlight]: %w", err)
	}
	a["theme/syntax.css"] = hashedName("theme/syntax.css", css)
	if f, ok := fonts.Lookup(p.Config.Brand.Font); ok {
		for _, face := range f.Faces {
			a[face.File] = hashedName(face.File, face.TTF)
		}
	}
	return a, nil
}

// hashedName puts the first 8 bytes of the SHA-256 of data, in hex,
// before the extension of name.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:8]) + ext
}

// lines lists the assets as the graph key takes them, sorted.
func (a Assets) lines() []string {
	out := make([]string, 0, len(a))
	for _, k := range slices.Sorted(maps.Keys(a)) {
		out = append(out, k+" "+a[k])
	}
	return out
}
