package hugo

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/importer/ssg"
	"github.com/blogen/blogen/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// wantURLs reads the old site's URLs, written by hand from Hugo's rules.
func wantURLs(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/urls.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

func importFixture(t *testing.T, site string, force bool) *ssg.Report {
	t.Helper()
	r, err := Import(context.Background(), "testdata/site", Options{SiteDir: site, Force: force})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestImportKeepsEveryOldURL imports the fixture, builds it with the real
// build and walks every URL of the old site in the output.
func TestImportKeepsEveryOldURL(t *testing.T) {
	dir := t.TempDir()
	r := importFixture(t, dir, false)
	if want := wantURLs(t); !slices.Equal(r.OldURLs, want) {
		t.Errorf("old URLs:\n got %q\nwant %q", r.OldURLs, want)
	}
	checkGolden(t, "testdata/report.golden", strings.ReplaceAll(r.String(), dir, "SITE"))
	s := &sitetest.Site{Dir: dir, Out: filepath.Join(dir, "public")}
	s.Rebuild()
	if s.Err != nil {
		t.Fatalf("the imported site does not build:\n%v", s.Err)
	}
	for _, u := range r.OldURLs {
		if err := sitetest.Resolve(s.Out, u); err != nil {
			t.Error(err)
		}
	}
}

// TestImportTwiceChangesNothing imports twice: the second run writes
// nothing and keeps the site's own edits unless forced.
func TestImportTwiceChangesNothing(t *testing.T) {
	dir := t.TempDir()
	first := importFixture(t, dir, false)
	about := filepath.Join(dir, "content/pages/about.md")
	if err := os.WriteFile(about, []byte("---\ntitle: Ours\n---\nOur own.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := importFixture(t, dir, false)
	if second.Written != 0 || second.Same != first.Written-1 || !slices.Equal(second.Kept, []string{"content/pages/about.md"}) {
		t.Errorf("second run: written %d, same %d (of %d), kept %q; want 0, %d, [content/pages/about.md]", second.Written, second.Same, first.Written, second.Kept, first.Written-1)
	}
	if b, _ := os.ReadFile(about); !strings.Contains(string(b), "Our own.") {
		t.Errorf("the site's about.md was replaced without --force")
	}
	forced := importFixture(t, dir, true)
	if !slices.Equal(forced.Replaced, []string{"content/pages/about.md"}) {
		t.Errorf("--force replaced %q; want about.md", forced.Replaced)
	}
}

func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", file, got)
	}
}
