package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/cli"
)

// intakePost is the demo post the comment tests write on.
const (
	intakePost = "writing-a-comment-policy"
	intakePage = "/2019/05/writing-a-comment-policy/"
	goodReply  = "We tried a written policy for a year and the number of comments we had to delete by hand fell by two thirds"
)

// intakeSite is a copy of the demo blog, served as blogen build makes it
// by a plain static file server, with its comments taken by blogen
// comments serve on another port.
type intakeSite struct {
	t      *testing.T
	dir    string
	static string // the static server's URL
	addr   string // the intake's address
	stop   context.CancelFunc
	exited chan int
}

func newIntakeSite(t *testing.T) *intakeSite {
	s := &intakeSite{t: t, dir: t.TempDir()}
	root := RepoRoot(t)
	if err := os.CopyFS(filepath.Join(s.dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(s.dir, "public"))))
	t.Cleanup(srv.Close)
	s.static = srv.URL
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	ln.Close()
	toml, err := os.ReadFile(filepath.Join(root, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	toml = bytes.Replace(toml, []byte(`endpoint = "/comments"`), []byte(`endpoint = "http://`+s.addr+`/comments"`), 1)
	toml = bytes.Replace(toml, []byte(`base_url = "https://demo.blogen.dev/"`), []byte(`base_url = "`+s.static+`/"`), 1)
	toml = append(toml, "\n[comments.intake]\nflood_seconds = 0\n"...)
	if err := os.WriteFile(filepath.Join(s.dir, "site.toml"), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	s.build()
	s.start()
	t.Cleanup(s.halt)
	return s
}

// build builds the site into its public folder, as blogen build does.
func (s *intakeSite) build() {
	s.t.Helper()
	if _, err := build.Build(context.Background(), build.Options{SiteDir: s.dir, NoCache: true, Now: demoNow}); err != nil {
		s.t.Fatal(err)
	}
}

// start runs blogen comments serve and waits until it answers.
func (s *intakeSite) start() {
	s.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s.stop, s.exited = cancel, make(chan int, 1)
	var out bytes.Buffer
	go func() {
		s.exited <- cli.Main(ctx, []string{"comments", "serve", "-s", s.dir, "--addr", s.addr}, &out, &out)
	}()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if res, err := http.Get("http://" + s.addr + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatal("blogen comments serve does not answer")
		}
	}
}

// halt stops blogen comments serve, as SIGTERM does.
func (s *intakeSite) halt() {
	if s.stop == nil {
		return
	}
	s.stop()
	if code := <-s.exited; code != 0 {
		s.t.Errorf("blogen comments serve exited with %d", code)
	}
	s.stop = nil
}

// files counts the comment files of the post that hold text.
func (s *intakeSite) files(text string) int {
	entries, _ := os.ReadDir(filepath.Join(s.dir, "content", "comments", intakePost))
	n := 0
	for _, e := range entries {
		src, _ := os.ReadFile(filepath.Join(s.dir, "content", "comments", intakePost, e.Name()))
		if bytes.Contains(src, []byte(text)) {
			n++
		}
	}
	return n
}

// fill is JavaScript that fills the comment form.
func fill(text string) string {
	return fmt.Sprintf(`(function () {
	  var f = document.querySelector("[data-comment-form]");
	  f.elements.name.value = "Rosa Diaz";
	  f.elements.email.value = "rosa@example.org";
	  f.elements.comment.value = %q;
	  f.elements.comment.dispatchEvent(new Event("input", {bubbles: true}));
	  return true;
	})()`, text)
}

const submitJS = `(function () { document.querySelector("[data-comment-form] button[type=submit]").click(); return true; })()`

// TestIntakeInTheBrowser is the comment form of a deployed site, end to
// end in Chromium.
func TestIntakeInTheBrowser(t *testing.T) {
	s := newIntakeSite(t)
	ctx := serveTab(t, serveBrowser(t))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	run := func(expr string) {
		t.Helper()
		_, err := serveEval[bool](ctx, expr)
		must(err)
	}
	status := `document.querySelector("[data-comment-status]").textContent`
	serveNavigate(t, ctx, s.static+intakePage)

	// A reader posts a comment and sees it awaiting moderation, as it
	// will appear.
	run(fill(goodReply + " first."))
	run(submitJS)
	must(pollServeJS(ctx, status+`.indexOf("awaiting moderation") >= 0`, 10*time.Second))
	must(pollServeJS(ctx, `document.querySelector("[data-comment-preview]").textContent.indexOf("first.") >= 0`, time.Second))
	id, err := serveEval[string](ctx, `document.querySelector("[data-comment-form]").getAttribute("data-sent")`)
	must(err)
	if s.files(goodReply+" first.") != 1 || id == "" {
		t.Fatalf("the comment is not on disk once (id %q)", id)
	}

	// A comment the policy rejects shows the reasons and keeps the text.
	run(fill("Great post!"))
	run(submitJS)
	must(pollServeJS(ctx, `document.querySelectorAll("[data-comment-reasons] li").length > 0`, 10*time.Second))
	if got, _ := serveEval[string](ctx, `document.querySelector("[data-comment-reasons]").textContent + "|" + document.querySelector("[data-comment-form]").elements.comment.value`); !strings.Contains(got, "brief") || !strings.HasSuffix(got, "|Great post!") {
		t.Errorf("after a rejection: %q; want the reasons and the text kept", got)
	}

	// With the intake stopped, the text survives a reload, and the retry
	// does not duplicate it.
	s.halt()
	third := goodReply + " third."
	run(fill(third))
	run(submitJS)
	must(pollServeJS(ctx, status+`.indexOf("cannot be reached") >= 0 && !document.querySelector("[data-comment-retry]").hidden`, 10*time.Second))
	serveNavigate(t, ctx, s.static+intakePage)
	must(pollServeJS(ctx, fmt.Sprintf(`document.querySelector("[data-comment-form]").elements.comment.value === %q`, third), 5*time.Second))
	s.start()
	// The same form, sent twice more as a lost answer would make the
	// script send it, then the retry.
	run(`(function () { var f = document.querySelector("[data-comment-form]"); var b = new URLSearchParams(new FormData(f));
	  window.__twice = Promise.all([1, 2].map(function () { return fetch(f.action, {method: "POST", body: b, headers: {Accept: "application/json"}}); })); return true; })()`)
	must(pollServeJS(ctx, `window.__twice !== undefined`, time.Second))
	_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.__twice`, chromedp.EvalAwaitPromise))
	must(err)
	run(submitJS)
	must(pollServeJS(ctx, status+`.indexOf("awaiting moderation") >= 0`, 10*time.Second))
	if n := s.files(third); n != 1 {
		t.Errorf("the retried comment is on disk %d times; want once", n)
	}

	// With JavaScript off, the plain POST comes back to the post with
	// the notice.
	_, err = chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	must(err)
	serveNavigate(t, ctx, s.static+intakePage)
	run(fill(goodReply + " fourth, without script."))
	run(`(function () { document.querySelector("[data-comment-form]").submit(); return true; })()`)
	must(pollServeJS(ctx, `location.hash === "#comment-pending" && location.pathname === "`+intakePage+`"`, 10*time.Second))
	must(pollServeJS(ctx, `getComputedStyle(document.getElementById("comment-pending")).display !== "none"`, 5*time.Second))
	if s.files(goodReply+" fourth, without script.") != 1 {
		t.Error("the plain POST's comment is not on disk")
	}
	_, err = chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false})
	must(err)

	// After comments approve and a build, the comment is on the page.
	var out bytes.Buffer
	if code := cli.Main(context.Background(), []string{"comments", "approve", intakePost + "/" + id, "-s", s.dir}, &out, &out); code != 0 {
		t.Fatalf("comments approve: %d\n%s", code, &out)
	}
	s.build()
	serveNavigate(t, ctx, s.static+intakePage)
	must(pollServeJS(ctx, fmt.Sprintf(`(document.getElementById("comment-%s") || {textContent: ""}).textContent.indexOf("first.") >= 0`, id), 5*time.Second))
}
