package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitetest"
)

// liveSite is the site the live-reload tests edit.
const liveSite = `
-- site.toml --
title = "Live"
base_url = "https://example.org/"
minify = false
[pagination]
per_page = 5
-- content/authors/ana.md --
---
name: Ana Ruiz
---
Ana writes about care.
-- content/posts/older.md --
---
title: An older post
date: 2024-01-02
author: ana
tags: [Care]
featured: true
---
The older post.
-- content/posts/edited.md --
---
title: The edited post
date: 2024-02-03
author: ana
tags: [Care]
---
The first version of the text.
-- static/theme/style.css --
body { background-color: rgb(1, 2, 3); }
`

// liveConnected holds once the page has loaded and listens for changes.
const liveConnected = `document.readyState === "complete" && window.blogenLiveReload?.connected === true`

// liveWait is how long a browser may take to show a change: far more than it
// needs, so that a loaded machine does not fail the tests.
const liveWait = 15 * time.Second

// live is one test's site, server and browser tab.
type live struct {
	t   *testing.T
	dir string
	srv *served
	ctx context.Context
}

func (l *live) path(rel string) string { return filepath.Join(l.dir, filepath.FromSlash(rel)) }

func (l *live) open(page string) {
	l.t.Helper()
	serveNavigate(l.t, l.ctx, l.srv.url+page[1:])
	l.waitFor(liveConnected)
}

// waitFor waits until a JavaScript expression holds in the tab; when it
// never does, the failure shows the page's text and what serve printed.
func (l *live) waitFor(expr string) {
	l.t.Helper()
	if err := pollServeJS(l.ctx, expr, liveWait); err != nil {
		text, _ := serveEval[string](l.ctx, "document.body.textContent")
		l.t.Fatalf("%v\npage text: %q\nserve printed:\n%s%s", err, text, l.srv.stdout, l.srv.stderr)
	}
}

func (l *live) post(text string) []byte {
	return []byte("---\ntitle: The edited post\ndate: 2024-02-03\nauthor: ana\ntags: [Care]\n---\n" + text + "\n")
}

func (l *live) must(err error) {
	l.t.Helper()
	if err != nil {
		l.t.Fatal(err)
	}
}

func (l *live) status(page string) int {
	l.t.Helper()
	req, err := http.NewRequest("GET", l.srv.url+page[1:], nil)
	l.must(err)
	req.Close = true
	resp, err := http.DefaultClient.Do(req)
	l.must(err)
	resp.Body.Close()
	return resp.StatusCode
}

