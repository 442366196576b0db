package intake

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// gitRun runs git in dir and fails the test on an error.
func gitRun(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// gitRemote makes a bare remote holding a site, in a temporary folder
// root, for clones beside it.
func gitRemote(t testing.TB) (root, remote string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root = t.TempDir()
	remote = filepath.Join(root, "remote.git")
	gitRun(t, root, "init", "--quiet", "--bare", remote)
	seed := filepath.Join(root, "seed")
	gitRun(t, root, "clone", "--quiet", remote, seed)
	writeSite(t, seed, "git_author_name = \"Intake\"\ngit_author_email = \"intake@example.org\"\n")
	gitRun(t, seed, "add", ".")
	gitRun(t, seed, "commit", "--quiet", "-m", "site")
	gitRun(t, seed, "push", "--quiet", "origin", "HEAD")
	return root, remote
}

// TestGitPushFromTwoIntakes runs two intake processes, each in its own
// clone of one bare remote, with --git --push, sends comments to both at
// once, and checks that every comment of both is in the remote, one
// commit each.
func TestGitPushFromTwoIntakes(t *testing.T) {
	root, remote := gitRemote(t)
	var procs []*intakeProc
	for _, name := range []string{"a", "b"} {
		clone := filepath.Join(root, name)
		gitRun(t, root, "clone", "--quiet", remote, clone)
		procs = append(procs, startIntake(t, clone, "--git", "--push"))
	}
	ids := map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			p := procs[i%2]
			code, id, err := sendComment(context.Background(), http.DefaultClient, p.url, "a", uniqueText(i), fmt.Sprintf("10.0.0.%d", i))
			if err != nil || code != 202 {
				t.Errorf("comment %d: %d %v", i, code, err)
				return
			}
			mu.Lock()
			ids[id] = true
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, p := range procs {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
	}
	for _, p := range procs {
		if err := p.wait(); err != nil {
			t.Errorf("exit: %v\n%s", err, p.stderr)
		}
	}
	files := gitRun(t, root, "--git-dir", remote, "ls-tree", "-r", "--name-only", "HEAD", "content/comments/a/")
	for id := range ids {
		if !strings.Contains(files, "content/comments/a/"+id+".md") {
			t.Errorf("comment %s is not in the remote", id)
		}
	}
	log := gitRun(t, root, "--git-dir", remote, "log", "--format=%an <%ae> %s")
	if n := strings.Count(log, "Intake <intake@example.org> comment a/"); n != len(ids) {
		t.Errorf("%d commits of comments by the intake, want %d:\n%s", n, len(ids), log)
	}
}

// TestGitRemoteUnreachable takes comments while the remote is gone, from
// the start or removed after a first push: each is answered 202 and
// committed locally, /healthz reports the commits not pushed and why, and
// once the remote is back they are pushed.
func TestGitRemoteUnreachable(t *testing.T) {
	for _, tt := range []struct {
		name        string
		pushedFirst bool // a comment is pushed before the remote goes
	}{
		{"gone from the start", false},
		{"removed mid-run", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root, remote := gitRemote(t)
			clone := filepath.Join(root, "clone")
			gitRun(t, root, "clone", "--quiet", remote, clone)
			s := gitService(t, clone)
			var ids []string
			if tt.pushedFirst {
				ids = append(ids, postAndWait(t, s, 0, func(h map[string]any) bool { return h["git_unpushed"] == 0.0 }))
			}
			if err := os.Rename(remote, remote+".away"); err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 2; i++ {
				ids = append(ids, postAndWait(t, s, i, func(h map[string]any) bool {
					return h["git_unpushed"] == float64(i) && h["git_push_error"] != nil
				}))
			}
			local := gitRun(t, clone, "log", "--format=%s")
			for _, id := range ids {
				if !strings.Contains(local, id) {
					t.Errorf("comment %s is not committed locally:\n%s", id, local)
				}
			}
			if err := os.Rename(remote+".away", remote); err != nil {
				t.Fatal(err)
			}
			waitHealth(t, s, func(h map[string]any) bool { return h["git_unpushed"] == 0.0 && h["git_push_error"] == nil })
			files := gitRun(t, root, "--git-dir", remote, "ls-tree", "-r", "--name-only", "HEAD", "content/comments/a/")
			for _, id := range ids {
				if !strings.Contains(files, id+".md") {
					t.Errorf("comment %s is not in the remote", id)
				}
			}
		})
	}
}

