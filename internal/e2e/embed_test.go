package e2e

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/importer/wordpress"
	"github.com/blogen/blogen/internal/sitetest"
)

// TestEmbedLoadsNothingUntilAsked opens a post with a YouTube video:
// the browser asks no other host for anything (every such request is
// failed and recorded), and only a press of "Play here" puts the
// youtube-nocookie.com player in the page.
func TestEmbedLoadsNothingUntilAsked(t *testing.T) {
	Chromium(t)
	s := sitetest.Write(t, "-- content/posts/talk.md --\n---\ntitle: A talk\ndate: 2020-01-01\n---\nThe talk:\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo 55073825 >}}\n")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: s.Dir, OutDir: s.Out, Now: demoNow}); err != nil {
		t.Fatal(err)
	}
	tb := newTabOn(t, serveDir(t, s.Out), 1366, 900)
	base, err := url.Parse(tb.base)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var others []string
	if err := chromedp.Listen(tb.ctx, func(ev any) {
		e, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		u, err := url.Parse(e.Request.URL)
		if err == nil && u.Host == base.Host {
			go chromedp.Call(tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
			return
		}
		mu.Lock()
		others = append(others, e.Request.URL)
		mu.Unlock()
		go chromedp.Call(tb.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatal(err)
	}
	tb.open("/2020/01/talk/")
	tb.waitFor(`document.querySelectorAll(".embed-play").length === 2`, "no Play here buttons")
	tb.loadAllImages()
	if n := eval[int](tb, `document.querySelectorAll("iframe").length`); n != 0 {
		t.Errorf("%d iframes before the reader asked", n)
	}
	mu.Lock()
	if len(others) > 0 {
		t.Errorf("requests to other hosts before the click: %v", others)
	}
	mu.Unlock()

	tb.do(chromedp.Click(chromedp.CSS(".embed-youtube .embed-play")))
	tb.waitFor(`!!document.querySelector(".embed-youtube iframe")`, "no player after the click")
	src := eval[string](tb, `document.querySelector(".embed-youtube iframe").src`)
	if !strings.HasPrefix(src, "https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc") {
		t.Errorf("the player loads %s", src)
	}
	if n := eval[int](tb, `document.querySelectorAll("iframe").length`); n != 1 {
		t.Errorf("%d iframes after one click", n)
	}
	if focused := eval[bool](tb, `document.activeElement === document.querySelector(".embed-youtube iframe")`); !focused {
		t.Error("the focus did not move to the player")
	}
	// The player's own request, failed here, is the only one to another
	// host: it shows that the interception saw what the page asked for.
	// Events come in order, so once the tab has left the page every
	// request it made is recorded.
	tb.do(chromedp.Navigate("about:blank"))
	mu.Lock()
	defer mu.Unlock()
	if len(others) != 1 || !strings.HasPrefix(others[0], "https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc") {
		t.Errorf("requests to other hosts after the click: %v", others)
	}
}

// TestImportedWordPressPlayersPassTheNuHTMLChecker imports the WordPress test
// export (galleries, players, embeds) and checks every page it builds.
func TestImportedWordPressPlayersPassTheNuHTMLChecker(t *testing.T) {
	VNUJar(t)
	site := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(site, "site.toml"), []byte("title = \"Notes\"\nbase_url = \"https://example.org/\"\n"))
	export, err := os.ReadFile(filepath.Join(RepoRoot(t), "internal/importer/wordpress/testdata/wxr-1.2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wordpress.Import(context.Background(), bytes.NewReader(export), "wxr-1.2.xml", wordpress.Options{SiteDir: site}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: site, OutDir: out, Drafts: true, Future: true, Now: demoNow, NoCache: true}); err != nil {
		t.Fatalf("the imported site does not build:\n%v", err)
	}
	post, err := os.ReadFile(filepath.Join(out, "2013/06/conference/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`class="gallery gallery-columns-3"`, `<video controls`, `class="embed embed-youtube"`} {
		if !bytes.Contains(post, []byte(want)) {
			t.Errorf("the conference post lacks %s", want)
		}
	}
	for _, e := range validate(t, out) {
		t.Error(e)
	}
}
