package wordpress

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/importer/sitewriter"
	"github.com/blogen/blogen/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// onlyReader hides Seek, so that Import has to copy the export.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// importFile imports file into site with --force, so that a hand-made
// bundle takes the imported post (TestImportKeepsTheSitesOwnFiles holds
// what happens without it).
func importFile(t *testing.T, file, site string, seekable bool) (Summary, string, error) {
	t.Helper()
	return importWith(t, file, seekable, Options{SiteDir: site, Force: true})
}

// importWith imports file with opts, logging into the string returned.
func importWith(t *testing.T, file string, seekable bool, opts Options) (Summary, string, error) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if !seekable {
		r = onlyReader{f}
	}
	var log bytes.Buffer
	opts.Log = &log
	sum, err := Import(context.Background(), r, filepath.Base(file), opts)
	return sum, log.String(), err
}

// checkGolden compares got with the files under dir, or rewrites them
// with -update.
func checkGolden(t *testing.T, dir string, got map[string]string) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		sitetest.WriteTree(t, dir, got)
		return
	}
	want := sitetest.ReadTree(t, dir)
	for _, rel := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[rel]; !ok {
			t.Errorf("%s: not written", rel)
		} else if g != want[rel] {
			t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", rel, filepath.Join(dir, rel), g, want[rel])
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("%s: written but not in %s", rel, dir)
		}
	}
}

const keptAuthor = "---\nname: Kept Name\nrole: Editor\n---\n\nA bio written by hand.\n"

func TestImportGolden(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]string
	}{
		{"wxr-1.2", map[string]string{
			"content/authors/kept.md":            keptAuthor,
			"content/posts/conference/index.md":  "---\ntitle: Edited by hand\n---\n",
			"content/posts/conference/stage.jpg": "jpeg",
		}},
		{"wxr-1.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			sitetest.WriteTree(t, site, tt.existing)
			file := filepath.Join("testdata", tt.name+".xml")
			sum, log, err := importFile(t, file, site, true)
			if err != nil {
				t.Fatal(err)
			}
			if err := sitetest.Check(site); err != nil {
				t.Errorf("the imported site would not build:\n%v", err)
			}
			first := sitetest.ReadTree(t, site)
			golden := filepath.Join("testdata", "golden", tt.name)
			checkGolden(t, filepath.Join(golden, "site"), first)
			checkGolden(t, filepath.Join(golden, "report"), map[string]string{"summary.txt": sum.String(), "log.txt": log})

			// A second import, through a reader that cannot seek, writes the
			// same bytes and no new files.
			sum2, _, err := importFile(t, file, site, false)
			if err != nil {
				t.Fatal(err)
			}
			second := sitetest.ReadTree(t, site)
			if !maps.Equal(first, second) {
				for rel := range second {
					if first[rel] != second[rel] {
						t.Errorf("second import changed %s", rel)
					}
				}
			}
			// The author files now exist and are kept.
			sum.AuthorsKept += sum.Authors
			sum.Authors = 0
			if sum2.String() != sum.String() {
				t.Errorf("second summary differs:\n%s\nwant:\n%s", sum2, sum)
			}
		})
	}
}

func TestImportSummary(t *testing.T) {
	skipped := map[string]int{
		"comment in trash": 1, "comment on a skipped item": 1, "attachment (used by the posts)": 2,
		"post type nav_menu_item": 1, "post type product": 1, "post in trash": 1,
	}
	withMentions := maps.Clone(skipped)
	withMentions["pingback"], withMentions["trackback"] = 1, 1
	tests := []struct {
		name         string
		skipMentions bool
		mentions     map[string]int
		skipped      map[string]int
	}{
		{"mentions kept", false, map[string]int{"approved": 2}, skipped},
		{"mentions skipped", true, map[string]int{}, withMentions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			sitetest.WriteTree(t, site, map[string]string{"content/authors/kept.md": keptAuthor})
			sum, _, err := importWith(t, "testdata/wxr-1.2.xml", true, Options{SiteDir: site, Force: true, SkipMentions: tt.skipMentions})
			if err != nil {
				t.Fatal(err)
			}
			want := Summary{
				Version: "1.2", Posts: 11, Pages: 1, Drafts: 2, Authors: 2, AuthorsKept: 1, Categories: 1, Tags: 2,
				Comments:   map[string]int{"approved": 4, "pending": 1, "spam": 1},
				Mentions:   tt.mentions,
				Skipped:    tt.skipped,
				Shortcodes: map[string]int{"contact-form-7": 1, "note": 1},
			}
			if sum.Posts != want.Posts || sum.Pages != want.Pages || sum.Authors != want.Authors {
				t.Errorf("summary:\n%s\nwant:\n%s", sum, want)
			}
			if !maps.Equal(sum.Comments, want.Comments) || !maps.Equal(sum.Mentions, want.Mentions) ||
				!maps.Equal(sum.Skipped, want.Skipped) || !maps.Equal(sum.Shortcodes, want.Shortcodes) {
				t.Errorf("summary maps: %+v\nwant %+v", sum, want)
			}
			files := sitetest.ReadTree(t, site)
			if got := files["content/authors/kept.md"]; got != keptAuthor {
				t.Errorf("an existing author file was replaced:\n%s", got)
			}
			if _, ok := files["content/comments/hello/000013.md"]; ok == tt.skipMentions {
				t.Errorf("the pingback's file written: %v, want %v", ok, !tt.skipMentions)
			}
			if got := files["content/comments/pages/about/000080.md"]; !strings.Contains(got, "Nice page.") {
				t.Errorf("the comment on the page is not written:\n%s", got)
			}
		})
	}
}

