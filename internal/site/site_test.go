package site

import (
	"net/url"
	"testing"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
)

func TestURLs(t *testing.T) {
	tests := []struct {
		base, path, rel, abs string
	}{
		{"https://example.org/", "/2024/01/hello/", "/2024/01/hello/", "https://example.org/2024/01/hello/"},
		{"https://example.org/blog/", "/tags/social-media/", "/blog/tags/social-media/", "https://example.org/blog/tags/social-media/"},
		{"https://example.org/blog/", "/", "/blog/", "https://example.org/blog/"},
		{"https://example.org/", "/tags/café au lait/", "/tags/caf%C3%A9%20au%20lait/", "https://example.org/tags/caf%C3%A9%20au%20lait/"},
		{"https://example.org/", "/search/?q=1", "/search/%3Fq=1", "https://example.org/search/%3Fq=1"},
		{"https://example.org/", "/a_b.c~d/", "/a_b.c~d/", "https://example.org/a_b.c~d/"},
		{"https://example.org/blog/", "https://elsewhere.example/x", "https://elsewhere.example/x", "https://elsewhere.example/x"},
		{"https://example.org/blog/", "http://elsewhere.example/x", "http://elsewhere.example/x", "http://elsewhere.example/x"},
		{"https://blog.example.org", "avatar.png", "/avatar.png", "https://blog.example.org/avatar.png"},
		{"https://example.org/blog/", "img/ana.png", "/blog/img/ana.png", "https://example.org/blog/img/ana.png"},
		{"https://example.org/", "mailto:ana@example.org", "mailto:ana@example.org", "mailto:ana@example.org"},
	}
	for _, tt := range tests {
		cfg := config.Default()
		cfg.BaseURL = tt.base
		s, err := Assemble(cfg, &content.Site{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.RelURL(tt.path); got != tt.rel {
			t.Errorf("base %s: RelURL(%q) = %q, want %q", tt.base, tt.path, got, tt.rel)
		}
		if got := s.AbsURL(tt.path); got != tt.abs {
			t.Errorf("base %s: AbsURL(%q) = %q, want %q", tt.base, tt.path, got, tt.abs)
		}
	}
}

// FuzzEscapePath checks the shortcut for plain paths against net/url.
func FuzzEscapePath(f *testing.F) {
	for _, p := range []string{"/", "/a/b-c_d.e~f/", "/tags/café/", "/x?y#z", "/%41/", "/a b/"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := escapePath(p), (&url.URL{Path: p}).EscapedPath(); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	})
}
