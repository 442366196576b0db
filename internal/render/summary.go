package render

import (
	"net/url"
	"regexp"
	"strings"
)

// footnoteRef matches the footnote references goldmark writes. A summary
// shown on a list page has no footnotes to point to, and the ids would
// repeat with every summary that has them.
var footnoteRef = regexp.MustCompile(`<sup id="fnref[^"]*"><a href="#fn[^"]*" class="footnote-ref"[^>]*>[^<]*</a></sup>`)

// relativeURL matches the href and src attributes of a summary.
var relativeURL = regexp.MustCompile(`\b(href|src)="([^"]*)"`)

// listSummary makes a post's summary fit to be shown on another page:
// without footnote references, and with the URLs relative to the post
// (an image of its bundle, "flow.svg") made paths from the site root,
// resolved against folder, the escaped path of the post's folder.
func listSummary(summary, folder string) string {
	if strings.Contains(summary, `class="footnote-ref"`) {
		summary = footnoteRef.ReplaceAllString(summary, "")
	}
	if !strings.Contains(summary, `href="`) && !strings.Contains(summary, `src="`) {
		return summary
	}
	base, err := url.Parse(folder)
	if err != nil {
		return summary
	}
	return relativeURL.ReplaceAllStringFunc(summary, func(attr string) string {
		m := relativeURL.FindStringSubmatch(attr)
		if !isRelative(m[2]) {
			return attr
		}
		ref, err := url.Parse(m[2])
		if err != nil {
			return attr
		}
		return m[1] + `="` + base.ResolveReference(ref).String() + `"`
	})
}

// isRelative reports whether a URL as written in HTML is relative to the
// page: not a path from the root, a fragment, or a URL with a scheme.
func isRelative(u string) bool {
	if u == "" || u[0] == '/' || u[0] == '#' || u[0] == '?' {
		return false
	}
	colon := strings.IndexByte(u, ':')
	return colon < 0 || strings.ContainsAny(u[:colon], "/?#")
}
