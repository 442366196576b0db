// Package pagedata is what templates see: Page, the dot of every
// template, with the methods the theme calls (permalinks, summaries, bios,
// share links, JSON-LD, the sidebar, comment threads), and Funcs, the
// functions every template may call. A Page reads what the render stage
// made of posts through a Source, and notes in its Reads every post whose
// body it read, which the build cache uses to know when a page must be
// made again.
package pagedata

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/fonts"
	"github.com/blogen/blogen/internal/htmltext"
	"github.com/blogen/blogen/internal/search"
	"github.com/blogen/blogen/internal/site"
)

// Page is what every template receives as its dot: the site, the kind of
// page and the one thing the page is about (a post, a page, one page of a
// list, or the terms of a taxonomy).
type Page struct {
	Site        *site.Site
	Kind        string // "home", "post", "page", "list", "terms", "authors", "search", "404", "alias"
	Title       string // the page's own title, without the site's
	Description string
	URL         string // path from the site root
	Post        *site.Post
	Content     template.HTML // the post's or page's body
	Page        *site.Page
	Pager       *site.Pager
	Terms       []*site.Term // for "terms": every tag or every category
	TermKind    string       // "tags" or "categories"
	Alias       *site.Alias
	FeedURL     string    // folder of the feeds for this page, "" for none
	TOC         []Heading // a post's table of contents, nil for none

	src Source
	// reads records the posts whose bodies the page read, so that a later
	// build knows when it must make the page again.
	reads *Reads
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int    // 2 for h2 ...
	ID    string // the heading's id, for #fragment links
	Text  string // plain text
}

// Bind hands a page the site and what the render stage made of it, and
// the record of what the page reads. The render stage calls it before a
// template runs; templates never do.
func (p *Page) Bind(s *site.Site, src Source, reads *Reads) *Page {
	p.Site, p.src, p.reads = s, src, reads
	return p
}

// Config is the site's configuration.
func (p *Page) Config() *config.Config { return p.Site.Config }

// AbsURL makes a path from the site root absolute.
func (p *Page) AbsURL(path string) string { return p.Site.AbsURL(path) }

// Asset returns the URL of a stylesheet or script of the theme, given by
// its path from the site root ("/theme/style.css"): under the base URL's
// path, and named by its content when the build names it so.
func (p *Page) Asset(path string) string {
	return p.Site.RelURL("/" + p.src.Asset(strings.TrimPrefix(path, "/")))
}

// RelURL puts a path from the site root under the base URL's path.
func (p *Page) RelURL(path string) string { return p.Site.RelURL(path) }

// Permalink is the page's absolute URL.
func (p *Page) Permalink() string { return p.Site.AbsURL(p.URL) }

// Canonical is where rel=canonical points: the original of a republished
// post unless it says canonical: self, else the page itself.
func (p *Page) Canonical() string {
	if p.Post != nil && p.Post.Original != nil && !p.Post.CanonicalSelf {
		return p.Post.Original.URL
	}
	if p.Alias != nil {
		return p.Site.AbsURL(p.Alias.To)
	}
	return p.Permalink()
}

// FullTitle is the text of the <title> element: what the page is, then the
// site's title ("Posts tagged “LinkedIn”, page 2 | My blog"); the first
// page of the home list has the site's title alone.
func (p *Page) FullTitle() string {
	title := p.Title
	if pg := p.Pager; pg != nil {
		l := pg.List
		switch {
		case p.Kind == "home":
			title = ""
		case l.Term != nil && l.Term.Kind == "tags":
			title = "Posts tagged “" + l.Term.Name + "”"
		case l.Term != nil:
			title = "Category: " + l.Term.Name
		case l.Archive != nil:
			title = "Posts from " + l.Archive.Title()
		case l.Author != nil:
			title = l.Author.Name
		}
		switch {
		case pg.Number > 1 && title == "":
			title = fmt.Sprintf("Page %d", pg.Number)
		case pg.Number > 1:
			title = fmt.Sprintf("%s, page %d", title, pg.Number)
		}
	}
	if title == "" {
		return p.Site.Config.Title
	}
	return title + " | " + p.Site.Config.Title
}

