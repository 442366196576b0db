package render

import (
	"html/template"
	"strings"
	"testing"
)

// makePartial gets key from pc and makes it as Page.Cached does, with html
// of n bytes read from posts.
func makePartial(pc *partialCache, key string, n int, posts ...int) *cachedPartial {
	c := pc.get(key)
	c.once.Do(func() {
		c.html = template.HTML(strings.Repeat("x", n))
		c.deps = posts
		pc.made(c)
	})
	return c
}

func (pc *partialCache) has(key string) bool {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	_, ok := pc.entries[key]
	return ok
}

// TestPartialCacheBytes fills a cache past its bound: it forgets the least
// recently used partials, and never holds more bytes than the bound.
func TestPartialCacheBytes(t *testing.T) {
	const size = 1000 // of each partial, with its key and overhead
	pc := newPartialCache(3 * size)
	html := size - partialOverhead - len("k0")
	makePartial(pc, "k0", html)
	makePartial(pc, "k1", html)
	makePartial(pc, "k2", html)
	if pc.bytes != 3*size {
		t.Fatalf("cache holds %d bytes, want %d", pc.bytes, 3*size)
	}
	makePartial(pc, "k0", html) // used again: k1 is now the oldest
	makePartial(pc, "k3", html)
	if pc.has("k1") || !pc.has("k0") || !pc.has("k2") || !pc.has("k3") {
		t.Errorf("after k3: k0 %v, k1 %v, k2 %v, k3 %v; want k1 forgotten", pc.has("k0"), pc.has("k1"), pc.has("k2"), pc.has("k3"))
	}
	if pc.bytes > 3*size {
		t.Errorf("cache holds %d bytes, over its bound of %d", pc.bytes, 3*size)
	}
	big := makePartial(pc, "big", 10*size)
	if pc.has("big") || pc.bytes != 0 || big.html == "" {
		t.Errorf("a partial larger than the bound: kept %v, cache holds %d bytes; want it made and not kept", pc.has("big"), pc.bytes)
	}
	again := makePartial(pc, "k0", html)
	if again.html == "" || !pc.has("k0") {
		t.Error("a forgotten partial is not made again")
	}
}

// TestPartialCacheRelease forgets the partials made from one post alone
// when the post is let go of, and keeps the others.
func TestPartialCacheRelease(t *testing.T) {
	pc := newPartialCache(1 << 20)
	makePartial(pc, "card 3", 10, 3)
	makePartial(pc, "card 3 again", 10, 3)
	makePartial(pc, "card 4", 10, 4)
	makePartial(pc, "sidebar", 10)
	makePartial(pc, "pair", 10, 3, 4)
	pc.release(3)
	for key, want := range map[string]bool{"card 3": false, "card 3 again": false, "card 4": true, "sidebar": true, "pair": true} {
		if pc.has(key) != want {
			t.Errorf("after release(3): %q cached %v, want %v", key, !want, want)
		}
	}
	pc.release(4)
	pc.release(4)
	if pc.has("card 4") || len(pc.byPost) != 0 {
		t.Errorf("after release(4): card 4 cached %v, %d posts indexed", pc.has("card 4"), len(pc.byPost))
	}
	want := (partialOverhead + len("sidebar") + 10) + (partialOverhead + len("pair") + 10 + 2*8)
	if pc.bytes != want {
		t.Errorf("cache holds %d bytes, want %d", pc.bytes, want)
	}
}
