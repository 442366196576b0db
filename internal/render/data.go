package render

import (
	"encoding/json"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/site"
)

// Page is what every template receives as its dot: the site, the kind of
// page and the one thing the page is about (a post, a page, one page of a
// list, or the terms of a taxonomy).
type Page struct {
	Site        *site.Site
	Kind        string // "home", "post", "page", "list", "terms", "authors", "404", "alias"
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
	FeedURL     string // folder of the feeds for this page, "" for none

	st *state
}

// Config is the site's configuration.
func (p *Page) Config() *config.Config { return p.Site.Config }

// AbsURL makes a path from the site root absolute.
func (p *Page) AbsURL(path string) string { return p.Site.AbsURL(path) }

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

// FullTitle is the text of the <title> element.
func (p *Page) FullTitle() string {
	if p.Kind == "home" && (p.Pager == nil || p.Pager.Number == 1) {
		return p.Site.Config.Title
	}
	return p.Title + " | " + p.Site.Config.Title
}

// Summary returns the HTML summary of a post.
func (p *Page) Summary(post *site.Post) template.HTML {
	return template.HTML(p.st.post(post.Index).summary)
}

// SummaryText returns a post's summary as plain text, cut to about n
// characters at a word boundary.
func (p *Page) SummaryText(post *site.Post, n int) string {
	return truncate(p.st.post(post.Index).summaryText, n)
}

// ReadingTime is the minutes a post takes to read, at 220 words a minute.
func (p *Page) ReadingTime(post *site.Post) int {
	return max(1, (p.st.post(post.Index).words+219)/220)
}

// Bio returns an author's bio as HTML.
func (p *Page) Bio(a *site.Author) template.HTML { return template.HTML(p.st.bios[a.ID]) }

// CommentHTML returns the safe HTML of a comment's body.
func (p *Page) CommentHTML(t *site.Thread) template.HTML {
	return template.HTML(p.st.commentHTML(t.Comment))
}

// Featured returns the posts of the carousel on this page: the site's on
// the home page, the category's on a category page.
func (p *Page) Featured() []*site.Post {
	switch {
	case p.Kind == "home" && (p.Pager == nil || p.Pager.Number == 1):
		return p.Site.Featured
	case p.Pager != nil && p.Pager.Number == 1 && p.Pager.List.Term != nil && p.Pager.List.Term.Kind == "categories":
		return p.Pager.List.Term.Featured
	}
	return nil
}

// Image returns the absolute URL of a post's image, resolving a file of a
// page bundle against the post's URL.
func (p *Page) Image(post *site.Post) string {
	img := post.Image
	switch {
	case img == "":
		return ""
	case strings.Contains(img, "://"):
		return img
	case strings.HasPrefix(img, "/"):
		return p.Site.RelURL(img)
	}
	return p.Site.RelURL(post.URL + img)
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

// JSONLD returns the structured data of the page as JSON for a
// <script type="application/ld+json"> element.
func (p *Page) JSONLD() template.JS {
	var v any
	if p.Post != nil {
		v = p.postLD(p.Post)
	} else {
		v = map[string]any{"@context": "https://schema.org", "@type": "WebPage", "name": p.Title, "url": p.Permalink()}
		if p.Kind == "home" {
			v = map[string]any{"@context": "https://schema.org", "@type": "Blog", "name": p.Site.Config.Title, "url": p.Site.AbsURL("/"), "description": p.Site.Config.Description}
		}
	}
	b, _ := json.Marshal(v)
	return template.JS(b)
}

func (p *Page) postLD(post *site.Post) map[string]any {
	var authors []map[string]any
	for _, a := range post.Authors {
		authors = append(authors, map[string]any{"@type": "Person", "name": a.Name, "url": p.Site.AbsURL(a.URL)})
	}
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "BlogPosting",
		"headline":         post.Title,
		"url":              p.Site.AbsURL(post.URL),
		"mainEntityOfPage": p.Canonical(),
		"datePublished":    post.Date.Format(time.RFC3339),
		"dateModified":     lastmod(post).Format(time.RFC3339),
		"wordCount":        p.st.post(post.Index).words,
		"keywords":         strings.Join(post.Post.Tags, ", "),
	}
	if len(authors) > 0 {
		ld["author"] = authors
	}
	if img := p.Image(post); img != "" {
		ld["image"] = p.Site.AbsURL(img)
	}
	if o := post.Original; o != nil {
		based := map[string]any{"@type": "CreativeWork", "url": o.URL, "publisher": map[string]any{"@type": "Organization", "name": o.Site}}
		if !o.Date.IsZero() {
			based["datePublished"] = o.Date.Format("2006-01-02")
		}
		ld["isBasedOn"] = based
	}
	return ld
}

// lastmod is a post's last modification, its date when it has none.
func lastmod(p *site.Post) time.Time {
	if p.Lastmod.After(p.Date) {
		return p.Lastmod
	}
	return p.Date
}

// truncate cuts s to about n bytes at a word boundary, adding an ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return strings.TrimRight(s[:cut], " ,.;:") + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// CommentsOpen reports whether readers may comment on a post.
func (p *Page) CommentsOpen(post *site.Post) bool {
	return p.Site.Config.Comments.Enabled && post.Post.Comments == content.CommentsOpen
}

// Threads lists a post's shown comments in reading order, replies after
// their parents, for the "Reply to" choice of the comment form.
func (p *Page) Threads(post *site.Post) []*site.Thread {
	var out []*site.Thread
	var walk func([]*site.Thread)
	walk = func(ts []*site.Thread) {
		for _, t := range ts {
			out = append(out, t)
			walk(t.Replies)
		}
	}
	walk(post.Comments)
	return out
}
