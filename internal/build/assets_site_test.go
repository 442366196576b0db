package build_test

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// hashed is the name a build gives an output file of the theme by its
// content: theme/style.css as theme/style.<16 hex digits>.css.
func hashed(s *sitetest.Site, file string) string {
	sum := sha256.Sum256([]byte(s.File(file)))
	ext := path.Ext(file)
	return strings.TrimSuffix(file, ext) + "." + hex.EncodeToString(sum[:8]) + ext
}

func TestThemeFilesAreNamedByContent(t *testing.T) {
	s := sitetest.Build(t, post("a.md", "title: A\ndate: 2020-01-01", "A."))
	for _, f := range []string{"theme/style.css", "theme/print.css", "theme/syntax.css", "theme/blogen.js", "theme/search.js"} {
		name := hashed(s, f)
		if !s.Exists(name) || s.File(name) != s.File(f) {
			t.Errorf("%s is not also written as %s", f, name)
		}
	}
	s.Contains("2020/01/a/index.html", `href="/`+hashed(s, "theme/style.css")+`"`, `href="/`+hashed(s, "theme/syntax.css")+`"`, `src="/`+hashed(s, "theme/blogen.js")+`"`)
	s.NotContains("2020/01/a/index.html", `"/theme/style.css"`, `"/theme/blogen.js"`)
	before := hashed(s, "theme/style.css")
	sitetest.WriteFile(t, filepath.Join(s.Dir, "static/theme/style.css"), []byte("body { color: navy }\n"))
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	after := hashed(s, "theme/style.css")
	if after == before || s.Exists(before) {
		t.Errorf("a new stylesheet is named %s, the old one %s (still there: %v)", after, before, s.Exists(before))
	}
	s.Contains("2020/01/a/index.html", `href="/`+after+`"`)
}

// TestBrandFontIsServedFromTheSite builds a site with each [brand] font
// and one without: the chosen font's faces and licence are written under
// theme/fonts/ (the faces also by content), pages declare them with
// @font-face and font-display: swap and preload the body weight, and no
// other font's file is written.
func TestBrandFontIsServedFromTheSite(t *testing.T) {
	tests := []struct {
		font, family string
		others       []string
	}{
		{"go", "Go", []string{"liberation-sans", "liberation-serif"}},
		{"liberation-sans", "Liberation Sans", []string{"go", "liberation-serif"}},
		{"liberation-serif", "Liberation Serif", []string{"go", "liberation-sans"}},
		{"", "", []string{"go", "liberation-sans", "liberation-serif"}},
	}
	for _, tt := range tests {
		t.Run("font="+tt.font, func(t *testing.T) {
			cfg := "-- site.toml --\ntitle = \"T\"\nbase_url = \"https://example.org/blog/\"\n"
			if tt.font != "" {
				cfg += "[brand]\nfont = \"" + tt.font + "\"\n"
			}
			s := sitetest.Build(t, cfg+post("a.md", "title: A\ndate: 2020-01-01", "A."))
			for _, f := range tt.others {
				if s.Exists("theme/fonts/" + f + "-400.ttf") {
					t.Errorf("the font %s is written although the site chose %q", f, tt.font)
				}
			}
			if tt.font == "" {
				s.NotContains("index.html", "@font-face", `as="font"`)
				return
			}
			regular, bold := hashed(s, "theme/fonts/"+tt.font+"-400.ttf"), hashed(s, "theme/fonts/"+tt.font+"-700.ttf")
			for _, f := range []string{regular, bold} {
				if b := s.File(f); len(b) < 10000 || b[:4] != "\x00\x01\x00\x00" {
					t.Errorf("%s is not a TrueType font (%d bytes)", f, len(b))
				}
			}
			if !strings.Contains(s.File("theme/fonts/"+tt.font+"-LICENSE.txt"), "icense") {
				t.Error("the font's licence is not written beside it")
			}
			for _, page := range []string{"index.html", "2020/01/a/index.html"} {
				s.Contains(page,
					`<link rel="preload" href="/blog/`+regular+`" as="font" type="font/ttf" crossorigin>`,
					`@font-face{font-family:"`+tt.family+`";src:url("/blog/`+regular+`") format("truetype");font-weight:400;font-style:normal;font-display:swap}`,
					`url("/blog/`+bold+`") format("truetype");font-weight:700`,
					`:root{font-family:"`+tt.family+`",`)
			}
		})
	}
}
