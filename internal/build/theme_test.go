package build_test

// Integration tests of the built-in theme: whole sites written inline,
// built, and their pages read as a browser would parse them.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/blogen/blogen/internal/sitetest"
)

// themeConfig is a site.toml for theme tests, with extra settings.
func themeConfig(extra string) string {
	return "-- site.toml --\ntitle = \"Care notes\"\nbase_url = \"https://example.org/\"\nminify = false\n" + extra + "\n"
}

// themeAuthors are two authors: Ana with a handle, an avatar and profiles,
// Ben with none of them.
const themeAuthors = `
-- content/authors/ana.md --
---
name: Ana Ruiz
role: Head of social care
handle: anaruiz
avatar: /images/ana.svg
links:
  linkedin: https://www.linkedin.com/in/ana-ruiz/
  x: https://x.com/anaruiz
  website: https://ana.example/
---
Ana runs the social care team.
-- content/authors/ben.md --
---
name: Ben Okafor
---
Ben writes about communities.
`

// themePage is an output page, parsed as a browser parses it.
type themePage struct {
	t    *testing.T
	path string
	root *html.Node
}

// parsePage parses the output file at path.
func parsePage(t *testing.T, s *sitetest.Site, path string) *themePage {
	t.Helper()
	root, err := html.Parse(strings.NewReader(s.File(path)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &themePage{t: t, path: path, root: root}
}

// compound is one compound selector: tag#id.class[attr=value] (the value
// may be quoted; [attr] asks for the attribute only).
type compound struct {
	tag     string
	classes []string
	attrs   [][2]string
	has     []string
}

// compoundRE and attrRE read a compound selector and its attribute tests.
var compoundRE = regexp.MustCompile(`^([a-z0-9]*)(?:#([\w-]+))?((?:\.[\w-]+)*)((?:\[[\w:-]+(?:="[^"]*"|=[^\]]*)?\])*)$`)
var attrRE = regexp.MustCompile(`\[([\w:-]+)(?:="([^"]*)"|=([^\]]*))?\]`)

// parseCompound reads one compound selector.
func parseCompound(t *testing.T, s string) compound {
	t.Helper()
	m := compoundRE.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("selector %q is not supported", s)
	}
	c := compound{tag: m[1]}
	if m[2] != "" {
		c.attrs = append(c.attrs, [2]string{"id", m[2]})
	}
	for _, cl := range strings.Split(m[3], ".") {
		if cl != "" {
			c.classes = append(c.classes, cl)
		}
	}
	for _, a := range attrRE.FindAllStringSubmatch(m[4], -1) {
		if !strings.Contains(a[0], "=") {
			c.has = append(c.has, a[1])
			continue
		}
		c.attrs = append(c.attrs, [2]string{a[1], a[2] + a[3]})
	}
	return c
}

// match reports whether element n matches the compound selector.
func (c compound) match(n *html.Node) bool {
	if n.Type != html.ElementNode || (c.tag != "" && n.Data != c.tag) {
		return false
	}
	classes := strings.Fields(nodeAttr(n, "class"))
	for _, cl := range c.classes {
		if !slices.Contains(classes, cl) {
			return false
		}
	}
	for _, a := range c.attrs {
		if v, ok := nodeAttrOK(n, a[0]); !ok || v != a[1] {
			return false
		}
	}
	for _, name := range c.has {
		if _, ok := nodeAttrOK(n, name); !ok {
			return false
		}
	}
	return true
}

// all returns the elements matching a selector of compound selectors
// joined by spaces (descendant combinators), in document order.
func (p *themePage) all(selector string) []*html.Node {
	p.t.Helper()
	var parts []compound
	for _, s := range splitSelector(selector) {
		parts = append(parts, parseCompound(p.t, s))
	}
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if parts[len(parts)-1].match(n) && ancestorsMatch(n.Parent, parts[:len(parts)-1]) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	return out
}

// splitSelector splits at spaces outside quotes.
func splitSelector(s string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			b.WriteRune(r)
		case r == ' ' && !quoted:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// ancestorsMatch reports whether n or its ancestors match parts, the last
// part nearest.
func ancestorsMatch(n *html.Node, parts []compound) bool {
	if len(parts) == 0 {
		return true
	}
	for ; n != nil; n = n.Parent {
		if parts[len(parts)-1].match(n) {
			return ancestorsMatch(n.Parent, parts[:len(parts)-1])
		}
	}
	return false
}

// within returns the part of the page below n.
func (p *themePage) within(n *html.Node) *themePage {
	return &themePage{t: p.t, path: p.path, root: n}
}

// one returns the only element matching selector; there must be exactly
// one.
func (p *themePage) one(selector string) *html.Node {
	p.t.Helper()
	nodes := p.all(selector)
	if len(nodes) != 1 {
		p.t.Fatalf("%s: %d elements match %q, want 1", p.path, len(nodes), selector)
	}
	return nodes[0]
}

// texts returns the text of every element matching selector.
func (p *themePage) texts(selector string) []string {
	p.t.Helper()
	var out []string
	for _, n := range p.all(selector) {
		out = append(out, nodeText(n))
	}
	return out
}

// meta returns the content of <meta property=name> or <meta name=name>.
func (p *themePage) meta(name string) string {
	p.t.Helper()
	for _, n := range p.all("head meta") {
		if nodeAttr(n, "property") == name || nodeAttr(n, "name") == name {
			return nodeAttr(n, "content")
		}
	}
	return ""
}

// jsonLD decodes the page's structured data, which must be in the form
// json.Marshal gives a map: keys sorted at every level, no spaces.
func (p *themePage) jsonLD() map[string]any {
	p.t.Helper()
	script := p.one(`script[type="application/ld+json"]`)
	var raw strings.Builder
	for c := script.FirstChild; c != nil; c = c.NextSibling {
		raw.WriteString(c.Data)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(raw.String()), &v); err != nil {
		p.t.Fatalf("%s: JSON-LD: %v", p.path, err)
	}
	if canonical, _ := json.Marshal(v); string(canonical) != raw.String() {
		p.t.Errorf("%s: JSON-LD\n%s\nnot in canonical form\n%s", p.path, raw.String(), canonical)
	}
	return v
}

// nodeText returns the text of a node with white space folded.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// nodeAttr returns the value of an attribute of n, "" when it has none.
func nodeAttr(n *html.Node, key string) string {
	v, _ := nodeAttrOK(n, key)
	return v
}

// nodeAttrOK returns the value of an attribute of n and whether it has it.
func nodeAttrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// ldValue returns a value of decoded JSON by its keys.
func ldValue(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// featuredSite has four posts: three featured (two in News, one in
// Other), one not, and a tag on all of them.
const featuredSite = `
-- content/posts/f1.md --
---
title: First featured
date: 2020-01-01
categories: [News]
tags: [Care]
featured: true
summary: The first one.
image: /images/f1.svg
image_alt: A red door
image_credit:
  text: Photo by Ana Ruiz
  url: https://photos.example/ana/
  license: CC BY 2.0
  license_url: https://creativecommons.org/licenses/by/2.0/
---
First.
-- content/posts/f2.md --
---
title: Second featured
date: 2020-02-01
categories: [News]
tags: [Care]
featured: true
summary: The second one has no image.
---
Second.
-- content/posts/f3.md --
---
title: Third featured
date: 2020-03-01
categories: [Other]
tags: [Care]
featured: true
image: /images/f3.svg
image_alt: A blue window
image_credit: Photo by Ben Okafor
---
Third.
-- content/posts/plain.md --
---
title: Not featured
date: 2020-04-01
categories: [News]
tags: [Care]
---
Plain.
`

// TestFeaturedCarousel checks which posts each carousel shows (featured
// ones, newest first, as many as [featured] count says; a category's own
// on its page; none on tag pages or later pages), and what each slide
// holds.
func TestFeaturedCarousel(t *testing.T) {
	tests := []struct {
		name, config   string
		home, news     []string // slide titles
		other, onPage2 []string
	}{
		{"default count", "[pagination]\nper_page = 2", []string{"Third featured", "Second featured", "First featured"}, []string{"Second featured", "First featured"}, []string{"Third featured"}, nil},
		{"count 2", "[pagination]\nper_page = 2\n[featured]\ncount = 2", []string{"Third featured", "Second featured"}, []string{"Second featured", "First featured"}, []string{"Third featured"}, nil},
		{"count 1", "[pagination]\nper_page = 2\n[featured]\ncount = 1", []string{"Third featured"}, []string{"Second featured"}, []string{"Third featured"}, nil},
		{"off", "[pagination]\nper_page = 2\n[featured]\ncount = 0", nil, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Build(t, themeConfig(tt.config)+featuredSite)
			for _, c := range []struct {
				path string
				want []string
			}{
				{"index.html", tt.home},
				{"categories/news/index.html", tt.news},
				{"categories/other/index.html", tt.other},
				{"page/2/index.html", tt.onPage2},
				{"tags/care/index.html", nil},
				{"2020/01/f1/index.html", nil},
			} {
				p := parsePage(t, s, c.path)
				if got := p.texts(".carousel .slide .slide-title a"); !slices.Equal(got, c.want) {
					t.Errorf("%s: slides %q, want %q", c.path, got, c.want)
				}
				if len(c.want) == 0 && len(p.all("[data-carousel]")) > 0 {
					t.Errorf("%s has an empty carousel", c.path)
				}
				// One slide has nothing to move to: no buttons, dots or announcements.
				if controls := len(p.all(".carousel-controls")) + len(p.all("[data-carousel-status]")); len(c.want) == 1 && controls != 0 {
					t.Errorf("%s: a carousel of one slide has controls", c.path)
				}
			}
		})
	}

	s := sitetest.Build(t, themeConfig("")+featuredSite)
	// Headings stay in order, and a post's card is the same on every list:
	// the list has an h2 (under the carousel's, a visible one; without a
	// carousel, one for screen readers) and the cards' titles are h3.
	for _, c := range []struct{ path, heading, class string }{
		{"index.html", "Latest posts", "section-title"},
		{"categories/news/index.html", "All posts", "section-title"},
		{"tags/care/index.html", "Posts", "visually-hidden"},
	} {
		p := parsePage(t, s, c.path)
		if n := len(p.all(".posts h3.summary-title")); n != len(p.all(".posts .summary")) || n == 0 {
			t.Errorf("%s: %d of %d summary titles are h3", c.path, n, len(p.all(".posts .summary")))
		}
		h := p.one(".posts h2")
		if nodeText(h) != c.heading || nodeAttr(h, "class") != c.class {
			t.Errorf("%s: the list is headed %q (class %q), want %q (%s)", c.path, nodeText(h), nodeAttr(h, "class"), c.heading, c.class)
		}
		if id := nodeAttr(p.one(".posts"), "aria-labelledby"); id == "" || len(p.all("h2#"+id)) != 1 {
			t.Errorf("%s: the list is labelled by %q, which is not its heading", c.path, id)
		}
	}
	p := parsePage(t, s, "index.html")
	root := p.one("section.carousel")
	if nodeAttr(root, "aria-roledescription") != "carousel" || nodeAttr(root, "aria-labelledby") != "carousel-title" || nodeText(p.one("#carousel-title")) != "Featured posts" {
		t.Errorf("the carousel is not a labelled carousel region: %v", root.Attr)
	}
	if got := p.texts(".carousel-button .visually-hidden"); !slices.Equal(got, []string{"Previous featured post", "Next featured post"}) {
		t.Errorf("carousel buttons %q", got)
	}
	// A dot a slide, named for it, the first one current.
	if got := p.texts(".carousel-dots button .visually-hidden"); !slices.Equal(got, []string{"Show slide 1: Third featured", "Show slide 2: Second featured", "Show slide 3: First featured"}) {
		t.Errorf("carousel dots %q", got)
	}
	for i, d := range p.all(".carousel-dots button") {
		if want := map[bool]string{true: "true", false: ""}[i == 0]; nodeAttr(d, "aria-current") != want {
			t.Errorf("dot %d: aria-current %q, want %q", i+1, nodeAttr(d, "aria-current"), want)
		}
	}
	for _, b := range p.all(".carousel-controls button") {
		if nodeAttr(b, "type") != "button" || nodeAttr(b, "aria-controls") != "carousel-track" {
			t.Errorf("carousel button %v", b.Attr)
		}
	}
	if st := p.one("[data-carousel-status]"); nodeAttr(st, "aria-live") != "polite" {
		t.Errorf("the carousel's status is not a polite live region: %v", st.Attr)
	}
	slides := p.all(".carousel-track .slide")
	if len(slides) != 3 {
		t.Fatalf("%d slides", len(slides))
	}
	for i, sl := range slides {
		if nodeAttr(sl, "role") != "group" || nodeAttr(sl, "aria-roledescription") != "slide" || nodeAttr(sl, "aria-label") != fmt.Sprintf("%d of 3", i+1) {
			t.Errorf("slide %d: %v", i+1, sl.Attr)
		}
	}
	third := p.within(slides[0])
	if img := third.one("img.slide-image"); nodeAttr(img, "src") != "/images/f3.svg" || nodeAttr(img, "alt") != "A blue window" || nodeAttr(img, "width") == "" || nodeAttr(img, "height") == "" {
		t.Errorf("slide image %v", img.Attr)
	}
	if got := nodeText(third.one(".credit")); got != "Photo by Ben Okafor" {
		t.Errorf("slide credit %q", got)
	}
	if got := nodeAttr(third.one(".read-more a"), "href"); got != "/2020/03/f3/" {
		t.Errorf("Read more goes to %q", got)
	}
	if got := nodeText(third.one(".read-more a")); got != "Read more: Third featured" {
		t.Errorf("the Read more link is named %q", got)
	}
	second := p.within(slides[1])
	if len(second.all("img")) != 0 || len(second.all(".credit")) != 0 {
		t.Error("a slide without an image shows one, or a credit")
	}
	for i, sl := range slides {
		if panel := strings.Contains(nodeAttr(sl, "class"), "slide-panel"); panel != (i == 1) {
			t.Errorf("slide %d is a panel: %v; only a slide without an image is", i+1, panel)
		}
	}
	if got := nodeText(second.one(".slide-summary")); got != "The second one has no image." {
		t.Errorf("slide summary %q", got)
	}
	first := p.within(slides[2])
	if got := nodeText(first.one(".credit")); got != "Photo by Ana Ruiz, licensed under CC BY 2.0" {
		t.Errorf("slide credit %q", got)
	}
	if got := nodeAttr(first.one("img"), "loading"); got != "lazy" {
		t.Errorf("a later slide's image loads %q, want lazy", got)
	}
	if got := nodeAttr(third.one("img"), "loading"); got != "" {
		t.Errorf("the first slide's image loads %q, want at once", got)
	}
}

// themeSite has a co-authored post, three posts by Ana (for pagination),
// a post by Ben alone, and an about page.
const themeSite = themeAuthors + `
-- content/posts/a1.md --
---
title: Ana one
date: 2021-01-01
author: ana
---
One.
-- content/posts/a2.md --
---
title: Ana two
date: 2021-02-01
author: ana
---
Two.
-- content/posts/both.md --
---
title: Written together
date: 2021-03-01
authors: [ana, ben]
---
Together.
-- content/posts/b1.md --
---
title: Ben alone
date: 2021-04-01
author: ben
---
Alone.
-- content/pages/about.md --
---
title: About
---
About us.
`

// TestAuthorBiosAndPages checks the bio boxes under posts (one for each
// author, all authors in the byline), each author's page (the bio, the
// posts, paginated, and a feed) and the authors page.
func TestAuthorBiosAndPages(t *testing.T) {
	s := sitetest.Build(t, themeConfig("[pagination]\nper_page = 2")+themeSite)

	tests := []struct {
		path, byline, bioTitle string
		bios                   []string
	}{
		{"2021/03/both/index.html", "By Ana Ruiz and Ben Okafor", "About the authors", []string{"Ana Ruiz", "Ben Okafor"}},
		{"2021/01/a1/index.html", "By Ana Ruiz", "About the author", []string{"Ana Ruiz"}},
		{"2021/04/b1/index.html", "By Ben Okafor", "About the author", []string{"Ben Okafor"}},
	}
	for _, tt := range tests {
		p := parsePage(t, s, tt.path)
		if got := nodeText(p.one(".post-header .byline")); got != tt.byline {
			t.Errorf("%s: byline %q, want %q", tt.path, got, tt.byline)
		}
		if got := nodeText(p.one("#bios-title")); got != tt.bioTitle {
			t.Errorf("%s: %q, want %q", tt.path, got, tt.bioTitle)
		}
		if got := p.texts(".bios .bio h3.bio-name a"); !slices.Equal(got, tt.bios) {
			t.Errorf("%s: bios of %q, want %q", tt.path, got, tt.bios)
		}
		for _, a := range p.all(".byline a") {
			if nodeAttr(a, "rel") != "author" {
				t.Errorf("%s: byline link %v", tt.path, a.Attr)
			}
		}
		for _, a := range p.all(".bio-links a") {
			if nodeAttr(a, "rel") == "me" {
				t.Errorf("%s: a post's bio claims rel=me", tt.path)
			}
		}
	}

	both := parsePage(t, s, "2021/03/both/index.html")
	if got := both.texts(".bios .bio-text"); !slices.Equal(got, []string{"Ana runs the social care team.", "Ben writes about communities."}) {
		t.Errorf("bio texts %q", got)
	}
	if got := nodeText(both.one(`#author-ben .avatar-initials`)); got != "BO" {
		t.Errorf("Ben's initials avatar says %q", got)
	}
	if got := nodeAttr(both.one(`#author-ana img.avatar`), "src"); got != "/images/ana.svg" {
		t.Errorf("Ana's avatar is %q", got)
	}
	if got := both.texts("#author-ana .bio-links a"); !slices.Equal(got, []string{"Ana Ruiz on LinkedIn", "Ana Ruiz on X", "Ana Ruiz's Website"}) {
		t.Errorf("Ana's profile links are named %q", got)
	}
	if got := both.texts("#author-ana .bio-role"); !slices.Equal(got, []string{"Head of social care"}) {
		t.Errorf("Ana's role %q", got)
	}

	ana := parsePage(t, s, "authors/ana/index.html")
	if got := nodeText(ana.one("h1")); got != "Ana Ruiz" {
		t.Errorf("author page heading %q", got)
	}
	if got := nodeText(ana.one(".author-header .bio-text")); got != "Ana runs the social care team." {
		t.Errorf("author page bio %q", got)
	}
	for _, a := range ana.all(".author-header .bio-links a") {
		if nodeAttr(a, "rel") != "me" {
			t.Errorf("the author's own profile link %v is not rel=me", a.Attr)
		}
	}
	if got := ana.texts(".posts .summary-title a"); !slices.Equal(got, []string{"Written together", "Ana two"}) {
		t.Errorf("Ana's first page lists %q", got)
	}
	if got := nodeAttr(ana.one(`.pagination a[rel="next"]`), "href"); got != "/authors/ana/page/2/" {
		t.Errorf("Ana's next page is %q", got)
	}
	if got := parsePage(t, s, "authors/ana/page/2/index.html").texts(".posts .summary-title a"); !slices.Equal(got, []string{"Ana one"}) {
		t.Errorf("Ana's second page lists %q", got)
	}
	if got := nodeAttr(ana.one(`head link[rel="alternate"][href="/authors/ana/index.xml"]`), "type"); got != "application/rss+xml" {
		t.Errorf("the author's feed is announced as %q", got)
	}
	for _, f := range []string{"index.xml", "atom.xml", "feed.json"} {
		s.Contains("authors/ana/"+f, "Written together", "Ana one")
		s.NotContains("authors/ana/"+f, "Ben alone")
	}
	if ld := ana.jsonLD(); ldValue(ld, "@type") != "ProfilePage" || ldValue(ld, "mainEntity", "name") != "Ana Ruiz" || ldValue(ld, "mainEntity", "jobTitle") != "Head of social care" {
		t.Errorf("author page JSON-LD %v", ld)
	}

	all := parsePage(t, s, "authors/index.html")
	if got := all.texts(".author-card h2.bio-name a"); !slices.Equal(got, []string{"Ana Ruiz", "Ben Okafor"}) {
		t.Errorf("the authors page lists %q", got)
	}
	if got := all.texts(".bio-posts a"); !slices.Equal(got, []string{"3 posts by Ana Ruiz", "2 posts by Ben Okafor"}) {
		t.Errorf("the authors page counts %q", got)
	}
}

// TestRepublishedPostAttribution checks the note, the permission line,
// rel=canonical and the JSON-LD of republished posts, with canonical
// pointing to the original or to the post itself.
func TestRepublishedPostAttribution(t *testing.T) {
	const original = "https://www.linkedin.com/pulse/big-data-two-step-ana-ruiz"
	tests := []struct {
		name, front   string
		note          string // the attribution's text, "" for none
		permission    bool
		wantCanonical string
	}{
		{
			"canonical to the original",
			"originally_appeared_on:\n  site: LinkedIn\n  url: " + original + "\n  date: 2013-06-10\nrepublished_with_permission: true",
			"This post originally appeared on LinkedIn on 10 June 2013.", true, original,
		},
		{
			"canonical self",
			"originally_appeared_on:\n  site: LinkedIn\n  url: " + original + "\n  date: 2013-06-10\nrepublished_with_permission: true\ncanonical: self",
			"This post originally appeared on LinkedIn on 10 June 2013.", true, "https://example.org/2014/02/p/",
		},
		{
			"with a note, without permission",
			"originally_appeared_on:\n  site: LinkedIn\n  url: " + original + "\n  date: 2013-06-10\n  note: as part of their influencer program\ncanonical: original",
			"This post originally appeared on LinkedIn as part of their influencer program on 10 June 2013.", false, original,
		},
		{"not republished", "", "", false, "https://example.org/2014/02/p/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Build(t, themeAuthors+post("p.md", "title: The big data two-step\ndate: 2014-02-03\nauthor: ana\n"+tt.front, "Body text."))
			p := parsePage(t, s, "2014/02/p/index.html")
			notes := p.texts("main .attribution")
			if tt.note == "" {
				if len(notes) != 0 {
					t.Errorf("attribution on a post that was not republished: %q", notes)
				}
			} else {
				if !slices.Equal(notes, []string{tt.note}) {
					t.Errorf("attribution %q, want %q", notes, tt.note)
				}
				if got := nodeAttr(p.one("main .attribution a"), "href"); got != original {
					t.Errorf("the attribution links to %q", got)
				}
				if got := parsePage(t, s, "index.html").texts(".summary .attribution"); !slices.Equal(got, []string{tt.note}) {
					t.Errorf("the home page's summary says %q", got)
				}
			}
			perm := p.texts(".permission")
			if tt.permission != (len(perm) == 1 && strings.HasPrefix(perm[0], "Republished with the author's permission")) {
				t.Errorf("permission line %q, want it: %v", perm, tt.permission)
			}
			if got := nodeAttr(p.one(`link[rel="canonical"]`), "href"); got != tt.wantCanonical {
				t.Errorf("rel=canonical %q, want %q", got, tt.wantCanonical)
			}

			ld := p.jsonLD()
			if got := ldValue(ld, "mainEntityOfPage"); got != tt.wantCanonical {
				t.Errorf("JSON-LD mainEntityOfPage %v, want %q", got, tt.wantCanonical)
			}
			based := ldValue(ld, "isBasedOn")
			if tt.note == "" {
				if based != nil {
					t.Errorf("JSON-LD isBasedOn %v on a post that was not republished", based)
				}
				return
			}
			if ldValue(based, "url") != original || ldValue(based, "datePublished") != "2013-06-10" || ldValue(based, "publisher", "name") != "LinkedIn" {
				t.Errorf("JSON-LD isBasedOn %v", based)
			}
			credit, _ := ldValue(ld, "creditText").(string)
			if tt.permission != strings.Contains(credit, "Republished with the author's permission") {
				t.Errorf("JSON-LD creditText %q, want the permission: %v", credit, tt.permission)
			}
		})
	}
}

// fullSite has one of every kind of page: posts (republished, with an
// alias, in a bundle), a page, tags, categories, authors, archives and a
// second page of the home list.
const fullSite = themeSite + `
-- content/posts/old.md --
---
title: Old republished
date: 2013-06-10
author: ben
tags: [Care]
categories: [News]
aliases: [/old/url/]
originally_appeared_on:
  site: LinkedIn
  url: https://www.linkedin.com/pulse/old
  date: 2013-06-01
featured: true
image: /images/old.svg
---
Old.
`

// TestEveryPageHead checks the head of every HTML page of a site with
// every kind of page: exactly one absolute rel=canonical, structured data
// that parses, the stylesheets (print too), and nothing loaded from
// another host: every script, stylesheet, icon and image is the site's own.
func TestEveryPageHead(t *testing.T) {
	s := sitetest.Build(t, themeConfig("[pagination]\nper_page = 2")+fullSite)
	var pages int
	for _, f := range s.Files() {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		pages++
		p := parsePage(t, s, f)
		canon := p.all(`link[rel="canonical"]`)
		if len(canon) != 1 {
			t.Errorf("%s has %d rel=canonical links", f, len(canon))
		} else if u, err := url.Parse(nodeAttr(canon[0], "href")); err != nil || !u.IsAbs() {
			t.Errorf("%s: rel=canonical %q is not absolute", f, nodeAttr(canon[0], "href"))
		}
		if len(p.all(`meta[http-equiv="refresh"]`)) == 0 {
			p.jsonLD()
			if len(p.all(`head link[rel="stylesheet"][href="/`+hashed(s, "theme/style.css")+`"]`)) != 1 || len(p.all(`head link[rel="stylesheet"][href="/`+hashed(s, "theme/print.css")+`"][media="print"]`)) != 1 {
				t.Errorf("%s does not link the screen and print stylesheets", f)
			}
		}
		for _, n := range p.all("[src]") {
			if src := nodeAttr(n, "src"); !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") {
				t.Errorf("%s loads %s from elsewhere", f, src)
			}
		}
		for _, n := range p.all("link[href]") {
			rel := nodeAttr(n, "rel")
			if (rel == "stylesheet" || rel == "icon" || rel == "preload" || rel == "modulepreload") && !strings.HasPrefix(nodeAttr(n, "href"), "/") {
				t.Errorf("%s loads %s from elsewhere", f, nodeAttr(n, "href"))
			}
		}
		for _, n := range p.all("script") {
			if src, ok := nodeAttrOK(n, "src"); ok && src != "/"+hashed(s, "theme/blogen.js") && (src != "/"+hashed(s, "theme/search.js") || f != "search/index.html") {
				t.Errorf("%s runs the script %s", f, src)
			}
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages were checked", pages)
	}
	s.Contains("theme/print.css", "@page", ".sidebar", "display: none")
	s.Contains("theme/style.css", "color-scheme: light dark", "--bg: light-dark(", `:root[data-theme="dark"] { color-scheme: dark; }`, "prefers-reduced-motion")
	s.Contains("old/url/index.html", `<link rel="canonical" href="https://example.org/2013/06/old/">`)
	s.Contains("2013/06/old/index.html", `<link rel="canonical" href="https://www.linkedin.com/pulse/old">`)
}

// TestImageCredits checks the credit line under a post's image, with the
// licence and the links when given, and the same facts in the JSON-LD.
func TestImageCredits(t *testing.T) {
	tests := []struct {
		name, credit string
		want         string // the credit's text, "" for no credit
		links        []string
		license      string // JSON-LD image.license
	}{
		{"all of it", "image_credit:\n  text: Photo by Macknal\n  url: https://photos.example/macknal/\n  license: CC BY 2.0\n  license_url: https://creativecommons.org/licenses/by/2.0/",
			"Photo by Macknal, licensed under CC BY 2.0", []string{"https://photos.example/macknal/", "https://creativecommons.org/licenses/by/2.0/"}, "https://creativecommons.org/licenses/by/2.0/"},
		{"licence without links", "image_credit:\n  text: Photo by Macknal\n  license: Creative Commons",
			"Photo by Macknal, licensed under Creative Commons", nil, "Creative Commons"},
		{"one line", "image_credit: Photo by Macknal", "Photo by Macknal", nil, ""},
		{"none", "", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Build(t, post("p.md", "title: P\ndate: 2020-01-01\nfeatured: true\nimage: /images/p.svg\nimage_alt: A crowd\n"+tt.credit, "Body."))
			p := parsePage(t, s, "2020/01/p/index.html")
			fig := p.one("figure.post-image")
			if img := p.one("figure.post-image img"); nodeAttr(img, "src") != "/images/p.svg" || nodeAttr(img, "alt") != "A crowd" {
				t.Errorf("post image %v", img.Attr)
			}
			caps := p.all("figure.post-image figcaption.credit")
			ld := p.jsonLD()
			if tt.want == "" {
				if len(caps) != 0 {
					t.Errorf("a credit with no image_credit: %q", nodeText(caps[0]))
				}
				if ldValue(ld, "image", "creditText") != nil {
					t.Errorf("JSON-LD image %v", ldValue(ld, "image"))
				}
				return
			}
			if len(caps) != 1 || nodeText(caps[0]) != tt.want || caps[0].Parent != fig || caps[0].PrevSibling == nil {
				t.Fatalf("credit %q, want %q under the image", p.texts("figcaption"), tt.want)
			}
			var links []string
			for _, a := range p.all("figure.post-image figcaption a") {
				links = append(links, nodeAttr(a, "href"))
			}
			if !slices.Equal(links, tt.links) {
				t.Errorf("credit links %q, want %q", links, tt.links)
			}
			if got := parsePage(t, s, "index.html").texts(".slide .credit"); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("the carousel slide's credit %q", got)
			}
			if ldValue(ld, "image", "creditText") != strings.SplitN(tt.want, ",", 2)[0] || (tt.license != "" && ldValue(ld, "image", "license") != tt.license) {
				t.Errorf("JSON-LD image %v", ldValue(ld, "image"))
			}
		})
	}
}