// Summary returns the HTML summary of a post.
func (p *Page) Summary(post *site.Post) template.HTML {
	return template.HTML(p.summary(post.Index))
}

// SummaryText returns a post's summary as plain text, cut to about n
// characters at a word boundary.
func (p *Page) SummaryText(post *site.Post, n int) string {
	return htmltext.Truncate(htmltext.PlainText(p.summary(post.Index)), n)
}

// ReadingTime is the minutes a post takes to read, at 220 words a minute.
func (p *Page) ReadingTime(post *site.Post) int {
	return max(1, (p.words(post.Index)+219)/220)
}

// Bio returns an author's bio as HTML.
func (p *Page) Bio(a *site.Author) template.HTML { return template.HTML(p.src.Bio(a.ID)) }

// CommentHTML returns the safe HTML of a comment's body.
func (p *Page) CommentHTML(t *site.Thread) (template.HTML, error) {
	h, err := p.src.CommentHTML(t.Comment)
	return template.HTML(h), err
}

// Featured returns the posts of the carousel on this page: the site's on
// the home page, the category's on a category page.
func (p *Page) Featured() []*site.Post {
	switch {
	case p.Kind == "home" && p.Pager == nil:
		return p.Site.Featured
	case p.Pager != nil:
		return p.Site.FeaturedOn(p.Pager)
	}
	return nil
}

// imagePath is the path of a post's image from the site root (a file of a
// page bundle is resolved against the post's URL), or its URL when it is on
// another host; "" when the post has no image.
func imagePath(post *site.Post) string {
	img := post.Image
	switch {
	case img == "", strings.HasPrefix(img, "/"), strings.Contains(img, "://"):
		return img
	}
	return post.URL + img
}

// Image returns the URL of a post's image for src attributes: a path under
// the base URL's path, the URL of an image on another host, or "" when the
// post has none.
func (p *Page) Image(post *site.Post) string {
	switch img := imagePath(post); {
	case img == "", strings.HasPrefix(img, "//"):
		return img
	default:
		return p.Site.RelURL(img)
	}
}

// ImageURL returns the absolute URL of a post's image, for Open Graph and
// structured data, or "" when the post has none.
func (p *Page) ImageURL(post *site.Post) string {
	switch img := imagePath(post); {
	case img == "":
		return ""
	case strings.HasPrefix(img, "//"):
		return "https:" + img
	default:
		return p.Site.AbsURL(img)
	}
}

// Share is one share link.
type Share struct {
	Network string // "linkedin", "x", "facebook"
	Label   string // "LinkedIn"
	URL     string
}

