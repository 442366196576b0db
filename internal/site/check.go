package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/blogen/blogen/internal/diag"
)

// claim is one URL and the file that asks for it.
type claim struct {
	url, file string
	line      int
	post      *Post  // the post that asks for it, if one does
	key       string // url as a case-insensitive file system sees it (fileKey)
}

// checkURLs reports every URL that two files claim: two posts with one slug
// and date, a page named like a tag folder, an alias over a post; and two
// URLs that differ only in case or Unicode normalisation, which are one
// file on macOS and Windows.
func checkURLs(s *Site, errs *diag.List) {
	var claims []claim
	add := func(url, file string, line int, post *Post) {
		claims = append(claims, claim{url: url, file: file, line: line, post: post, key: fileKey(url)})
	}
	for _, p := range s.Posts {
		add(p.URL, p.Source, p.SlugLine, p)
	}
	for _, p := range s.Pages {
		add(p.URL, p.Source, p.SlugLine, nil)
	}
	for _, a := range s.Aliases {
		add(a.From, a.Source, a.Line, nil)
	}
	for _, c := range claims {
		checkPath(c, errs)
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
			reportClash(s.Config.Permalinks.Post, claims[i-1], c, errs)
		}
		if reserved[c.key] {
			errs.Addf(c.file, lineOrOne(c.line), "the URL %s is a list page of the site; give this file another slug", c.url)
		}
	}
}

// reportClash reports two claims of one file name, at both files.
func reportClash(pattern string, prev, c claim, errs *diag.List) {
	switch {
	case prev.url == c.url && prev.file != c.file:
		fix := clashFix(pattern, prev, c)
		errs.Addf(c.file, lineOrOne(c.line), "the URL %s is also claimed by %s; %s", c.url, prev.file, fix)
		errs.Addf(prev.file, lineOrOne(prev.line), "the URL %s is also claimed by %s; %s", c.url, c.file, fix)
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
