package intake

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/moderation"
)

// Options configure a Service.
type Options struct {
	// SiteDir is the site folder; comments go to its content/comments.
	SiteDir string
	// Path is the endpoint's path, "/comments".
	Path string
	// Comments is the site's [comments] table.
	Comments config.CommentsConfig
	// BaseURL is the site's base_url, whose origin may post when
	// allowed_origins is empty.
	BaseURL string
	// Linter holds comments to the site's policy; required.
	Linter *comments.Linter
	// Render renders a comment's Markdown as the site shows it, for the
	// answer to the reader's script; nil leaves the HTML out.
	Render func(markdown []byte) ([]byte, error)
	// Disk is where comments are written; moderation.OSDisk when nil.
	Disk moderation.Disk
	// Log gets one record per request that changes something or fails;
	// never the text of a comment or an e-mail address. Discarded when
	// nil.
	Log *slog.Logger
	// Now is time.Now when nil.
	Now func() time.Time
	// Kept, when set, is told of each comment written, after it is on
	// disk (for the git committer and notifications). It must not block.
	Kept func(Kept)
	// Health, when set, adds to what /healthz reports.
	Health func() map[string]any
	// SameHost lets pages served from the request's own Host post, beside
	// the allowed origins: blogen serve's pages and its endpoint share one
	// host, which the preview server checks before it hands a request on.
	SameHost bool
}

// Kept is a comment the intake has written.
type Kept struct {
	Post, ID string
	Status   content.Status
	Verdict  comments.Verdict // the policy's: publish or hold
	Rules    []string         // the rules of the policy's findings
	File     string           // site-relative path
	Author   string
	URL      string // the post's URL
}

// Service is the intake's http.Handler. It is safe for concurrent use.
type Service struct {
	opts     Options
	origins  []string
	proxies  []netip.Prefix
	flood    *flood
	pending  pending
	minTime  time.Duration
	catalog  atomic.Pointer[Catalog]
	writer   *moderation.Writer
	locks    [64]sync.Mutex // by idempotency key
	turns    chan struct{}  // a turn to take a comment, at most maxTaking
	inFlight sync.WaitGroup
}

