// Package config reads site.toml into a typed Config.
//
// Every key has a default, so an empty site.toml is a valid site. A key that
// blogen does not know is an error that names the file, the line and the key,
// because a misspelt key silently ignored is a setting silently lost.
//
// The keys, with their defaults:
//
//	title        = "My blog"
//	description  = ""
//	base_url     = "http://localhost:1313/"   # absolute; --base-url overrides it
//	language     = "en"
//	copyright    = ""
//	minify       = true                       # minify HTML, CSS, JS, XML and JSON
//	build_drafts = false
//	build_future = false
//	plain_templates = false                   # run every page through html/template, never compiled
//
//	[permalinks]
//	post = "/:year/:month/:slug/"   # also :day, :title (same as :slug), :author, :category,
//	                                # :section (the folder below content/posts, if any)
//	page = "/:slug/"
//
//	[pagination]
//	per_page = 10
//
//	[feeds]
//	limit = 20          # items in each feed
//	full_content = true # whole posts in the site's feeds, else summaries;
//	                    # the feeds of tags, categories and authors carry summaries
//
//	[featured]
//	count = 5           # posts in the home page carousel
//
//	[sidebar]
//	tags = 45           # the most used tags the sidebar lists; the tags page lists all
//
//	[related]
//	count = 3           # related posts under each post (shared tags, categories, authors); 0 leaves them out
//
//	[toc]
//	headings = 0        # a table of contents on posts with more headings than this; 0: only toc: true
//
//	[search]
//	enabled = true      # the search page /search/, its index, and the box in the header
//
//	[brand]
//	color = ""          # accent colour (#rrggbb) of links and buttons, light page; needs 4.5:1 contrast
//	color_dark = ""     # the same on the dark page
//	logo = ""           # path of an image beside the title, such as /images/logo.svg
//	font = ""           # an embedded font served from the site: go, liberation-sans, liberation-serif; "" is the system's
//
//	[highlight]
//	light = "github"
//	dark  = "github-dark"
//
//	[social]
//	mentions     = true                              # @handles and #hashtags become links
//	mention_url  = "https://x.com/%s"
//	hashtag_url  = "https://x.com/hashtag/%s"
//	share        = ["linkedin", "x", "facebook"]
//
//	[[menu]]
//	name = "About"
//	url  = "/about/"
//
//	[comments]            # see comments.go
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/blogen/blogen/internal/diag"
)

// FileName is the name of the configuration file at the root of a site.
const FileName = "site.toml"

// Config is the whole of site.toml. Values are read-only once loaded.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	BaseURL     string `toml:"base_url"`
	Language    string `toml:"language"`
	Copyright   string `toml:"copyright"`
	Minify      bool   `toml:"minify"`
	BuildDrafts bool   `toml:"build_drafts"`
	BuildFuture bool   `toml:"build_future"`
	// PlainTemplates runs every page through html/template instead of the
	// compiled templates, as --plain-templates does.
	PlainTemplates bool `toml:"plain_templates"`

	Permalinks Permalinks     `toml:"permalinks"`
	Pagination Pagination     `toml:"pagination"`
	Feeds      Feeds          `toml:"feeds"`
	Featured   Featured       `toml:"featured"`
	Sidebar    Sidebar        `toml:"sidebar"`
	Related    Related        `toml:"related"`
	TOC        TOC            `toml:"toc"`
	Search     Search         `toml:"search"`
	Brand      Brand          `toml:"brand"`
	Highlight  Highlight      `toml:"highlight"`
	Social     Social         `toml:"social"`
	Menu       []MenuItem     `toml:"menu"`
	Comments   CommentsConfig `toml:"comments"`
	Images     Images         `toml:"images"`
}

// Permalinks are the URL patterns of posts and pages.
type Permalinks struct {
	Post string `toml:"post"`
	Page string `toml:"page"`
}

