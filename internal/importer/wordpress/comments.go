package wordpress

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/importer/htmlmd"
	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// isMention reports whether a comment is a pingback, a trackback or a
// webmention: a mention of the post on another site.
func isMention(c *comment) bool {
	switch strings.ToLower(c.ctype) {
	case "pingback", "trackback", "webmention":
		return true
	}
	return false
}

// commentStatus maps WordPress's comment_approved and comment_type to a
// blogen status, or to the reason the comment is skipped: mentions are
// skipped, by their type, when skipMentions is set.
func commentStatus(c *comment, skipMentions bool) (status, skip string) {
	if skipMentions && isMention(c) {
		return "", strings.ToLower(c.ctype)
	}
	switch strings.ToLower(c.approved) {
	case "1", "approve", "approved":
		return "approved", ""
	case "spam":
		return "spam", ""
	case "trash", "post-trashed":
		return "", "comment in trash"
	}
	return "pending", "" // "0", "hold" and anything unknown wait for moderation
}

// commentID is the file name of a comment: its WordPress id, zero-padded
// so that names sort in order.
func commentID(id int64) string { return fmt.Sprintf("%06d", id) }

// emailHash is the SHA-256 of the trimmed, lower-cased address in hex, or
// "" for no address. The address itself is never written.
func emailHash(email string) string {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(email))
	return hex.EncodeToString(sum[:])
}

// thread holds the comments of one post while their parents are resolved.
// Comments are read with their post, so a parent that comes after its
// child in the file is found all the same.
type thread struct {
	byID   map[int64]*comment
	status map[int64]string // kept comments and mentions
	kept   []*comment       // in file order
	// date is the date of the post or page, which a comment without a
	// date of its own is given.
	date time.Time
}

// comments writes the comments and mentions of a post or page into
// content/comments/<folder>/: the post's slug, or pages/<slug>.
func (imp *importer) comments(it *item, folder string) error {
	th := imp.sortComments(it)
	parents := th.parents()
	for _, c := range th.kept {
		if err := imp.writeComment(c, th, parents[c.id], folder); err != nil {
			return err
		}
	}
	return nil
}

// sortComments splits an item's comments into kept and skipped.
func (imp *importer) sortComments(it *item) *thread {
	th := &thread{byID: map[int64]*comment{}, status: map[int64]string{}, date: wpTime(it.date, it.dateGMT)}
	for i := range it.comments {
		c := &it.comments[i]
		status, reason := commentStatus(c, imp.skipMentions)
		switch _, dup := th.byID[c.id]; {
		case reason == "" && th.date.IsZero() && wpTime(c.date, c.dateGMT).IsZero():
			reason = "comment without a date"
		case c.id == 0:
			reason = "comment without an id"
		case dup:
			reason = "duplicate comment id"
		default:
			th.byID[c.id] = c
		}
		if reason != "" {
			imp.skip(reason, commentName(c, it))
			imp.logf(c.line, "skipped comment %d: %s", c.id, reason)
			continue
		}
		th.status[c.id] = status
		th.kept = append(th.kept, c)
	}
	return th
}

// parents returns, for each kept comment, the kept comment it replies to:
// its parent, or the nearest ancestor that was kept when the parent was
// skipped (a reply to a trashed comment moves up the thread). A comment
// whose ancestors loop back to it starts a thread of its own. Mentions
// are in no thread: they reply to nothing, and nothing replies to them.
func (th *thread) parents() map[int64]int64 {
	out := map[int64]int64{}
	for _, c := range th.kept {
		if !isMention(c) {
			out[c.id] = th.keptAncestor(c)
		}
	}
	for _, c := range th.kept {
		p := out[c.id]
		for steps := 0; p != 0 && steps <= len(th.kept); steps++ {
			if p == c.id {
				out[c.id] = 0
				break
			}
			p = out[p]
		}
	}
	return out
}

func (th *thread) keptAncestor(c *comment) int64 {
	p := c.parent
	for steps := 0; p != 0 && p != c.id && steps <= len(th.byID); steps++ {
		pc, ok := th.byID[p]
		if !ok {
			return 0
		}
		if _, kept := th.status[p]; kept && !isMention(pc) {
			return p
		}
		p = pc.parent
	}
	return 0
}

// writeComment writes one comment or mention of th and counts it. A
// comment without a date is given the date of its post or page.
func (imp *importer) writeComment(c *comment, th *thread, parent int64, folder string) error {
	status := th.status[c.id]
	date := wpTime(c.date, c.dateGMT)
	if date.IsZero() {
		date = th.date
		imp.logf(c.line, "comment %d has no date; given the date of its post or page", c.id)
	}
	fm := sitewriter.Comment{
		Author:    plainText(c.author),
		AuthorURL: webURL(c.url),
		EmailHash: emailHash(c.email),
		Date:      sitewriter.At(date),
		Status:    status,
	}
	if parent != 0 {
		fm.Parent = commentID(parent)
	}
	count := imp.sum.Comments
	if isMention(c) {
		fm.Type, count = "mention", imp.sum.Mentions
	}
	body, err := htmlmd.ConvertComment(autop(c.content))
	if err != nil {
		return fmt.Errorf("%s:%d: comment %d: %w", imp.name, c.line, c.id, err)
	}
	data, err := sitewriter.Encode(fm, body)
	if err != nil {
		return fmt.Errorf("%s:%d: comment %d: %w", imp.name, c.line, c.id, err)
	}
	rel := "content/comments/" + folder + "/" + commentID(c.id) + ".md"
	if err := imp.w.Write(rel, data); err != nil {
		return fmt.Errorf("%s:%d: comment %d: %w", imp.name, c.line, c.id, err)
	}
	count[status]++
	return nil
}

// webURL returns u when it is an http(s) address, else "".
func webURL(u string) string {
	u = strings.TrimSpace(html.UnescapeString(u))
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}
