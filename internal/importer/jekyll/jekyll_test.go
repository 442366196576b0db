package jekyll

import (
	"flag"
	"testing"

	"github.com/blogen/blogen/internal/importer/ssg/ssgtest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func fixture() ssgtest.Fixture {
	return ssgtest.Fixture{Site: "testdata/site", URLs: "testdata/urls.txt", Golden: "testdata/report.golden", Update: *update}
}

// TestImportKeepsEveryOldURL imports the fixture, builds it with the real
// build and walks every URL of the old site in the output.
func TestImportKeepsEveryOldURL(t *testing.T) { ssgtest.Run(t, Read, fixture()) }

// TestImportTwiceChangesNothing imports twice: the second run writes
// nothing and keeps the site's own edits unless forced.
func TestImportTwiceChangesNothing(t *testing.T) {
	ssgtest.Twice(t, Read, fixture(), "content/pages/about.md")
}
