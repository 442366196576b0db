package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// demoPages lists the path of every HTML page of the built demo blog,
// leaving out the redirects of aliases (which leave for their target at
// once).
func demoPages(t *testing.T) []string {
	t.Helper()
	dir := builtDemo(t)
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `http-equiv="refresh"`) {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

// TestNoRequestToOtherHosts loads every page of the demo blog, lets every
// lazy image load, and fails if the browser asked any host but the test
// server for anything: no fonts, scripts, images or beacons from third
// parties.
func TestNoRequestToOtherHosts(t *testing.T) {
	tb := newTab(t, 1366, 900)
	var mu sync.Mutex
	var requests [][2]string // the page and the URL it asked for
	if err := chromedp.Listen(tb.ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, [2]string{e.DocumentURL, e.Request.URL})
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(tb.base)
	if err != nil {
		t.Fatal(err)
	}
	pages := demoPages(t)
	if len(pages) < 30 {
		t.Fatalf("the demo blog has only %d pages", len(pages))
	}
	for _, p := range pages {
		tb.open(p)
		tb.loadAllImages()
	}
	// Listen sees a tab's events in order, before the replies to later
	// commands: once this navigation is done, every request is recorded.
	tb.do(chromedp.Navigate("about:blank"))
	mu.Lock()
	defer mu.Unlock()
	local := 0
	for _, r := range requests {
		u, err := url.Parse(r[1])
		switch {
		case err != nil:
			t.Errorf("%s: unreadable request URL %q", r[0], r[1])
		case u.Scheme == "data" || u.Scheme == "about":
		case u.Host != base.Host:
			t.Errorf("%s requested %s", strings.TrimPrefix(r[0], tb.base), r[1])
		default:
			local++
		}
	}
	if local < len(pages) {
		t.Errorf("saw %d requests to the test server for %d pages; the listener missed some", local, len(pages))
	}
}