// Pagination sets the length of every paginated list.
type Pagination struct {
	PerPage int `toml:"per_page"`
}

// Feeds sets what the RSS, Atom and JSON feeds hold.
type Feeds struct {
	Limit       int  `toml:"limit"`
	FullContent bool `toml:"full_content"`
}

// Featured sets the carousel of featured posts.
type Featured struct {
	Count int `toml:"count"`
}

// Sidebar sets what the sidebar beside every page lists.
type Sidebar struct {
	// Tags is how many tags the tag cloud shows: the most used ones, as
	// WordPress's tag cloud does; the tags page lists them all.
	Tags int `toml:"tags"`
}

// Related sets the related posts shown under each post.
type Related struct {
	// Count is how many; 0 shows none.
	Count int `toml:"count"`
}

// TOC sets the tables of contents of posts.
type TOC struct {
	// Headings gives a table of contents to every post with more
	// headings than this, unless it says toc: false; 0 gives one only to
	// posts that say toc: true.
	Headings int `toml:"headings"`
}

// Search sets the site's static search.
type Search struct {
	// Enabled writes the search index and page and shows the search box.
	Enabled bool `toml:"enabled"`
}

// Highlight names the chroma styles for code in light and dark mode.
type Highlight struct {
	Light string `toml:"light"`
	Dark  string `toml:"dark"`
}

// Social sets @mentions, #hashtags and share links.
type Social struct {
	Mentions   bool     `toml:"mentions"`
	MentionURL string   `toml:"mention_url"`
	HashtagURL string   `toml:"hashtag_url"`
	Share      []string `toml:"share"`
}

// MenuItem is one link of the site menu.
type MenuItem struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

// Default returns the configuration of a site with an empty site.toml.
func Default() *Config {
	return &Config{
		Title:      "My blog",
		BaseURL:    "http://localhost:1313/",
		Language:   "en",
		Minify:     true,
		Permalinks: Permalinks{Post: "/:year/:month/:slug/", Page: "/:slug/"},
		Pagination: Pagination{PerPage: 10},
		Feeds:      Feeds{Limit: 20, FullContent: true},
		Featured:   Featured{Count: 5},
		Sidebar:    Sidebar{Tags: 45},
		Related:    Related{Count: 3},
		Search:     Search{Enabled: true},
		Highlight:  Highlight{Light: "github", Dark: "github-dark"},
		Social: Social{
			Mentions:   true,
			MentionURL: "https://x.com/%s",
			HashtagURL: "https://x.com/hashtag/%s",
			Share:      []string{"linkedin", "x", "facebook"},
		},
		Comments: DefaultComments(),
		Images:   DefaultImages(),
	}
}

// Load reads and validates the site.toml at path. A missing file is an
// error. name is the path printed in errors (usually "site.toml").
func Load(path, name string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Parse(src, name)
}

// Parse decodes site.toml source over the defaults and validates it. Every
// problem found is reported, each with its line.
func Parse(src []byte, name string) (*Config, error) {
	cfg := Default()
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, diag.Errorf(name, perr.Position.Line, "%s", perr.Message)
		}
		return nil, diag.Wrap(name, 0, err, "cannot read the file")
	}
	var errs diag.List
	for _, key := range md.Undecoded() {
		errs.Addf(name, keyLine(src, key), "unknown key %q; see the README for the keys site.toml takes", key.String())
	}
	for _, p := range cfg.Validate() {
		errs.Addf(name, keyLine(src, p.key), "%s", p.msg)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/") + "/"
	return cfg, nil
}

// problem is one invalid value and the key that holds it.
type problem struct {
	key toml.Key
	msg string
}

