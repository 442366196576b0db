package render

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/htmltext"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/search"
	"github.com/blogen/blogen/internal/site"
)

// The search index of a site (see package search) is written under
// /search/: a shard file for every few posts, and a file for each post
// that its results show. A post's page adds the post to the index as it
// is rendered, and keeps its file until that is written; the shards come
// after every post page, and index the posts no page rendered this time
// (pages kept from the last build) from their cached Markdown.

// searchState is the search index of one render.
type searchState struct {
	index  *search.Index
	shards int
	ready  sync.Once
	files  sync.Map // post index -> []byte, the post's file until written
	// bodies is the hash of every post's body: the shards are made from
	// all of them.
	bodies     [sha256.Size]byte
	bodiesOnce sync.Once
}

// newSearch returns the search state of a site, or nil when search is
// off.
func newSearch(s *site.Site) *searchState {
	if !s.Config.Search.Enabled {
		return nil
	}
	return &searchState{index: search.NewIndex(len(s.Posts)), shards: search.Shards(len(s.Posts))}
}

// searchOutputs lists the files of the search index and its page.
func (r *Renderer) searchOutputs(add func(p string, k outputKind, i int)) {
	if r.search == nil {
		return
	}
	add("search/index.html", outSearchPage, 0)
	for i := range r.site.Posts {
		add(fmt.Sprintf("search/d/%d.json", i), outSearchDoc, i)
	}
	for i := range r.search.shards {
		add(fmt.Sprintf("search/s/%d.json", i), outSearchShard, i)
	}
}

// indexPost adds post i, whose body is html and summary summaryHTML, to
// the index, and keeps its file until it is written.
func (r *Renderer) indexPost(i int, html, summaryHTML string) {
	if r.search == nil || r.search.index.Has(i) {
		return
	}
	d := r.searchDoc(i, html, summaryHTML)
	r.search.index.Add(d)
	r.search.files.Store(i, search.DocFile(d))
}

// searchDoc describes post i to the index.
func (r *Renderer) searchDoc(i int, html, summaryHTML string) search.Doc {
	p := r.site.Posts[i]
	summary := p.Post.Summary
	if summary == "" {
		summary = htmltext.PlainText(summaryHTML)
	}
	d := search.Doc{ID: i, URL: r.site.RelURL(p.URL), Title: p.Title, Date: p.Date.Format(pagedata.DateLayout),
		Summary: htmltext.Truncate(summary, 240), Text: htmltext.PlainText(html)}
	for _, t := range p.Tags {
		d.Meta = append(d.Meta, t.Name)
	}
	for _, c := range p.Categories {
		d.Meta = append(d.Meta, c.Name)
	}
	for _, a := range p.Authors {
		d.Meta = append(d.Meta, a.Name)
	}
	return d
}

// searchDocFile returns the file of post i: the one its page kept, else
// made from its Markdown.
func (r *Renderer) searchDocFile(i int) ([]byte, error) {
	if b, ok := r.search.files.LoadAndDelete(i); ok {
		return b.([]byte), nil
	}
	html, summary, err := r.renderMarkdown(i)
	if err != nil {
		return nil, err
	}
	return search.DocFile(r.searchDoc(i, html, summary)), nil
}

// searchShard returns shard n, indexing first the posts that no page
// added.
func (r *Renderer) searchShard(n int) ([]byte, error) {
	var err error
	r.search.ready.Do(func() {
		for i := range r.site.Posts {
			if r.search.index.Has(i) {
				continue
			}
			html, summary, e := r.renderMarkdown(i)
			if e != nil {
				err = e
				return
			}
			r.search.index.Add(r.searchDoc(i, html, summary))
		}
	})
	if err != nil {
		return nil, err
	}
	return r.search.index.Shard(n), nil
}

// allBodies is the hash of the bodies of every post, in order.
func (r *Renderer) allBodies() [sha256.Size]byte {
	r.search.bodiesOnce.Do(func() {
		h := sha256.New()
		for _, p := range r.site.Posts {
			h.Write(p.Post.BodySum[:])
		}
		copy(r.search.bodies[:], h.Sum(nil))
	})
	return r.search.bodies
}

// outputInputs is the key of everything output o is made from, given
// the posts whose bodies it read: for a shard of the search index, the
// bodies of all posts.
func (r *Renderer) outputInputs(o output, posts []int) cache.Key {
	if o.kind != outSearchShard || r.opts.Graph == (cache.Key{}) {
		return r.inputs(o.path, posts)
	}
	return cache.OutputKey(r.opts.Graph, o.path, r.allBodies())
}
