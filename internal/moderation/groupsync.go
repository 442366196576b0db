package moderation

import "sync"

// groupSync shares one sync among the callers that want one at about the
// same time: a caller needs a sync that begins after it asks; those that
// ask while one is under way all wait for the next, which the first of
// them starts once the one under way ends. Each gets the error of the
// sync it waited for.
type groupSync struct {
	mu      sync.Mutex
	running *syncRound // the last round started; done may be closed
	next    *syncRound // the round the callers that ask now wait for
}

// syncRound is one sync and the callers that wait for it.
type syncRound struct {
	done chan struct{} // closed when the sync has ended
	err  error         // of the sync, once done is closed
}

// sync returns once a call of do that began after sync was called has
// ended, with its error.
func (g *groupSync) sync(do func() error) error {
	g.mu.Lock()
	r, lead := g.next, g.next == nil
	if lead {
		r = &syncRound{done: make(chan struct{})}
		g.next = r
	}
	prev := g.running
	g.mu.Unlock()
	if !lead {
		<-r.done
		return r.err
	}
	if prev != nil {
		<-prev.done
	}
	g.mu.Lock()
	g.running, g.next = r, nil // who asks from now on waits for the round after
	g.mu.Unlock()
	r.err = do()
	close(r.done)
	return r.err
}