func TestSummaryString(t *testing.T) {
	s := Summary{
		Posts: 2, Pages: 1, Drafts: 1, Authors: 1, Categories: 3, Tags: 4,
		Comments:   map[string]int{"spam": 1, "approved": 5, "pending": 2},
		Mentions:   map[string]int{"approved": 2, "pending": 1},
		Skipped:    map[string]int{"pingback": 5, "auto-draft": 1, "revision": 0},
		Shortcodes: map[string]int{"x": 1},
		Examples: map[string][]string{
			"pingback": {"comment 1 on item 2", "comment 3 on item 2", "comment 4 on item 5"},
			"[x]":      {`item 7 "Hi"`},
		},
	}
	want := `posts: 2, pages: 1 (1 drafts)
authors: 1 written, 0 kept as they were
categories: 3, tags: 4
comments: 8 (5 approved, 2 pending, 1 spam)
mentions: 3 (2 approved, 1 pending)
skipped: 6
  1 auto-draft
  5 pingback: comment 1 on item 2, comment 3 on item 2, comment 4 on item 5, …
shortcodes removed:
  1 [x]: item 7 "Hi"
`
	if got := s.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestImportReportsWhatItLeavesOut holds that the summary counts each
// thing left out, by kind, with examples: attachments no post uses apart
// from those a post shows, a gallery lists or a post has as its image.
func TestImportReportsWhatItLeavesOut(t *testing.T) {
	const export = `<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<item><title>Shown</title><wp:post_id>1</wp:post_id><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://x.test/wp-content/uploads/shown.jpg</wp:attachment_url></item>
<item><title>Unused</title><wp:post_id>2</wp:post_id><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://x.test/wp-content/uploads/unused.jpg</wp:attachment_url></item>
<item><title>Listed</title><wp:post_id>3</wp:post_id><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://x.test/wp-content/uploads/listed.png</wp:attachment_url></item>
<item><title>Cover</title><wp:post_id>4</wp:post_id><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://x.test/wp-content/uploads/cover.jpg</wp:attachment_url></item>
<item><title>Post</title><wp:post_id>10</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded><![CDATA[<img src="https://x.test/wp-content/uploads/shown-300x200.jpg"> [gallery ids="3"] [poll id="2"]]]></content:encoded>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>4</wp:meta_value></wp:postmeta></item>
<item><title>Menu</title><wp:post_id>20</wp:post_id><wp:post_type>nav_menu_item</wp:post_type></item>
<item><title>Old</title><wp:post_id>21</wp:post_id><wp:post_type>revision</wp:post_type></item>
</channel></rss>`
	sum, err := Import(context.Background(), strings.NewReader(export), "x.xml", Options{SiteDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key      string
		n        int
		examples []string
	}{
		{"attachment (used by the posts)", 3, []string{"attachment 1 shown.jpg", "attachment 3 listed.png", "attachment 4 cover.jpg"}},
		{"attachment not used by any post or page", 1, []string{"attachment 2 unused.jpg"}},
		{"post type nav_menu_item", 1, []string{`item 20 "Menu"`}},
		{"post type revision", 1, []string{`item 21 "Old"`}},
		{"[poll]", 0, []string{`item 10 "Post"`}},
	}
	for _, tt := range tests {
		if sum.Skipped[tt.key] != tt.n || !slices.Equal(sum.Examples[tt.key], tt.examples) {
			t.Errorf("%s: %d %q; want %d %q", tt.key, sum.Skipped[tt.key], sum.Examples[tt.key], tt.n, tt.examples)
		}
	}
	if !strings.Contains(sum.String(), "  1 attachment not used by any post or page: attachment 2 unused.jpg\n") {
		t.Errorf("the summary does not list the unused attachment:\n%s", sum)
	}
}

// snapshot lists a site folder's files and contents, to check that a
// failed import left it untouched.
func snapshot(t *testing.T, site string) map[string]string {
	t.Helper()
	files := sitetest.ReadTree(t, site)
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), sitewriter.StagingPrefix) {
			t.Errorf("staging folder %s left in the site", e.Name())
		}
	}
	return files
}

