// Package ssgtest holds the whole-site tests that every importer of a
// static site generator runs on its fixture: import it, build it with the
// real build, walk every old URL, and import it again.
package ssgtest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/importer/ssg"
	"github.com/blogen/blogen/internal/sitetest"
)

// Reader is the Read function of an importer, which ssg.Import runs.
type Reader func(dir string) (*ssg.Source, error)

// Fixture is an old site checked in under testdata.
type Fixture struct {
	Site   string // the old site's folder: testdata/site
	URLs   string // its URLs, one a line, written by hand from the generator's rules
	Golden string // the report the import prints
	Update bool   // rewrite Golden
}

// Run imports f into a new site and holds it to the fixture: the old URLs
// found are those of the URLs file, the report is the golden one, the site
// builds, and every old URL is served by a page or an alias to one.
func Run(t *testing.T, run Reader, f Fixture) {
	t.Helper()
	dir := t.TempDir()
	r := importSite(t, run, f.Site, dir, false)
	if want := readURLs(t, f.URLs); !slices.Equal(r.OldURLs, want) {
		t.Errorf("old URLs:\n got %q\nwant %q", r.OldURLs, want)
	}
	checkGolden(t, f.Golden, r.String(), f.Update)
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

// Twice imports f twice: the second run writes nothing, keeps a page the
// site changed, and replaces it only when forced.
func Twice(t *testing.T, run Reader, f Fixture, page string) {
	t.Helper()
	dir := t.TempDir()
	first := importSite(t, run, f.Site, dir, false)
	file := filepath.Join(dir, filepath.FromSlash(page))
	if err := os.WriteFile(file, []byte("---\ntitle: Ours\n---\nOur own.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := importSite(t, run, f.Site, dir, false)
	if second.Written != 0 || second.Same != first.Written-1 || !slices.Equal(second.Kept, []string{page}) {
		t.Errorf("second run: written %d, same %d (of %d), kept %q; want 0, %d, [%s]", second.Written, second.Same, first.Written, second.Kept, first.Written-1, page)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "Our own.") {
		t.Errorf("the site's %s was replaced without --force", page)
	}
	forced := importSite(t, run, f.Site, dir, true)
	if !slices.Equal(forced.Replaced, []string{page}) {
		t.Errorf("--force replaced %q; want %s", forced.Replaced, page)
	}
}

func importSite(t *testing.T, run Reader, src, dir string, force bool) *ssg.Report {
	t.Helper()
	r, err := ssg.Import(context.Background(), run, src, ssg.Options{SiteDir: dir, Force: force})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// readURLs reads a URLs file: one URL a line, # comments.
func readURLs(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
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

func checkGolden(t *testing.T, file, got string, update bool) {
	t.Helper()
	if update {
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
