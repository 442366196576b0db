package config

import (
	"strings"
	"testing"
)

func TestParseDefaultsAndValues(t *testing.T) {
	cfg, err := Parse([]byte("title = \"T\"\nbase_url = \"https://blog.example.org\"\n[pagination]\nper_page = 3\n[comments.policy]\nmax_links = 2\n"), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "T" || cfg.BaseURL != "https://blog.example.org/" || cfg.Pagination.PerPage != 3 || cfg.Comments.Policy.MaxLinks != 2 {
		t.Errorf("%+v", cfg)
	}
	if cfg.Permalinks.Post != "/:year/:month/:slug/" || cfg.Feeds.Limit != 20 || !cfg.Minify || cfg.Comments.Policy.Text != DefaultPolicyText {
		t.Errorf("defaults lost: %+v", cfg)
	}
	if im := cfg.Images; len(im.Widths) != 4 || im.Quality != 80 || len(im.Formats) != 1 || cfg.Brand.CardColor() != "#1d4e89" {
		t.Errorf("image defaults lost: %+v %+v", im, cfg.Brand)
	}
	if _, err := Parse(nil, "site.toml"); err != nil {
		t.Errorf("an empty site.toml is valid: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"titel = \"x\"\n", `site.toml:1: unknown key "titel"`},
		{"\n[pagination]\nper_page = 0\n", "site.toml:3: pagination.per_page must be at least 1"},
		{"[related]\ncount = -1\n", "site.toml:2: related.count must not be negative"},
		{"[toc]\nheadings = -2\n", "site.toml:2: toc.headings must not be negative"},
		{"[brand]\ncolor = \"blue\"\n", `site.toml:2: brand.color "blue" is not a colour; write it as #rrggbb`},
		{"[brand]\ncolor = \"#ffcc00\"\n", "site.toml:2: brand.color #ffcc00 has a contrast of 1.5:1 against the light page; links need 4.5:1, so pick a darker colour"},
		{"[brand]\ncolor_dark = \"#0b5cad\"\n", "site.toml:2: brand.color_dark #0b5cad has a contrast of 2.7:1 against the dark page; links need 4.5:1, so pick a lighter colour"},
		{"[brand]\nlogo = \"logo.svg\"\n", `site.toml:2: brand.logo "logo.svg" must be a path from the site root`},
		{"title = \"T\"\n\n[brand]\ncolor = \"#0b5cad\"\nfont = \"Comic Sans\"\n", `site.toml:5: brand.font "Comic Sans" is not a font blogen embeds; choose one of go, liberation-sans, liberation-serif, or leave it out`},
		{"[permalinks]\npost = \"/:year/\"\n", "site.toml:2: permalinks.post: \"/:year/\" must contain :slug or :title"},
		{"[permalinks]\npost = \"/:yr/:slug/\"\n", "unknown placeholder"},
		{"base_url = \"blog.example.org\"\n", "site.toml:1: base_url \"blog.example.org\" is not an absolute URL"},
		{"title = \n", "site.toml:1:"},
		{"[comments.policy]\nshouting_ratio = 2.0\n", "site.toml:2: comments.policy.shouting_ratio must be between 0 and 1"},
		{"[social]\nshare = [\"myspace\"]\n", `unknown network "myspace"`},
		{"[social]\nmention_url = \"https://x.com/\"\n", "site.toml:2: social.mention_url \"https://x.com/\" must hold %s exactly once"},
		{"[[menu]]\nname = \"A\"\nlink = \"/a/\"\n", `site.toml:3: unknown key "menu.link"`},
		{"[images]\nwidths = [0, 800]\n", "site.toml:2: images.widths [0 800] must list widths from 16 to 8192"},
		{"[images]\nwidths = []\n", "images.widths [] must list widths"},
		{"[images]\nquality = 101\n", "site.toml:2: images.quality 101 must be from 1 to 100"},
		{"[images]\nformats = [\"heic\"]\n", `site.toml:2: images.formats: blogen does not write "heic"`},
		{"[images]\nmax_megapixels = 0\n", "images.max_megapixels must be at least 1"},
		{"[brand]\ncolor = \"blue\"\n", `site.toml:2: brand.color "blue" is not a colour; write it as #rrggbb`},
		{"[brand]\nlogo = \"logo.png\"\n", `brand.logo "logo.png" must be a path from the site root`},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.src), "site.toml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.src, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("title = \"T\"\n[pagination]\nper_page = 3\n")
	f.Add("[[menu]]\nname = \"A\"\n")
	f.Add("x = [")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Parse([]byte(src), "site.toml")
		if err == nil && (cfg.Pagination.PerPage < 1 || cfg.Feeds.Limit < 1) {
			t.Fatalf("invalid config accepted: %+v", cfg)
		}
	})
}
