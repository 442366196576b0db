package feeds

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/site"
)

// fakeSource carries fixed HTML for every post, with a site-relative link.
type fakeSource struct{}

func (fakeSource) Summary(p *site.Post) string {
	return `<p>Sum of <a href="/about/">` + p.Title + `</a></p>`
}
func (fakeSource) SummaryText(p *site.Post) string { return "Sum of " + p.Title }
func (fakeSource) Body(p *site.Post) (string, error) {
	return `<p>Whole <img src="/img/x.png" alt=""> ` + p.Title + `</p>`, nil
}
func (fakeSource) Image(p *site.Post) string { return "/img/" + p.Slug + ".png" }

// testSite assembles a site of two posts, one tagged, with the config
// changed by edit.
func testSite(t *testing.T, edit func(*config.Config), more ...string) *site.Site {
	t.Helper()
	fsys := fstest.MapFS{
		"content/posts/a.md": {Data: []byte("---\ntitle: A & <b>\ndate: 2020-01-01\nlastmod: 2020-03-01\ntags: [care]\n---\nA body\n")},
		"content/posts/b.md": {Data: []byte("---\ntitle: B\ndate: 2020-02-02\n---\nB body\n")},
	}
	for i := 0; i+1 < len(more); i += 2 {
		fsys[more[i]] = &fstest.MapFile{Data: []byte(more[i+1])}
	}
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/blog/"
	edit(cfg)
	s, err := site.Assemble(cfg, c, site.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// feedOf returns the feed of the list of kind.
func feedOf(t *testing.T, s *site.Site, kind string) *site.Feed {
	t.Helper()
	for _, f := range s.Feeds {
		if f.List.Kind == kind {
			return f
		}
	}
	t.Fatalf("no feed of kind %s", kind)
	return nil
}

func TestFeeds(t *testing.T) {
	tests := []struct {
		name        string
		fullContent bool
		kind        string
		want, not   []string
	}{
		{"home summaries", false, "home",
			[]string{"Sum of", `href=&#34;https://example.org/blog/about/&#34;`, "A &amp; &lt;b&gt;"},
			[]string{"Whole", `href=&#34;/about/`}},
		{"home whole posts", true, "home",
			[]string{"Whole", `src=&#34;https://example.org/blog/img/x.png&#34;`},
			[]string{`src=&#34;/img/`}},
		{"tag keeps summaries", true, "tags",
			[]string{"Sum of"}, []string{"Whole"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := testSite(t, func(c *config.Config) { c.Feeds.FullContent = tc.fullContent })
			f := feedOf(t, s, tc.kind)
			for name, make := range map[string]func(*site.Site, *site.Feed, Source) ([]byte, error){"rss": RSS, "atom": Atom} {
				out, err := make(s, f, fakeSource{})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if err := xml.Unmarshal(out, new(struct{})); err != nil {
					t.Errorf("%s is not XML: %v", name, err)
				}
				for _, w := range tc.want {
					if !strings.Contains(string(out), w) {
						t.Errorf("%s lacks %q:\n%s", name, w, out)
					}
				}
				for _, w := range tc.not {
					if strings.Contains(string(out), w) {
						t.Errorf("%s has %q:\n%s", name, w, out)
					}
				}
			}
		})
	}
}

func TestFeedDatesComeFromPosts(t *testing.T) {
	s := testSite(t, func(*config.Config) {})
	out, err := Atom(s, feedOf(t, s, "home"), fakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	// a's lastmod (March) is newer than b's date (February).
	if !strings.Contains(string(out), "<updated>2020-03-01T00:00:00Z</updated>") {
		t.Errorf("the feed's updated date is not its newest post's lastmod:\n%s", out)
	}
}

func TestJSONFeed(t *testing.T) {
	s := testSite(t, func(*config.Config) {})
	out, err := JSON(s, feedOf(t, s, "home"), fakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	var doc jsonFeed
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 2 || doc.Items[0].Title != "B" || doc.Items[0].Summary != "Sum of B" ||
		doc.Items[0].Image != "https://example.org/blog/img/b.png" || doc.FeedURL != "https://example.org/blog/feed.json" {
		t.Errorf("JSON feed: %+v", doc)
	}
}

func TestSitemap(t *testing.T) {
	s := testSite(t, func(*config.Config) {},
		"content/posts/r.md", "---\ntitle: R\ndate: 2019-01-01\noriginally_appeared_on:\n  site: LinkedIn\n  url: https://www.linkedin.com/pulse/r\n---\nR body\n",
		"content/posts/s.md", "---\ntitle: S\ndate: 2019-01-02\ncanonical: self\noriginally_appeared_on:\n  site: LinkedIn\n  url: https://www.linkedin.com/pulse/s\n---\nS body\n")
	out, err := Sitemap(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"<loc>https://example.org/blog/</loc><lastmod>2020-02-02</lastmod>", "<loc>https://example.org/blog/2020/01/a/</loc><lastmod>2020-03-01</lastmod>", "<loc>https://example.org/blog/tags/</loc>",
		"<loc>https://example.org/blog/2019/01/s/</loc>"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("sitemap lacks %q:\n%s", w, out)
		}
	}
	// A republished post whose canonical is the original is not listed.
	if strings.Contains(string(out), "/2019/01/r/") {
		t.Errorf("sitemap lists a post whose canonical URL is elsewhere:\n%s", out)
	}
}
