package zola

import "testing"

// FuzzParseConfig holds that no config.toml makes the reader panic and
// that an accepted one has a slugify mode.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("base_url = \"https://a.example\"\ntitle = \"T\"\ntaxonomies = [{name = \"tags\"}]\n"))
	f.Add([]byte("[slugify]\npaths = \"safe\"\npaths_keep_dates = true\n"))
	f.Add([]byte("[languages.fr]\ntitle = \"T\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := parseConfig("config.toml", b)
		if err == nil && c.Slugify.Paths == "" {
			t.Fatal("accepted config without a slugify mode")
		}
		_ = readFrontMatter(b)
	})
}

func TestSlugAndURL(t *testing.T) {
	r := &reader{cfg: &siteConfig{}}
	for _, tt := range []struct {
		mode, stem, fm string
		keep           bool
		want           string
	}{
		{"on", "2024-05-02-Rust-1.78.0", "", false, "rust-1-78-0"},
		{"on", "2019-01-01_update", "", false, "update"},
		{"on", "2019-01-01_update", "", true, "2019-01-01-update"},
		{"safe", "2019-01-01_Up date?", "", true, "2019-01-01_Up-date"},
		{"off", "x", "Custom Slug!", false, "Custom Slug!"},
		{"on", "x", "Custom Slug!", false, "custom-slug"},
	} {
		r.cfg.Slugify.Paths, r.cfg.Slugify.PathsKeepDates = tt.mode, tt.keep
		if got := r.slug(tt.stem, tt.fm); got != tt.want {
			t.Errorf("slug(%q, %q) with %s = %q; want %q", tt.stem, tt.fm, tt.mode, got, tt.want)
		}
	}
	for _, tt := range []struct{ section, slug, own, want string }{
		{"blog", "a", "", "/blog/a/"},
		{"", "a", "", "/a/"},
		{"blog/2020", "a", "", "/blog/2020/a/"},
		{"blog", "a", "2018/04/06/all-hands", "/2018/04/06/all-hands/"},
		{"blog", "a", "/x/", "/x/"},
	} {
		if got := oldURL(tt.section, tt.slug, tt.own); got != tt.want {
			t.Errorf("oldURL(%q, %q, %q) = %q; want %q", tt.section, tt.slug, tt.own, got, tt.want)
		}
	}
}
