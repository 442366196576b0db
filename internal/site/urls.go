package site

import (
	"strings"

	"github.com/blogen/blogen/internal/content"
)

// PostURL returns the URL a build gives the post p under the permalink
// pattern: its own path when it has one, else the pattern expanded. It
// lets importers check that an old URL is kept.
func PostURL(pattern string, p *content.Post) string { return postURL(pattern, p) }

// PageURL returns the URL a build gives the page p under the page
// permalink pattern.
func PageURL(pattern string, p *content.Page) string {
	return cleanURL(strings.ReplaceAll(pattern, ":slug", p.Slug), namesFile(pattern))
}

// AliasURL returns the URL path an alias from redirects: old, cleaned,
// a folder unless it ends in the extension of a web page.
func AliasURL(old string) string { return aliasURL(old) }