// Validate checks values that decode but make no sense.
func (c *Config) Validate() []problem {
	var out []problem
	add := func(msg string, key ...string) { out = append(out, problem{toml.Key(key), msg}) }
	if u, err := url.Parse(c.BaseURL); err != nil || !u.IsAbs() || u.Host == "" {
		add(fmt.Sprintf("base_url %q is not an absolute URL; write it as https://blog.example.org/", c.BaseURL), "base_url")
	}
	if c.Pagination.PerPage < 1 {
		add("pagination.per_page must be at least 1", "pagination", "per_page")
	}
	if c.Feeds.Limit < 1 {
		add("feeds.limit must be at least 1", "feeds", "limit")
	}
	if c.Featured.Count < 0 {
		add("featured.count must not be negative", "featured", "count")
	}
	if c.Sidebar.Tags < 0 {
		add("sidebar.tags must not be negative; 0 leaves the tag cloud out", "sidebar", "tags")
	}
	if c.Related.Count < 0 {
		add("related.count must not be negative; 0 leaves related posts out", "related", "count")
	}
	if c.TOC.Headings < 0 {
		add("toc.headings must not be negative; 0 shows a table of contents only on posts with toc: true", "toc", "headings")
	}
	if err := CheckPermalink(c.Permalinks.Post); err != nil {
		add("permalinks.post: "+err.Error(), "permalinks", "post")
	}
	if err := CheckPermalink(c.Permalinks.Page); err != nil {
		add("permalinks.page: "+err.Error(), "permalinks", "page")
	}
	for key, pattern := range map[string]string{"mention_url": c.Social.MentionURL, "hashtag_url": c.Social.HashtagURL} {
		if pattern != "" && (strings.Count(pattern, "%s") != 1 || strings.Count(pattern, "%") != 1) {
			add(fmt.Sprintf("social.%s %q must hold %%s exactly once, where the handle or tag goes", key, pattern), "social", key)
		}
	}
	for _, s := range c.Social.Share {
		if !knownShare[s] {
			add(fmt.Sprintf("social.share: unknown network %q; use linkedin, x or facebook", s), "social", "share")
		}
	}
	out = append(out, c.Brand.validate()...)
	out = append(out, c.validateImages()...)
	for _, p := range c.Comments.validate() {
		out = append(out, problem{append(toml.Key{"comments"}, p.key...), p.msg})
	}
	return out
}

var knownShare = map[string]bool{"linkedin": true, "x": true, "facebook": true}

// permalinkTokens are the placeholders a permalink pattern may use.
var permalinkTokens = []string{":year", ":month", ":day", ":slug", ":title", ":author", ":category", ":section"}

// CheckPermalink reports whether pattern is a usable permalink pattern:
// it starts with "/" and uses :slug or :title, so two posts cannot share it.
func CheckPermalink(pattern string) error {
	if !strings.HasPrefix(pattern, "/") {
		return fmt.Errorf("%q must start with /", pattern)
	}
	rest := pattern
	for _, tok := range permalinkTokens {
		rest = strings.ReplaceAll(rest, tok, "")
	}
	if strings.Contains(rest, ":") {
		return fmt.Errorf("%q has an unknown placeholder; use %s", pattern, strings.Join(permalinkTokens, ", "))
	}
	if !strings.Contains(pattern, ":slug") && !strings.Contains(pattern, ":title") {
		return fmt.Errorf("%q must contain :slug or :title", pattern)
	}
	return nil
}

// keyLine finds the line that defines key in TOML source: the table header
// and then the key's own line. It returns 0 when the key cannot be found.
func keyLine(src []byte, key toml.Key) int {
	if len(key) == 0 {
		return 0
	}
	table, leaf := strings.Join(key[:len(key)-1], "."), key[len(key)-1]
	current := ""
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			current = strings.Trim(line, "[] ")
			if current == strings.Join(key, ".") {
				return i + 1
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if ok && current == table && strings.Trim(strings.TrimSpace(name), `"'`) == leaf {
			return i + 1
		}
		if ok && current == "" && strings.TrimSpace(name) == strings.Join(key, ".") {
			return i + 1
		}
	}
	return 0
}