func TestImportBadInput(t *testing.T) {
	full, err := os.ReadFile("testdata/wxr-1.2.xml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		want    []string // parts of the message
	}{
		{"not-xml.txt", mustRead(t, "testdata/bad/not-xml.txt"), ErrNotXML, []string{"not-xml.txt:1: ", "starts with text"}},
		{"empty.xml", nil, ErrNotXML, []string{"empty.xml:1: ", "no XML element"}},
		{"binary.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotXML, []string{"binary.png:"}},
		{"html.html", []byte("<!DOCTYPE html>\n<html><body><p>Hi<br></body></html>"), ErrNotWXR, []string{"html.html:2: ", "<html>"}},
		{"truncated.xml", mustRead(t, "testdata/bad/truncated.xml"), ErrTruncated, []string{"truncated.xml:35: ", "the <item> that starts on line 30"}},
		{"cut-in-content.xml", full[:bytes.Index(full, []byte("A second paragraph"))], ErrTruncated, []string{"cut-in-content.xml:40: ", "line 30"}},
		{"no-channel-end.xml", full[:bytes.Index(full, []byte("</channel>"))], ErrTruncated, []string{"inside <channel>"}},
		{"rss-feed.xml", mustRead(t, "testdata/bad/rss-feed.xml"), ErrNotWXR, []string{"rss-feed.xml:2: ", "RSS feed"}},
		{"blogger.xml", mustRead(t, "testdata/bad/blogger.xml"), ErrNotWXR, []string{"blogger.xml:2: ", "Blogger"}},
		{"atom.xml", []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry/></feed>`), ErrNotWXR, []string{"atom.xml:1: ", "Atom feed"}},
		{"other-root.xml", []byte("<?xml version=\"1.0\"?>\n<urlset/>"), ErrNotWXR, []string{"other-root.xml:2: ", "<urlset>"}},
		{"mismatched.xml", bytes.Replace(full, []byte("</wp:post_name>"), []byte("</wp:post_nam>"), 1), ErrNotXML, []string{"mismatched.xml:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			sitetest.WriteTree(t, site, map[string]string{"content/posts/mine.md": "---\ntitle: Mine\n---\n", "content/authors/ana.md": keptAuthor})
			before := snapshot(t, site)
			_, err := Import(context.Background(), bytes.NewReader(tt.data), tt.name, Options{SiteDir: site})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			for _, part := range tt.want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
			if after := snapshot(t, site); !maps.Equal(before, after) {
				t.Errorf("failed import changed the site: %v", after)
			}
		})
	}
}

// TestImportTruncatedAnywhere cuts the export at many places: every cut is
// an error that leaves the site untouched, never a partial import.
func TestImportTruncatedAnywhere(t *testing.T) {
	full := mustRead(t, "testdata/wxr-1.2.xml")
	end := bytes.LastIndex(full, []byte("</rss>"))
	for cut := 0; cut < end; cut += 211 {
		site := t.TempDir()
		_, err := Import(context.Background(), onlyReader{bytes.NewReader(full[:cut])}, "cut.xml", Options{SiteDir: site})
		if err == nil {
			t.Fatalf("cut at %d: no error", cut)
		}
		if !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrNotXML) {
			t.Errorf("cut at %d: %v", cut, err)
		}
		if files := snapshot(t, site); len(files) != 0 {
			t.Fatalf("cut at %d: wrote %v", cut, slices.Collect(maps.Keys(files)))
		}
	}
}

func TestImportCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	site := t.TempDir()
	_, err := Import(ctx, bytes.NewReader(mustRead(t, "testdata/wxr-1.2.xml")), "x.xml", Options{SiteDir: site})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if files := snapshot(t, site); len(files) != 0 {
		t.Fatalf("wrote %v", files)
	}
}

func TestImportMissingSite(t *testing.T) {
	_, err := Import(context.Background(), strings.NewReader(""), "x.xml", Options{SiteDir: filepath.Join(t.TempDir(), "none")})
	if err == nil || !strings.HasPrefix(err.Error(), "x.xml: ") {
		t.Fatalf("err = %v", err)
	}
}

func mustRead(t testing.TB, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const keptOwn = "kept the site's own file (--force replaces it)"

// TestImportKeepsTheSitesOwnFiles holds that a page of the site is not
// replaced by an imported one unless forced, and is counted.
func TestImportKeepsTheSitesOwnFiles(t *testing.T) {
	site := t.TempDir()
	about := filepath.Join(site, "content/pages/about.md")
	own := "---\ntitle: Our own about page\n---\nOurs.\n"
	if err := os.MkdirAll(filepath.Dir(about), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(about, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		force    bool
		kept     int
		keepsOwn bool
	}{{false, 1, true}, {true, 0, false}} {
		sum, err := Import(context.Background(), bytes.NewReader(mustRead(t, "testdata/wxr-1.2.xml")), "x.xml", Options{SiteDir: site, Force: tt.force})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(about)
		if got := string(b) == own; got != tt.keepsOwn || sum.Skipped[keptOwn] != tt.kept {
			t.Errorf("force %v: kept own page %v, counted %d; want %v, %d", tt.force, got, sum.Skipped[keptOwn], tt.keepsOwn, tt.kept)
		}
	}
}
