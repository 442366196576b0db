package render

import (
	"path"

	"github.com/blogen/blogen/internal/diag"
)

// CheckAliases reports every alias whose redirect page would write a file
// that another output of the site writes (a feed, the sitemap, a list
// page...), or that a static file does, or whose folder would be such a
// file (the alias /files/report.pdf is the page files/report.pdf/index.html,
// which cannot be written beside the static file files/report.pdf); static
// lists the output paths of the static files. The error names the file
// and line that declare the alias, since the output folder would name only
// the path both write.
func (r *Renderer) CheckAliases(static []string) error {
	others := map[string]string{}
	for _, o := range r.outputs {
		if o.kind != outAlias {
			others[o.path] = o.kind.describe()
		}
	}
	for _, p := range static {
		others[p] = "the static file static/" + p
	}
	var errs diag.List
	for _, o := range r.outputs {
		if o.kind != outAlias {
			continue
		}
		a := r.site.Aliases[o.index]
		for p := o.path; p != "." && p != ""; p = path.Dir(p) {
			if what, ok := others[p]; ok {
				errs.Addf(a.Source, a.Line, "the alias %s would write %s, which %s writes; remove the alias or give it another path", a.From, o.path, what)
				break
			}
		}
	}
	return errs.Err()
}

// describe names what an output of kind k is, for messages.
func (k outputKind) describe() string {
	switch k {
	case outRSS, outAtom, outJSONFeed:
		return "a feed of the site"
	case outSitemap:
		return "the sitemap"
	case outRobots:
		return "the site's robots.txt"
	case outSyntaxCSS:
		return "the theme's stylesheet"
	case outFont, outFontLicense:
		return "the site's font"
	case out404:
		return "the 404 page"
	case outPost, outPage:
		return "a post or page"
	}
	return "a list page"
}
