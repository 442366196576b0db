package render

import (
	"html"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/pagedata"
)

// bodySizes is the sizes attribute of images in the main column of the
// built-in theme: 42rem beside the sidebar, the viewport less the page's
// margins below 64rem.
const bodySizes = "(min-width: 64rem) 42rem, calc(100vw - 2.5rem)"

// picture returns the copies of the image at site path p, or nil when p
// is no raster image of the site or it cannot be read (which the build
// reports once, when it makes the copies).
func (r *Renderer) picture(p string) *pagedata.Picture {
	s := r.images.source(p)
	if s == nil {
		return nil
	}
	m, err := r.images.metaOf(s)
	if err != nil {
		return nil
	}
	copies := r.images.settings.Copies(m.info)
	if len(copies) == 0 {
		return nil
	}
	pic := &pagedata.Picture{}
	byFormat := map[images.Format][]string{}
	var order []images.Format
	for _, c := range copies {
		if _, ok := byFormat[c.Format]; !ok {
			order = append(order, c.Format)
		}
		u := r.site.RelURL("/" + copyPath(s.out, c))
		byFormat[c.Format] = append(byFormat[c.Format], u+" "+strconv.Itoa(c.Width)+"w")
		if c.Format == order[0] {
			pic.Src, pic.Width, pic.Height = u, c.Width, c.Height
		}
	}
	pic.Type, pic.Srcset = order[0].MIME(), strings.Join(byFormat[order[0]], ", ")
	for _, f := range order[1:] {
		pic.Sources = append(pic.Sources, pagedata.PictureSource{Type: f.MIME(), Srcset: strings.Join(byFormat[f], ", ")})
	}
	return pic
}

// markdownImage matches an image as goldmark writes it.
var markdownImage = regexp.MustCompile(`<img src="([^"<>]*)" alt="([^"<>]*)"((?: title="[^"<>]*")?)>`)

// pictures rewrites the Markdown images of a post's HTML whose files are
// raster images of the site into <picture> elements with their copies,
// size and lazy loading, and makes the others lazy; folder is the post's
// folder, against which relative sources resolve. The first is loaded at
// once when eagerFirst.
func (r *Renderer) pictures(body, folder string, eagerFirst bool) string {
	if !strings.Contains(body, "<img ") {
		return body
	}
	first := eagerFirst
	return markdownImage.ReplaceAllStringFunc(body, func(tag string) string {
		m := markdownImage.FindStringSubmatch(tag)
		src := html.UnescapeString(m[1])
		if !strings.HasPrefix(src, "/") {
			src = path.Join(folder, src)
		}
		eager := first
		first = false
		pic := r.picture(src)
		if pic != nil {
			return pictureHTML(pic, m[2], m[3], bodySizes, eager)
		}
		tag = strings.TrimSuffix(tag, ">") + r.sizeAttrs(src)
		if eager {
			return tag + ">"
		}
		return tag + ` loading="lazy" decoding="async">`
	})
}

// sizeAttrs are the width and height attributes of an image of the site
// shown without copies (an animated GIF), or "" when its size is not
// known.
func (r *Renderer) sizeAttrs(p string) string {
	s := r.images.source(p)
	if s == nil {
		return ""
	}
	m, err := r.images.metaOf(s)
	if err != nil {
		return ""
	}
	return ` width="` + strconv.Itoa(m.info.Width) + `" height="` + strconv.Itoa(m.info.Height) + `"`
}

// urlFolder is the folder of a page's URL: the URL itself, or the folder
// of a URL that names a file.
func urlFolder(url string) string {
	if strings.HasSuffix(url, "/") {
		return url
	}
	return path.Dir(url) + "/"
}

// pictureHTML writes a <picture> element; alt and extra are already
// escaped.
func pictureHTML(pic *pagedata.Picture, alt, extra, sizes string, eager bool) string {
	var b strings.Builder
	b.WriteString("<picture>")
	for _, s := range pic.Sources {
		b.WriteString(`<source type="` + s.Type + `" srcset="` + html.EscapeString(s.Srcset) + `" sizes="` + sizes + `">`)
	}
	b.WriteString(`<img src="` + html.EscapeString(pic.Src) + `" srcset="` + html.EscapeString(pic.Srcset) + `" sizes="` + sizes +
		`" width="` + strconv.Itoa(pic.Width) + `" height="` + strconv.Itoa(pic.Height) + `" alt="` + alt + `"` + extra)
	if eager {
		b.WriteString(` fetchpriority="high">`)
	} else {
		b.WriteString(` loading="lazy" decoding="async">`)
	}
	b.WriteString("</picture>")
	return b.String()
}
