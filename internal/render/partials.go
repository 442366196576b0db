package render

import (
	"html/template"
	"sync"
)

// partialCacheBytes bounds the memory of the partials a renderer keeps
// (Page.Cached): room for every variant of the sidebar and footer and for
// the summary cards of the posts that the list pages being rendered show
// (Site renders list pages newest first, so a card is needed again soon or
// not at all), little enough that memory does not grow with the site. Site
// also forgets a post's cards as soon as no list page left to render shows
// the post, so the bound is seldom reached.
const partialCacheBytes = 4 << 20

// partialOverhead is what a cached partial costs besides its key, its
// HTML and its posts: the entry, its place in the index and the list.
const partialOverhead = 160

// cachedPartial is one partial's output, made once while it is cached.
type cachedPartial struct {
	once sync.Once
	html template.HTML
	err  error
	deps []int // the posts whose bodies it read

	// Kept by the cache, under its lock.
	key        string
	size       int  // bytes counted against the bound, 0 until made
	post       int  // the one post it read, or -1
	cached     bool // still in the cache
	prev, next *cachedPartial
}

// partialCache keeps the most recently used partials of a renderer, up to
// a number of bytes. It is safe for concurrent use.
type partialCache struct {
	mu      sync.Mutex
	limit   int
	bytes   int
	entries map[string]*cachedPartial
	byPost  map[int][]*cachedPartial // partials that read one post alone
	// head is the most recently used entry, tail the least.
	head, tail *cachedPartial
}

func newPartialCache(limit int) *partialCache {
	return &partialCache{limit: limit, entries: map[string]*cachedPartial{}, byPost: map[int][]*cachedPartial{}}
}

// get returns the cached partial of key, or a new empty one, which the
// caller makes and then passes to made.
func (pc *partialCache) get(key string) *cachedPartial {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if c, ok := pc.entries[key]; ok {
		pc.unlink(c)
		pc.pushFront(c)
		return c
	}
	c := &cachedPartial{key: key, post: -1, cached: true}
	pc.entries[key] = c
	pc.pushFront(c)
	return c
}

// made counts a partial that has been made against the bound, forgetting
// the least recently used ones when the cache holds too much.
func (pc *partialCache) made(c *cachedPartial) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if !c.cached || c.size > 0 {
		return
	}
	c.size = partialOverhead + len(c.key) + len(c.html) + 8*len(c.deps)
	pc.bytes += c.size
	if len(c.deps) == 1 {
		c.post = c.deps[0]
		pc.byPost[c.post] = append(pc.byPost[c.post], c)
	}
	for pc.bytes > pc.limit && pc.tail != nil {
		pc.remove(pc.tail)
	}
}

// release forgets the partials made from post alone, once no output left
// to render needs them.
func (pc *partialCache) release(post int) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	for len(pc.byPost[post]) > 0 {
		pc.remove(pc.byPost[post][0])
	}
}

// remove forgets c.
func (pc *partialCache) remove(c *cachedPartial) {
	pc.unlink(c)
	delete(pc.entries, c.key)
	c.cached = false
	pc.bytes -= c.size
	if c.post < 0 {
		return
	}
	same := pc.byPost[c.post]
	for i, o := range same {
		if o == c {
			same = append(same[:i], same[i+1:]...)
			break
		}
	}
	if len(same) == 0 {
		delete(pc.byPost, c.post)
	} else {
		pc.byPost[c.post] = same
	}
}

func (pc *partialCache) pushFront(c *cachedPartial) {
	c.prev, c.next = nil, pc.head
	if pc.head != nil {
		pc.head.prev = c
	}
	pc.head = c
	if pc.tail == nil {
		pc.tail = c
	}
}

func (pc *partialCache) unlink(c *cachedPartial) {
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		pc.head = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		pc.tail = c.prev
	}
	c.prev, c.next = nil, nil
}
