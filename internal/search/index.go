package search

import (
	"cmp"
	"encoding/json"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The weights of a term in a post: a word of the title outweighs any
// number of the text, so title matches come first; tags, categories,
// authors and the summary come next.
const (
	TitleWeight = 100
	MetaWeight  = 20
	maxBodyHits = 19
)

// MaxPostings caps the posts a term lists: a word in more posts than this
// keeps those where it weighs most (then the newest), so that no shard
// grows with the site because of a few common words.
const MaxPostings = 2000

// MaxText caps the text of a post kept for the snippets of its results.
const MaxText = 3000

// Doc is one post as the index sees it. ID is its place among the site's
// posts, newest first.
type Doc struct {
	ID      int
	URL     string
	Title   string
	Date    string // as the theme shows dates
	Summary string // plain text
	Meta    []string
	Text    string // the plain text of the body
}

// posting is one post of a term and the term's weight in it.
type posting struct {
	doc    int32
	weight uint8
}

// Index collects the posts of a site, from any goroutine, and writes the
// shards. Adding a post twice keeps the first; the shards depend only on
// the posts added, never on the order they came in.
type Index struct {
	mu    sync.Mutex
	added []bool
	post  map[string][]posting // term -> its posts, in the order added
	once  sync.Once
	shard [][]byte
}

// NewIndex returns an index of n posts.
func NewIndex(n int) *Index {
	return &Index{added: make([]bool, n), post: map[string][]posting{}}
}

// Has reports whether post id has been added, or the shards are made
// and no post can be added any more.
func (x *Index) Has(id int) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.post == nil || x.added[id]
}

// Add indexes a post.
func (x *Index) Add(d Doc) {
	w := map[string]int{}
	Tokens(d.Text, func(t string) { w[t] = min(w[t]+1, maxBodyHits) })
	meta := func(s string) {
		Tokens(s, func(t string) { w[t] = w[t]%MetaWeight + MetaWeight })
	}
	for _, m := range d.Meta {
		meta(m)
	}
	meta(d.Summary)
	Tokens(d.Title, func(t string) { w[t] = w[t]%TitleWeight + TitleWeight })
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.post == nil || x.added[d.ID] {
		return
	}
	x.added[d.ID] = true
	for t, weight := range w {
		x.post[t] = append(x.post[t], posting{int32(d.ID), uint8(weight)})
	}
}

// Shards returns the number of shards for a site of n posts: about one
// for every sixteen posts, a power of two from 8 to 8192.
func Shards(n int) int {
	s := 1 << bits.Len(uint(max(n/16, 1)))
	return min(max(s, 8), 8192)
}

// Shard returns the JSON of shard i; every post must have been added. The
// shards are made once, on the first call.
func (x *Index) Shard(i int) []byte {
	x.once.Do(x.build)
	return x.shard[i]
}

// build makes every shard.
func (x *Index) build() {
	x.mu.Lock()
	defer x.mu.Unlock()
	n := Shards(len(x.added))
	byShard := make([][]string, n)
	for t, ps := range x.post {
		slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		s := ShardOf(t, n)
		byShard[s] = append(byShard[s], t)
	}
	x.shard = make([][]byte, n)
	for s, terms := range byShard {
		slices.Sort(terms)
		x.shard[s] = encodeShard(terms, x.post)
	}
	x.post = nil
}

// encodeShard writes the terms of a shard and their postings as JSON,
// each term's posts in order and delta-coded.
func encodeShard(terms []string, post map[string][]posting) []byte {
	b := []byte{'{'}
	for i, t := range terms {
		if i > 0 {
			b = append(b, ',')
		}
		key, _ := json.Marshal(t)
		b = append(b, key...)
		b = append(b, ':', '[')
		prev := int32(0)
		for j, p := range capPostings(post[t]) {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(p.doc-prev), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(p.weight), 10)
			prev = p.doc
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// capPostings keeps at most MaxPostings posts, those where the term
// weighs most, then the newest, in the order of posts.
func capPostings(ps []posting) []posting {
	if len(ps) <= MaxPostings {
		return ps
	}
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b posting) int { return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.doc, b.doc)) })
	ps = ps[:MaxPostings]
	slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	return ps
}

// docJSON is the file of one post.
type docJSON struct {
	URL     string `json:"u"`
	Title   string `json:"t"`
	Date    string `json:"d"`
	Summary string `json:"s"`
	Text    string `json:"x"`
}

// DocFile returns the JSON of a post's file, with its text cut to MaxText
// bytes at a word.
func DocFile(d Doc) []byte {
	b, _ := json.Marshal(docJSON{URL: d.URL, Title: d.Title, Date: d.Date, Summary: d.Summary, Text: clip(d.Text, MaxText)})
	return b
}

// clip cuts s to at most n bytes, at the last space before that when
// there is one in the second half.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s
}
