package intake

import (
	"net/netip"
	"sync"
	"time"
)

// flood is the per-client flood limit: one kept comment per client per
// interval, as WordPress's flood control. A client is an IPv4 address or
// an IPv6 /64. Its methods are safe for concurrent use.
type flood struct {
	every time.Duration // 0 turns the limit off
	mu    sync.Mutex
	last  map[netip.Prefix]time.Time
}

// maxClients bounds the clients remembered; past it, the ones whose
// interval is over are forgotten.
const maxClients = 100_000

func newFlood(every time.Duration) *flood {
	return &flood{every: every, last: map[netip.Prefix]time.Time{}}
}

// clientOf is the bucket of an address.
func clientOf(a netip.Addr) netip.Prefix {
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p
	}
	return netip.PrefixFrom(a, 32)
}

// reserve takes the client's turn at now, or returns how long it must
// wait. A reservation is given back with undo when nothing is kept.
func (f *flood) reserve(c netip.Prefix, now time.Time) (undo func(), wait time.Duration) {
	if f.every <= 0 {
		return func() {}, 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	prev, seen := f.last[c]
	if seen && now.Sub(prev) < f.every {
		return nil, f.every - now.Sub(prev)
	}
	if len(f.last) >= maxClients {
		f.forget(now)
	}
	f.last[c] = now
	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.last[c].Equal(now) {
			if seen {
				f.last[c] = prev
			} else {
				delete(f.last, c)
			}
		}
	}, 0
}

// forget drops the clients whose interval is over.
func (f *flood) forget(now time.Time) {
	for c, t := range f.last {
		if now.Sub(t) >= f.every {
			delete(f.last, c)
		}
	}
}

// pending counts the pending comments of each post: the catalog's count
// plus the comments kept since the catalog was loaded.
type pending struct {
	max   int
	mu    sync.Mutex
	added map[string]int
}

// take counts one more pending comment on post unless it has max already;
// give it back with release when the comment is not kept.
func (p *pending) take(cat *Catalog, post string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.max > 0 && cat.Pending[post]+p.added[post] >= p.max {
		return false
	}
	p.added[post]++
	return true
}

func (p *pending) release(post string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.added[post]--
}

// reset forgets what was kept, when a new catalog counts it.
func (p *pending) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.added = map[string]int{}
}
