package intake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
)

// NotifyOptions configure a Notifier.
type NotifyOptions struct {
	// Webhook is a URL that gets a JSON POST for each kept comment, with a
	// Slack-compatible "text" field; "" sends none.
	Webhook string
	// Mail, when set, also sends each moderator an e-mail.
	Mail *Mail
	// Tries is how often a notification is tried before it is dropped; 5
	// when zero.
	Tries int
	// Backoff is the wait after the first failed try, doubled after each
	// next one (with a little jitter); 2s when zero.
	Backoff time.Duration
	// Timeout bounds each try; 15s when zero.
	Timeout time.Duration
	// QueueSize bounds the notifications waiting; past it a new one is
	// dropped and logged; 1000 when zero.
	QueueSize int
	// Log gets a record of each notification dropped; never a comment's
	// text or an e-mail address. Discarded when nil.
	Log *slog.Logger
}

// Notifier tells moderators of each kept comment, by webhook and e-mail,
// from an in-memory queue that one goroutine works through, so that a
// slow or failing receiver never delays a comment: Add never blocks. A
// notification that fails is tried again after a growing wait; one that
// keeps failing is logged and dropped. Its methods are safe for
// concurrent use.
type Notifier struct {
	opts   NotifyOptions
	queue  chan delivery
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex // guards closed and sending on queue
	closed bool
}

// delivery is one notification to one receiver.
type delivery struct {
	to   string // "webhook" or "mail", for logs
	id   string // the comment's id, for logs
	send func(ctx context.Context) error
}

// permanent marks a failure that trying again cannot mend.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// NewNotifier returns a Notifier at work; Close stops it.
func NewNotifier(opts NotifyOptions) *Notifier {
	if opts.Tries <= 0 {
		opts.Tries = 5
	}
	if opts.Backoff <= 0 {
		opts.Backoff = 2 * time.Second
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 15 * time.Second
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = 1000
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := &Notifier{opts: opts, queue: make(chan delivery, opts.QueueSize), ctx: ctx, cancel: cancel, done: make(chan struct{})}
	go n.run()
	return n
}

// Add queues the notifications of a kept comment. It never blocks: when
// the queue is full, or the Notifier closed, they are dropped and logged.
func (n *Notifier) Add(k Kept) {
	note := newNote(k)
	var ds []delivery
	if n.opts.Webhook != "" {
		ds = append(ds, delivery{"webhook", k.ID, func(ctx context.Context) error { return postWebhook(ctx, n.opts.Webhook, note) }})
	}
	if n.opts.Mail != nil {
		ds = append(ds, delivery{"mail", k.ID, func(ctx context.Context) error { return n.opts.Mail.send(ctx, note) }})
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, d := range ds {
		if n.closed {
			n.opts.Log.Warn("notification dropped: the service is stopping", "to", d.to, "id", d.id)
			continue
		}
		select {
		case n.queue <- d:
		default:
			n.opts.Log.Warn("notification dropped: too many are waiting", "to", d.to, "id", d.id)
		}
	}
}

// Close stops taking notifications and waits up to grace for the queued
// ones to be sent; what is left then is dropped and logged.
func (n *Notifier) Close(grace time.Duration) {
	n.mu.Lock()
	if !n.closed {
		n.closed = true
		close(n.queue)
	}
	n.mu.Unlock()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-n.done:
	case <-t.C:
		n.cancel()
		<-n.done
	}
	n.cancel()
}

// run sends the queued notifications, one at a time, until Close.
func (n *Notifier) run() {
	defer close(n.done)
	for d := range n.queue {
		if n.ctx.Err() != nil {
			n.opts.Log.Warn("notification dropped: the service stopped", "to", d.to, "id", d.id)
			continue
		}
		n.deliver(d)
	}
}

// deliver tries a notification until it is sent, it fails for good, its
// tries are spent or the Notifier is closed.
func (n *Notifier) deliver(d delivery) {
	wait := n.opts.Backoff
	var err error
	for try := 1; ; try++ {
		ctx, cancel := context.WithTimeout(n.ctx, n.opts.Timeout)
		err = d.send(ctx)
		cancel()
		if err == nil {
			return
		}
		var p permanent
		if try == n.opts.Tries || errors.As(err, &p) || !sleep(n.ctx, jitter(wait)) {
			break
		}
		wait *= 2
	}
	n.opts.Log.Error("notification dropped", "to", d.to, "id", d.id, "err", err)
}

// sleep waits for d, or until ctx ends (false).
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// jitter spreads d by up to a fifth either way, so that services that
// failed together do not try again together.
func jitter(d time.Duration) time.Duration {
	return d + time.Duration((rand.Float64()-0.5)*0.4*float64(d))
}

// note is what a notification says of a kept comment: never its text or
// the reader's e-mail address.
type note struct {
	Post    string `json:"post"`
	ID      string `json:"id"`
	Author  string `json:"author"`
	Status  string `json:"status"`  // pending or approved
	Verdict string `json:"verdict"` // the policy's: publish or hold
	Rules   string `json:"rules,omitempty"`
	URL     string `json:"url"`
}

func newNote(k Kept) note {
	return note{Post: k.Post, ID: k.ID, Author: k.Author, Status: string(k.Status), Verdict: string(k.Verdict),
		Rules: strings.Join(k.Rules, ", "), URL: k.URL}
}

// summary is the one line a moderator reads: who commented on which post,
// what the policy said, and what became of it.
func (n note) summary() string {
	s := fmt.Sprintf("New comment by %s on %s: the policy says %s", n.Author, n.Post, n.Verdict)
	if n.Rules != "" {
		s += " (" + n.Rules + ")"
	}
	if n.Status == "approved" {
		return s + "; approved. " + n.URL
	}
	return s + "; awaiting moderation (blogen comments list). " + n.URL
}
