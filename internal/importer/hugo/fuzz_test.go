package hugo

import (
	"testing"
	"time"
)

// FuzzParseConfig holds that no configuration, TOML or YAML, makes the
// reader panic, and that a pattern it reads translates without one.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("baseURL = \"https://a.example/\"\n[permalinks]\nposts = \"/:year/:slug/\"\n"), true)
	f.Add([]byte("[permalinks.page]\nposts = \"/:sections/:filename/\"\n[pagination]\npagerSize = 3\n"), true)
	f.Add([]byte("baseURL: https://a.example/\nparams:\n  mainSections: [blog]\npaginate: 4\n"), false)
	f.Fuzz(func(t *testing.T, b []byte, isTOML bool) {
		name := "hugo.yaml"
		if isTOML {
			name = "hugo.toml"
		}
		c, err := parseConfig(name, b)
		if err != nil {
			return
		}
		for s, p := range c.Permalinks {
			_ = translate(p, s)
			_ = expand(p, vars{title: "T"}, c.KeepCase)
		}
	})
}

func TestURLs(t *testing.T) {
	d := time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC)
	v := vars{date: d, title: "Announcing Rust 1.78.0!", filename: "Rust-1.78.0", sections: []string{"posts", "inside-team"}}
	for _, tt := range []struct {
		pattern string
		keep    bool
		want    string
	}{
		{"/:year/:month/:slug/", false, "/2024/05/announcing-rust-1.78.0/"},
		{"/:year/:month/:filename/", true, "/2024/05/Rust-1.78.0/"},
		{"/:sections/:slugorfilename/", false, "/posts/inside-team/rust-1.78.0/"},
		{"/:section/:monthname/:title", false, "/posts/may/announcing-rust-1.78.0"},
		{"/:unknown/:slug/", false, "/:unknown/announcing-rust-1.78.0/"},
	} {
		if got := expand(tt.pattern, v, tt.keep); got != tt.want {
			t.Errorf("expand(%q) = %q; want %q", tt.pattern, got, tt.want)
		}
	}
	if got := defaultURL(v, false); got != "/posts/inside-team/rust-1.78.0/" {
		t.Errorf("defaultURL = %q", got)
	}
	for pattern, want := range map[string]string{
		"/:year/:month/:slug/":   "/:year/:month/:slug/",
		"/:section/:title/":      "/posts/:slug/",
		"/:sections/:filename/":  "/posts/:section/:slug/",
		"/:year/:weekday/:slug/": "",
		"/:slug/:filename/":      "",
	} {
		if got := translate(pattern, "posts"); got != want {
			t.Errorf("translate(%q) = %q; want %q", pattern, got, want)
		}
	}
}
