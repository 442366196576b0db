package intake

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/content"
)

// TestKill9MidBurst starts blogen comments serve, fires a burst of
// concurrent comments, kills the process with SIGKILL in the middle, and
// checks, round after round, that every comment answered 202 is on disk
// in full, that no comment file is partial or corrupt, and that the next
// start is clean.
func TestKill9MidBurst(t *testing.T) {
	site := t.TempDir()
	writeSite(t, site, "")
	promised := map[string]string{} // id -> text
	for round := range 5 {
		p := startIntake(t, site)
		ctx, cancel := context.WithCancel(context.Background())
		var mu sync.Mutex
		var wg sync.WaitGroup
		n := 0
		client := &http.Client{Timeout: 10 * time.Second}
		for w := range 16 {
			wg.Go(func() {
				for i := 0; ctx.Err() == nil && i < 200; i++ {
					text := uniqueText(round*100000 + w*1000 + i)
					code, id, err := sendComment(ctx, client, p.url, "a", text, "")
					if err != nil {
						return
					}
					if code != http.StatusAccepted {
						t.Errorf("round %d: status %d", round, code)
						return
					}
					mu.Lock()
					promised[id] = text
					n++
					mu.Unlock()
				}
			})
		}
		time.Sleep(time.Duration(100+50*round) * time.Millisecond)
		if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = p.wait()
		cancel()
		wg.Wait()
		t.Logf("round %d: %d comments answered 202 before the kill", round, n)
		checkComments(t, site, promised)
	}
	// The next start is clean: it takes a comment, and stops with SIGTERM
	// and exit status 0.
	p := startIntake(t, site)
	if code, _, err := sendComment(context.Background(), http.DefaultClient, p.url, "a", uniqueText(-1), ""); err != nil || code != 202 {
		t.Fatalf("after the kills: %d %v\n%s", code, err, p.stderr)
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.wait(); err != nil {
		t.Fatalf("SIGTERM: %v\n%s", err, p.stderr)
	}
}

// checkComments checks that every promised comment is on disk with its
// text, and that every comment file parses.
func checkComments(t *testing.T, site string, promised map[string]string) {
	t.Helper()
	dir := filepath.Join(site, "content", "comments", "a")
	entries, err := os.ReadDir(dir)
	if err != nil && len(promised) > 0 {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // a temporary file of a write cut short, which blogen ignores
		}
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		c, err := content.ParseComment("content/comments/a/"+name, src)
		if err != nil || c.Author != "Ann" || !strings.HasPrefix(string(c.Body), goodText) {
			t.Errorf("%s is partial or corrupt (%v):\n%s", name, err, src)
		}
	}
	for id, text := range promised {
		src, err := os.ReadFile(filepath.Join(dir, id+".md"))
		if err != nil {
			t.Errorf("comment %s was answered 202 but is lost: %v", id, err)
			continue
		}
		if !strings.Contains(string(src), text) {
			t.Errorf("comment %s does not hold its text:\n%s", id, src)
		}
	}
}