// TestServeInChromium edits a site under blogen serve while Chromium
// shows it, and checks that the browser follows by itself.
func TestServeInChromium(t *testing.T) {
	serveNoLeaks(t)
	browserCtx := serveBrowser(t)
	const post = "/2024/02/edited/"
	tests := []struct {
		name string
		run  func(l *live)
	}{
		{"an edit shows without touching the browser", func(l *live) {
			l.open(post)
			l.must(os.WriteFile(l.path("content/posts/edited.md"), l.post("A sentence written in place."), 0o644))
			l.waitFor(pageHas("A sentence written in place."))
		}},
		{"an atomic save through a renamed temporary file", func(l *live) {
			l.open(post)
			l.must(writeAtomically(l.path("content/posts/edited.md"), l.post("A sentence saved atomically.")))
			l.waitFor(pageHas("A sentence saved atomically."))
		}},
		{"a save the way vim makes it", func(l *live) {
			l.open(post)
			l.must(writeLikeVim(l.path("content/posts/edited.md"), l.post("A sentence saved by vim.")))
			l.waitFor(pageHas("A sentence saved by vim."))
		}},
		{"fifty saves in a second end with the last", func(l *live) {
			l.open(post)
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			for i := 1; i <= 50; i++ {
				<-tick.C
				l.must(writeAtomically(l.path("content/posts/edited.md"), l.post(fmt.Sprintf("Save number %d.", i))))
			}
			l.waitFor(pageHas("Save number 50."))
			if got, err := serveEval[bool](l.ctx, pageHas("Save number 49.")); err != nil || got {
				l.t.Errorf("the page shows an older save too (%v)", err)
			}
		}},
		{"a new post appears on the home page", func(l *live) {
			l.open("/")
			l.must(os.WriteFile(l.path("content/posts/newest.md"),
				[]byte("---\ntitle: A brand new post\ndate: 2024-05-06\nauthor: ana\ntags: [Care]\n---\nNew.\n"), 0o644))
			l.waitFor(pageHas("A brand new post"))
			l.open("/tags/care/")
			l.waitFor(pageHas("A brand new post"))
		}},
		{"a renamed post moves", func(l *live) {
			l.open("/")
			l.must(os.Rename(l.path("content/posts/older.md"), l.path("content/posts/renamed.md")))
			l.waitFor(`document.querySelector('a[href="/2024/01/renamed/"]') !== null`)
			if got := l.status("/2024/01/older/"); got != 404 {
				l.t.Errorf("the old address answers %d, want 404", got)
			}
		}},
		{"a deleted post returns 404", func(l *live) {
			l.open(post)
			l.must(os.Remove(l.path("content/posts/edited.md")))
			l.waitFor(`document.body.classList.contains("kind-404")`)
			if got := l.status(post); got != 404 {
				l.t.Errorf("the deleted post answers %d, want 404", got)
			}
		}},
		{"broken front matter shows the overlay and the fix removes it", func(l *live) {
			l.open(post)
			l.must(os.WriteFile(l.path("content/posts/edited.md"), []byte("---\ntitle: The edited post\ndate: 2024-13-45\n---\nBroken.\n"), 0o644))
			l.waitFor(`(document.getElementById("blogen-overlay") || {}).textContent?.includes("content/posts/edited.md:3: ")`)
			if got := l.status(post); got != 200 {
				l.t.Errorf("while broken, the post answers %d; want the last good version", got)
			}
			l.must(os.WriteFile(l.path("content/posts/edited.md"), l.post("Fixed again."), 0o644))
			l.waitFor(`document.getElementById("blogen-overlay") === null && ` + pageHas("Fixed again."))
		}},
		{"a broken template shows the overlay", func(l *live) {
			l.open(post)
			l.must(os.MkdirAll(l.path("layouts"), 0o755))
			l.must(os.WriteFile(l.path("layouts/post.html"), []byte("{{define \"main\"}}{{.Nope}{{end}}\n"), 0o644))
			l.waitFor(`(document.getElementById("blogen-overlay") || {}).textContent?.includes("layouts/post.html")`)
			l.must(os.Remove(l.path("layouts/post.html")))
			l.waitFor(`document.getElementById("blogen-overlay") === null`)
		}},
		{"a text edit updates the page in place and keeps its scroll position", func(l *live) {
			long := strings.Repeat("A paragraph that makes the page long enough to scroll.\n\n", 150)
			l.must(os.WriteFile(l.path("content/posts/edited.md"), l.post(long+"The end, first version."), 0o644))
			l.open(post)
			l.waitFor(pageHas("The end, first version."))
			_, err := serveEval[bool](l.ctx, `window.scrollTo(0, 1200), window.blogenNoReload = true`)
			l.must(err)
			l.must(os.WriteFile(l.path("content/posts/edited.md"), l.post(long+"The end, second version."), 0o644))
			l.waitFor(pageHas("The end, second version.") + ` && !(` + pageHas("first version") + `)`)
			for what, expr := range map[string]string{
				"the page was reloaded":              `window.blogenNoReload === true && window.blogenLiveReload.updates >= 1`,
				"the scroll position was lost":       `window.scrollY === 1200`,
				"the page differs from a fresh load": `fetch(location.href).then(r => r.text()).then(t => new DOMParser().parseFromString(t, "text/html").body.textContent === document.body.textContent)`,
			} {
				if ok, err := serveEvalAwait[bool](l.ctx, expr); err != nil || !ok {
					got, _ := serveEval[string](l.ctx, `JSON.stringify([window.blogenNoReload, window.blogenLiveReload, window.scrollY])`)
					l.t.Errorf("%s (%v) %s", what, err, got)
				}
			}
		}},
		{"a change to an element the theme script enhanced reloads the page", func(l *live) {
			l.open("/")
			_, err := serveEval[bool](l.ctx, `window.blogenNoReload = true`)
			l.must(err)
			l.must(os.WriteFile(l.path("content/posts/older.md"),
				[]byte("---\ntitle: A retitled featured post\ndate: 2024-01-02\nauthor: ana\ntags: [Care]\nfeatured: true\n---\nThe older post.\n"), 0o644))
			l.waitFor(`document.querySelector("[data-carousel]")?.textContent.includes("A retitled featured post")`)
			l.waitFor(liveConnected)
			if ok, err := serveEval[bool](l.ctx, `window.blogenNoReload === undefined && document.querySelector("[data-carousel]").hasAttribute("data-enhanced")`); err != nil || !ok {
				l.t.Errorf("the carousel changed in place instead of the page being loaded again (%v)", err)
			}
		}},
		{"a stylesheet edit applies without a reload", func(l *live) {
			l.open(post)
			_, err := serveEval[bool](l.ctx, `window.blogenNoReload = true`)
			l.must(err)
			l.waitFor(`getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
			l.must(writeAtomically(l.path("static/theme/style.css"), []byte("body { background-color: rgb(4, 5, 6); }\n")))
			l.waitFor(`getComputedStyle(document.body).backgroundColor === "rgb(4, 5, 6)"`)
			if still, err := serveEval[bool](l.ctx, `window.blogenNoReload === true`); err != nil || !still {
				l.t.Errorf("the page was reloaded (%v)", err)
			}
		}},
		{"the page reconnects and reloads after the server restarts", func(l *live) {
			l.open(post)
			l.srv.stop()
			l.must(os.WriteFile(l.path("content/posts/edited.md"), l.post("Written while the server was down."), 0o644))
			l.srv = startServe(l.t, l.dir, "--port", l.srv.port)
			l.waitFor(pageHas("Written while the server was down."))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Write(t, liveSite)
			l := &live{t: t, dir: s.Dir, srv: startServe(t, s.Dir), ctx: serveTab(t, browserCtx)}
			tt.run(l)
		})
	}
}
