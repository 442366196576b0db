package render

import (
	"github.com/blogen/blogen/internal/diag"
)

// CheckAliases reports every alias whose redirect page would write a file
// that another output of the site writes (a feed, the sitemap, a list
// page...), or that a static file does; static lists the output paths of
// the static files. The error names the file that declares the alias,
// since the output folder would name only the path both write.
func (r *Renderer) CheckAliases(static []string) error {
	aliases := map[string]int{}
	for _, o := range r.outputs {
		if o.kind == outAlias {
			aliases[o.path] = int(o.index)
		}
	}
	if len(aliases) == 0 {
		return nil
	}
	var errs diag.List
	clash := func(p, what string) {
		if i, ok := aliases[p]; ok {
			a := r.site.Aliases[i]
			errs.Addf(a.Source, 0, "the alias %s would write %s, which %s writes; remove the alias or give it another path", a.From, p, what)
		}
	}
	for _, o := range r.outputs {
		if o.kind != outAlias {
			clash(o.path, o.kind.describe())
		}
	}
	for _, p := range static {
		clash(p, "the static file static/"+p)
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
	case out404:
		return "the 404 page"
	case outPost, outPage:
		return "a post or page"
	}
	return "a list page"
}
