package wordpress

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// ImportWholeSite writes the site of testdata/whole/site.txtar, imports
// its export.xml into it with opts (without --force) and returns the site,
// built with the real build, and the import's summary.
func importWholeSite(t *testing.T, opts Options) (*sitetest.Site, Summary) {
	t.Helper()
	s := sitetest.Write(t, string(mustRead(t, "testdata/whole/site.txtar")))
	export := filepath.Join(s.Dir, "export.xml")
	f, err := os.Open(export)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts.SiteDir = s.Dir
	sum, err := Import(context.Background(), f, "export.xml", opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Rebuild()
	if s.Err != nil {
		t.Fatalf("the imported site does not build:\n%v", s.Err)
	}
	return s, sum
}

// TestImportWholeSite imports an export into a site of its own and builds
// it: what Markdown cannot write reaches the page as HTML, comments read as
// they did with their table, a page keeps its comments, pingbacks and
// trackbacks are listed as mentions apart from the comments, the site's
// own about page stays, the author's name is clean, and the summary says
// what was left out.
func TestImportWholeSite(t *testing.T) {
	s, sum := importWholeSite(t, Options{})
	const post = "2021/03/water/index.html"
	tests := []struct {
		name, file string
		want       []string
		not        []string
	}{
		{"inline elements", post, []string{
			"H<sub>2</sub>O and E = MC<sup>2</sup>",
			`<abbr title="World Wide Web">WWW</abbr>`, "<cite>Weaving the Web</cite>", "<q>it was an accident</q>",
			"<ins>Added later.</ins>", "<u>Misspelt</u>", "<small>small print</small>", `<span class="big">big news</span>`,
		}, []string{"&lt;sub", "<big>"}},
		{"blocks", post, []string{
			"<dl><dt>Beaker</dt><dd>A cup with a <em>lip</em>.</dd></dl>",
			`<ol reversed=""><li>three</li>`, `<ol start="3">`, "<address>1 Lab Road<br/>Geneva</address>",
		}, nil},
		{"aligned image", post, []string{`class="alignright size-medium wp-image-7"`, `width="300" height="200"`}, nil},
		{"comment", post, []string{
			"<blockquote>\n<p>Water is H₂O</p>\n</blockquote>",
			`<a href="https://rui.example/heavy" rel="nofollow ugc">heavy water</a>, <strong>D₂O</strong>`,
			"<table>", "<th>Isotope</th>", "<td>D</td>", "<code>x &lt; y</code>", "<em>always</em>",
			"1 Comment",
		}, []string{"| Isotope", "&lt;table", "alert(1)", "a post about water"}},
		{"mentions", post, []string{
			`<h3 id="mentions-title">Mentioned on</h3>`,
			`<a href="https://other.example/post" rel="nofollow ugc">Other blog</a>`,
			`<a href="https://chem.example/notes/water" rel="nofollow ugc">Chemistry &amp; Co</a>`,
			`<a class="comment-count" href="/2021/03/water/#comments">1 Comment</a>`,
		}, []string{"Spammy links", "spammy.example", "A trackback about water"}},
		{"comments on a page", "team/index.html", []string{
			`<section id="comments"`, `<h2 id="comments-title">1 Comment</h2>`,
			"Glad to see <em>everyone</em> here.", `<input type="hidden" name="post" value="pages/team">`,
			`<option value="000031">Mia,`,
			`<a href="https://friends.example/labs" rel="nofollow ugc">Lab friends</a>`,
		}, []string{"Waiting for moderation.", "Comments are closed."}},
		{"a page without comments", "about/index.html", nil, []string{`id="comments"`, "Mentioned on"}},
		{"the site's own about page", "about/index.html", []string{"Our own about page, written by hand."}, []string{"old site"}},
		{"author name", "authors/jane/index.html", []string{"Jane Doe"}, []string{"Doe&gt;", "jane&gt;", "Jane Doe>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.Contains(tt.file, tt.want...)
			s.NotContains(tt.file, tt.not...)
		})
	}
	report := sum.String()
	for _, want := range []string{
		"  1 kept the site's own file (--force replaces it): content/pages/about.md\n",
		"comments: 3 (2 approved, 1 pending)\n",
		"mentions: 4 (3 approved, 1 pending)\n",
		"  1 post type nav_menu_item: item 30 \"Home\"\n",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the summary lacks %q:\n%s", want, report)
		}
	}
}

// TestImportWholeSiteSkippingMentions: with --mentions skip, pingbacks and
// trackbacks are counted in the summary and reach no page.
func TestImportWholeSiteSkippingMentions(t *testing.T) {
	s, sum := importWholeSite(t, Options{SkipMentions: true})
	s.NotContains("2021/03/water/index.html", "Mentioned on", "Other blog")
	s.NotContains("team/index.html", "Mentioned on", "Lab friends")
	s.Contains("team/index.html", "Glad to see <em>everyone</em> here.")
	report := sum.String()
	for _, want := range []string{
		"comments: 3 (2 approved, 1 pending)\n",
		"  3 pingback: comment 22 on item 10 \"Water, light and lists\", comment 24 on item 10 \"Water, light and lists\", comment 33 on item 3 \"The team\"\n",
		"  1 trackback: comment 23 on item 10 \"Water, light and lists\"\n",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the summary lacks %q:\n%s", want, report)
		}
	}
	if strings.Contains(report, "mentions:") {
		t.Errorf("the summary counts mentions that were skipped:\n%s", report)
	}
}
