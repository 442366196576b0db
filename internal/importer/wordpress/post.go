package wordpress

import (
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/importer/htmlmd"
	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// post writes a post item and its comments.
func (imp *importer) post(it *item) error {
	slug := imp.slug(it, &imp.postNames, "post")
	fm := sitewriter.Post{
		Title:    imp.title(it),
		Author:   imp.authorIDs[it.creator],
		Summary:  plainText(it.excerpt),
		Featured: isSticky(it),
		Draft:    isDraft(it),
		Aliases:  aliases(it, "p"),
	}
	fm.Date, fm.Lastmod = dates(it)
	fm.Categories, fm.Tags = imp.terms(it)
	loc, bundled, err := imp.localize(it, slug)
	if err != nil {
		return err
	}
	imp.featuredImage(it, &fm)
	fm.Image = loc.url(fm.Image, false)
	if it.commentStatus == "closed" {
		fm.Comments = "closed"
	}
	if err := imp.write(it, imp.postPath(slug, bundled), fm, loc); err != nil {
		return err
	}
	imp.sum.Posts++
	if fm.Draft {
		imp.sum.Drafts++
	}
	return imp.comments(it, slug)
}

// page writes a page item and its comments, which go to
// content/comments/pages/<slug>/.
func (imp *importer) page(it *item) error {
	slug := imp.slug(it, &imp.pageNames, "page")
	fm := sitewriter.Page{
		Title:   imp.title(it),
		Summary: plainText(it.excerpt),
		Draft:   isDraft(it),
		Aliases: aliases(it, "page_id"),
	}
	fm.Comments = "closed" // pages take comments only when told to
	if it.commentStatus == "open" {
		fm.Comments = "open"
	}
	loc, _, err := imp.localize(it, "")
	if err != nil {
		return err
	}
	if err := imp.write(it, "content/pages/"+slug+".md", fm, loc); err != nil {
		return err
	}
	imp.sum.Pages++
	if fm.Draft {
		imp.sum.Drafts++
	}
	return imp.comments(it, content.PageThreads+"/"+slug)
}

// write converts the item's body, with the addresses loc rewrites, and
// stages the file.
func (imp *importer) write(it *item, rel string, fm any, loc *localizer) error {
	body, err := imp.body(it, loc)
	if err != nil {
		return err
	}
	data, err := sitewriter.Encode(fm, body)
	if err != nil {
		return err
	}
	return imp.w.Write(rel, data)
}

// postPath is content/posts/<slug>.md, or the index.md of a page bundle of
// that name when the site already has one or the post brings files.
func (imp *importer) postPath(slug string, bundled bool) string {
	if bundle := "content/posts/" + slug + "/index.md"; bundled || imp.w.Exists(bundle) {
		return bundle
	}
	return "content/posts/" + slug + ".md"
}

// slug picks the file name of an item: its wp:post_name, else its title,
// else kind-ID, made unique among the items of the same kind.
func (imp *importer) slug(it *item, names *sitewriter.Names, kind string) string {
	name, err := url.PathUnescape(it.name)
	if err != nil {
		name = it.name
	}
	base := sitewriter.Slug(name)
	if base == "" {
		base = sitewriter.Slug(plainText(it.title))
	}
	if base == "" {
		base = fmt.Sprintf("%s-%d", kind, it.id)
	}
	slug := names.Claim(base)
	if slug != base {
		imp.logf(it.line, "%s %d: the slug %q is taken; using %q", kind, it.id, base, slug)
	} else if it.name != "" && slug != it.name {
		imp.logf(it.line, "%s %d: slug %q written as %q", kind, it.id, it.name, slug)
	}
	return slug
}

func (imp *importer) title(it *item) string {
	if t := plainText(it.title); t != "" {
		return t
	}
	imp.logf(it.line, "item %d has no title; using \"Untitled\"", it.id)
	return "Untitled"
}

// dates returns the publication date and, when the item changed later, the
// date of the last change.
func dates(it *item) (sitewriter.Time, sitewriter.Time) {
	date := wpTime(it.date, it.dateGMT)
	if date.IsZero() {
		date = rssTime(it.pubDate)
	}
	mod := wpTime(it.modified, it.modifiedGMT)
	if date.IsZero() || !mod.Truncate(time.Second).After(date.Truncate(time.Second)) {
		mod = time.Time{}
	}
	return sitewriter.At(date), sitewriter.At(mod)
}

// isSticky reports a sticky post: <wp:is_sticky>1 or a _sticky postmeta.
func isSticky(it *item) bool {
	v := strings.TrimSpace(it.meta["_sticky"])
	return it.sticky || v == "1" || v == "yes" || v == "true"
}

// terms returns the item's categories and tags, in file order without
// repeats, and counts them for the summary. WXR 1.0 repeats each category
// without a domain; those are read as categories unless the name is also a
// tag.
func (imp *importer) terms(it *item) ([]string, []string) {
	var cats, tags []string
	for _, t := range it.terms {
		if name := html.UnescapeString(t.name); name != "" && (t.domain == "post_tag" || t.domain == "tag") && !slices.Contains(tags, name) {
			tags = append(tags, name)
			imp.tags[name] = true
		}
	}
	for _, t := range it.terms {
		name := html.UnescapeString(t.name)
		if name == "" || (t.domain != "category" && t.domain != "") || slices.Contains(cats, name) {
			continue
		}
		if t.domain == "" && slices.Contains(tags, name) {
			continue
		}
		cats = append(cats, name)
		imp.categories[name] = true
	}
	return cats, tags
}

// featuredImage fills image, image_alt and image_credit from the attachment
// that the _thumbnail_id postmeta names.
func (imp *importer) featuredImage(it *item, fm *sitewriter.Post) {
	id := number(strings.TrimSpace(it.meta["_thumbnail_id"]))
	if id == 0 {
		return
	}
	a, ok := imp.media.attachment(id)
	if !ok || a.url == "" {
		imp.logf(it.line, "post %d: featured image %d is not in the export", it.id, id)
		return
	}
	fm.Image = a.url
	fm.ImageAlt = a.altText()
	if c := plainText(a.caption); c != "" {
		fm.ImageCredit = &sitewriter.Credit{Text: c}
	}
}

// aliases returns the item's old addresses as site paths: the path of its
// <link> and the /?p=ID (or /?page_id=ID) form, so that existing links keep
// working.
func aliases(it *item, idParam string) []string {
	var out []string
	add := func(p string) {
		if p != "" && p != "/" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if u, err := url.Parse(strings.TrimSpace(it.link)); err == nil && it.link != "" {
		p := u.EscapedPath()
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		if u.RawQuery != "" {
			p += "?" + u.RawQuery
		}
		add(p)
	}
	if it.id > 0 {
		add(fmt.Sprintf("/?%s=%d", idParam, it.id))
	}
	return out
}

// body converts the item's content to Markdown: shortcodes, media
// elements and lines that WordPress embeds first, then wpautop's paragraphs (not for block-editor posts, which carry their own
// <p> tags), then HTML to Markdown. The addresses of media brought into
// the site are rewritten on the way.
func (imp *importer) body(it *item, loc *localizer) (string, error) {
	ex := newExpander(imp.media, it.id, func(name string) {
		imp.sum.Shortcodes[name]++
		imp.sum.example("["+name+"]", itemName(it))
		imp.logf(it.line, "item %d: removed the shortcode [%s]", it.id, name)
	})
	s := loc.html(ex.embedLines(ex.htmlMedia(ex.expand(it.content))))
	for i, b := range ex.blocks.list {
		ex.blocks.list[i] = loc.html(b)
	}
	if !strings.Contains(it.content, "<!-- wp:") {
		s = autop(s)
	}
	md, err := htmlmd.Convert(s)
	return ex.blocks.restore(md), err
}
