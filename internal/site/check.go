package site

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/blogen/blogen/internal/diag"
)

// claim is one URL and the file that asks for it.
type claim struct {
	url, file string
	line      int
}

// checkURLs reports every URL that two files claim: two posts with one slug
// and date, a page named like a tag folder, an alias over a post.
func checkURLs(s *Site, errs *diag.List) {
	var claims []claim
	for _, p := range s.Posts {
		claims = append(claims, claim{p.URL, p.Source, p.SlugLine})
	}
	for _, p := range s.Pages {
		claims = append(claims, claim{p.URL, p.Source, p.SlugLine})
	}
	for _, a := range s.Aliases {
		claims = append(claims, claim{a.From, a.Source, a.Line})
	}
	for _, c := range claims {
		checkPath(c, errs)
	}
	reserved := map[string]bool{"/tags/": true, "/categories/": true, "/authors/": true, "/": true}
	for _, l := range s.Lists {
		for _, p := range l.Pagers {
			reserved[p.URL] = true
		}
	}
	slices.SortFunc(claims, func(a, b claim) int { return cmp.Or(strings.Compare(a.url, b.url), strings.Compare(a.file, b.file)) })
	for i, c := range claims {
		if i > 0 && claims[i-1].url == c.url && claims[i-1].file != c.file {
			prev := claims[i-1]
			errs.Addf(c.file, lineOrOne(c.line), "the URL %s is also claimed by %s; give one of them another slug", c.url, prev.file)
			errs.Addf(prev.file, lineOrOne(prev.line), "the URL %s is also claimed by %s; give one of them another slug", c.url, c.file)
		}
		if reserved[c.url] {
			errs.Addf(c.file, lineOrOne(c.line), "the URL %s is a list page of the site; give this file another slug", c.url)
		}
	}
}

func lineOrOne(n int) int { return max(n, 1) }

// maxSegment is the longest file or folder name, in bytes, that the file
// systems a site is built on take (255 on Linux, macOS and Windows alike).
const maxSegment = 255

// checkPath reports a URL that no output folder can hold: one with a
// part (a folder or file name of the output) longer than maxSegment
// bytes, or with a control character such as NUL.
func checkPath(c claim, errs *diag.List) {
	for seg := range strings.SplitSeq(c.url, "/") {
		if len(seg) > maxSegment {
			errs.Addf(c.file, lineOrOne(c.line), "the URL has a part of %d bytes, %q...; each part of a URL is a file or folder name of the output, of at most %d bytes: shorten it",
				len(seg), seg[:40], maxSegment)
			return
		}
	}
	if i := strings.IndexFunc(c.url, unicode.IsControl); i >= 0 {
		errs.Addf(c.file, lineOrOne(c.line), "the URL %q holds the control character %U, which no file name may hold; remove it", c.url, []rune(c.url[i:])[0])
	}
}
