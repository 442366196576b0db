package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/blogen/blogen/internal/importer/wordpress"
	"github.com/blogen/blogen/internal/sitetest"
)

// TestImportedWordPressPassesTheNuHTMLChecker imports the WordPress
// importer's whole-site fixture, builds it and checks every page: the HTML
// an import keeps (sub, abbr, dl, ol reversed, aligned images), the
// tables of imported comments, the comment thread of a page and the list
// of mentions are valid.
func TestImportedWordPressPassesTheNuHTMLChecker(t *testing.T) {
	VNUJar(t)
	archive, err := os.ReadFile(filepath.Join(RepoRoot(t), "internal", "importer", "wordpress", "testdata", "whole", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.Write(t, string(archive))
	f, err := os.Open(filepath.Join(s.Dir, "export.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := wordpress.Import(context.Background(), f, "export.xml", wordpress.Options{SiteDir: s.Dir}); err != nil {
		t.Fatal(err)
	}
	s.Rebuild()
	if s.Err != nil {
		t.Fatalf("the imported site does not build:\n%v", s.Err)
	}
	// The pages checked hold the HTML the import keeps.
	s.Contains("2021/03/water/index.html", "<sub>", "<abbr", `<span class="big">`, "<dl>", `<ol reversed=""`, `class="alignright`, "<table>", "Mentioned on")
	s.Contains("team/index.html", `id="comments"`, "Mentioned on", `name="post" value="pages/team"`)
	for _, e := range validate(t, s.Out) {
		t.Error(e)
	}
}