// New returns a Service. It answers 503 until SetCatalog gives it the
// site's posts.
func New(opts Options) *Service {
	if opts.Disk == nil {
		opts.Disk = moderation.OSDisk{}
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Path == "" {
		opts.Path = "/comments"
	}
	in := opts.Comments.Intake
	s := &Service{opts: opts, proxies: in.Proxies(), flood: newFlood(time.Duration(in.FloodSeconds) * time.Second),
		minTime: time.Duration(in.MinSeconds) * time.Second, writer: moderation.NewWriter(opts.Disk, opts.SiteDir),
		turns: make(chan struct{}, maxTaking)}
	s.pending = pending{max: in.MaxPendingPerPost, added: map[string]int{}}
	for _, o := range in.Origins(opts.BaseURL) {
		s.origins = append(s.origins, strings.ToLower(strings.TrimSuffix(o, "/")))
	}
	return s
}

// SetCatalog gives the service a new view of the site.
func (s *Service) SetCatalog(c *Catalog) {
	s.catalog.Store(c)
	s.pending.reset()
}

// Wait waits for the comments being written to be on disk.
func (s *Service) Wait() { s.inFlight.Wait() }

// ServeHTTP answers the endpoint (POST, and OPTIONS for CORS) and
// /healthz.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	switch {
	case r.URL.Path == "/healthz":
		s.health(w, r)
	case r.URL.Path != s.opts.Path:
		http.NotFound(w, r)
	case r.Method == http.MethodOptions:
		s.preflight(w, r)
	case r.Method == http.MethodPost:
		s.inFlight.Add(1)
		defer s.inFlight.Done()
		s.post(w, r)
	default:
		h.Set("Allow", "POST, OPTIONS")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// maxTaking bounds the comments taken at once. The others of a burst wait
// for a turn in the order they came, so that answers go out as comments
// are kept rather than all at the end, and the comments in hand stay few
// enough to keep the memory and the garbage collector's work small; the
// bound is high enough for the comments waiting for the disk to overlap
// with those being checked.
const maxTaking = 64

// outcome is the answer to one POST.
type outcome struct {
	status  int
	state   string // pending, approved, rejected, error
	id      string
	message string
	reasons []comments.Finding
	html    string
	back    string // the post's URL, for the answer without script
	wait    time.Duration
	text    string // the reader's comment, given back on a failure
}

// post takes one comment.
func (s *Service) post(w http.ResponseWriter, r *http.Request) {
	start := s.opts.Now()
	s.cors(w, r)
	o := s.take(r, start)
	s.answer(w, r, o)
	s.opts.Log.Info("comment", "status", o.status, "outcome", o.state, "id", o.id,
		"rules", ruleIDs(o.reasons), "ms", float64(s.opts.Now().Sub(start).Microseconds())/1000)
}

func ruleIDs(fs []comments.Finding) string { return strings.Join(ruleList(fs), ",") }

// ruleList lists the rules of findings, each once.
func ruleList(fs []comments.Finding) []string {
	var ids []string
	for _, f := range fs {
		if !slices.Contains(ids, f.Rule) {
			ids = append(ids, f.Rule)
		}
	}
	return ids
}

// take checks and keeps a comment, and says how it went. The form is
// read before the comment waits for its turn, so that a client slow to
// send it holds no turn.
func (s *Service) take(r *http.Request, now time.Time) outcome {
	if !s.originAllowed(r) {
		return failed(http.StatusForbidden, "This site may not post comments here.")
	}
	form, err := s.readForm(r)
	if err != nil {
		return badRequest(err)
	}
	s.turns <- struct{}{}
	defer func() { <-s.turns }()
	cat := s.catalog.Load()
	if cat == nil {
		return failed(http.StatusServiceUnavailable, "Comments cannot be taken yet; please try again in a minute.")
	}
	post, err := checkPost(cat, form)
	if err != nil {
		o := badRequest(err)
		o.text = form.Comment
		return o
	}
	o := s.keep(r, cat, form, post, now)
	o.back, o.text = post.URL, form.Comment
	return o
}

// readForm reads the body of a POST within its limits.
func (s *Service) readForm(r *http.Request) (Form, error) {
	ct := strings.ToLower(strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"), ";")[0]))
	if ct != "application/x-www-form-urlencoded" {
		return Form{}, bad("send the form as application/x-www-form-urlencoded")
	}
	if r.ContentLength > maxBody {
		return Form{}, bad("the form is larger than %d KB", maxBody>>10)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	switch {
	case err != nil:
		return Form{}, bad("the form did not arrive in full")
	case len(body) > maxBody:
		return Form{}, bad("the form is larger than %d KB", maxBody>>10)
	}
	return ParseForm(string(body))
}

// checkPost checks the form against the site.
func checkPost(cat *Catalog, f Form) (Post, error) {
	post, ok := cat.Posts[f.Post]
	switch {
	case !ok:
		return post, bad("there is no such post to comment on")
	case !post.Open:
		return post, bad("comments on this post are closed")
	case f.Parent != "" && !post.hasComment(f.Parent):
		return post, bad("the comment you reply to is not on this post")
	case f.Trap:
		return post, bad("the comment was taken for spam: leave the field \"Leave this field empty\" empty")
	}
	return post, nil
}

// keep applies the flood limit, the policy and the pending cap, and
// writes the comment.
func (s *Service) keep(r *http.Request, cat *Catalog, f Form, post Post, now time.Time) outcome {
	undo, wait := s.flood.reserve(clientOf(s.clientAddr(r)), now)
	if undo == nil {
		o := failed(http.StatusTooManyRequests, "You have just posted a comment; please wait a little before the next.")
		o.wait = wait
		return o
	}
	if f.Key != "" {
		l := &s.locks[keyLock(f.Key)]
		l.Lock()
		defer l.Unlock()
		if id, ok := findKeyed(s.opts.SiteDir, f.Post, f.Key); ok {
			undo()
			return s.accepted(id, content.StatusPending, f)
		}
	}
	res := s.opts.Linter.Lint([]byte(f.Comment))
	if res.Verdict == comments.Reject {
		undo()
		o := failed(http.StatusUnprocessableEntity, "The comment does not meet the comment policy.")
		o.state = "rejected"
		for _, fd := range res.Findings {
			if fd.Verdict == comments.Reject {
				o.reasons = append(o.reasons, fd)
			}
		}
		return o
	}
	status := s.status(cat, f, res, now)
	if status == content.StatusPending && !s.pending.take(cat, f.Post) {
		undo()
		o := failed(http.StatusTooManyRequests, "This post has too many comments awaiting moderation; please try again later.")
		o.wait = time.Hour
		return o
	}
	o, err := s.write(f, post, res, status, now)
	if err != nil {
		undo()
		if status == content.StatusPending {
			s.pending.release(f.Post)
		}
		s.opts.Log.Error("comment not written", "post", f.Post, "err", err)
		return failed(http.StatusServiceUnavailable, "The comment could not be saved just now; please try again in a minute.")
	}
	return o
}

// keyLock picks the lock of an idempotency key.
func keyLock(key string) int {
	sum := sha256.Sum256([]byte(key))
	return int(sum[0]) % 64
}

// status is the status a comment the policy does not reject gets.
func (s *Service) status(cat *Catalog, f Form, res comments.Result, now time.Time) content.Status {
	if res.Verdict != comments.Publish || s.tooFast(f.Issued, now) {
		return content.StatusPending
	}
	if s.opts.Comments.AutoApprove || (s.opts.Comments.ApproveReturning && cat.Approved[emailHash(f.Email)]) {
		return content.StatusApproved
	}
	return content.StatusPending
}

// tooFast reports whether the form was sent sooner after it was shown
// than a person can write a comment, or does not say when it was shown.
func (s *Service) tooFast(issued string, now time.Time) bool {
	var ms int64
	if _, err := fmt.Sscan(issued, &ms); err != nil || ms <= 0 {
		return true
	}
	return now.Sub(time.UnixMilli(ms)) < s.minTime
}

// emailHash is the SHA-256 of the address, as comment files keep it.
func emailHash(email string) string {
	sum := sha256.Sum256([]byte(email))
	return hex.EncodeToString(sum[:])
}

// write puts the comment on disk, durably, under a new id, and tells
// Options.Kept.
func (s *Service) write(f Form, post Post, res comments.Result, status content.Status, now time.Time) (outcome, error) {
	c := moderation.NewComment{Post: f.Post, Author: f.Name, AuthorURL: f.Website, EmailHash: emailHash(f.Email),
		Date: now, Parent: f.Parent, Status: status, Body: []byte(f.Comment)}
	for range 3 {
		id := newID(now, f.Post, f.Key)
		file, err := s.writer.Create(id, c)
		if errors.Is(err, moderation.ErrIDTaken) && f.Key == "" {
			continue
		}
		if err != nil {
			return outcome{}, err
		}
		if s.opts.Kept != nil {
			s.opts.Kept(Kept{Post: f.Post, ID: id, Status: status, Verdict: res.Verdict, Rules: ruleList(res.Findings),
				File: file, Author: f.Name, URL: post.URL})
		}
		return s.accepted(id, status, f), nil
	}
	return outcome{}, errors.New("no free id")
}

// accepted is the answer to a comment kept.
func (s *Service) accepted(id string, status content.Status, f Form) outcome {
	o := outcome{status: http.StatusAccepted, state: string(status), id: id,
		message: "Thank you. Your comment is awaiting moderation."}
	if status == content.StatusApproved {
		o.message = "Thank you. Your comment is approved and appears with the next update of the site."
	}
	if s.opts.Render != nil {
		if html, err := s.opts.Render([]byte(f.Comment)); err == nil {
			o.html = string(html)
		}
	}
	return o
}

// badRequest is the answer to a form that cannot be taken as it is:
// 400, with what to change.
func badRequest(err error) outcome {
	msg, ok := readerMessage(err)
	if !ok {
		msg = "The comment could not be read."
	}
	return failed(http.StatusBadRequest, msg)
}

func failed(status int, msg string) outcome {
	return outcome{status: status, state: "error", message: msg}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
