package content

import (
	"crypto/sha256"
	"reflect"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/images"
)

// Post is one blog post as its file describes it. Values are immutable once
// loaded: later stages read them and never write them.
type Post struct {
	Source string   // path of the Markdown file, relative to the site root
	Bundle string   // the page-bundle folder (content/posts/slug) or ""
	Files  []string // other files of the bundle, relative to Bundle
	Slug   string   // from slug:, else the file or bundle name without a date prefix
	// Path is the post's own URL path, as Zola's path, Jekyll's permalink
	// or Hugo's url give it; "" means the site's permalink pattern.
	Path string
	// ThemePage marks a file with no title that names a template of the
	// site it comes from (Zola's template = "latest.html"): a page of
	// that site's theme, which Load skips as it skips section pages.
	ThemePage bool
	// Section is the folder below content/posts that holds the post (or
	// its bundle), "" for posts at the top: "inside-team".
	Section  string
	Title    string
	Date     time.Time
	Lastmod  time.Time
	Expiry   time.Time // expirydate/expires: the post is left out after it
	Authors  []string  // author ids
	Tags     []string
	Category []string
	// Summary is the front matter summary (or description); empty means the
	// text before <!--more-->, else the first paragraph.
	Summary     string
	Description string
	Featured    bool
	Draft       bool
	Aliases     []string
	Image       string
	ImageAlt    string
	ImageCredit *Credit
	// ImageFocus is the point of Image a social card crops around
	// (image_focus: 0.5,0.3); nil is the centre.
	ImageFocus *images.Focus
	Comments   CommentMode
	// Series names the series the post is a part of ("" for none); the
	// parts are ordered by date.
	Series string
	// TOC says whether the post shows a table of contents: TOCAuto
	// leaves it to the site's [toc] headings setting.
	TOC TOCMode
	// Original is where a republished post first appeared; nil otherwise.
	Original                  *Attribution
	RepublishedWithPermission bool
	// CanonicalSelf makes rel=canonical point to the post rather than to the
	// original of a republished post.
	CanonicalSelf bool
	// Body is the Markdown body. Load drops it to keep memory flat on
	// large sites (see ReadBody); ParsePost keeps it.
	Body []byte
	// BodyStart is the byte offset of the body in Source, and BodyLine
	// its line.
	BodyStart, BodyLine int
	// AuthorLine, SlugLine and AliasLine are the lines of Source that
	// name the authors, the slug and the aliases, for messages about
	// them.
	AuthorLine, SlugLine, AliasLine int
	// Sum is the SHA-256 of the file up to the body, BodySum of the body:
	// what build caches compare. Load sets them; ParsePost does not.
	Sum, BodySum [sha256.Size]byte
}

// CommentMode says whether readers may comment on a post.
type CommentMode int

const (
	// CommentsOpen shows the approved comments and the form.
	CommentsOpen CommentMode = iota
	// CommentsClosed shows the approved comments and no form.
	CommentsClosed
)

// TOCMode is a post's toc: setting.
type TOCMode int8

const (
	// TOCAuto shows a table of contents when the post has more headings
	// than the site's [toc] headings.
	TOCAuto TOCMode = iota
	// TOCOn always shows one (toc: true).
	TOCOn
	// TOCOff never does (toc: false).
	TOCOff
)

// Credit is the credit line of a post's image.
type Credit struct {
	Text       string // "Photo by Ana Ruiz"
	URL        string // the photo's page
	License    string // "CC BY 2.0"
	LicenseURL string
}

// Attribution records where a republished post first appeared.
type Attribution struct {
	Site string // "LinkedIn"
	URL  string
	Date time.Time
	Note string // "as part of their influencer program"
}

// Page is a standalone page such as About or the comment policy.
type Page struct {
	Source      string
	Slug        string
	Title       string
	Summary     string
	Description string
	Draft       bool
	Menu        bool
	Weight      int
	Aliases     []string
	// Comments says whether readers may comment on the page. Pages take
	// none unless their front matter says comments: open; a page shows
	// its comment thread when it is open or has comments to show.
	Comments  CommentMode
	Body      []byte
	BodyLine  int
	SlugLine  int
	AliasLine int
	Sum       [sha256.Size]byte // of the file, set by Load
}

// Author is one person who writes on the blog; the body of the file is the
// bio.
type Author struct {
	Source string
	ID     string // the file name without .md
	Name   string
	Role   string
	Avatar string
	Handle string // the author's @handle, without the @
	Links  Links
	Body   []byte
	// BodyLine is the line of Source where Body starts.
	BodyLine int
	Sum      [sha256.Size]byte // of the file, set by Load
}

