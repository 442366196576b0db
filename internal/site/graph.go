package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/slug"
)

// addTerms groups posts by tag and category. Terms that differ only in case
// or punctuation ("LinkedIn", "linkedin") are one term, named as the newest
// post writes it.
func (s *Site) addTerms() {
	s.Tags = s.collectTerms("tags", func(p *Post) []string { return p.Post.Tags }, func(p *Post, t *Term) { p.Tags = append(p.Tags, t) })
	s.Categories = s.collectTerms("categories", func(p *Post) []string { return p.Category }, func(p *Post, t *Term) { p.Categories = append(p.Categories, t) })
}

func (s *Site) collectTerms(kind string, names func(*Post) []string, link func(*Post, *Term)) []*Term {
	bySlug := map[string]*Term{}
	slugOf := map[string]string{} // name as written -> slug, made once
	var terms []*Term
	for _, p := range s.Posts {
		for _, name := range names(p) {
			sl, ok := slugOf[name]
			if !ok {
				sl = slug.Make(name)
				slugOf[name] = sl
			}
			if sl == "" {
				continue
			}
			t := bySlug[sl]
			if t == nil {
				t = &Term{Kind: kind, Name: name, Slug: sl, URL: "/" + kind + "/" + sl + "/"}
				bySlug[sl] = t
				terms = append(terms, t)
			}
			if len(t.Posts) == 0 || t.Posts[len(t.Posts)-1] != p {
				t.Posts = append(t.Posts, p)
				link(p, t)
			}
		}
	}
	slices.SortFunc(terms, func(a, b *Term) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.Slug, b.Slug))
	})
	return terms
}

// addArchives groups posts by year and month.
func (s *Site) addArchives() {
	var year *Archive
	var month *Archive
	for _, p := range s.Posts {
		y, m := p.Date.Year(), p.Date.Month()
		if year == nil || year.Year != y {
			year = &Archive{Year: y, URL: fmt.Sprintf("/%04d/", y)}
			s.Years = append(s.Years, year)
			month = nil
		}
		if month == nil || month.Month != m {
			month = &Archive{Year: y, Month: m, URL: fmt.Sprintf("/%04d/%02d/", y, int(m))}
			year.Months = append(year.Months, month)
		}
		year.Posts = append(year.Posts, p)
		month.Posts = append(month.Posts, p)
	}
}

// addComments builds the approved threads and mentions of each post and
// page. A reply whose parent is not approved waits with it; a comment on a
// post or page that does not exist, or a reply to a comment that does not
// exist, is an error.
func (s *Site) addComments(c *content.Site, errs *diag.List) {
	exists := map[string]bool{} // threads of every post and page, drafts too
	for _, p := range c.Posts {
		exists[p.Slug] = true
	}
	for _, p := range c.Pages {
		exists[content.PageThreads+"/"+p.Slug] = true
	}
	byThread := map[string][]*content.Comment{}
	for _, cm := range c.Comments {
		if !exists[cm.Thread()] {
			errs.Add(noOwner(cm))
			continue
		}
		byThread[cm.Thread()] = append(byThread[cm.Thread()], cm)
	}
	for _, p := range s.Posts {
		p.Comments, p.CommentCount, p.Mentions = discussion(byThread[p.Slug], errs)
	}
	for _, p := range s.Pages {
		p.Comments, p.CommentCount, p.Mentions = discussion(byThread[content.PageThreads+"/"+p.Slug], errs)
	}
}

// noOwner is the error of a comment whose post or page does not exist.
func noOwner(cm *content.Comment) error {
	if cm.Page != "" {
		return diag.Errorf(cm.Source, 0, "no page has the slug %q; move the comment to the folder of its page, content/comments/%s/<page>/", cm.Page, content.PageThreads)
	}
	return diag.Errorf(cm.Source, 0, "no post has the slug %q; move the comment to the folder of its post", cm.Post)
}

// discussion splits the files of one post or page into its approved
// threads, their count, and its approved mentions, oldest first.
func discussion(files []*content.Comment, errs *diag.List) ([]*Thread, int, []*content.Comment) {
	if len(files) == 0 {
		return nil, 0, nil
	}
	var comments, mentions []*content.Comment
	for _, cm := range files {
		switch {
		case !cm.IsMention():
			comments = append(comments, cm)
		case cm.Status == content.StatusApproved:
			mentions = append(mentions, cm)
		}
	}
	slices.SortFunc(mentions, byDate)
	threads, n := threads(comments, errs)
	return threads, n, mentions
}

// byDate orders comments by date, then id.
func byDate(a, b *content.Comment) int {
	return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
}

// threads arranges one post's comments into approved threads, oldest first.
func threads(comments []*content.Comment, errs *diag.List) ([]*Thread, int) {
	slices.SortFunc(comments, byDate)
	byID := map[string]*content.Comment{}
	children := map[string][]*content.Comment{}
	for _, cm := range comments {
		byID[cm.ID] = cm
	}
	var roots []*content.Comment
	for _, cm := range comments {
		switch {
		case cm.Parent == "":
			roots = append(roots, cm)
		case byID[cm.Parent] == nil:
			errs.Addf(cm.Source, cm.ParentLine, "parent %q is not a comment of this post or page; fix the id or remove the line", cm.Parent)
		default:
			children[cm.Parent] = append(children[cm.Parent], cm)
		}
	}
	count := 0
	var build func(cs []*content.Comment, depth int, seen map[string]bool) []*Thread
	build = func(cs []*content.Comment, depth int, seen map[string]bool) []*Thread {
		var out []*Thread
		for _, cm := range cs {
			if cm.Status != content.StatusApproved || seen[cm.ID] {
				continue
			}
			seen[cm.ID] = true
			count++
			t := &Thread{Comment: cm, Depth: depth}
			t.Replies = build(children[cm.ID], depth+1, seen)
			out = append(out, t)
		}
		return out
	}
	return build(roots, 0, map[string]bool{}), count
}

// addFeatured picks the featured posts of the home page and of each
// category, newest first.
func (s *Site) addFeatured() {
	n := s.Config.Featured.Count
	s.Featured = featured(s.Posts, n)
	for _, c := range s.Categories {
		c.Featured = featured(c.Posts, n)
	}
}

func featured(posts []*Post, n int) []*Post {
	var out []*Post
	for _, p := range posts {
		if len(out) == n {
			break
		}
		if p.Featured {
			out = append(out, p)
		}
	}
	return out
}

// addAliases collects the redirects that posts and pages declare.
func (s *Site) addAliases(errs *diag.List) {
	add := func(from, to, source string, line int) {
		switch {
		case strings.Contains(from, "://"):
			errs.Addf(source, line, "alias %q must be a path such as /2013/06/old-title/, not a full URL", from)
		case strings.Contains(from, "?"):
			s.QueryAliases = append(s.QueryAliases, Alias{From: from, To: to, Source: source, Line: line})
		case aliasURL(from) != to:
			s.Aliases = append(s.Aliases, Alias{From: aliasURL(from), To: to, Source: source, Line: line})
		}
	}
	for _, p := range s.Posts {
		for _, a := range p.Aliases {
			add(a, p.URL, p.Source, p.AliasLine)
		}
	}
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			add(a, p.URL, p.Source, p.AliasLine)
		}
	}
	slices.SortFunc(s.Aliases, func(a, b Alias) int { return strings.Compare(a.From, b.From) })
	slices.SortFunc(s.QueryAliases, func(a, b Alias) int { return strings.Compare(a.From, b.From) })
}

// Today is the date part of t, for archive headings and feeds.
func Today(t time.Time) time.Time { return t.Truncate(24 * time.Hour) }
