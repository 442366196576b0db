package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/blogen/blogen/internal/build"
)

// demoNow is the clock of the demo builds, so that the set of published
// posts (and so every page the browser sees) is the same on every run.
var demoNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// The demo blog is built once per test binary, into demoDir, and removed
// by TestMain.
var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// TestMain removes the shared build of the demo blog after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// builtDemo returns the folder of the demo blog as `blogen build` makes
// it: minified, without drafts or future posts.
func builtDemo(t testing.TB) string {
	t.Helper()
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "blogen-e2e-")
		if demoErr != nil {
			return
		}
		_, demoErr = build.Build(context.Background(), build.Options{SiteDir: RepoRoot(t), OutDir: filepath.Join(demoDir, "public"), Now: demoNow})
	})
	if demoErr != nil {
		t.Fatalf("the demo blog does not build:\n%v", demoErr)
	}
	return filepath.Join(demoDir, "public")
}

// serveDemo serves the built demo blog on a local test server and returns
// its URL (without a trailing slash).
func serveDemo(t testing.TB) string {
	t.Helper()
	return serveDir(t, builtDemo(t))
}

// serveDir serves a built site on a local test server and returns its
// URL (without a trailing slash).
func serveDir(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// tab is one headless Chromium with one tab, started for one test.
type tab struct {
	t    testing.TB
	ctx  context.Context
	base string // the test server's URL

	mu     sync.Mutex
	errors []string // uncaught exceptions and console errors
}

// browserTimeout bounds every browser test, start of Chromium included.
const browserTimeout = 90 * time.Second

// newTab starts Chromium with the flags that keep it quiet on a closed
// network, opens a tab of width×height CSS pixels and serves the demo blog
// to it. Page errors (uncaught exceptions, console errors, failed loads)
// fail the test when it ends.
func newTab(t testing.TB, width, height int64) *tab {
	t.Helper()
	return newTabOn(t, serveDemo(t), width, height)
}

// newTabOn is newTab on the site served at base.
func newTabOn(t testing.TB, base string, width, height int64) *tab {
	t.Helper()
	exe := Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, append(quietChromium(t, exe), chromedp.WindowSize(int(width), int(height)))...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	tb := &tab{t: t, ctx: bctx, base: base}
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("cannot start %s: %v", exe, err)
	}
	messages := chromedp.Console(bctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				tb.mu.Lock()
				tb.errors = append(tb.errors, fmt.Sprintf("%s:%d: %s", m.URL, m.Line+1, m))
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, e := range tb.errors {
			t.Errorf("page error: %s", e)
		}
	})
	tb.do(chromedp.EmulateViewport(width, height))
	return tb
}

// quietChromium returns the options that start the Chromium exe headless,
// as root, with a profile of its own, and without the requests it makes
// by itself (updates, sync, QUIC probes), which hang on a closed network.
func quietChromium(t testing.TB, exe string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
}

// do runs actions in the tab and fails the test on an error.
func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

// open loads a path of the demo blog and waits for its load event.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.base + path))
}

// eval evaluates a JavaScript expression in the page, awaiting a promise,
// and decodes its value.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s\n%v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true, on every
// animation frame, and fails the test with what if it never is.
func (tb *tab) waitFor(cond, what string) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		tb.t.Fatalf("%s: %v\n(waited for %s)", what, err, cond)
	}
}

// media emulates CSS media features, such as prefers-color-scheme; the
// emulation holds for later navigations too.
func (tb *tab) media(features map[string]string) {
	tb.t.Helper()
	var fs []*emulation.MediaFeature
	for name, value := range features {
		fs = append(fs, &emulation.MediaFeature{Name: name, Value: value})
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: fs}); err != nil {
		tb.t.Fatal(err)
	}
}

// loadAllImages makes lazy images load now and waits until every image of
// the page has loaded, so that a test sees the page as it finally is.
func (tb *tab) loadAllImages() {
	tb.t.Helper()
	eval[chromedp.Void](tb, `document.querySelectorAll('img[loading="lazy"]').forEach(function (i) { i.loading = "eager"; })`)
	tb.waitFor(`document.readyState === "complete" && Array.prototype.every.call(document.images, function (i) { return i.complete; })`, "the images of "+tb.location()+" do not load")
}

// recordRequests records the URL of every request the tab makes from now
// on, and returns a function that gives those recorded so far.
func (tb *tab) recordRequests() func() []string {
	tb.t.Helper()
	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(tb.ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		tb.t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(urls)
	}
}

// location is the path of the page the tab shows.
func (tb *tab) location() string {
	tb.t.Helper()
	u, err := chromedp.Run(tb.ctx, chromedp.Location())
	if err != nil {
		tb.t.Fatal(err)
	}
	return strings.TrimPrefix(u, tb.base)
}