// Links are an author's profiles.
type Links struct {
	LinkedIn string
	X        string
	Website  string
}

// Comment is one reader comment, or one mention of a post or page on
// another site, and its moderation status.
type Comment struct {
	// Source is content/comments/<post>/<id>.md for a comment on a post,
	// content/comments/pages/<page>/<id>.md for one on a page.
	Source string
	Post   string // the slug of the post it belongs to, "" for a page's
	Page   string // the slug of the page it belongs to, "" for a post's
	ID     string // the file name without .md
	// Type is what the file holds: a reader's comment, or a mention of
	// the post elsewhere (a pingback or trackback), which is listed
	// apart and never counted as a comment.
	Type      CommentType
	Author    string
	AuthorURL string
	EmailHash string
	// AuthorID names the author of the blog who wrote the comment (the
	// id of their file), or is "".
	AuthorID string
	Date     time.Time
	Status   Status
	Parent   string // the id of the comment it replies to, or ""
	// Body is the Markdown body. Load drops it, as it does the bodies of
	// posts (see ReadCommentBody); ParseComment keeps it.
	Body []byte
	// BodyStart is the byte offset of the body in Source, and BodyLine
	// its line.
	BodyStart, BodyLine int
	// ParentLine is the line of Source that names the parent.
	ParentLine int
	Sum        [sha256.Size]byte // of the file, set by Load
}

// PageThreads is the folder of content/comments that holds the comments
// of pages, one folder a page. A post's slug never holds a slash, so
// "pages/about" names the page about and no post.
const PageThreads = "pages"

// Thread names the post or page a comment belongs to, as the folder of
// content/comments that holds it: the post's slug, or "pages/" and the
// page's slug. Moderation and the comment form name threads so.
func (c *Comment) Thread() string {
	if c.Page != "" {
		return PageThreads + "/" + c.Page
	}
	return c.Post
}

// PageOfThread returns the slug of the page a thread names ("pages/about"
// names the page about), or false when the thread is a post's.
func PageOfThread(thread string) (string, bool) {
	return strings.CutPrefix(thread, PageThreads+"/")
}

// CommentType is what a comment file holds.
type CommentType string

// The types of comment files.
const (
	// TypeComment is a reader's comment, the default.
	TypeComment CommentType = "comment"
	// TypeMention is a mention of the post or page on another site (a
	// pingback or trackback): its author is the title of the page that
	// mentions it, its author_url that page's address.
	TypeMention CommentType = "mention"
)

// IsMention reports whether the file is a mention rather than a comment.
func (c *Comment) IsMention() bool { return c.Type == TypeMention }

// TypeName is the comment's type for people to read: comment or mention,
// a comment made in code without a type being a comment.
func (c *Comment) TypeName() CommentType {
	if c.Type == "" {
		return TypeComment
	}
	return c.Type
}

// Status is where a comment stands in moderation.
type Status string

// The moderation statuses. Only approved comments are ever published.
const (
	StatusApproved Status = "approved"
	StatusPending  Status = "pending"
	StatusSpam     Status = "spam"
	StatusRejected Status = "rejected"
)

// Statuses lists every status, in the order moderation tools show them.
var Statuses = []Status{StatusPending, StatusApproved, StatusRejected, StatusSpam}

// statusOf reads a status as front matter writes it, in any case.
func statusOf(s string) Status {
	st := Status(strings.ToLower(s))
	for _, known := range Statuses {
		if st == known {
			return known
		}
	}
	return st
}

// Valid reports whether s is one of the four statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusApproved, StatusPending, StatusSpam, StatusRejected:
		return true
	}
	return false
}

// Site is every content file of a site, loaded and validated.
type Site struct {
	Posts    []*Post
	Pages    []*Page
	Authors  []*Author
	Comments []*Comment
	// Sections are the _index.md files of content/posts, the section
	// pages of Hugo and Zola, which blogen does not read (its lists are
	// its own), and the pages of their themes (Post.ThemePage).
	Sections []string
}

// SameMetadata reports whether two parses of a post say the same about
// it apart from its body: the same front matter values, and the body
// starting at the same place of the file.
func (p *Post) SameMetadata(q *Post) bool {
	a, b := *p, *q
	a.Body, b.Body = nil, nil
	a.BodySum, b.BodySum = [sha256.Size]byte{}, [sha256.Size]byte{}
	return reflect.DeepEqual(a, b)
}
