package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/blogen/blogen/internal/diag"
)

// claim is one URL and the file that asks for it.
type claim struct {
	url, file string
	line      int
	post      *Post // the post that asks for it, if one does
}

// checkURLs reports every URL that two files claim: two posts with one slug
// and date, a page named like a tag folder, an alias over a post.
func checkURLs(s *Site, errs *diag.List) {
	var claims []claim
	for _, p := range s.Posts {
		claims = append(claims, claim{p.URL, p.Source, p.SlugLine, p})
	}
	for _, p := range s.Pages {
		claims = append(claims, claim{p.URL, p.Source, p.SlugLine, nil})
	}
	for _, a := range s.Aliases {
		claims = append(claims, claim{a.From, a.Source, a.Line, nil})
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
			fix := clashFix(s.Config.Permalinks.Post, prev, c)
			errs.Addf(c.file, lineOrOne(c.line), "the URL %s is also claimed by %s; %s", c.url, prev.file, fix)
			errs.Addf(prev.file, lineOrOne(prev.line), "the URL %s is also claimed by %s; %s", c.url, c.file, fix)
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

// clashFix suggests how to end a clash of two claims: for two posts of
// different sections or days, the permalink pattern that tells them
// apart, as archives brought from elsewhere clash by the dozen under a
// pattern without :day; else another slug.
func clashFix(pattern string, a, b claim) string {
	const slugFix = "give one of them another slug"
	if a.post == nil || b.post == nil {
		return slugFix
	}
	suggest := ""
	switch {
	case a.post.Section != b.post.Section && !strings.Contains(pattern, ":section"):
		suggest = "/:section" + pattern
	case !a.post.Date.Truncate(24*time.Hour).Equal(b.post.Date.Truncate(24*time.Hour)) && !strings.Contains(pattern, ":day"):
		suggest = withDay(pattern)
	}
	if suggest == "" || suggest == pattern {
		return slugFix
	}
	return fmt.Sprintf("set permalinks.post = %q in site.toml (the pattern of the site the posts come from, if it had one, keeps their old URLs), or %s", suggest, slugFix)
}

// withDay adds :day to a permalink pattern, after :month if it has one.
func withDay(pattern string) string {
	switch {
	case strings.Contains(pattern, ":month"):
		return strings.Replace(pattern, ":month", ":month/:day", 1)
	case strings.Contains(pattern, ":year"):
		return strings.Replace(pattern, ":year", ":year/:month/:day", 1)
	case strings.Contains(pattern, ":slug"):
		return strings.Replace(pattern, ":slug", ":year/:month/:day/:slug", 1)
	}
	return pattern
}
