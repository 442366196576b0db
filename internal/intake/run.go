package intake

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/blogen/blogen/internal/watch"
)

// shutdownGrace bounds how long a stopping service waits for the
// requests under way; a comment being written is always finished.
const shutdownGrace = 10 * time.Second

// Serve answers requests on ln until ctx ends, then stops accepting
// connections, lets the requests under way finish (every comment being
// written reaches the disk and is answered) and returns nil.
func (s *Service) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       20 * time.Second,
		WriteTimeout:      20 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          nil,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("comments serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	s.Wait()
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("comments serve: stop: %w", err)
	}
	return nil
}

// Loader loads the site's catalog again; changed names the site files
// that changed (nil: anything may have).
type Loader func(changed []string) (*Catalog, error)

// Follow keeps the catalog up to date until ctx ends: it loads it again
// after each batch of changes to the site's files, at most once per
// interval, and at least once every ten minutes. A load that fails keeps
// the last catalog, and is logged.
func (s *Service) Follow(ctx context.Context, batches <-chan watch.Batch, load Loader, interval time.Duration) {
	tick := time.NewTicker(10 * time.Minute)
	defer tick.Stop()
	var changed []string
	full := false
	var due <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case b, ok := <-batches:
			if !ok {
				batches = nil
				continue
			}
			changed, full = append(changed, b.Paths...), full || b.Full
			if due == nil {
				due = time.After(interval)
			}
			continue
		case <-tick.C:
			full = true
		case <-due:
		}
		if full {
			changed = nil
		}
		s.reload(load, changed)
		changed, full, due = nil, false, nil
	}
}

func (s *Service) reload(load Loader, changed []string) {
	start := time.Now()
	c, err := load(changed)
	if err != nil {
		s.opts.Log.Error("the site does not load; the last good version is used", "err", err)
		return
	}
	s.SetCatalog(c)
	s.opts.Log.Info("site loaded", "posts", len(c.Posts), "ms", time.Since(start).Milliseconds())
}
