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
