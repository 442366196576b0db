// Package fetch downloads the remote files an import brings into a site
// (the images, audio and video of a WordPress export), carefully: only
// http and https, redirects only to http and https, a time limit on every
// attempt, a cap on the size of each file, a few retries with growing
// waits when the server fails (5xx) or the network does, never when it
// refuses (4xx), and a bounded number of downloads at once. Each address
// is downloaded once however often it is asked for.
//
// A failed download is a Result with an error, never a failure of the
// whole batch: the importer keeps the remote address and reports it.
package fetch

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"
)

// Defaults of Options.
const (
	DefaultTimeout  = 60 * time.Second
	DefaultMaxBytes = 50 << 20
	DefaultAttempts = 3
	DefaultBackoff  = time.Second
	DefaultParallel = 4
)

// Options bound the downloads. Zero values take the defaults.
type Options struct {
	// Timeout bounds one attempt, from the request to the last byte.
	Timeout time.Duration
	// MaxBytes is the largest file taken; a larger one fails.
	MaxBytes int64
	// Attempts is how many times a file is tried when the server or the
	// network fails.
	Attempts int
	// Backoff is the wait after the first failed attempt; it doubles
	// after each one.
	Backoff time.Duration
	// Parallel is how many files are downloaded at once.
	Parallel int
	// Client sends the requests; nil uses a client of its own. Its
	// redirect policy is replaced by one that refuses other schemes.
	Client *http.Client
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Attempts <= 0 {
		o.Attempts = DefaultAttempts
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.Parallel <= 0 {
		o.Parallel = DefaultParallel
	}
	return o
}

// Result is what became of one address.
type Result struct {
	URL    string
	File   string   // the downloaded file, when Err is nil
	Size   int64    // its size in bytes
	SHA256 [32]byte // its digest
	Type   string   // the media type the server gave, without parameters
	Err    error    // why there is no file
}

// ErrScheme is wrapped by the error of an address, or a redirect, that is
// not http or https.
var ErrScheme = errors.New("only http and https addresses are downloaded")

// ErrTooLarge is wrapped by the error of a file over Options.MaxBytes.
var ErrTooLarge = errors.New("the file is larger than the size limit")

// ErrNotAFile is wrapped by the error of an address that answers with a
// web page (text/html) rather than a file.
var ErrNotAFile = errors.New("the server sent a web page, not a file")

// errRedirects is the error of an address that redirects too often.
var errRedirects = errors.New("stopped after 10 redirects")

// statusError is an HTTP status that is not a success.
type statusError struct{ code int }

func (e statusError) Error() string {
	return fmt.Sprintf("the server answered %d %s", e.code, http.StatusText(e.code))
}

// retryable reports whether another attempt may succeed: a server error
// or a failure of the network, not a refusal or a limit of ours.
func retryable(err error) bool {
	var se statusError
	switch {
	case errors.As(err, &se):
		return se.code >= 500
	case errors.Is(err, ErrScheme), errors.Is(err, ErrTooLarge), errors.Is(err, ErrNotAFile),
		errors.Is(err, errRedirects), errors.Is(err, context.Canceled):
		return false
	}
	return true
}

// Downloader downloads files into the folder given to New.
type Downloader struct {
	opts   Options
	client *http.Client
	create func() (*os.File, error)
	mu     sync.Mutex // held while create runs
}

// New returns a Downloader that writes each file into a new file from
// create, which it calls from one goroutine at a time.
func New(create func() (*os.File, error), opts Options) *Downloader {
	opts = opts.withDefaults()
	client := &http.Client{}
	if opts.Client != nil {
		c := *opts.Client
		client = &c
	}
	client.CheckRedirect = checkRedirect
	return &Downloader{opts: opts, client: client, create: create}
}

// checkRedirect follows up to ten redirects, each to http or https.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirected to %q: %w", req.URL.Redacted(), ErrScheme)
	}
	if len(via) >= 10 {
		return errRedirects
	}
	return nil
}

// All downloads every distinct address of urls, Options.Parallel at a
// time, and returns a Result for each, by address. It returns early, with
// the results so far, when ctx ends.
func (d *Downloader) All(ctx context.Context, urls []string) map[string]Result {
	todo := slices.Compact(slices.Sorted(slices.Values(urls)))
	out := make(map[string]Result, len(todo))
	var mu sync.Mutex
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(d.opts.Parallel, len(todo)) {
		wg.Go(func() {
			for u := range jobs {
				r := d.Get(ctx, u)
				mu.Lock()
				out[u] = r
				mu.Unlock()
			}
		})
	}
	for _, u := range todo {
		select {
		case jobs <- u:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	return out
}

// Get downloads one address, trying again after a server or network
// failure.
func (d *Downloader) Get(ctx context.Context, raw string) Result {
	r := Result{URL: raw}
	u, err := url.Parse(raw)
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", raw, err)
		return r
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		r.Err = fmt.Errorf("%s: %w", raw, ErrScheme)
		return r
	}
	wait := d.opts.Backoff
	for attempt := 1; ; attempt++ {
		r, err = d.once(ctx, u)
		if err == nil || attempt >= d.opts.Attempts || !retryable(err) {
			break
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			err = ctx.Err()
		}
		if ctx.Err() != nil {
			break
		}
		wait *= 2
	}
	if err != nil {
		r = Result{URL: raw, Err: fmt.Errorf("%s: %w", u.Redacted(), err)}
	}
	return r
}

// once makes one attempt.
func (d *Downloader) once(ctx context.Context, u *url.URL) (Result, error) {
	r := Result{URL: u.String()}
	ctx, cancel := context.WithTimeout(ctx, d.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return r, err
	}
	req.Header.Set("User-Agent", "blogen-import (+https://github.com/blogen/blogen)")
	resp, err := d.client.Do(req)
	if err != nil {
		return r, unwrapURLError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r, statusError{resp.StatusCode}
	}
	if resp.ContentLength > d.opts.MaxBytes {
		return r, fmt.Errorf("%d bytes: %w of %d bytes", resp.ContentLength, ErrTooLarge, d.opts.MaxBytes)
	}
	r.Type, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if r.Type == "text/html" || r.Type == "application/xhtml+xml" {
		return r, ErrNotAFile
	}
	return d.save(r, resp.Body)
}

// unwrapURLError drops the *url.Error around a client error, which
// repeats the method and address the caller names already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("no answer in time: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}

// save copies body into a new file, up to the size limit.
func (d *Downloader) save(r Result, body io.Reader) (Result, error) {
	d.mu.Lock()
	f, err := d.create()
	d.mu.Unlock()
	if err != nil {
		return r, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(body, d.opts.MaxBytes+1))
	if err == nil && n > d.opts.MaxBytes {
		err = fmt.Errorf("%w of %d bytes", ErrTooLarge, d.opts.MaxBytes)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return r, unwrapURLError(err)
	}
	r.File, r.Size = f.Name(), n
	copy(r.SHA256[:], h.Sum(nil))
	return r, nil
}
