package build

import (
	"io/fs"
	"path"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/render"
)

// imageFiles lists the raster files of static/ (the theme's and the
// site's), whose copies render makes beside those of page bundles. A
// static/ that cannot be read gives none: Render reports it.
func (p *Prepared) imageFiles() []render.ImageFile {
	static, err := p.Static()
	if err != nil {
		return nil
	}
	var out []render.ImageFile
	for _, f := range static {
		if images.IsRaster(f.Path) {
			out = append(out, render.ImageFile{Path: f.Path, FS: f.FS, Src: f.Src})
		}
	}
	return out
}

// imageStamps are the file state of every raster image of static/ and
// of the page bundles, for the graph key: pages show their dimensions.
func (p *Prepared) imageStamps() []cache.ImageStamp {
	var out []cache.ImageStamp
	add := func(fsys fs.FS, src string) {
		st := cache.ImageStamp{Path: src, State: cache.FileState{Size: -1}}
		if info, err := fs.Stat(fsys, src); err == nil {
			st.State = cache.StateOf(info)
		}
		out = append(out, st)
	}
	for _, f := range p.imageFiles() {
		add(f.FS, f.Src)
	}
	for _, post := range p.loaded.Posts {
		for _, f := range post.Files {
			if images.IsRaster(f) {
				add(p.siteFS, path.Join(post.Bundle, f))
			}
		}
	}
	return out
}
