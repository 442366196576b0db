package render

// A post's summary card and summary are needed by every list page that
// shows the post, and its summary by every feed that carries it. Site
// counts those outputs before it renders them and lets go of the post's
// cards and text after the last one: on a large site, memory then holds
// only the posts of the list pages being rendered. An output that asks for
// a post let go of (a theme's own page listing posts) gets it rendered
// again.

// countReaders notes, for every post, how many list pages and feeds will
// show it.
func (r *Renderer) countReaders() {
	for _, o := range r.outputs {
		r.shownBy(o, func(i int, onPager bool) {
			slot := &r.st.posts[i]
			if onPager {
				slot.pagers.Add(1)
			}
			slot.readers.Add(1)
		})
	}
}

// finished notes that o has been written, and lets go of the cards and
// text of the posts that no output left to render shows.
func (r *Renderer) finished(o output) {
	r.shownBy(o, func(i int, onPager bool) {
		slot := &r.st.posts[i]
		if onPager && slot.pagers.Add(-1) == 0 {
			r.st.partials.release(i)
		}
		if slot.readers.Add(-1) == 0 {
			slot.text.Store(nil)
		}
	})
}

// shownBy calls fn for every post that output o shows: the posts and the
// carousel of a list page, the posts of a feed.
func (r *Renderer) shownBy(o output, fn func(i int, onPager bool)) {
	switch o.kind {
	case outPager:
		pg := r.pagers[o.index]
		for _, p := range pg.Posts {
			fn(p.Index, true)
		}
		for _, p := range r.site.FeaturedOn(pg) {
			fn(p.Index, true)
		}
	case outRSS, outAtom, outJSONFeed:
		for _, p := range r.site.Feeds[o.index].Posts {
			fn(p.Index, false)
		}
	case outSearchDoc:
		// Not shown, but written soon after the post's page, which
		// keeps the file until then.
		fn(int(o.index), false)
	}
}

// order lists the outputs in the order Site renders them: the post pages,
// newest first, each followed by the list pages and feeds whose oldest
// post was among the posts before it, then the rest, in the order of
// outputs. A list page then finds the summaries of its posts made, or
// being made (it comes as many posts after its oldest one as there are
// workers, so that the page of that post has started), and summaries and
// cards are let go of soon after they are made.
func (r *Renderer) order() []int32 {
	nPosts, lag := len(r.site.Posts), r.workers()
	after := make([]int, len(r.outputs)) // the post each output follows
	starts := make([]int, nPosts+2)      // where the outputs after each post go
	for i := nPosts; i < len(r.outputs); i++ {
		oldest := -1
		r.shownBy(r.outputs[i], func(p int, _ bool) { oldest = max(oldest, p) })
		after[i] = nPosts
		if oldest >= 0 {
			after[i] = min(oldest+lag, nPosts-1)
		}
		starts[after[i]+1]++
	}
	for k := range nPosts {
		starts[k+1] += starts[k] + 1 // the post, then its outputs
	}
	order := make([]int32, len(r.outputs))
	for k := range nPosts {
		order[starts[k]] = int32(k)
		starts[k]++
	}
	for i := nPosts; i < len(r.outputs); i++ {
		order[starts[after[i]]] = int32(i)
		starts[after[i]]++
	}
	return order
}
