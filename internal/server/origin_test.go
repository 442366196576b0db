package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/livereload"
)

// TestHostCheck asks for a page under Host values a browser sends, the
// hostile ones those of a page that pointed its own name at the preview.
func TestHostCheck(t *testing.T) {
	tests := []struct {
		addr, host string
		status     int
	}{
		{"127.0.0.1:1313", "localhost:1313", 200},
		{"127.0.0.1:1313", "127.0.0.1:1313", 200},
		{"127.0.0.1:1313", "[::1]:1313", 200},
		{"127.0.0.1:1313", "LocalHost:1313", 200},
		{"127.0.0.1:1313", "attacker.example:1313", 421},
		{"127.0.0.1:1313", "localhost.attacker.example:1313", 421},
		{"127.0.0.1:1313", "localhost:8080", 421},
		{"127.0.0.1:1313", "localhost", 421},
		{"127.0.0.1:1313", "", 421},
		{"127.0.0.1:80", "localhost", 200},
		{"192.168.1.5:1313", "192.168.1.5:1313", 200},
		{"192.168.1.5:1313", "192.168.1.6:1313", 421},
		{"devbox.lan:1313", "devbox.lan:1313", 200},
		{"devbox.lan:1313", "attacker.example:1313", 421},
		{"0.0.0.0:1313", "192.168.1.5:1313", 200},
		{"0.0.0.0:1313", "[fe80::1]:1313", 200},
		{"0.0.0.0:1313", "attacker.example:1313", 421},
		{"[::]:1313", "10.0.0.2:1313", 200},
		{"", "localhost:49152", 200},
		{"", "attacker.example:49152", 421},
	}
	for _, tt := range tests {
		t.Run(tt.addr+" "+tt.host, func(t *testing.T) {
			hub := livereload.NewHub("s1")
			defer hub.Close()
			s := New(Options{Hub: hub, Addr: tt.addr})
			if err := s.Publish(fakeSite(t, pages), nil); err != nil {
				t.Fatal(err)
			}
			for _, path := range []string{"/", "/theme/style.css", livereload.ScriptPath} {
				req := httptest.NewRequest("GET", path, nil)
				req.Host = tt.host
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != tt.status {
					t.Fatalf("GET %s: status %d, want %d: %s", path, rec.Code, tt.status, rec.Body.String())
				}
				if tt.status == 421 && !strings.Contains(rec.Body.String(), "blogen serve answers only to") {
					t.Errorf("the refusal does not say why: %q", rec.Body.String())
				}
			}
		})
	}
}

// TestCrossSitePost posts a comment as a page of another site would: the
// form is refused and nothing is written.
func TestCrossSitePost(t *testing.T) {
	valid := url.Values{"post": {"a"}, "name": {"Ana Ruiz"}, "email": {"ana@example.org"},
		"comment": {"A thoughtful reply about the night shift, with a second thought."}}
	tests := []struct {
		name, origin, fetchSite string
		status                  int
	}{
		{"no browser headers", "", "", 202},
		{"the preview's own page", "http://localhost:1313", "same-origin", 202},
		{"an old browser on the preview's page", "http://localhost:1313", "", 202},
		{"typed by the user", "", "none", 202},
		{"another site", "https://attacker.example", "cross-site", 403},
		{"another site, old browser", "https://attacker.example", "", 403},
		{"another port of this machine", "http://localhost:8080", "same-site", 403},
		{"another port, old browser", "http://localhost:8080", "", 403},
		{"a sandboxed page", "null", "", 403},
		{"cross-site with no Origin", "", "cross-site", 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := commentServer(t, "127.0.0.1:1313", defaultPolicy(t))
			req := formRequest(t, valid, false)
			req.Header.Set("Accept", "application/json")
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.fetchSite != "" {
				req.Header.Set("Sec-Fetch-Site", tt.fetchSite)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.status == http.StatusForbidden && !strings.Contains(rec.Body.String(), "another site") {
				t.Errorf("the refusal does not say why: %q", rec.Body.String())
			}
			files, _ := filepath.Glob(filepath.Join(dir, "content", "comments", "a", "*.md"))
			if written := len(files) == 2; written != (tt.status == http.StatusAccepted) {
				t.Errorf("comment files %q after status %d", files, rec.Code)
			}
		})
	}
}
