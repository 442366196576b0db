package build_test

import (
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// The tests of this file hold what real archives brought from other
// generators showed: each case is a file layout seen on a blog of
// several hundred posts, written again in small.

func TestDotsInTheLastSegmentMakeFolders(t *testing.T) {
	tests := []struct {
		name, config, files string
		want, wantNot       []string // output files
	}{
		{"version in a file name", "",
			"-- content/posts/2024-05-02-Rust-1.78.0.md --\n---\ntitle: Rust 1.78.0\n---\nOut now.\n",
			[]string{"2024/05/Rust-1.78.0/index.html"}, []string{"2024/05/Rust-1.78.0"}},
		{"alias with a dot", "",
			"-- content/posts/2024-05-02-r.md --\n---\ntitle: R\naliases: [releases/1.0.0, /old/r.html]\n---\nOut now.\n",
			[]string{"releases/1.0.0/index.html", "old/r.html"}, []string{"releases/1.0.0"}},
		{"pattern that names a file", "[permalinks]\npost = \"/:year/:slug.html\"\n",
			"-- content/posts/2024-05-02-Rust-1.78.0.md --\n---\ntitle: Rust 1.78.0\n---\nOut now.\n",
			[]string{"2024/Rust-1.78.0.html"}, nil},
		{"page with a dot", "",
			"-- content/pages/v1.2.md --\n---\ntitle: Version 1.2\n---\nNotes.\n",
			[]string{"v1.2/index.html"}, []string{"v1.2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := "-- site.toml --\nbase_url = \"https://example.org/\"\nminify = false\n" + tt.config
			s := sitetest.Build(t, cfg+tt.files)
			for _, f := range tt.want {
				if !s.Exists(f) {
					t.Errorf("no output %s; have %v", f, s.Files())
				}
			}
			for _, f := range tt.wantNot {
				if isFile(s, f) {
					t.Errorf("%s is a file; want a folder with index.html", f)
				}
			}
		})
	}
}

// isFile reports whether the output path is a file rather than a folder.
func isFile(s *sitetest.Site, p string) bool {
	for _, f := range s.Files() {
		if f == p {
			return true
		}
	}
	return false
}

func TestBundleFoldersKeepTheirWholeName(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/cargo-1.78/index.md --
---
title: Cargo 1.78
date: 2024-05-02
---
![demo](demo.gif)
-- content/posts/cargo-1.78/demo.gif --
GIF78
-- content/posts/cargo-1.79/index.md --
---
title: Cargo 1.79
date: 2024-05-03
---
Text.
-- content/posts/2018-10-25-Rust-1.30/index.md --
---
title: Rust 1.30
---
![demo](demo.gif)
-- content/posts/2018-10-25-Rust-1.30/demo.gif --
GIF130
`)
	s.Contains("2024/05/cargo-1.78/demo.gif", "GIF78")
	s.Contains("2024/05/cargo-1.79/index.html", "Cargo 1.79")
	s.Contains("2018/10/Rust-1.30/demo.gif", "GIF130")
	for _, f := range s.Files() {
		if strings.HasSuffix(f, "demo.gif") && !strings.HasSuffix(f, "/demo.gif") {
			t.Errorf("bundle file written beside its folder: %s", f)
		}
	}
}