// gitService is a service over the site in clone whose comments a Git
// commits and pushes, retrying every 20 ms; it stops with the test.
func gitService(t *testing.T, clone string) *Service {
	t.Helper()
	g := &Git{Dir: clone, Push: true, AuthorName: "Intake", AuthorEmail: "intake@example.org", RetryEvery: 20 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	g.Start(ctx)
	t.Cleanup(func() { cancel(); g.Wait(time.Minute) })
	s, _ := newTestService(t, func(o *Options) {
		o.SiteDir, o.Kept, o.Health = clone, g.Add, g.Health
		o.Comments.Intake.FloodSeconds = 0
	})
	s.SetCatalog(&Catalog{Posts: map[string]Post{"a": {URL: testOrigin + "/a/", Open: true}}})
	return s
}

// TestGitCommittedAlready queues a comment whose file someone committed
// first (as the recovery of an earlier run's files can, while the first
// comments arrive): it is done, and the comments after it are committed.
func TestGitCommittedAlready(t *testing.T) {
	root, remote := gitRemote(t)
	clone := filepath.Join(root, "clone")
	gitRun(t, root, "clone", "--quiet", remote, clone)
	file := "content/comments/a/001.md"
	writeFile(t, filepath.Join(clone, file), "---\nauthor: A\ndate: 2026-01-01T00:00:00Z\n---\nHello.\n")
	gitRun(t, clone, "add", file)
	gitRun(t, clone, "commit", "--quiet", "-m", "by hand")
	g := &Git{Dir: clone, AuthorName: "Intake", AuthorEmail: "intake@example.org"}
	ctx, cancel := context.WithCancel(context.Background())
	g.Start(ctx)
	g.Add(Kept{Post: "a", ID: "001", File: file})
	next := "content/comments/a/002.md"
	writeFile(t, filepath.Join(clone, next), "---\nauthor: B\ndate: 2026-01-01T00:00:01Z\n---\nHello again.\n")
	g.Add(Kept{Post: "a", ID: "002", File: next})
	cancel()
	g.Wait(time.Minute)
	if h := g.Health(); h["git_uncommitted"] != 0 {
		t.Errorf("health %v, want nothing uncommitted", h)
	}
	if log := gitRun(t, clone, "log", "--format=%s"); !strings.Contains(log, "comment a/002") {
		t.Errorf("the comment after it is not committed:\n%s", log)
	}
}

// postAndWait posts comment n on "a", expects 202, and waits until
// /healthz says what ok wants; it returns the comment's id.
func postAndWait(t *testing.T, s *Service, n int, ok func(map[string]any) bool) string {
	t.Helper()
	w := postForm(s, form("post", "a", "comment", uniqueText(n)).Encode())
	if w.Code != http.StatusAccepted {
		t.Fatalf("comment %d: status %d: %s", n, w.Code, w.Body)
	}
	waitHealth(t, s, ok)
	return decode(t, w).ID
}

// waitHealth asks /healthz until ok holds of its answer, for at most 20 s.
func waitHealth(t *testing.T, s *Service, ok func(map[string]any) bool) {
	t.Helper()
	var h map[string]any
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		h = nil
		if err := json.Unmarshal(w.Body.Bytes(), &h); err != nil {
			t.Fatal(err)
		}
		if w.Code == http.StatusOK && h["git_uncommitted"] == 0.0 && ok(h) {
			return
		}
	}
	t.Fatalf("/healthz still says %v", h)
}

func writeFile(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
