// Package site assembles loaded content into the read-only site graph.
//
// Assemble takes the typed files of a site and its configuration and
// decides everything about the site that is not rendering: which posts are
// published, each page's URL, the order of posts, tags and categories,
// authors and their posts, every paginated list (home, terms, authors,
// archives), the featured posts, previous and next posts, comment threads,
// redirects, and the feeds. It does no I/O and never changes its inputs; the
// graph it returns is not changed afterwards, so every goroutine of the
// render stage may read it.
//
// URLs, relative to the base URL:
//
//	/                          home, paginated: /page/2/ ...
//	/:year/:month/:slug/       a post (the pattern is permalinks.post)
//	/:slug/                    a page (permalinks.page)
//	/tags/  /tags/<term>/      all tags, one tag (paginated)
//	/categories/ /categories/<term>/
//	/authors/ /authors/<id>/
//	/2013/  /2013/06/          year and month archives (paginated)
//	index.xml atom.xml feed.json  RSS 2.0, Atom and JSON Feed, for the
//	                           site and under every tag, category and author
//	/sitemap.xml /robots.txt /404.html
package site

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/slug"
)

// Options choose which posts a build publishes.
type Options struct {
	Drafts bool      // publish drafts
	Future bool      // publish posts dated after Now, and expired ones
	Now    time.Time // the time the build runs; posts after it are future
}

// Site is the whole graph of a site.
type Site struct {
	Config     *config.Config
	Posts      []*Post // published posts, newest first
	Pages      []*Page
	Authors    []*Author // by name
	Tags       []*Term   // by name, case-insensitively
	Categories []*Term
	Years      []*Archive // newest first
	Featured   []*Post    // the home carousel
	Series     []*Series  // by slug
	Lists      []*List    // every paginated list
	Feeds      []*Feed
	Aliases    []Alias
	// QueryAliases are old URLs with a query string, such as WordPress's
	// /?p=123, which static hosting cannot serve as files; the theme
	// redirects them from the home page.
	QueryAliases []Alias
	Menu         []config.MenuItem
	// Skipped counts the posts left out: drafts, future and expired.
	Skipped int
	// Due is when the next post left out for its date falls due.
	Due NextDue
	// NoFile are the authors that posts name and content/authors/ has no
	// file for, by id: authors all the same, with a page and no bio.
	NoFile []*Author

	authorByID   map[string]*Author
	authorByName map[string]*Author // lower-cased name -> author with a file
	base         basePath
}

// Post is a published post with its place in the site.
type Post struct {
	*content.Post
	Index      int    // position in Site.Posts
	URL        string // path from the site root, "/2013/06/slug/"
	Authors    []*Author
	Tags       []*Term
	Categories []*Term
	Prev, Next *Post // older and newer post
	Comments   []*Thread
	// CommentCount counts the comments shown: approved ones whose
	// parents are shown too.
	CommentCount int
	// Mentions are the approved mentions of the post on other sites,
	// oldest first; they are not comments and CommentCount leaves them
	// out.
	Mentions []*content.Comment
	// Related are the posts most like this one ([related] count).
	Related []*Post
	// Series is the series the post is a part of, or nil.
	Series *Series
}

// Folder is the folder of the post's URL, where the files of its page
// bundle go: the URL itself, or the folder of a URL that names a file.
func (p *Post) Folder() string {
	if strings.HasSuffix(p.URL, "/") {
		return p.URL
	}
	return path.Dir(p.URL) + "/"
}

// Modified is the post's last modification: its lastmod, or its date
// when it has none or an earlier one.
func (p *Post) Modified() time.Time {
	if p.Lastmod.After(p.Date) {
		return p.Lastmod
	}
	return p.Date
}

// Discussion returns what the comment section of the post shows.
func (p *Post) Discussion() *Discussion {
	return &Discussion{Thread: p.Slug, Open: p.Post.Comments == content.CommentsOpen,
		Comments: p.Comments, CommentCount: p.CommentCount, Mentions: p.Mentions}
}

// Page is a published standalone page.
type Page struct {
	*content.Page
	URL string
	// Comments, CommentCount and Mentions are as a post's.
	Comments     []*Thread
	CommentCount int
	Mentions     []*content.Comment
}

