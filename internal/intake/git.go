package intake

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os/exec"
	"strconv"
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
	unpushed     bool // commits wait to be pushed
	ahead        int  // how many, as of the last push that failed
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

// Health is what /healthz reports of git: the comments not yet
// committed, and with Push the commits not yet pushed (as of the last
// push that failed) and why that push failed.
func (g *Git) Health() map[string]any {
	g.mu.Lock()
	defer g.mu.Unlock()
	h := map[string]any{"git_uncommitted": len(g.queue)}
	if g.Push {
		h["git_unpushed"] = 0
		if g.unpushed {
			h["git_unpushed"] = max(g.ahead, 1)
		}
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
				g.setUnpushed(g.Push)
			}
		}
	}
	if g.Push {
		if n, err := g.git("rev-list", "--count", "@{upstream}..HEAD"); err == nil && strings.TrimSpace(n) != "0" {
			g.setUnpushed(true)
		}
	}
}

// setUnpushed notes, under the lock Health reads it with, that commits
// wait to be pushed.
func (g *Git) setUnpushed(due bool) {
	g.mu.Lock()
	g.unpushed = g.unpushed || due
	g.mu.Unlock()
}

// commit commits one file, with the site's author identity. A file
// already committed as it is (by recover, or by hand) is done.
func (g *Git) commit(file, msg string) error {
	if _, err := g.git("add", "--", file); err != nil {
		return err
	}
	if out, err := g.git("status", "--porcelain", "--", file); err == nil && strings.TrimSpace(out) == "" {
		return nil
	}
	_, err := g.git("commit", "--quiet", "--no-verify", "-m", msg, "--", file)
	return err
}

// push pushes to the upstream, rebasing on it when another pushed first,
// and trying again after a short wait that grows, so that two intakes
// racing to push do not keep meeting.
func (g *Git) push() {
	_, err := g.git("push", "--quiet")
	for try := 1; err != nil && try <= 5; try++ {
		time.Sleep(jitter(time.Duration(try) * 100 * time.Millisecond))
		if _, rerr := g.git("pull", "--rebase", "--quiet"); rerr != nil {
			_, _ = g.git("rebase", "--abort")
			err = rerr
			break
		}
		_, err = g.git("push", "--quiet")
	}
	ahead := 0
	if err != nil {
		if n, cerr := g.git("rev-list", "--count", "@{upstream}..HEAD"); cerr == nil {
			ahead, _ = strconv.Atoi(strings.TrimSpace(n))
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if err != nil {
		g.lastPushFail, g.ahead = err.Error(), ahead
		g.Log.Warn("git push failed; it is retried, the commits are safe locally", "unpushed", ahead, "err", err)
		return
	}
	g.unpushed, g.lastPushFail, g.ahead = false, "", 0
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
