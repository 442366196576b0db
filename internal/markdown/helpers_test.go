package markdown

import (
	"strings"
	"testing"
)

// siteResolver is a Resolver over fixed authors and tags; tags compare
// case-insensitively, as the interface asks.
type siteResolver struct {
	authors map[string]string
	tags    map[string]string
}

func (s siteResolver) Author(handle string) (string, bool) {
	u, ok := s.authors[handle]
	return u, ok
}

func (s siteResolver) Tag(tag string) (string, bool) {
	u, ok := s.tags[strings.ToLower(tag)]
	return u, ok
}

// testSite knows the author bob and the tags go and 日本.
var testSite = siteResolver{
	authors: map[string]string{"bob": "/authors/bob/"},
	tags:    map[string]string{"go": "/tags/go/", "日本": "/tags/日本/"},
}

// mentionOpts turns mentions on with external patterns.
var mentionOpts = Options{Mentions: MentionOptions{
	Enabled:    true,
	MentionURL: "https://x.com/%s",
	HashtagURL: "https://x.com/hashtag/%s",
}}

// render renders src with r and fails the test on error.
func render(t testing.TB, r *Renderer, src string, res Resolver) Result {
	t.Helper()
	out, err := r.Render([]byte(src), res)
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return out
}