// Discussion returns what the comment section of the page shows.
func (p *Page) Discussion() *Discussion {
	return &Discussion{Thread: content.PageThreads + "/" + p.Slug, Open: p.Page.Comments == content.CommentsOpen,
		Comments: p.Comments, CommentCount: p.CommentCount, Mentions: p.Mentions}
}

// Discussion is the comment section of a post or a page: its approved
// comments, its approved mentions, and whether it takes new comments.
type Discussion struct {
	// Thread is the name of the post or page for the comment form and
	// moderation (content.Comment.Thread): a post's slug, or "pages/"
	// and a page's slug.
	Thread string
	// Open reports whether the front matter lets readers comment; the
	// site's [comments] enabled must allow it too.
	Open         bool
	Comments     []*Thread
	CommentCount int
	Mentions     []*content.Comment
}

// Shown lists the shown comments in reading order, replies after their
// parents, for the "Reply to" choice of the comment form.
func (d *Discussion) Shown() []*Thread {
	var out []*Thread
	var walk func([]*Thread)
	walk = func(ts []*Thread) {
		for _, t := range ts {
			out = append(out, t)
			walk(t.Replies)
		}
	}
	walk(d.Comments)
	return out
}

// Any reports whether there is something to show: a comment or a
// mention.
func (d *Discussion) Any() bool { return len(d.Comments) > 0 || len(d.Mentions) > 0 }

// Author is an author with the posts they wrote.
type Author struct {
	*content.Author
	URL   string
	Posts []*Post
	List  *List
}

// Term is one tag or category.
type Term struct {
	Kind     string // "tags" or "categories"
	Name     string // as first written
	Slug     string
	URL      string
	Posts    []*Post // newest first
	Featured []*Post // featured posts of a category, newest first
	List     *List
}

// Archive is the posts of one year or one month.
type Archive struct {
	Year   int
	Month  time.Month // 0 for a year archive
	URL    string
	Posts  []*Post
	Months []*Archive // of a year archive, newest first
	List   *List
}

// Thread is an approved comment and the approved replies to it.
type Thread struct {
	*content.Comment
	Replies []*Thread
	Depth   int
}

// Alias is an old URL that redirects to a new one.
type Alias struct {
	From   string // path of the old URL, "/2013/06/old/"
	To     string // path of the new URL
	Source string // the file that declared it
	Line   int    // the line of Source that declared it
}

// Title returns the archive's heading, "2013" or "June 2013".
func (a *Archive) Title() string {
	if a.Month == 0 {
		return strconv.Itoa(a.Year)
	}
	return fmt.Sprintf("%s %d", a.Month, a.Year)
}

// Author returns the author with id, or nil.
func (s *Site) Author(id string) *Author { return s.authorByID[id] }

// AbsURL returns the absolute URL of a path from the site root. A path
// written without its leading slash ("img/ana.png", as an avatar may be)
// is from the site root too.
func (s *Site) AbsURL(p string) string {
	if hasScheme(p) {
		return p
	}
	return strings.TrimSuffix(s.Config.BaseURL, "/") + escapePath(rooted(p))
}

// RelURL returns a path from the site root under the base URL's path, for
// sites served from a sub-folder; a path without its leading slash is
// from the site root too.
func (s *Site) RelURL(p string) string {
	switch {
	case hasScheme(p):
		return p
	case !s.base.ok:
		return rooted(p)
	}
	return s.base.path + escapePath(rooted(p))
}

// hasScheme reports whether p is a URL with a scheme ("https:",
// "mailto:", "data:") rather than a path.
func hasScheme(p string) bool {
	i := strings.IndexAny(p, ":/?#")
	return i > 0 && p[i] == ':'
}

// rooted returns the path p from the site root, with a leading slash
// ("" stays "").
func rooted(p string) string {
	if p == "" || strings.HasPrefix(p, "/") {
		return p
	}
	return "/" + p
}

// basePath is the path of the base URL without its final slash, worked
// out once: templates ask for relative URLs many times a page.
type basePath struct {
	path string
	ok   bool // the base URL parsed
}

func newBasePath(baseURL string) basePath {
	u, err := url.Parse(baseURL)
	if err != nil {
		return basePath{}
	}
	return basePath{path: strings.TrimSuffix(u.Path, "/"), ok: true}
}

