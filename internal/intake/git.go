package intake

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Git commits each kept comment in the site's git repository, one commit
// per comment, and pushes when asked to. It works from a queue, in its
// own goroutine, so that a slow or failing git never delays a comment:
// the comment is on disk before it is queued. A push that fails is
// retried with a rebase on the upstream; one that keeps failing is
// retried every RetryEvery while the commits stay safe in the local
// repository.
type Git struct {
	Dir          string // the site folder, inside a git work tree
	Push         bool
	AuthorName   string
	AuthorEmail  string
	RetryEvery   time.Duration // 30s when zero
	Log          *slog.Logger
	mu           sync.Mutex
	queue        []Kept
	unpushed     bool
	wake         chan struct{}
	done         chan struct{}
	lastPushFail string
}

// Start commits what an earlier run left uncommitted, then works through
// the queue until ctx ends; Close waits for it.
func (g *Git) Start(ctx context.Context) {
	g.wake, g.done = make(chan struct{}, 1), make(chan struct{})
	if g.RetryEvery == 0 {
		g.RetryEvery = 30 * time.Second
	}
	if g.Log == nil {
		g.Log = slog.New(slog.DiscardHandler)
	}
	go g.run(ctx)
}

// Add queues a kept comment; it never blocks.
func (g *Git) Add(k Kept) {
	g.mu.Lock()
	g.queue = append(g.queue, k)
	g.mu.Unlock()
	select {
	case g.wake <- struct{}{}:
	default:
	}
}

// Wait waits, after ctx of Start ended, for the queue to be committed
// (and pushed, once more) or for the timeout.
func (g *Git) Wait(timeout time.Duration) {
	select {
	case <-g.done:
	case <-time.After(timeout):
	}
}

// Health is what /healthz reports of git: comments not yet committed,
// and whether commits wait to be pushed.
func (g *Git) Health() map[string]any {
	g.mu.Lock()
	defer g.mu.Unlock()
	h := map[string]any{"git_uncommitted": len(g.queue)}
	if g.Push {
		h["git_unpushed"] = g.unpushed
		if g.lastPushFail != "" {
			h["git_push_error"] = g.lastPushFail
		}
	}
	return h
}

func (g *Git) run(ctx context.Context) {
	defer close(g.done)
	g.recover()
	retry := time.NewTicker(g.RetryEvery)
	defer retry.Stop()
	for {
		g.drain()
		select {
		case <-ctx.Done():
			g.drain()
			return
		case <-g.wake:
		case <-retry.C:
		}
	}
}

// drain commits the queue and pushes.
func (g *Git) drain() {
	for {
		g.mu.Lock()
		if len(g.queue) == 0 {
			g.mu.Unlock()
			break
		}
		k := g.queue[0]
		g.mu.Unlock()
		if err := g.commit(k.File, fmt.Sprintf("comment %s/%s on %s (%s)", k.Post, k.ID, k.Post, k.Status)); err != nil {
			g.Log.Error("git commit failed; the comment stays on disk", "id", k.ID, "err", err)
			return
		}
		g.mu.Lock()
		g.queue = g.queue[1:]
		g.unpushed = g.Push
		g.mu.Unlock()
	}
	g.mu.Lock()
	due := g.unpushed
	g.mu.Unlock()
	if due {
		g.push()
	}
}

// recover commits the comment files an earlier run wrote but did not
// commit.
func (g *Git) recover() {
	out, err := g.git("ls-files", "--others", "--exclude-standard", "--", "content/comments")
	if err != nil {
		g.Log.Error("git ls-files failed", "err", err)
		return
	}
	for file := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		if strings.HasSuffix(file, ".md") {
			if err := g.commit(file, "comment "+strings.TrimSuffix(strings.TrimPrefix(file, "content/comments/"), ".md")+" (recovered)"); err == nil {
				g.unpushed = g.Push
			}
		}
	}
	if g.Push {
		if n, err := g.git("rev-list", "--count", "@{upstream}..HEAD"); err == nil && strings.TrimSpace(n) != "0" {
			g.unpushed = true
		}
	}
}

// commit commits one file, with the site's author identity.
func (g *Git) commit(file, msg string) error {
	if _, err := g.git("add", "--", file); err != nil {
		return err
	}
	_, err := g.git("commit", "--quiet", "--no-verify", "-m", msg, "--", file)
	return err
}

// push pushes to the upstream, rebasing on it when another pushed first.
func (g *Git) push() {
	_, err := g.git("push", "--quiet")
	for try := 0; err != nil && try < 5; try++ {
		if _, rerr := g.git("pull", "--rebase", "--quiet"); rerr != nil {
			_, _ = g.git("rebase", "--abort")
			err = rerr
			break
		}
		_, err = g.git("push", "--quiet")
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if err != nil {
		g.lastPushFail = err.Error()
		g.Log.Warn("git push failed; it is retried, the commits are safe locally", "err", err)
		return
	}
	g.unpushed, g.lastPushFail = false, ""
}

// git runs one git command in the site folder.
func (g *Git) git(args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-c", "user.name=" + g.AuthorName, "-c", "user.email=" + g.AuthorEmail,
		"-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = g.Dir
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_AUTHOR_NAME="+g.AuthorName, "GIT_AUTHOR_EMAIL="+g.AuthorEmail)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("git %s: %w: %s", args[0], err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}
