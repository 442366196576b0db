package render

import (
	"container/list"
	"sync"
)

// partialCacheSize bounds the partials a renderer keeps (Page.Cached):
// enough for every variant of the sidebar and footer and for the summary
// cards of the posts that the list pages being rendered show (Site renders
// list pages newest first, so a card is needed again soon or not at all),
// few enough that memory does not grow with the site.
const partialCacheSize = 4096

// partialCache keeps the most recently used partials of a renderer. It is
// safe for concurrent use.
type partialCache struct {
	mu      sync.Mutex
	size    int
	entries map[string]*list.Element // of *partialEntry
	order   list.List                // most recently used first
}

type partialEntry struct {
	key string
	c   *cachedPartial
}

func newPartialCache(size int) *partialCache {
	return &partialCache{size: size, entries: map[string]*list.Element{}}
}

// get returns the cached partial of key, a new empty one if there is
// none, forgetting the least recently used one when the cache is full.
func (pc *partialCache) get(key string) *cachedPartial {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if e, ok := pc.entries[key]; ok {
		pc.order.MoveToFront(e)
		return e.Value.(*partialEntry).c
	}
	c := &cachedPartial{}
	pc.entries[key] = pc.order.PushFront(&partialEntry{key: key, c: c})
	if pc.order.Len() > pc.size {
		last := pc.order.Back()
		pc.order.Remove(last)
		delete(pc.entries, last.Value.(*partialEntry).key)
	}
	return c
}