// escapePath percent-encodes a path's segments, keeping slashes.
func escapePath(p string) string {
	for i := 0; i < len(p); i++ {
		if !plainPathByte(p[i]) {
			return (&url.URL{Path: p}).EscapedPath()
		}
	}
	return p
}

// plainPathByte reports whether c stands for itself in a URL path.
func plainPathByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '/' || c == '-' || c == '.' || c == '_' || c == '~'
}

// Assemble builds the site graph. It reports every problem it finds: two
// pages with one URL, a missing author, a comment on no post.
func Assemble(cfg *config.Config, c *content.Site, opts Options) (*Site, error) {
	s := &Site{Config: cfg, authorByID: map[string]*Author{}, authorByName: map[string]*Author{}, base: newBasePath(cfg.BaseURL)}
	var errs diag.List
	s.addAuthors(c.Authors)
	s.addPosts(c.Posts, opts, &errs)
	s.addPages(c.Pages, opts)
	s.addTerms()
	s.addArchives()
	s.addComments(c, &errs)
	s.addFeatured()
	s.addSeries()
	s.addRelated()
	s.Due = nextDue(c.Posts, opts)
	s.addLists()
	s.addFeeds()
	s.addAliases(&errs)
	s.Menu = cfg.Menu
	if len(s.Menu) == 0 {
		s.Menu = s.defaultMenu()
	}
	checkURLs(s, &errs)
	return s, errs.Err()
}

func (s *Site) addAuthors(authors []*content.Author) {
	for _, a := range authors {
		s.addAuthor(a)
	}
	for _, a := range s.Authors {
		if key := strings.ToLower(a.Name); s.authorByName[key] == nil {
			s.authorByName[key] = a
		}
	}
	s.sortAuthors()
}

func (s *Site) addAuthor(a *content.Author) *Author {
	au := &Author{Author: a, URL: "/authors/" + a.ID + "/"}
	s.Authors = append(s.Authors, au)
	s.authorByID[a.ID] = au
	return au
}

func (s *Site) sortAuthors() {
	slices.SortFunc(s.Authors, func(a, b *Author) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.ID, b.ID))
	})
	slices.SortFunc(s.NoFile, func(a, b *Author) int { return strings.Compare(a.ID, b.ID) })
}

// author returns the author a post names: by id, by the slug of what it
// says, or by name. A name no file has becomes an author without a file
// (NoFile), whose id is its slug; nil when the name has no letter or
// digit to make one.
func (s *Site) author(ref string) *Author {
	if a := s.authorByID[ref]; a != nil {
		return a
	}
	id := slug.Make(ref)
	if a := s.authorByID[id]; a != nil {
		return a
	}
	if a := s.authorByName[strings.ToLower(ref)]; a != nil {
		return a
	}
	if id == "" {
		return nil
	}
	a := s.addAuthor(&content.Author{ID: id, Name: ref})
	s.NoFile = append(s.NoFile, a)
	return a
}

// published reports whether a post is in this build.
func published(p *content.Post, opts Options) bool {
	if p.Draft && !opts.Drafts {
		return false
	}
	if opts.Future {
		return true
	}
	if p.Date.After(opts.Now) {
		return false
	}
	return p.Expiry.IsZero() || p.Expiry.After(opts.Now)
}

func (s *Site) addPosts(posts []*content.Post, opts Options, errs *diag.List) {
	for _, p := range posts {
		if !published(p, opts) {
			s.Skipped++
			continue
		}
		post := &Post{Post: p, URL: postURL(s.Config.Permalinks.Post, p)}
		for _, id := range p.Authors {
			a := s.author(id)
			if a == nil {
				errs.Addf(p.Source, p.AuthorLine, "author %q has no letter or digit to make an id of; write the author's name or id", id)
				continue
			}
			post.Authors = append(post.Authors, a)
		}
		s.Posts = append(s.Posts, post)
	}
	s.sortAuthors()
	slices.SortFunc(s.Posts, func(a, b *Post) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Slug, b.Slug), strings.Compare(a.Source, b.Source))
	})
	for i, p := range s.Posts {
		p.Index = i
		if i > 0 {
			p.Next = s.Posts[i-1]
		}
		if i+1 < len(s.Posts) {
			p.Prev = s.Posts[i+1]
		}
		for _, a := range p.Authors {
			a.Posts = append(a.Posts, p)
		}
	}
}

