package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/slug"
)

func lineError(file string, line int, msg string) error { return diag.Errorf(file, line, "%s", msg) }

// jekyllName matches file names like 2013-06-10-slug.md.
// Zola also allows an underscore after the date.
var jekyllName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[-_](.+)$`)

// slugFromName returns the slug and, for Jekyll-style names, the date that a
// file name gives (its extension dropped).
func slugFromName(name string) (string, time.Time) {
	return slugFromBase(strings.TrimSuffix(name, path.Ext(name)))
}

// slugFromBase is slugFromName for a name without an extension, such as
// a bundle folder's, whose dots are part of it ("cargo-1.78").
func slugFromBase(name string) (string, time.Time) {
	if m := jekyllName.FindStringSubmatch(name); m != nil {
		if t, err := time.Parse("2006-01-02", m[1]); err == nil {
			return m[2], t
		}
	}
	return name, time.Time{}
}

// validSlug reports whether s can be one path segment of a URL.
func validSlug(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.ContainsAny(s, "/\\?#%\x00")
}

// ParsePost reads one post. file is its path relative to the site root;
// for a page bundle it is the bundle's index.md.
func ParsePost(file string, src []byte) (*Post, error) { return parsePost(file, src, nil) }

// parsePost is ParsePost sharing the strings of names with n.
func parsePost(file string, src []byte, n *names) (*Post, error) {
	doc, err := splitDocument(file, src)
	if err != nil {
		return nil, err
	}
	f := &fields{doc: doc, names: n}
	slug, fileDate := slugFromName(path.Base(file))
	if path.Base(file) == "index.md" {
		slug, fileDate = slugFromBase(path.Base(path.Dir(file)))
	}
	p := &Post{
		Source:      file,
		Title:       f.str("title"),
		Date:        f.date("date", "publishdate", "pubdate", "published"),
		Lastmod:     f.date("lastmod", "last_modified_at", "updated", "modified"),
		Expiry:      f.date("expirydate", "expirationdate", "expires"),
		Authors:     f.authors(),
		Tags:        f.taxonomy("tags"),
		Category:    f.categories(),
		Summary:     f.str("summary"),
		Description: f.str("description", "excerpt"),
		Featured:    f.boolean("featured", "sticky"),
		Draft:       f.boolean("draft") || f.unpublished(),
		Aliases:     f.list("aliases", "redirect_from"),
		Image:       f.str("image", "cover", "featured_image"),
		ImageAlt:    f.str("image_alt"),
		ImageCredit: f.credit(),
		ImageFocus:  f.focus(),
		Comments:    f.commentMode(CommentsOpen),
		Original:    f.attribution(),
		Body:        doc.body,
		BodyStart:   doc.bodyStart,
		BodyLine:    doc.bodyLine,
	}
	p.RepublishedWithPermission = f.boolean("republished_with_permission")
	p.Series = f.series()
	p.TOC = f.toc()
	p.CanonicalSelf = f.canonicalSelf()
	p.Slug = slugOrName(f, slug)
	p.Section = sectionOf(file)
	p.Path = f.str("path", "permalink", "url")
	if p.Path != "" && !strings.HasPrefix(p.Path, "/") {
		p.Path = "/" + p.Path
	}
	p.AuthorLine = doc.keyLine("author")
	if p.AuthorLine == 1 {
		p.AuthorLine = doc.keyLine("authors")
	}
	p.SlugLine = doc.keyLine("slug")
	p.AliasLine = doc.keyLine("aliases", "redirect_from")
	if p.Date.IsZero() {
		p.Date = fileDate
	}
	if p.Date.IsZero() {
		p.Date = pathDate(p.Path)
	}
	if p.Title == "" && f.set("template") {
		p.ThemePage = true
		return p, errors.Join(f.errs...)
	}
	if p.Title == "" {
		f.fail("title", "the post has no title; add a title: line to its front matter")
	}
	if p.Date.IsZero() && !f.set("date", "publishdate", "pubdate") {
		f.errs = append(f.errs, diag.Errorf(file, 1, "the post has no date; add date: 2013-06-10 to its front matter or name the file 2013-06-10-%s.md", p.Slug))
	}
	if p.RepublishedWithPermission && p.Original == nil {
		f.fail("republished_with_permission", "republished_with_permission is set but originally_appeared_on is missing; say where the post first appeared")
	}
	return p, errors.Join(f.errs...)
}

// pathDateRE matches the date in a URL path such as Zola's
// path = "2018/04/06/all-hands".
var pathDateRE = regexp.MustCompile(`(?:^|/)(\d{4})/(\d{2})/(\d{2})/`)

// pathDate returns the date a URL path holds, or the zero time.
func pathDate(p string) time.Time {
	m := pathDateRE.FindStringSubmatch(p)
	if m == nil {
		return time.Time{}
	}
	t, _ := time.Parse("2006/01/02", m[1]+"/"+m[2]+"/"+m[3])
	return t
}

// series reads the name of a post's series: series: "Name", or the
// first of a list, as Hugo's series taxonomy writes it.
func (f *fields) series() string {
	if _, v, ok := f.first("series"); ok {
		if _, isList := v.([]any); isList {
			if l := f.list("series"); len(l) > 0 {
				return l[0]
			}
			return ""
		}
	}
	return strings.TrimSpace(f.str("series"))
}

// toc reads toc: true or false (Hugo's showToc too); unset is TOCAuto.
func (f *fields) toc() TOCMode {
	if _, _, ok := f.first("toc", "showtoc"); !ok {
		return TOCAuto
	}
	if f.boolean("toc", "showtoc") {
		return TOCOn
	}
	return TOCOff
}

// taxonomy reads tags or categories from their own key, else from
// Zola's [taxonomies] table.
func (f *fields) taxonomy(key string) []string {
	if _, _, ok := f.first(key); ok {
		return f.list(key)
	}
	t, ok := f.doc.meta["taxonomies"].(map[string]any)
	if !ok || t[key] == nil {
		return nil
	}
	sub := &fields{doc: &document{file: f.doc.file, meta: t, front: f.doc.front}, names: f.names}
	out := sub.list(key)
	f.errs = append(f.errs, sub.errs...)
	return out
}

// categories reads categories. In a Jekyll post (one with a layout: key)
// a string of several words is several categories, as Jekyll reads it:
// "release rust" is two.
func (f *fields) categories() []string {
	_, v, ok := f.first("categories", "category")
	if !ok {
		return f.taxonomy("categories")
	}
	if s, isString := v.(string); isString && f.doc.meta["layout"] != nil && !strings.Contains(s, ",") {
		var out []string
		for _, w := range strings.Fields(s) {
			out = append(out, f.names.share(w))
		}
		return out
	}
	return f.list("categories", "category")
}

// sectionOf returns the folder below content/posts that holds a post
// file or its bundle.
func sectionOf(file string) string {
	dir := path.Dir(file)
	if path.Base(file) == "index.md" {
		dir = path.Dir(dir)
	}
	rest, ok := strings.CutPrefix(dir, PostsDir+"/")
	if !ok {
		return ""
	}
	return rest
}

// slugOrName returns the slug: key when it is set and valid, else name.
func slugOrName(f *fields, name string) string {
	s := f.str("slug")
	if s == "" || s == name {
		return name // part of the file's path: no second copy
	}
	if !validSlug(s) {
		f.fail("slug", "slug %q cannot be part of a URL; use letters, digits and hyphens", s)
		return name
	}
	return s
}

// unpublished reads Jekyll's published: false.
func (f *fields) unpublished() bool {
	if v, ok := f.doc.meta["published"].(bool); ok {
		return !v
	}
	return false
}

// authors reads author: id or authors: [id, id]. An item may be a byline
// of several names ("A, B, and C"), which splitNames splits.
func (f *fields) authors() []string {
	ids := f.list("authors")
	if one := f.list("author"); len(one) > 0 {
		ids = append(one, ids...)
	}
	seen := map[string]bool{}
	var out []string
	for _, item := range ids {
		for _, id := range splitNames(item) {
			if !seen[id] {
				seen[id] = true
				out = append(out, f.names.share(id))
			}
		}
	}
	return out
}

// commentMode reads comments: open or closed (true or false); def is the
// mode of a file without the key.
func (f *fields) commentMode(def CommentMode) CommentMode {
	k, v, ok := f.first("comments")
	if !ok {
		return def
	}
	switch v {
	case "open", true:
		return CommentsOpen
	case "closed", false:
		return CommentsClosed
	}
	f.fail(k, "comments: want open or closed, got %s", describe(v))
	return def
}

func (f *fields) canonicalSelf() bool {
	switch c := f.str("canonical"); c {
	case "", "original":
		return false
	case "self":
		return true
	default:
		f.fail("canonical", "canonical: want original or self, got %q", c)
		return false
	}
}

// focus reads image_focus, the point of the post's image its social card
// keeps in view; nil is the centre.
func (f *fields) focus() *images.Focus {
	s := f.str("image_focus")
	if s == "" {
		return nil
	}
	focus, err := images.ParseFocus(s)
	if err != nil {
		f.fail("image_focus", "%v", err)
		return nil
	}
	return &focus
}

// credit reads image_credit as a line of text or a table.
func (f *fields) credit() *Credit {
	v, ok := f.doc.meta["image_credit"]
	if !ok || v == nil {
		return nil
	}
	if s, ok := v.(string); ok {
		return &Credit{Text: s}
	}
	m := f.table("image_credit")
	if m == nil {
		return nil
	}
	sub := &fields{doc: &document{file: f.doc.file, meta: m, front: f.doc.front}}
	c := &Credit{Text: sub.str("text"), URL: sub.str("url"), License: sub.str("license"), LicenseURL: sub.str("license_url")}
	f.errs = append(f.errs, sub.errs...)
	if c.Text == "" {
		f.fail("image_credit", "image_credit needs a text: line, such as text: Photo by Ana Ruiz")
	}
	return c
}

// attribution reads originally_appeared_on.
func (f *fields) attribution() *Attribution {
	m := f.table("originally_appeared_on")
	if m == nil {
		return nil
	}
	sub := &fields{doc: &document{file: f.doc.file, meta: m, front: f.doc.front}}
	a := &Attribution{Site: sub.str("site"), URL: sub.str("url"), Date: sub.date("date"), Note: sub.str("note")}
	f.errs = append(f.errs, sub.errs...)
	if a.Site == "" || a.URL == "" {
		f.fail("originally_appeared_on", "originally_appeared_on needs site: and url: (and usually date:)")
	}
	if a.URL != "" && !strings.HasPrefix(a.URL, "https://") && !strings.HasPrefix(a.URL, "http://") {
		sub.fail("url", "originally_appeared_on.url %q must be an absolute http(s) URL", a.URL)
		f.errs = append(f.errs, sub.errs...)
	}
	return a
}

// ParsePage reads one standalone page.
func ParsePage(file string, src []byte) (*Page, error) {
	doc, err := splitDocument(file, src)
	if err != nil {
		return nil, err
	}
	f := &fields{doc: doc}
	name, _ := slugFromName(path.Base(file))
	p := &Page{
		Source:      file,
		Title:       f.str("title"),
		Summary:     f.str("summary"),
		Description: f.str("description"),
		Draft:       f.boolean("draft"),
		Menu:        f.boolean("menu"),
		Weight:      f.integer("weight"),
		Aliases:     f.list("aliases", "redirect_from"),
		Body:        doc.body,
		BodyLine:    doc.bodyLine,
	}
	p.Comments = f.commentMode(CommentsClosed)
	p.Slug = slugOrName(f, name)
	p.SlugLine = doc.keyLine("slug")
	p.AliasLine = doc.keyLine("aliases", "redirect_from")
	if p.Title == "" {
		f.fail("title", "the page has no title; add a title: line to its front matter")
	}
	return p, errors.Join(f.errs...)
}

// ParseAuthor reads one author file; its name without .md is the id.
func ParseAuthor(file string, src []byte) (*Author, error) {
	doc, err := splitDocument(file, src)
	if err != nil {
		return nil, err
	}
	f := &fields{doc: doc}
	a := &Author{
		Source:   file,
		ID:       authorID(file),
		Name:     f.str("name", "title"),
		Role:     f.str("role"),
		Avatar:   f.str("avatar", "image"),
		Handle:   strings.TrimPrefix(f.str("handle"), "@"),
		Body:     doc.body,
		BodyLine: doc.bodyLine,
	}
	if links := f.table("links"); links != nil {
		sub := &fields{doc: &document{file: file, meta: links, front: doc.front}}
		a.Links = Links{LinkedIn: sub.str("linkedin"), X: sub.str("x", "twitter"), Website: sub.str("website")}
		f.errs = append(f.errs, sub.errs...)
	}
	if a.Name == "" {
		f.fail("name", "the author has no name; add a name: line to its front matter")
	}
	return a, errors.Join(f.errs...)
}

// authorID is the id of an author file: the slug of its name without
// .md, so that ids in URLs and HTML are slugs whatever the file is called.
func authorID(file string) string {
	name := strings.TrimSuffix(path.Base(file), ".md")
	if id := slug.Make(name); id != "" {
		return id
	}
	return name
}

// ParseComment reads one comment file, content/comments/<post>/<id>.md or
// content/comments/pages/<page>/<id>.md.
func ParseComment(file string, src []byte) (*Comment, error) {
	c, err := parseComment(file, src, nil)
	if c != nil {
		c.Body = bytes.Clone(c.Body) // not the whole read buffer
	}
	return c, err
}

// parseComment is ParseComment with a body that is part of src, sharing
// the strings of names with n.
func parseComment(file string, src []byte, n *names) (*Comment, error) {
	doc, err := splitDocument(file, src)
	if err != nil {
		return nil, err
	}
	f := &fields{doc: doc, names: n}
	c := &Comment{
		Source:    file,
		ID:        strings.TrimSuffix(path.Base(file), ".md"),
		Type:      CommentType(strings.ToLower(f.str("type"))),
		Author:    f.name("author", "name"),
		AuthorURL: f.name("author_url", "url", "website"),
		EmailHash: f.name("email_hash"),
		AuthorID:  f.name("author_id"),
		Date:      f.date("date"),
		Status:    statusOf(f.str("status")),
		Parent:    f.str("parent", "reply_to"),
		Body:      doc.body,
		BodyStart: doc.bodyStart,
		BodyLine:  doc.bodyLine,
	}
	c.Post, c.Page = commentOwner(file)
	c.ParentLine = doc.keyLine("parent")
	switch c.Type {
	case "":
		c.Type = TypeComment
	case TypeComment, TypeMention:
	default:
		f.fail("type", "type: want comment or mention, got %q", c.Type)
	}
	if c.Status == "" {
		c.Status = StatusPending
	}
	if !c.Status.Valid() {
		f.fail("status", "status: want approved, pending, spam or rejected, got %q", c.Status)
	}
	if c.Date.IsZero() && len(f.errs) == 0 {
		f.fail("date", "the comment has no date; add date: 2013-06-10T09:30:00Z")
	}
	if strings.Contains(c.EmailHash, "@") {
		f.fail("email_hash", "email_hash holds an e-mail address; store only its SHA-256 hash")
	}
	if c.Parent == c.ID && c.ID != "" {
		f.fail("parent", "the comment replies to itself")
	}
	if c.AuthorURL != "" && !strings.HasPrefix(c.AuthorURL, "https://") && !strings.HasPrefix(c.AuthorURL, "http://") {
		f.fail("author_url", "author_url %q must be an http(s) URL", c.AuthorURL)
	}
	return c, errors.Join(f.errs...)
}

// commentOwner returns the post or the page a comment file belongs to by
// its folder: content/comments/pages/<page>/ holds a page's comments,
// any other folder the comments of the post it is named after.
func commentOwner(file string) (post, page string) {
	dir := path.Dir(file)
	if parent := path.Dir(dir); parent == CommentsDir+"/"+PageThreads {
		return "", path.Base(dir)
	}
	return path.Base(dir), ""
}

// String describes a post for messages.
func (p *Post) String() string { return fmt.Sprintf("%s (%s)", p.Title, p.Source) }
