package render

import (
	"fmt"

	"github.com/blogen/blogen/internal/fonts"
)

// fontOutputs lists the files of the font [brand] font chooses: each
// face under its plain name and, in a build, its content-hashed one (the
// name pages link), and the font's licence. A site without a font has
// none.
func (r *Renderer) fontOutputs(add func(p string, k outputKind, i int)) {
	f, ok := fonts.Lookup(r.site.Config.Brand.Font)
	if !ok {
		return
	}
	for i, face := range f.Faces {
		add(face.File, outFont, i)
		if hashed, ok := r.opts.Assets[face.File]; ok {
			add(hashed, outFont, i)
		}
	}
	add(f.License, outFontLicense, 0)
}

// fontFile is face i of the site's font, or its licence.
func (r *Renderer) fontFile(k outputKind, i int) ([]byte, error) {
	f, ok := fonts.Lookup(r.site.Config.Brand.Font)
	if !ok || i >= len(f.Faces) {
		return nil, fmt.Errorf("site.toml: [brand] font %q: no such font", r.site.Config.Brand.Font)
	}
	if k == outFontLicense {
		return f.Text, nil
	}
	return f.Faces[i].TTF, nil
}
