package intake

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
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

// TestGitPushFromTwoIntakes runs two intake processes, each in its own
// clone of one bare remote, with --git --push, sends comments to both at
// once, and checks that every comment of both is in the remote, one
// commit each.
func TestGitPushFromTwoIntakes(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	remote := filepath.Join(root, "remote.git")
	gitRun(t, root, "init", "--quiet", "--bare", remote)
	seed := filepath.Join(root, "seed")
	gitRun(t, root, "clone", "--quiet", remote, seed)
	writeSite(t, seed, "git_author_name = \"Intake\"\ngit_author_email = \"intake@example.org\"\n")
	gitRun(t, seed, "add", ".")
	gitRun(t, seed, "commit", "--quiet", "-m", "site")
	gitRun(t, seed, "push", "--quiet", "origin", "HEAD")
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
