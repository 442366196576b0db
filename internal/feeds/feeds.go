// Package feeds writes a site's feeds (RSS 2.0, Atom and JSON Feed 1.1)
// and its sitemap from the site graph and what the render stage made of
// each post. Output depends only on its inputs: a feed's dates are those
// of its posts, never the time of the build, so an unchanged site gives
// byte-identical feeds.
package feeds

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/site"
)

// Source gives what a feed carries of each post. The render stage
// implements it from the posts it has rendered.
type Source interface {
	// Summary is the HTML of the post's summary, with site-relative links.
	Summary(p *site.Post) string
	// SummaryText is the summary as plain text.
	SummaryText(p *site.Post) string
	// Body is the HTML of the whole post, with site-relative links.
	Body(p *site.Post) (string, error)
	// Image is the site path of the post's image, or "".
	Image(p *site.Post) string
}

// FullContent reports whether a feed carries whole posts: the site's feed
// does when feeds.full_content is set; the feeds of tags, categories and
// authors carry summaries, as they repeat the posts of the site's feed.
func FullContent(s *site.Site, f *site.Feed) bool {
	return s.Config.Feeds.FullContent && f.List.Kind == "home"
}

// writer makes the feeds of one site.
type writer struct {
	site     *site.Site
	src      Source
	absLinks *strings.Replacer
}

func newWriter(s *site.Site, src Source) *writer {
	base := strings.TrimSuffix(s.AbsURL("/"), "/")
	return &writer{site: s, src: src,
		absLinks: strings.NewReplacer(` href="/`, ` href="`+base+`/`, ` src="/`, ` src="`+base+`/`)}
}

// itemHTML is the HTML a feed carries for a post: the whole post or its
// summary, with site-relative links made absolute for feed readers.
func (w *writer) itemHTML(f *site.Feed, p *site.Post) string {
	h := w.src.Summary(p)
	if FullContent(w.site, f) {
		if body, err := w.src.Body(p); err == nil {
			h = body
		}
	}
	return w.absLinks.Replace(h)
}

// updated is the date of the newest post of a feed, so feeds do not change
// from one build to the next unless their posts do.
func updated(posts []*site.Post) time.Time {
	var t time.Time
	for _, p := range posts {
		if m := p.Modified(); m.After(t) {
			t = m
		}
	}
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Self          rssLink   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Creators    []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// RSS is the RSS 2.0 document of a feed.
func RSS(s *site.Site, f *site.Feed, src Source) ([]byte, error) {
	w := newWriter(s, src)
	doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", DC: "http://purl.org/dc/elements/1.1/", Channel: rssChannel{
		Title: f.Title, Link: s.AbsURL(f.URL), Description: feedDescription(s, f), Language: s.Config.Language,
		LastBuildDate: updated(f.Posts).Format(time.RFC1123Z),
		Self:          rssLink{Href: s.AbsURL(f.URL + site.RSSFile), Rel: "self", Type: "application/rss+xml"},
	}}
	for _, p := range f.Posts {
		u := s.AbsURL(p.URL)
		item := rssItem{Title: p.Title, Link: u, GUID: rssGUID{true, u}, PubDate: p.Date.Format(time.RFC1123Z), Description: w.itemHTML(f, p)}
		for _, a := range p.Authors {
			item.Creators = append(item.Creators, a.Name)
		}
		for _, c := range p.Categories {
			item.Categories = append(item.Categories, c.Name)
		}
		doc.Channel.Items = append(doc.Channel.Items, item)
	}
	return marshalXML(doc)
}

func feedDescription(s *site.Site, f *site.Feed) string {
	if s.Config.Description != "" && f.List.Kind == "home" {
		return s.Config.Description
	}
	return "Latest posts of " + f.Title
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	Content    *atomText      `xml:"content,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

// Atom is the Atom document of a feed.
func Atom(s *site.Site, f *site.Feed, src Source) ([]byte, error) {
	w := newWriter(s, src)
	doc := atomFeed{Title: f.Title, ID: s.AbsURL(f.URL), Updated: updated(f.Posts).Format(time.RFC3339), Links: []atomLink{
		{Href: s.AbsURL(f.URL + site.AtomFile), Rel: "self", Type: "application/atom+xml"},
		{Href: s.AbsURL(f.URL), Rel: "alternate", Type: "text/html"},
	}}
	for _, p := range f.Posts {
		u := s.AbsURL(p.URL)
		e := atomEntry{Title: p.Title, ID: u, Link: atomLink{Href: u, Rel: "alternate"},
			Published: p.Date.Format(time.RFC3339), Updated: p.Modified().Format(time.RFC3339),
			Summary: atomText{"html", w.absLinks.Replace(w.src.Summary(p))}}
		if FullContent(s, f) {
			e.Content = &atomText{"html", w.itemHTML(f, p)}
		}
		for _, a := range p.Authors {
			e.Authors = append(e.Authors, atomPerson{a.Name, s.AbsURL(a.URL)})
		}
		for _, t := range p.Tags {
			e.Categories = append(e.Categories, atomCategory{t.Name})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return marshalXML(doc)
}

// marshalXML writes v as an XML document, compact: feeds are read by
// programs, and compact output needs no minifying.
func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Description string     `json:"description,omitempty"`
	Language    string     `json:"language,omitempty"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// JSON is the JSON Feed 1.1 document of a feed.
func JSON(s *site.Site, f *site.Feed, src Source) ([]byte, error) {
	w := newWriter(s, src)
	doc := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: s.AbsURL(f.URL),
		FeedURL: s.AbsURL(f.URL + site.JSONFile), Description: feedDescription(s, f), Language: s.Config.Language, Items: []jsonItem{}}
	for _, p := range f.Posts {
		u := s.AbsURL(p.URL)
		item := jsonItem{ID: u, URL: u, Title: p.Title, ContentHTML: w.itemHTML(f, p), Summary: w.src.SummaryText(p),
			DatePublished: p.Date.Format(time.RFC3339), DateModified: p.Modified().Format(time.RFC3339)}
		if img := w.src.Image(p); img != "" {
			item.Image = s.AbsURL(img)
		}
		for _, a := range p.Authors {
			item.Authors = append(item.Authors, jsonAuthor{a.Name, s.AbsURL(a.URL)})
		}
		for _, t := range p.Tags {
			item.Tags = append(item.Tags, t.Name)
		}
		doc.Items = append(doc.Items, item)
	}
	return json.Marshal(doc)
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// elsewhere reports whether a post's canonical URL is on another site:
// a republished post whose rel=canonical points at its original. A
// sitemap lists only URLs that are canonical, so it leaves such a post
// out; search engines reach it through the original.
func elsewhere(p *site.Post) bool { return p.Original != nil && !p.CanonicalSelf }

// Sitemap lists the home page, every post and page, and the first page of
// every list, with absolute URLs.
func Sitemap(s *site.Site) ([]byte, error) {
	var doc urlset
	add := func(u string, t time.Time) {
		e := sitemapURL{Loc: s.AbsURL(u)}
		if !t.IsZero() {
			e.Lastmod = t.Format("2006-01-02")
		}
		doc.URLs = append(doc.URLs, e)
	}
	for _, l := range s.Lists {
		add(l.URL, updated(l.Posts[:min(1, len(l.Posts))]))
	}
	for _, p := range s.Posts {
		if elsewhere(p) {
			continue
		}
		add(p.URL, p.Modified())
	}
	for _, p := range s.Pages {
		add(p.URL, time.Time{})
	}
	for _, u := range []string{"/tags/", "/categories/", "/authors/"} {
		add(u, time.Time{})
	}
	return marshalXML(doc)
}
