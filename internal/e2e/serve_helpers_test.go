package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"go.uber.org/goleak"

	"github.com/blogen/blogen/internal/cli"
)

// serveNoLeaks checks, once the test and its cleanups are done, that no
// goroutine it started is left. regexp2 (used by the syntax highlighter)
// keeps a clock goroutine for a second after each use, which ends by
// itself.
func serveNoLeaks(t testing.TB) {
	opts := []goleak.Option{goleak.IgnoreCurrent(), goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock")}
	t.Cleanup(func() {
		if err := goleak.Find(opts...); err != nil {
			t.Error(err)
		}
	})
}

// serveBrowser starts a headless Chromium for the test and returns its first
// tab; tabs opened from it share the browser.
func serveBrowser(t testing.TB) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], quietChromium(t, Chromium(t))...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot start Chromium: %v", err)
	}
	return ctx
}

// serveTab opens a new tab of the browser for one subtest.
func serveTab(t testing.TB, browserCtx context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot open a tab: %v", err)
	}
	return ctx
}

// serveNavigate opens url in the tab.
func serveNavigate(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

// serveEval evaluates a JavaScript expression in the tab.
func serveEval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// serveEvalAwait evaluates a JavaScript expression whose value is a
// promise, and returns what the promise resolves to.
func serveEvalAwait[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) { p.AwaitPromise = ptrTo(true) }))
}

func ptrTo[T any](v T) *T { return &v }

// pollServeJS evaluates a JavaScript expression in the tab until it is
// true. Errors while the page reloads are taken as false.
func pollServeJS(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := serveEval[bool](ctx, expr)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("waited %v in vain for %s (last error: %v)", timeout, expr, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		time.Sleep(time.Millisecond)
	}
}

// pageHas is a JavaScript expression: the page's text contains s.
func pageHas(s string) string {
	return fmt.Sprintf("document.body !== null && document.body.textContent.includes(%s)", strconv.Quote(s))
}

// serveOutput is a bytes.Buffer safe for concurrent use.
type serveOutput struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *serveOutput) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *serveOutput) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// served is a blogen serve command running in the test binary.
type served struct {
	url            string
	port           string
	stdout, stderr *serveOutput
	stop           func()
}

var servingAt = regexp.MustCompile(`Serving .* at (http://127\.0\.0\.1:(\d+)/)`)

// startServe runs blogen serve on dir (with --port 0 unless args say) until
// the test ends or stop is called, and waits until it serves.
func startServe(t testing.TB, dir string, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{stdout: &serveOutput{}, stderr: &serveOutput{}}
	done := make(chan int, 1)
	go func() {
		done <- cli.Serve(ctx, append([]string{"-s", dir, "--port", "0"}, args...), s.stdout, s.stderr)
	}()
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("serve exited with %d: %s", code, s.stderr)
				}
			case <-time.After(10 * time.Second):
				t.Error("serve did not stop within 10s")
			}
		})
	}
	t.Cleanup(s.stop)
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(5 * time.Millisecond) {
		if m := servingAt.FindStringSubmatch(s.stdout.String()); m != nil {
			s.url, s.port = m[1], m[2]
			return s
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d:\n%s", code, s.stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", s.stderr)
		}
	}
}

// writeAtomically saves a file the way many editors do: a temporary file
// beside it, renamed over it.
func writeAtomically(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}

// writeLikeVim saves a file the way vim does by default: the file is
// renamed to a backup, written anew, and the backup removed.
func writeLikeVim(path string, data []byte) error {
	dir := filepath.Dir(path)
	probe := filepath.Join(dir, "4913")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		return err
	}
	if err := os.Remove(probe); err != nil {
		return err
	}
	if err := os.Rename(path, path+"~"); err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	return os.Remove(path + "~")
}
