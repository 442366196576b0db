package render_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)

// TestSiteMatchesOutput renders a whole site, which lets go of the posts'
// cards and summaries after the last list page or feed that shows them,
// and compares every file with the same file rendered on its own. The
// site's 404 page lists every post's summary after the lists and feeds
// are done, so those summaries are rendered again.
func TestSiteMatchesOutput(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.toml --\ntitle = \"T\"\nbase_url = \"https://example.org/\"\nminify = false\n[pagination]\nper_page = 3\n[feeds]\nlimit = 4\n")
	b.WriteString("-- layouts/404.html --\n{{define \"main\"}}{{range .Site.Posts}}<div>{{$.Summary .}} {{$.ReadingTime .}}</div>{{end}}{{end}}\n")
	for i := range 23 {
		fmt.Fprintf(&b, "-- content/posts/p%02d.md --\n---\ntitle: Post %d\ndate: 2024-%02d-%02dT10:00:00Z\ntags: [t%d, all]\ncategories: [c%d]\nfeatured: %v\n---\nFirst words of post %d, with [a link](/about/).\n\nMore of post %d.\n",
			i, i, 1+i%12, 1+i, i%4, i%3, i%5 == 0, i, i)
	}
	s := sitetest.Write(t, b.String())
	p, err := build.Prepare(build.Options{SiteDir: s.Dir, NoCache: true, Now: sitetest.Now})
	if err != nil {
		t.Fatal(err)
	}
	var sink sitetest.MemorySink
	if _, err := p.Render(context.Background(), &sink); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sink.Files["404.html"]), "First words of post 22") {
		t.Fatalf("404.html does not list the summaries:\n%s", sink.Files["404.html"])
	}
	r := p.Renderer()
	for path, want := range sink.Files {
		got, ok, err := r.Output(path)
		if !ok || err != nil || string(got) != string(want) {
			t.Errorf("%s: rendered alone (%v, %v):\n%s\nwithin the site:\n%s", path, ok, err, got, want)
		}
	}
}
