package site

import (
	"fmt"
	"strconv"
)

// List is a paginated list of posts: the home page, a tag, a category, an
// author or an archive.
type List struct {
	Kind    string // "home", "tags", "categories", "authors", "archive"
	Title   string
	URL     string // URL of its first page
	Posts   []*Post
	Pagers  []*Pager
	Term    *Term
	Author  *Author
	Archive *Archive
}

// Pager is one page of a List.
type Pager struct {
	List       *List
	Number     int // 1-based
	Total      int
	Posts      []*Post
	URL        string // "/tags/x/" for the first page, "/tags/x/page/2/" after
	Prev, Next *Pager
}

// First and Last report the pager's place in its list.
func (p *Pager) First() bool { return p.Number == 1 }

// Last reports whether p is the last page of its list.
func (p *Pager) Last() bool { return p.Number == p.Total }

func (s *Site) addLists() {
	per := s.Config.Pagination.PerPage
	add := func(l *List) *List {
		l.Pagers = paginate(l, per)
		s.Lists = append(s.Lists, l)
		return l
	}
	add(&List{Kind: "home", Title: s.Config.Title, URL: "/", Posts: s.Posts})
	for _, t := range s.Tags {
		t.List = add(&List{Kind: "tags", Title: t.Name, URL: t.URL, Posts: t.Posts, Term: t})
	}
	for _, t := range s.Categories {
		t.List = add(&List{Kind: "categories", Title: t.Name, URL: t.URL, Posts: t.Posts, Term: t})
	}
	for _, a := range s.Authors {
		a.List = add(&List{Kind: "authors", Title: a.Name, URL: a.URL, Posts: a.Posts, Author: a})
	}
	for _, y := range s.Years {
		y.List = add(&List{Kind: "archive", Title: y.Title(), URL: y.URL, Posts: y.Posts, Archive: y})
		for _, m := range y.Months {
			m.List = add(&List{Kind: "archive", Title: m.Title(), URL: m.URL, Posts: m.Posts, Archive: m})
		}
	}
}

// paginate splits a list into pages of per posts. An empty list still has
// one (empty) page, so the home page of a new site exists.
func paginate(l *List, per int) []*Pager {
	total := max(1, (len(l.Posts)+per-1)/per)
	pagers := make([]*Pager, total)
	for i := range pagers {
		lo, hi := i*per, min((i+1)*per, len(l.Posts))
		p := &Pager{List: l, Number: i + 1, Total: total, Posts: l.Posts[lo:hi], URL: l.URL}
		if i > 0 {
			p.URL = l.URL + "page/" + strconv.Itoa(i+1) + "/"
			p.Prev = pagers[i-1]
			pagers[i-1].Next = p
		}
		pagers[i] = p
	}
	return pagers
}

// Feed is one feed's posts and where it is published: the site's, or a
// tag's, category's or author's.
type Feed struct {
	Title string
	URL   string  // the folder: "/" or "/tags/x/"
	Posts []*Post // newest first, at most feeds.limit
	List  *List
}

// The file names of the three feed formats, in every feed folder.
const (
	RSSFile  = "index.xml"
	AtomFile = "atom.xml"
	JSONFile = "feed.json"
)

func (s *Site) addFeeds() {
	limit := s.Config.Feeds.Limit
	for _, l := range s.Lists {
		if l.Kind == "archive" {
			continue
		}
		title := s.Config.Title
		if l.Kind != "home" {
			title = fmt.Sprintf("%s: %s", s.Config.Title, l.Title)
		}
		s.Feeds = append(s.Feeds, &Feed{Title: title, URL: l.URL, Posts: l.Posts[:min(limit, len(l.Posts))], List: l})
	}
}

// FeaturedOn returns the posts of the carousel on a list page: the site's
// on the first page of the home list, the category's on the first page of
// a category.
func (s *Site) FeaturedOn(pg *Pager) []*Post {
	l := pg.List
	switch {
	case pg.Number != 1:
		return nil
	case l.Kind == "home":
		return s.Featured
	case l.Term != nil && l.Term.Kind == "categories":
		return l.Term.Featured
	}
	return nil
}
