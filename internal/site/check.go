package site

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/blogen/blogen/internal/diag"
)

// claim is one URL and the file that asks for it.
type claim struct {
	url, file string
	line      int
	key       string // url as a case-insensitive file system sees it (fileKey)
}

// checkURLs reports every URL that two files claim: two posts with one slug
// and date, a page named like a tag folder, an alias over a post; and two
// URLs that differ only in case or Unicode normalisation, which are one
// file on macOS and Windows.
func checkURLs(s *Site, errs *diag.List) {
	var claims []claim
	add := func(url, file string, line int) {
		claims = append(claims, claim{url, file, line, fileKey(url)})
	}
	for _, p := range s.Posts {
		add(p.URL, p.Source, p.SlugLine)
	}
	for _, p := range s.Pages {
		add(p.URL, p.Source, p.SlugLine)
	}
	for _, a := range s.Aliases {
		add(a.From, a.Source, 0)
	}
	reserved := map[string]bool{fileKey("/tags/"): true, fileKey("/categories/"): true, fileKey("/authors/"): true, "/": true}
	for _, l := range s.Lists {
		for _, p := range l.Pagers {
			reserved[fileKey(p.URL)] = true
		}
	}
	slices.SortFunc(claims, func(a, b claim) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.url, b.url), strings.Compare(a.file, b.file))
	})
	for i, c := range claims {
		if i > 0 && claims[i-1].key == c.key {
			reportClash(claims[i-1], c, errs)
		}
		if reserved[c.key] {
			errs.Addf(c.file, lineOrOne(c.line), "the URL %s is a list page of the site; give this file another slug", c.url)
		}
	}
}

// reportClash reports two claims of one file name, at both files.
func reportClash(prev, c claim, errs *diag.List) {
	switch {
	case prev.url == c.url && prev.file != c.file:
		errs.Addf(c.file, lineOrOne(c.line), "the URL %s is also claimed by %s; give one of them another slug", c.url, prev.file)
		errs.Addf(prev.file, lineOrOne(prev.line), "the URL %s is also claimed by %s; give one of them another slug", c.url, c.file)
	case prev.url != c.url:
		const same = "differ only in case or Unicode normalisation, and are one file on macOS and Windows; give one of them another slug"
		errs.Addf(c.file, lineOrOne(c.line), "the URL %s and the URL %s of %s %s", c.url, prev.url, prev.file, same)
		errs.Addf(prev.file, lineOrOne(prev.line), "the URL %s and the URL %s of %s %s", prev.url, c.url, c.file, same)
	}
}

// fileKey returns url as file systems that ignore case and Unicode
// normalisation (macOS, Windows) see it: in lower case, composed (NFC).
func fileKey(url string) string { return strings.ToLower(norm.NFC.String(url)) }

func lineOrOne(n int) int { return max(n, 1) }