// ShareLinks returns plain share links for a post: no script, no tracking.
func (p *Page) ShareLinks(post *site.Post) []Share {
	u := url.QueryEscape(p.Site.AbsURL(post.URL))
	title := url.QueryEscape(post.Title)
	var out []Share
	for _, n := range p.Site.Config.Social.Share {
		switch n {
		case "linkedin":
			out = append(out, Share{n, "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u})
		case "x":
			out = append(out, Share{n, "X", "https://x.com/intent/post?url=" + u + "&text=" + title})
		case "facebook":
			out = append(out, Share{n, "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u})
		}
	}
	return out
}

// JSONLD returns the structured data of the page (schema.org) as JSON for
// a <script type="application/ld+json"> element: a BlogPosting for a post,
// a Blog for the home page, a ProfilePage for an author's posts, a
// CollectionPage for other lists and a WebPage for the rest. json.Marshal
// escapes <, > and &, so the text cannot end the script element.
func (p *Page) JSONLD() template.JS {
	const context = "https://schema.org"
	lang := p.Site.Config.Language
	var v any
	switch {
	case p.Post != nil:
		ld := p.postLD(p.Post)
		ld.Context, ld.InLanguage = context, lang
		v = ld
	case p.Kind == "home":
		v = &ldBlog{Context: context, Type: "Blog", Description: p.Site.Config.Description, InLanguage: lang,
			Name: p.Site.Config.Title, URL: p.Site.AbsURL("/")}
	case p.Pager != nil && p.Pager.List.Author != nil:
		v = &ldPage{Context: context, Type: "ProfilePage", InLanguage: lang, MainEntity: p.personLD(p.Pager.List.Author),
			Name: p.Title, URL: p.Permalink()}
	case p.Pager != nil:
		v = &ldPage{Context: context, Type: "CollectionPage", InLanguage: lang, IsPartOf: p.blogLD(), Name: p.Title, URL: p.Permalink()}
	default:
		v = &ldPage{Context: context, Type: "WebPage", InLanguage: lang, IsPartOf: p.blogLD(), Name: p.Title, URL: p.Permalink()}
	}
	b, _ := json.Marshal(v)
	return template.JS(b)
}

// The schema.org things of JSONLD. The fields of each are in the order of
// their JSON names, as json.Marshal writes the keys of a map, and a field
// is left out where the thing does not have it.

// ldBlog is a Blog: the home page, or the blog a page is part of.
type ldBlog struct {
	Context     string `json:"@context,omitempty"`
	Type        string `json:"@type"`
	Description string `json:"description,omitempty"`
	InLanguage  string `json:"inLanguage,omitempty"`
	Name        string `json:"name"`
	URL         string `json:"url"`
}

// ldPage is a ProfilePage, CollectionPage or WebPage.
type ldPage struct {
	Context    string    `json:"@context"`
	Type       string    `json:"@type"`
	InLanguage string    `json:"inLanguage,omitempty"`
	IsPartOf   *ldBlog   `json:"isPartOf,omitempty"`
	MainEntity *ldPerson `json:"mainEntity,omitempty"`
	Name       string    `json:"name"`
	URL        string    `json:"url"`
}

// ldPerson is an author.
type ldPerson struct {
	Type     string   `json:"@type"`
	Image    string   `json:"image,omitempty"`
	JobTitle string   `json:"jobTitle,omitempty"`
	Name     string   `json:"name"`
	SameAs   []string `json:"sameAs,omitempty"`
	URL      string   `json:"url"`
}

// ldPosting is a post, a BlogPosting.
type ldPosting struct {
	Context          string      `json:"@context"`
	Type             string      `json:"@type"`
	ArticleSection   []string    `json:"articleSection,omitempty"`
	Author           []*ldPerson `json:"author,omitempty"`
	CreditText       string      `json:"creditText,omitempty"`
	DateModified     string      `json:"dateModified"`
	DatePublished    string      `json:"datePublished"`
	Description      string      `json:"description,omitempty"`
	Headline         string      `json:"headline"`
	Image            *ldImage    `json:"image,omitempty"`
	InLanguage       string      `json:"inLanguage,omitempty"`
	IsBasedOn        *ldWork     `json:"isBasedOn,omitempty"`
	IsPartOf         *ldBlog     `json:"isPartOf"`
	Keywords         string      `json:"keywords,omitempty"`
	MainEntityOfPage string      `json:"mainEntityOfPage"`
	URL              string      `json:"url"`
	WordCount        int         `json:"wordCount"`
}

// ldImage is a post's image, an ImageObject. A credit's text is there
// whenever the post has a credit, even an empty one.
type ldImage struct {
	Type       string  `json:"@type"`
	Caption    string  `json:"caption,omitempty"`
	CreditText *string `json:"creditText,omitempty"`
	License    string  `json:"license,omitempty"`
	URL        string  `json:"url"`
}

// ldWork is the original of a republished post, a CreativeWork.
type ldWork struct {
	Type          string         `json:"@type"`
	Author        []*ldPerson    `json:"author,omitempty"`
	DatePublished string         `json:"datePublished,omitempty"`
	Publisher     ldOrganization `json:"publisher"`
	URL           string         `json:"url"`
}

// ldOrganization is the site a post first appeared on.
type ldOrganization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// blogLD is the blog a page is part of.
func (p *Page) blogLD() *ldBlog {
	return &ldBlog{Type: "Blog", Name: p.Site.Config.Title, URL: p.Site.AbsURL("/")}
}

// personLD describes an author, with their profiles as sameAs.
func (p *Page) personLD(a *site.Author) *ldPerson {
	person := &ldPerson{Type: "Person", JobTitle: a.Role, Name: a.Name, URL: p.Site.AbsURL(a.URL)}
	if a.Avatar != "" {
		person.Image = p.Site.AbsURL(a.Avatar)
	}
	for _, l := range []string{a.Links.LinkedIn, a.Links.X, a.Links.Website} {
		if l != "" {
			person.SameAs = append(person.SameAs, l)
		}
	}
	return person
}

// postLD describes a post as a BlogPosting: its authors, dates, image (with
// its credit and licence), and for a republished post the original it is
// based on. mainEntityOfPage is the canonical URL, so structured data and
// rel=canonical always agree.
func (p *Page) postLD(post *site.Post) *ldPosting {
	ld := &ldPosting{
		Type:             "BlogPosting",
		Headline:         post.Title,
		URL:              p.Site.AbsURL(post.URL),
		MainEntityOfPage: p.Canonical(),
		DatePublished:    post.Date.Format(time.RFC3339),
		DateModified:     post.Modified().Format(time.RFC3339),
		WordCount:        p.words(post.Index),
		IsPartOf:         p.blogLD(),
		Description:      p.Description,
		Keywords:         strings.Join(post.Post.Tags, ", "),
	}
	for _, c := range post.Categories {
		ld.ArticleSection = append(ld.ArticleSection, c.Name)
	}
	for _, a := range post.Authors {
		ld.Author = append(ld.Author, p.personLD(a))
	}
	if img := p.ImageURL(post); img != "" {
		ld.Image = &ldImage{Type: "ImageObject", URL: img, Caption: post.ImageAlt}
		if c := post.ImageCredit; c != nil {
			ld.Image.CreditText = &c.Text
			ld.Image.License = c.License
			if c.LicenseURL != "" {
				ld.Image.License = c.LicenseURL
			}
		}
	}
	if o := post.Original; o != nil {
		ld.IsBasedOn = &ldWork{Type: "CreativeWork", URL: o.URL, Publisher: ldOrganization{Type: "Organization", Name: o.Site},
			Author: ld.Author}
		if !o.Date.IsZero() {
			ld.IsBasedOn.DatePublished = o.Date.Format("2006-01-02")
		}
		if post.RepublishedWithPermission {
			ld.CreditText = "Republished with the author's permission from " + o.Site
		}
	}
	return ld
}

// CommentsOpen reports whether readers may comment on a post.
func (p *Page) CommentsOpen(post *site.Post) bool {
	return p.Site.Config.Comments.Enabled && post.Post.Comments == content.CommentsOpen
}

// Discussion is the comment section of the page's post or page; an empty
// one, closed, for pages of other kinds.
func (p *Page) Discussion() *site.Discussion {
	switch {
	case p.Post != nil:
		return p.Post.Discussion()
	case p.Page != nil:
		return p.Page.Discussion()
	}
	return &site.Discussion{}
}

// Threads lists a post's shown comments in reading order, replies after
// their parents, for the "Reply to" choice of the comment form.
func (p *Page) Threads(post *site.Post) []*site.Thread { return post.Discussion().Shown() }

// Sidebar is what the sidebar of a page lists.
type Sidebar struct {
	Authors    []*site.Author
	Categories []*site.Term
	// Tags are the most used tags, as many as [sidebar] tags says, in the
	// site's order of tags; AllTags counts every tag, for a link to the
	// tags page when some are left out.
	Tags    []*site.Term
	AllTags int
}

// Sidebar returns the lists of the sidebar: the authors, categories and
// tags of the site, leaving out the list a page already shows in full (the
// authors on the authors page, ...). It is nil when there is nothing to
// list, so the page has no sidebar.
func (p *Page) Sidebar() *Sidebar {
	s := &Sidebar{Authors: p.Site.Authors, Categories: p.Site.Categories,
		Tags: mostUsed(p.Site.Tags, p.Site.Config.Sidebar.Tags), AllTags: len(p.Site.Tags)}
	switch {
	case p.Kind == "authors":
		s.Authors = nil
	case p.Kind == "terms" && p.TermKind == "categories":
		s.Categories = nil
	case p.Kind == "terms" && p.TermKind == "tags":
		s.Tags = nil
	}
	if len(s.Authors)+len(s.Categories)+len(s.Tags) == 0 {
		return nil
	}
	return s
}

// mostUsed returns the n terms with the most posts (on a tie, the one
// first in terms), in the order of terms.
func mostUsed(terms []*site.Term, n int) []*site.Term {
	if n >= len(terms) {
		return terms
	}
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(terms[b].Posts) - len(terms[a].Posts) })
	keep := order[:n]
	slices.Sort(keep)
	out := make([]*site.Term, len(keep))
	for i, k := range keep {
		out[i] = terms[k]
	}
	return out
}

// Updated returns when a post was last changed, or nil when that was on
// the day it was published (or it says no lastmod).
func (p *Page) Updated(post *site.Post) *time.Time {
	if post.Lastmod.IsZero() || !site.Today(post.Lastmod).After(site.Today(post.Date)) {
		return nil
	}
	t := post.Lastmod
	return &t
}

// QueryAliases returns, as JSON, the old URLs with a query string (such
// as /?p=123) and the pages they now redirect to, or "" when the site has
// none. Keys are as the browser sees them: the base URL's path, then the
// old path and query.
func (p *Page) QueryAliases() template.JS {
	if len(p.Site.QueryAliases) == 0 {
		return ""
	}
	m := make(map[string]string, len(p.Site.QueryAliases))
	for _, a := range p.Site.QueryAliases {
		path, query, _ := strings.Cut(a.From, "?")
		m[p.Site.RelURL(path)+"?"+query] = p.Site.RelURL(a.To)
	}
	b, _ := json.Marshal(m)
	return template.JS(b)
}

// Cached runs the partial name with data the first time it is asked for
// key during a render, and returns that same HTML for later calls with
// the key (a renderer keeps the partials it used last, a few megabytes of
// them, and runs a forgotten one again). Templates use it for parts that
// many pages share and that depend only on what the key names, such as a
// post's summary card or the sidebar:
//
//	{{$.Cached "partials/summary.html" (print .URL) (dict "Page" $ "Post" .)}}
func (p *Page) Cached(name, key string, data any) (template.HTML, error) {
	return p.src.Cached(name, key, data, p.reads)
}

// summary returns the HTML of post i's summary, and notes that the page
// read it.
func (p *Page) summary(i int) string {
	p.reads.Add(i)
	return p.src.Summary(i)
}

// words returns the number of words of post i, and notes that the page
// read it.
func (p *Page) words(i int) int {
	p.reads.Add(i)
	return p.src.Words(i)
}

// SearchShards is the number of shards of the site's search index, which
// the search script needs to find a word's shard.
func (p *Page) SearchShards() int { return search.Shards(len(p.Site.Posts)) }

// SidebarKey names the variant of the sidebar this page shows, for Cached.
func (p *Page) SidebarKey() string {
	if p.Kind == "authors" || p.Kind == "terms" {
		return p.Kind + p.TermKind
	}
	return "all"
}

// Font is the font [brand] font chooses, as pages declare it: its CSS
// family and fallback stack, and the URL of each face (the body weight
// first, which pages preload). It is nil for a site that keeps the
// reader's system font.
func (p *Page) Font() *Font {
	f, ok := fonts.Lookup(p.Site.Config.Brand.Font)
	if !ok {
		return nil
	}
	out := &Font{Family: f.Family, Stack: template.CSS(f.Fallback)} // a constant of package fonts
	for _, face := range f.Faces {
		out.Faces = append(out.Faces, FontFace{Weight: face.Weight, URL: p.Asset(face.File)})
	}
	return out
}

// Font is a font of the site, for templates.
type Font struct {
	Family string       // the CSS family name, "Liberation Sans"
	Stack  template.CSS // the families after it, used until it loads
	Faces  []FontFace   // the body weight first
}

// FontFace is one weight of the site's font.
type FontFace struct {
	Weight int
	URL    string // under the base URL's path, named by content in a build
}