// postURL returns the URL of a post: its own path when it has one (a
// pattern of its own if that holds placeholders), else the site's
// permalink pattern.
func postURL(pattern string, p *content.Post) string {
	switch {
	case p.Path == "":
		return permalink(pattern, p)
	case strings.Contains(p.Path, ":"):
		return permalink(p.Path, p)
	}
	return aliasURL(p.Path)
}

// permalink expands a permalink pattern for a post.
func permalink(pattern string, p *content.Post) string {
	category, author := "uncategorized", "anonymous"
	if len(p.Category) > 0 {
		category = slug.Make(p.Category[0])
	}
	if len(p.Authors) > 0 {
		author = p.Authors[0]
	}
	var b strings.Builder
	b.Grow(len(pattern) + len(p.Slug) + 8)
	for rest := pattern; rest != ""; {
		i := strings.IndexByte(rest, ':')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		rest = rest[i:]
		switch {
		case strings.HasPrefix(rest, ":year"):
			b.WriteString(fmt.Sprintf("%04d", p.Date.Year()))
			rest = rest[len(":year"):]
		case strings.HasPrefix(rest, ":month"):
			b.WriteString(fmt.Sprintf("%02d", int(p.Date.Month())))
			rest = rest[len(":month"):]
		case strings.HasPrefix(rest, ":day"):
			b.WriteString(fmt.Sprintf("%02d", p.Date.Day()))
			rest = rest[len(":day"):]
		case strings.HasPrefix(rest, ":section"):
			b.WriteString(p.Section)
			rest = rest[len(":section"):]
		case strings.HasPrefix(rest, ":slug"):
			b.WriteString(p.Slug)
			rest = rest[len(":slug"):]
		case strings.HasPrefix(rest, ":title"):
			b.WriteString(p.Slug)
			rest = rest[len(":title"):]
		case strings.HasPrefix(rest, ":category"):
			b.WriteString(category)
			rest = rest[len(":category"):]
		case strings.HasPrefix(rest, ":author"):
			b.WriteString(author)
			rest = rest[len(":author"):]
		default:
			b.WriteByte(':')
			rest = rest[1:]
		}
	}
	return cleanURL(b.String(), namesFile(pattern))
}

// cleanURL makes a path absolute with a trailing slash, a folder that
// holds index.html, unless file says it names a file. A dot in the last
// segment ("/2024/05/Rust-1.78.0") is part of the name, not an extension.
func cleanURL(p string, file bool) string {
	p = path.Clean("/" + p)
	if !file && p != "/" {
		p += "/"
	}
	return p
}

// namesFile reports whether a permalink pattern names a file: its last
// segment ends in an extension of its own, as "/:slug.html" does.
func namesFile(pattern string) bool {
	last := pattern[strings.LastIndexByte(pattern, '/')+1:]
	ext := path.Ext(last)
	return len(ext) > 1 && !strings.ContainsAny(ext, ":")
}

// pageExtensions are the extensions that make an old URL a file rather
// than a folder: the pages of web servers and generators.
var pageExtensions = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".php": true,
	".asp": true, ".aspx": true, ".jsp": true, ".cgi": true, ".xml": true,
}

// aliasURL is cleanURL for an old URL, which has no pattern: it names a
// file only when it ends in the extension of a web page.
func aliasURL(p string) string {
	return cleanURL(p, pageExtensions[strings.ToLower(path.Ext(p))])
}

func (s *Site) addPages(pages []*content.Page, opts Options) {
	for _, p := range pages {
		if p.Draft && !opts.Drafts {
			continue
		}
		s.Pages = append(s.Pages, &Page{Page: p, URL: PageURL(s.Config.Permalinks.Page, p)})
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Title, b.Title), strings.Compare(a.Source, b.Source))
	})
}

// defaultMenu lists the pages marked menu: true, by weight.
func (s *Site) defaultMenu() []config.MenuItem {
	var out []config.MenuItem
	for _, p := range s.Pages {
		if p.Menu {
			out = append(out, config.MenuItem{Name: p.Title, URL: p.URL})
		}
	}
	return out
}