// TestShareLinksAndSocialMeta checks the share links (plain links, only
// to the networks site.toml names), the Open Graph and Twitter card tags,
// and the JSON-LD BlogPosting, on a site at the root and one in a
// sub-folder.
func TestShareLinksAndSocialMeta(t *testing.T) {
	tests := []struct {
		name, config string
		base         string // the site's URL, with a trailing slash
		networks     []string
	}{
		{"all networks", "", "https://example.org/", []string{"linkedin", "x", "facebook"}},
		{"LinkedIn only", "[social]\nshare = [\"linkedin\"]", "https://example.org/", []string{"linkedin"}},
		{"no sharing", "[social]\nshare = []", "https://example.org/", nil},
		{"in a sub-folder", "", "https://example.org/blog/", []string{"linkedin", "x", "facebook"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := "-- site.toml --\ntitle = \"Care notes\"\nbase_url = \"" + tt.base + "\"\nminify = false\n" + tt.config + "\n"
			s := sitetest.Build(t, cfg+themeAuthors+post("p.md", "title: Big data & trust\ndate: 2013-06-10T09:30:00Z\nlastmod: 2013-07-01\nauthors: [ana, ben]\ntags: [Privacy]\nsummary: Data is a loan.\nimage: /images/p.svg\nimage_alt: Two footprints", "Body."))
			prefix := strings.TrimSuffix(strings.TrimPrefix(tt.base, "https://example.org"), "/")
			permalink := tt.base + "2013/06/p/"
			p := parsePage(t, s, "2013/06/p/index.html")

			var networks []string
			for _, a := range p.all(".share a") {
				networks = append(networks, strings.TrimPrefix(nodeAttr(a, "class"), "share-"))
				href := nodeAttr(a, "href")
				if !strings.Contains(href, url.QueryEscape(permalink)) || strings.Contains(href, "utm_") {
					t.Errorf("share link %s does not share %s, or tracks", href, permalink)
				}
				if nodeAttr(a, "rel") != "noopener noreferrer" {
					t.Errorf("share link rel=%q", nodeAttr(a, "rel"))
				}
			}
			if !slices.Equal(networks, tt.networks) {
				t.Errorf("share links for %q, want %q", networks, tt.networks)
			}
			if len(tt.networks) == 0 && len(p.all(".share")) > 0 {
				t.Error("an empty share box")
			}

			// An SVG is no picture for the networks: the card is drawn.
			image, card := tt.base+"images/p.svg", permalink+"card.png"
			for name, want := range map[string]string{
				"og:type": "article", "og:title": "Big data & trust", "og:url": permalink, "og:description": "Data is a loan.",
				"og:image": card, "og:image:alt": "Big data & trust", "og:site_name": "Care notes",
				"og:image:width": "1200", "og:image:height": "630",
				"twitter:card": "summary_large_image", "twitter:image": card, "twitter:title": "Big data & trust",
				"article:published_time": "2013-06-10T09:30:00Z", "article:modified_time": "2013-07-01T00:00:00Z",
				"article:author": tt.base + "authors/ana/", "article:tag": "Privacy",
			} {
				if got := p.meta(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if got := nodeAttr(p.one("figure.post-image img"), "src"); got != prefix+"/images/p.svg" {
				t.Errorf("image src %q", got)
			}

			ld := p.jsonLD()
			for key, want := range map[string]any{
				"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Big data & trust", "url": permalink,
				"datePublished": "2013-06-10T09:30:00Z", "dateModified": "2013-07-01T00:00:00Z", "description": "Data is a loan.",
			} {
				if got := ldValue(ld, key); got != want {
					t.Errorf("JSON-LD %s = %v, want %v", key, got, want)
				}
			}
			if got := ldValue(ld, "image", "url"); got != image {
				t.Errorf("JSON-LD image %v, want %s", got, image)
			}
			authors, _ := ldValue(ld, "author").([]any)
			if len(authors) != 2 || ldValue(authors[0], "name") != "Ana Ruiz" || ldValue(authors[1], "name") != "Ben Okafor" || ldValue(authors[0], "url") != tt.base+"authors/ana/" {
				t.Errorf("JSON-LD authors %v", authors)
			}
			if same, _ := ldValue(authors[0], "sameAs").([]any); len(same) != 3 {
				t.Errorf("JSON-LD sameAs of Ana %v", same)
			}

			home := parsePage(t, s, "index.html")
			if home.meta("og:type") != "website" || home.meta("twitter:card") != "summary_large_image" || home.meta("og:url") != tt.base ||
				home.meta("og:image") != tt.base+"card.png" {
				t.Errorf("home page meta: og:type %q, twitter:card %q, og:url %q, og:image %q",
					home.meta("og:type"), home.meta("twitter:card"), home.meta("og:url"), home.meta("og:image"))
			}
			if ld := home.jsonLD(); ldValue(ld, "@type") != "Blog" || ldValue(ld, "url") != tt.base {
				t.Errorf("home page JSON-LD %v", ld)
			}
		})
	}
}

// TestMentionsAndHashtags checks @mentions and #hashtags in a whole site:
// an author's handle or id links to the author's page, another handle to
// the profile on the network site.toml names, a hashtag to its tag page
// when the tag exists and else to the network's search; never in code,
// links, e-mail addresses or URLs; and nothing at all when switched off.
func TestMentionsAndHashtags(t *testing.T) {
	const body = "Thanks @anaruiz and @ben, and hello @stranger.\n\n" +
		"Tagged #care and #nosuchtag.\n\n" +
		"In code: `@anaruiz #care`.\n\n" +
		"```\n@stranger #care\n```\n\n" +
		"A [link to @stranger about #care](https://example.net/x) and <https://example.net/#care>.\n\n" +
		"Write to ana@example.com or see https://example.net/page#nosuchtag.\n"
	const network = "[social]\nmention_url = \"https://www.linkedin.com/in/%s\"\nhashtag_url = \"https://www.linkedin.com/feed/hashtag/%s\"\n"
	tests := []struct {
		name, config string
		want         map[string]string // link text -> href, in the post body
	}{
		{"default network", "", map[string]string{
			"@anaruiz": "/authors/ana/", "@ben": "/authors/ben/", "@stranger": "https://x.com/stranger",
			"#care": "/tags/care/", "#nosuchtag": "https://x.com/hashtag/nosuchtag",
		}},
		{"LinkedIn", network, map[string]string{
			"@anaruiz": "/authors/ana/", "@ben": "/authors/ben/", "@stranger": "https://www.linkedin.com/in/stranger",
			"#care": "/tags/care/", "#nosuchtag": "https://www.linkedin.com/feed/hashtag/nosuchtag",
		}},
		{"switched off", network + "mentions = false", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Build(t, themeConfig(tt.config)+themeAuthors+post("p.md", "title: P\ndate: 2020-01-01\ntags: [Care]", body))
			p := parsePage(t, s, "2020/01/p/index.html")
			got := map[string]string{}
			for _, a := range p.all(".post-body a") {
				if txt := nodeText(a); strings.HasPrefix(txt, "@") || strings.HasPrefix(txt, "#") {
					if prev, seen := got[txt]; seen && prev != nodeAttr(a, "href") {
						t.Errorf("%s links to %s and %s", txt, prev, nodeAttr(a, "href"))
					}
					got[txt] = nodeAttr(a, "href")
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("mention links %v, want %v", got, tt.want)
			}
			if codes := p.texts(".post-body code"); len(codes) != 2 || codes[0] != "@anaruiz #care" || codes[1] != "@stranger #care" {
				t.Errorf("code %q", codes)
			}
			for _, n := range p.all(".post-body code a") {
				t.Errorf("a link in code: %s", nodeText(n))
			}
			var hrefs []string
			for _, a := range p.all(".post-body a") {
				hrefs = append(hrefs, nodeAttr(a, "href"))
			}
			for _, want := range []string{"https://example.net/x", "https://example.net/#care", "mailto:ana@example.com", "https://example.net/page#nosuchtag"} {
				if !slices.Contains(hrefs, want) {
					t.Errorf("no link to %s: %q", want, hrefs)
				}
			}
			if got := nodeText(p.one(`.post-body a[href="https://example.net/x"]`)); got != "link to @stranger about #care" {
				t.Errorf("a link's text became %q", got)
			}
		})
	}
}

// TestPostHeaderAndFooter checks what the seeds show around a post: the
// date (and the update), authors, categories, reading time and comment
// count at the top; categories, tags, share links and the previous and
// next posts at the bottom.
func TestPostHeaderAndFooter(t *testing.T) {
	long := strings.Repeat("word ", 500)
	s := sitetest.Build(t, themeConfig("")+themeAuthors+
		post("a.md", "title: Older\ndate: 2013-06-01", "A.")+
		post("b.md", "title: Middle\ndate: 2013-06-10T09:30:00Z\nlastmod: 2013-07-02\nauthors: [ana, ben]\ncategories: [Social Media, Customer Service]\ntags: [Twitter, Care]", long)+
		post("c.md", "title: Newer\ndate: 2013-06-20\nlastmod: 2013-06-20T18:00:00Z\ncomments: closed", "C.")+
		comment("b", "001", "author: Reader\ndate: 2013-06-11T10:00:00Z\nstatus: approved", "Thanks for this."))

	tests := []struct {
		path       string
		meta       []string
		prev, next string
		footer     []string
	}{
		{"2013/06/b/index.html",
			[]string{"Posted on 10 June 2013", "Updated 2 July 2013", "By Ana Ruiz and Ben Okafor", "In Social Media, Customer Service", "3 min read", "1 Comment"},
			"Previous post Older", "Next post Newer",
			[]string{"Posted in Social Media, Customer Service", "Tagged Twitter, Care"}},
		{"2013/06/a/index.html", []string{"Posted on 1 June 2013", "1 min read", "0 Comments"}, "", "Next post Middle", nil},
		{"2013/06/c/index.html", []string{"Posted on 20 June 2013", "1 min read", "0 Comments"}, "Previous post Middle", "", nil},
	}
	for _, tt := range tests {
		p := parsePage(t, s, tt.path)
		if got := p.texts(".post-header .post-meta li"); !slices.Equal(got, tt.meta) {
			t.Errorf("%s: header %q, want %q", tt.path, got, tt.meta)
		}
		if got := nodeAttr(p.one(".post-header .comment-count"), "href"); got != "/"+strings.TrimSuffix(tt.path, "index.html")+"#comments" {
			t.Errorf("%s: the comment count links to %q", tt.path, got)
		}
		for rel, want := range map[string]string{"prev": tt.prev, "next": tt.next} {
			links := p.texts(`.post-nav a[rel="` + rel + `"]`)
			if (want == "" && len(links) != 0) || (want != "" && !slices.Equal(links, []string{want})) {
				t.Errorf("%s: rel=%s links %q, want %q", tt.path, rel, links, want)
			}
		}
		if got := append(p.texts(".post-footer .post-categories"), p.texts(".post-footer .post-tags")...); tt.footer != nil && !slices.Equal(got, tt.footer) {
			t.Errorf("%s: footer %q, want %q", tt.path, got, tt.footer)
		}
	}
	b := parsePage(t, s, "2013/06/b/index.html")
	if got := nodeAttr(b.one(".post-header .posted-on time"), "datetime"); got != "2013-06-10T09:30:00Z" {
		t.Errorf("the date's datetime is %q", got)
	}
	for _, a := range b.all(".post-tags a") {
		if nodeAttr(a, "rel") != "tag" {
			t.Errorf("tag link %v", a.Attr)
		}
	}
	if got := len(b.all(".post-footer .share a")); got != 3 {
		t.Errorf("%d share links in the footer", got)
	}
	if got := parsePage(t, s, "index.html").texts(".summary .post-meta .comment-count"); !slices.Equal(got, []string{"0 Comments", "1 Comment", "0 Comments"}) {
		t.Errorf("the home page counts comments %q", got)
	}
}

// TestPageTitles checks the <title> of each kind of page: what the page is,
// then the site's title; the home page has the site's title alone.
func TestPageTitles(t *testing.T) {
	s := sitetest.Build(t, themeConfig("[pagination]\nper_page = 1")+themeAuthors+
		post("a.md", "title: A & B\ndate: 2020-01-01\nauthor: ana\ntags: [LinkedIn]\ncategories: [News]", "A.")+
		post("b.md", "title: B\ndate: 2020-02-01\nauthor: ana\ntags: [LinkedIn]\ncategories: [News]", "B.")+
		"-- content/pages/about.md --\n---\ntitle: About\n---\nUs.\n")
	tests := []struct{ path, want string }{
		{"index.html", "Care notes"},
		{"page/2/index.html", "Page 2 | Care notes"},
		{"2020/01/a/index.html", "A & B | Care notes"},
		{"about/index.html", "About | Care notes"},
		{"tags/linkedin/index.html", "Posts tagged “LinkedIn” | Care notes"},
		{"tags/linkedin/page/2/index.html", "Posts tagged “LinkedIn”, page 2 | Care notes"},
		{"categories/news/index.html", "Category: News | Care notes"},
		{"authors/ana/index.html", "Ana Ruiz | Care notes"},
		{"2020/index.html", "Posts from 2020 | Care notes"},
		{"2020/01/index.html", "Posts from January 2020 | Care notes"},
		{"tags/index.html", "Tags | Care notes"},
		{"authors/index.html", "Authors | Care notes"},
		{"404.html", "Page not found | Care notes"},
	}
	for _, tt := range tests {
		if got := nodeText(parsePage(t, s, tt.path).one("title")); got != tt.want {
			t.Errorf("%s: <title> %q, want %q", tt.path, got, tt.want)
		}
	}
}

// TestSidebarTagCloud checks that the sidebar lists the most used tags,
// as many as [sidebar] tags says, and links to the page of all of them.
func TestSidebarTagCloud(t *testing.T) {
	tagged := func(name, tags string) string {
		return post(name+".md", "title: "+name+"\ndate: 2020-01-01\nauthor: ana\ntags: ["+tags+"]", "Text.")
	}
	posts := tagged("a", "Zebra, Apple, Mango") + tagged("b", "Zebra, Mango") + tagged("c", "Zebra, Kiwi") + tagged("d", "Lime")
	tests := []struct {
		name, config string
		shown        []string
		hidden       []string
		more         string
	}{
		{"the three most used (a tie goes to the first), in the order of tags", "[sidebar]\ntags = 3\n", []string{">Apple<", ">Mango<", ">Zebra<"}, []string{">Kiwi<", ">Lime<"}, "All 5 tags"},
		{"all of them", "[sidebar]\ntags = 5\n", []string{">Apple<", ">Kiwi<", ">Lime<", ">Mango<", ">Zebra<"}, nil, ""},
		{"none", "[sidebar]\ntags = 0\n", nil, []string{"tag-cloud", "All 5 tags"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.Build(t, "-- site.toml --\nbase_url = \"https://example.org/\"\nminify = false\n"+tt.config+authors+posts)
			page := s.File("index.html")
			_, aside, _ := strings.Cut(page, `<aside class="sidebar"`)
			aside, _, _ = strings.Cut(aside, "</aside>")
			_, cloud, _ := strings.Cut(aside, `class="tag-cloud"`)
			for _, want := range tt.shown {
				if !strings.Contains(cloud, want) {
					t.Errorf("the tag cloud lacks %s:\n%s", want, cloud)
				}
			}
			if got := strings.Count(cloud, "<li>"); got != len(tt.shown) {
				t.Errorf("the tag cloud lists %d tags, want %d", got, len(tt.shown))
			}
			for _, not := range tt.hidden {
				if strings.Contains(aside, not) {
					t.Errorf("the sidebar has %s", not)
				}
			}
			if tt.more != "" && !strings.Contains(aside, `<a href="/tags/">`+tt.more+`</a>`) {
				t.Errorf("the sidebar does not link to the tags page with %q", tt.more)
			}
			if tt.more == "" && strings.Contains(aside, "widget-more") {
				t.Error("the sidebar links to all tags though it lists them all")
			}
		})
	}
}
