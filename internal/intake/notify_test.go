package intake

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// hook is a webhook receiver that answers with the statuses of answers in
// turn (the last one after they run out) and records what it got.
type hook struct {
	mu      sync.Mutex
	answers []int
	bodies  [][]byte
	got     chan struct{} // a receive per request
}

func newHook(t *testing.T, answers ...int) (*hook, string) {
	h := &hook{answers: answers, got: make(chan struct{}, 100)}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.bodies = append(h.bodies, body)
		code := h.answers[min(len(h.bodies), len(h.answers))-1]
		h.mu.Unlock()
		w.WriteHeader(code)
		h.got <- struct{}{}
	}))
	t.Cleanup(ts.Close)
	return h, ts.URL
}

func (h *hook) requests() [][]byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.bodies
}

// logBuffer is a buffer for a slog logger, safe for concurrent use.
type logBuffer struct {
	lockedWriter
	buf bytes.Buffer
}

func newLogBuffer() *logBuffer {
	l := &logBuffer{}
	l.w = &l.buf
	return l
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger { return slog.New(slog.NewJSONHandler(l, nil)) }

// notifiedService is a test service whose kept comments go to a Notifier
// with opts.
func notifiedService(t *testing.T, opts NotifyOptions) (*Service, *Notifier, *logBuffer) {
	t.Helper()
	logs := newLogBuffer()
	opts.Log = logs.logger()
	n := NewNotifier(opts)
	t.Cleanup(func() { n.Close(time.Second) })
	s, _ := newTestService(t, func(o *Options) { o.Kept, o.Comments.Intake.FloodSeconds = n.Add, 0 })
	return s, n, logs
}

// TestWebhook posts a comment to a service that tells a webhook, which
// answers as the case says; the comment is taken at once whatever it does.
func TestWebhook(t *testing.T) {
	tests := []struct {
		name     string
		answers  []int
		requests int
		dropped  bool
	}{
		{"delivered", []int{200}, 1, false},
		{"retried after 500s", []int{500, 502, 204}, 3, false},
		{"retried after 429", []int{429, 200}, 2, false},
		{"dropped after its tries", []int{500}, 3, true},
		{"dropped at once when the URL is gone", []int{404}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, url := newHook(t, tt.answers...)
			s, n, logs := notifiedService(t, NotifyOptions{Webhook: url, Tries: 3, Backoff: time.Millisecond})
			if w := postForm(s, form().Encode()); w.Code != 202 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			n.Close(10 * time.Second)
			if got := len(h.requests()); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			dropped := strings.Contains(logs.String(), "notification dropped")
			if dropped != tt.dropped {
				t.Errorf("dropped: %v, want %v; log: %s", dropped, tt.dropped, logs)
			}
			for _, leak := range []string{goodText, "ann@example.org", emailHash("ann@example.org"), url} {
				if strings.Contains(logs.String(), leak) {
					t.Errorf("the log holds %q: %s", leak, logs)
				}
			}
		})
	}
}

// TestWebhookPayload checks what a webhook is told: post, author and
// verdict in a Slack "text", never the reader's e-mail address or text.
func TestWebhookPayload(t *testing.T) {
	h, url := newHook(t, 200)
	s, n, _ := notifiedService(t, NotifyOptions{Webhook: url})
	if w := postForm(s, form("name", "Ann & <Bob>").Encode()); w.Code != 400 {
		t.Fatalf("a name with < >: %d", w.Code)
	}
	if w := postForm(s, form("name", "Ann & Co").Encode()); w.Code != 202 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	n.Close(10 * time.Second)
	reqs := h.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	var got webhookBody
	if err := json.Unmarshal(reqs[0], &got); err != nil {
		t.Fatal(err)
	}
	want := "New comment by Ann &amp; Co on open: the policy says publish; awaiting moderation (blogen comments list). " + testOrigin + "/2026/02/open/"
	if got.Text != want {
		t.Errorf("text %q\nwant %q", got.Text, want)
	}
	if got.Comment.Post != "open" || got.Comment.Author != "Ann & Co" || got.Comment.Verdict != "publish" || got.Comment.Status != "pending" || got.Comment.ID == "" {
		t.Errorf("comment %+v", got.Comment)
	}
	for _, leak := range []string{"ann@example.org", emailHash("ann@example.org"), "angry customers"} {
		if bytes.Contains(reqs[0], []byte(leak)) {
			t.Errorf("the payload holds %q: %s", leak, reqs[0])
		}
	}
}

// TestWebhookNeverBlocks sends comments while the webhook hangs: each is
// answered at once, a full queue drops notifications, never comments, and
// Close gives up after its grace.
func TestWebhookNeverBlocks(t *testing.T) {
	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer ts.Close()
	defer close(release)
	s, n, logs := notifiedService(t, NotifyOptions{Webhook: ts.URL, QueueSize: 2, Timeout: time.Minute})
	for i := range 5 {
		start := time.Now()
		w := postForm(s, form().Encode())
		if w.Code != 202 {
			t.Fatalf("comment %d: %d %s", i, w.Code, w.Body)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("comment %d took %v", i, d)
		}
	}
	start := time.Now()
	n.Close(100 * time.Millisecond)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Close took %v", d)
	}
	if !strings.Contains(logs.String(), "notification dropped") {
		t.Errorf("nothing dropped is logged: %s", logs)
	}
}

// TestCloseWaitsForTheQueue queues notifications to a slow webhook and
// checks that Close lets them all go out.
func TestCloseWaitsForTheQueue(t *testing.T) {
	h, url := newHook(t, 200)
	n := NewNotifier(NotifyOptions{Webhook: url})
	for i := range 3 {
		n.Add(Kept{Post: "open", ID: string(rune('a' + i)), Author: "Ann", Status: "pending", Verdict: "publish"})
	}
	n.Close(10 * time.Second)
	if got := len(h.requests()); got != 3 {
		t.Errorf("%d sent before Close returned, want 3", got)
	}
	n.Add(Kept{Post: "open", ID: "late"})
	if got := len(h.requests()); got != 3 {
		t.Errorf("a notification after Close was sent")
	}
}

// TestProcessNotifies runs blogen comments serve with a webhook and a
// mail server in site.toml: a comment reaches both, and a SIGTERM right
// after the comment still lets the notifications out.
func TestProcessNotifies(t *testing.T) {
	h, url := newHook(t, 500, 200)
	mail := newFakeSMTP(t, 0)
	dir := t.TempDir()
	writeSite(t, dir, fmt.Sprintf("webhook = %q\nsmtp_addr = %q\nsmtp_from = \"c@example.org\"\nsmtp_to = [\"m@example.org\"]\n", url, mail.ln.Addr()))
	p := startIntake(t, dir)
	if code, _, err := sendComment(context.Background(), http.DefaultClient, p.url, "a", goodText, ""); err != nil || code != 202 {
		t.Fatalf("%d %v", code, err)
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, p.stderr)
	}
	if got := len(h.requests()); got != 2 {
		t.Errorf("the webhook got %d requests, want 2 (a 500, then the one taken)", got)
	}
	if got := len(mail.taken()); got != 1 {
		t.Errorf("%d mails, want 1", got)
	}
}
