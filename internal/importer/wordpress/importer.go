package wordpress

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// importer holds the state of one import across both passes.
type importer struct {
	w    sink
	name string
	log  io.Writer
	sum  Summary

	media      *media
	used       *usedFiles        // what the imported items use of the attachments
	files      *localMedia       // with Options.Media, else nil
	authors    []author          // in file order, declared ones first
	authorIDs  map[string]string // login -> author id
	postNames  sitewriter.Names
	pageNames  sitewriter.Names
	categories map[string]bool
	tags       map[string]bool
	// skipMentions leaves pingbacks and trackbacks out (Options).
	skipMentions bool
}

func newImporter(w sink, name string, log io.Writer) *importer {
	if log == nil {
		log = io.Discard
	}
	return &importer{
		w: w, name: name, log: log, sum: newSummary(),
		media:      newMedia(),
		used:       newUsedFiles(),
		authorIDs:  map[string]string{},
		categories: map[string]bool{},
		tags:       map[string]bool{},
	}
}

// logf writes one line about the item or comment at line.
func (imp *importer) logf(line int, format string, args ...any) {
	fmt.Fprintf(imp.log, "%s:%d: %s\n", imp.name, line, fmt.Sprintf(format, args...))
}

// kind tells what an item becomes: "post", "page", or "" with the reason it
// is skipped.
func kind(it *item) (string, string) {
	t := it.postType
	if t == "" {
		t = "post"
	}
	switch t {
	case "post", "page":
	case "attachment":
		return "", "attachment (used for images)"
	default:
		return "", "post type " + t
	}
	switch it.status {
	case "trash":
		return "", t + " in trash"
	case "auto-draft":
		return "", "auto-draft"
	}
	return t, ""
}

// isDraft reports whether an item is written as a draft: anything not
// published or scheduled, and password-protected posts, which a static
// site cannot protect.
func isDraft(it *item) bool {
	return (it.status != "publish" && it.status != "future") || it.password != ""
}

// indexAuthor records a wp:author entry during the first pass.
func (imp *importer) indexAuthor(a author) error {
	if a.login == "" {
		return nil
	}
	if _, ok := imp.authorIDs[a.login]; !ok {
		imp.authorIDs[a.login] = ""
		imp.authors = append(imp.authors, a)
	}
	return nil
}

// indexItem records attachments and the creators of posts and pages during
// the first pass. A creator without a wp:author entry, as in WXR 1.0,
// becomes an author named after the login.
func (imp *importer) indexItem(it *item) error {
	if it.postType == "attachment" {
		imp.media.add(it)
		return nil
	}
	k, _ := kind(it)
	if k != "" && imp.files != nil {
		imp.files.note(it, k == "page")
	}
	if k != "" && it.creator != "" {
		return imp.indexAuthor(author{login: it.creator})
	}
	return nil
}

// writeAuthors gives every author an id and writes the author files that
// the site does not have yet.
func (imp *importer) writeAuthors() error {
	var names sitewriter.Names
	for i, a := range imp.authors {
		base := sitewriter.Slug(a.login)
		if base == "" {
			base = sitewriter.Slug(a.display)
		}
		if base == "" {
			base = fmt.Sprintf("author-%d", i+1)
		}
		id := names.Claim(base)
		imp.authorIDs[a.login] = id
		data, err := sitewriter.Encode(sitewriter.Author{Name: displayName(a)}, "")
		if err != nil {
			return fmt.Errorf("%s: author %s: %w", imp.name, a.login, err)
		}
		written, err := imp.w.WriteNew("content/authors/"+id+".md", data)
		if err != nil {
			return fmt.Errorf("%s: author %s: %w", imp.name, a.login, err)
		}
		if written {
			imp.sum.Authors++
		} else {
			imp.sum.AuthorsKept++
		}
	}
	return nil
}

// displayName is the name shown for an author: the display name, else
// first and last name, else the login. The e-mail address is never used.
func displayName(a author) string {
	if n := strings.TrimSpace(html.UnescapeString(a.display)); n != "" {
		return n
	}
	if n := strings.TrimSpace(a.first + " " + a.last); n != "" {
		return html.UnescapeString(n)
	}
	return a.login
}

// importItem writes one item during the second pass.
func (imp *importer) importItem(it *item) error {
	k, reason := kind(it)
	if it.postType == "attachment" {
		imp.skipComments(it, "comment on an attachment")
		return nil // the attachment is counted at the end, as used or not
	}
	if reason != "" {
		imp.skip(reason, itemName(it))
		imp.logf(it.line, "skipped item %d: %s", it.id, reason)
		imp.skipComments(it, "comment on a skipped item")
		return nil
	}
	imp.used.add(it, imp.media)
	var err error
	if k == "page" {
		err = imp.page(it)
	} else {
		err = imp.post(it)
	}
	if err != nil {
		return fmt.Errorf("%s:%d: %s %d: %w", imp.name, it.line, k, it.id, err)
	}
	return nil
}

func (imp *importer) skipComments(it *item, reason string) {
	for i := range it.comments {
		c := &it.comments[i]
		imp.skip(reason, commentName(c, it))
		imp.logf(c.line, "skipped comment %d: %s", c.id, reason)
	}
}
