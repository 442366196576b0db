package site

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/slug"
)

// Series is the posts that name one series, oldest first.
type Series struct {
	Name  string // as the first part writes it
	Slug  string
	Posts []*Post
}

// Part returns the 1-based place of p in the series, or 0.
func (s *Series) Part(p *Post) int {
	for i, q := range s.Posts {
		if q == p {
			return i + 1
		}
	}
	return 0
}

// addSeries groups the posts that name a series, in date order. Names
// that differ only in case or punctuation are one series.
func (s *Site) addSeries() {
	bySlug := map[string]*Series{}
	for _, p := range s.Posts { // newest first
		if p.Post.Series == "" {
			continue
		}
		sl := slug.Make(p.Post.Series)
		if sl == "" {
			continue
		}
		sr := bySlug[sl]
		if sr == nil {
			sr = &Series{Name: p.Post.Series, Slug: sl}
			bySlug[sl] = sr
			s.Series = append(s.Series, sr)
		}
		sr.Posts = append(sr.Posts, p)
		p.Series = sr
	}
	for _, sr := range s.Series {
		slices.Reverse(sr.Posts)
		sr.Name = sr.Posts[0].Post.Series
	}
	slices.SortFunc(s.Series, func(a, b *Series) int { return strings.Compare(a.Slug, b.Slug) })
}

// The weights of what two posts share, for related posts: a tag says
// most about what a post is about, an author least.
const (
	tagWeight      = 3
	categoryWeight = 2
	authorWeight   = 1
)

// addRelated picks each post's related posts: those sharing the most
// tags, categories and authors (weighted), then the closest in date,
// then the newer. A post is never related to itself, and posts sharing
// nothing are not related.
func (s *Site) addRelated() {
	n := s.Config.Related.Count
	if n == 0 || len(s.Posts) < 2 {
		return
	}
	score := make([]int32, len(s.Posts))
	var touched []int
	for _, p := range s.Posts {
		touched = touched[:0]
		add := func(posts []*Post, w int32) {
			for _, q := range posts {
				if score[q.Index] == 0 {
					touched = append(touched, q.Index)
				}
				score[q.Index] += w
			}
		}
		for _, t := range p.Tags {
			add(t.Posts, tagWeight)
		}
		for _, c := range p.Categories {
			add(c.Posts, categoryWeight)
		}
		for _, a := range p.Authors {
			add(a.Posts, authorWeight)
		}
		p.Related = s.best(p, touched, score, n)
		for _, i := range touched {
			score[i] = 0
		}
	}
}

// best returns the n posts of candidates with the highest score, the
// nearest in date first among equals, leaving out p itself. It keeps the
// n best as it goes rather than sorting every candidate: a post of a big
// category has thousands.
func (s *Site) best(p *Post, candidates []int, score []int32, n int) []*Post {
	better := func(a, b int) bool {
		return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(distance(p, s.Posts[a]), distance(p, s.Posts[b])), cmp.Compare(a, b)) < 0
	}
	top := make([]int, 0, n+1)
	for _, i := range candidates {
		if i == p.Index || len(top) == n && !better(i, top[n-1]) {
			continue
		}
		j := len(top)
		top = append(top, i)
		for ; j > 0 && better(i, top[j-1]); j-- {
			top[j] = top[j-1]
		}
		top[j] = i
		top = top[:min(len(top), n)]
	}
	out := make([]*Post, len(top))
	for k, i := range top {
		out[k] = s.Posts[i]
	}
	return out
}

// distance is how far apart two posts were published.
func distance(a, b *Post) time.Duration {
	d := a.Date.Sub(b.Date)
	if d < 0 {
		return -d
	}
	return d
}

// NextDue is when the build's site next changes by the clock alone: the
// first date of a post not yet published (drafts only when they are
// built), or the first expiry of a published one.
type NextDue struct {
	Time time.Time // zero when nothing is due
	Post *content.Post
	// Expires says the post then leaves the site rather than joins it.
	Expires bool
}

// nextDue finds the next post to fall due after opts.Now.
func nextDue(posts []*content.Post, opts Options) NextDue {
	var due NextDue
	if opts.Future {
		return due
	}
	consider := func(t time.Time, p *content.Post, expires bool) {
		if t.After(opts.Now) && (due.Time.IsZero() || t.Before(due.Time) || t.Equal(due.Time) && p.Source < due.Post.Source) {
			due = NextDue{Time: t, Post: p, Expires: expires}
		}
	}
	for _, p := range posts {
		if p.Draft && !opts.Drafts {
			continue
		}
		consider(p.Date, p, false)
		if !p.Expiry.IsZero() && !p.Date.After(opts.Now) {
			consider(p.Expiry, p, true)
		}
	}
	return due
}
