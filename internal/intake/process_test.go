package intake

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// The blogen binary is built once per test binary, for the tests that run
// blogen comments serve as a process.
var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// blogenBinary builds cmd/blogen and returns its path.
func blogenBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the blogen binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "blogen-intake-bin-")
		if err != nil {
			binErr = err
			return
		}
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		binPath = filepath.Join(dir, "blogen")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/blogen")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// testSiteToml is the site.toml of the process tests: no flood limit, a
// pending cap high enough for the bursts.
const testSiteToml = `title = "T"
base_url = "https://blog.example.org/"
[comments.intake]
flood_seconds = 0
max_pending_per_post = 100000
`

// writeSite writes a site with one post, "a", into dir.
func writeSite(t testing.TB, dir, extraToml string) {
	t.Helper()
	files := map[string]string{
		"site.toml":          testSiteToml + extraToml,
		"content/posts/a.md": "---\ntitle: A post\ndate: 2020-01-01\n---\nThe post.\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// intakeProc is one blogen comments serve process.
type intakeProc struct {
	cmd    *exec.Cmd
	url    string // of the endpoint
	stderr *strings.Builder
	done   chan struct{} // closed when the process has exited
	err    error         // of Wait, once done is closed
}

// wait waits for the process to exit and returns its Wait error.
func (p *intakeProc) wait() error {
	<-p.done
	return p.err
}

var listening = regexp.MustCompile(`at (http://\S+/comments)`)

// startIntake starts blogen comments serve on a free port and waits until
// it takes comments.
func startIntake(t testing.TB, site string, args ...string) *intakeProc {
	t.Helper()
	cmd := exec.Command(blogenBinary(t), append([]string{"comments", "serve", "-s", site, "--addr", "127.0.0.1:0"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &intakeProc{cmd: cmd, stderr: &strings.Builder{}, done: make(chan struct{})}
	cmd.Stderr = &lockedWriter{w: p.stderr}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-p.done })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		_, _ = io.Copy(io.Discard, out)
		p.err = cmd.Wait()
		close(p.done)
	}()
	select {
	case p.url = <-found:
	case <-time.After(30 * time.Second):
		t.Fatalf("blogen comments serve did not start:\n%s", p.stderr)
	}
	return p
}

// lockedWriter is a writer safe for concurrent use.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// answerID finds the id in an answer.
var answerID = regexp.MustCompile(`"id":"([^"]+)"`)

// sendComment posts a good comment with a text of its own, and returns
// the status and the id of the answer.
func sendComment(ctx context.Context, c *http.Client, endpoint, post, text, client string) (int, string, error) {
	v := form("post", post, "comment", text)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(v.Encode()))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Origin", "https://blog.example.org")
	if client != "" {
		req.Header.Set("X-Forwarded-For", client)
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, "", err
	}
	id := answerID.FindSubmatch(body)
	if id == nil {
		return res.StatusCode, "", nil
	}
	return res.StatusCode, string(id[1]), nil
}

// uniqueText is a comment that passes the policy, numbered.
func uniqueText(n int) string {
	return fmt.Sprintf("%s Reply number %d.", goodText, n)
}
