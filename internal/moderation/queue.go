package moderation

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
)

// Errors of SetStatus, for errors.Is.
var (
	// ErrUnknownID: no comment has the id.
	ErrUnknownID = errors.New("no such comment")
	// ErrAmbiguousID: a bare id names comments on more than one post.
	ErrAmbiguousID = errors.New("the id names more than one comment")
	// ErrChanged: the file changed on disk since the queue read it.
	ErrChanged = errors.New("the comment changed on disk since it was read")
)

// Queue is the moderation queue of a site: every comment file under
// content/comments. It is not safe for concurrent use.
type Queue struct {
	SiteDir  string             // the site root
	comments []*content.Comment // ordered by post, date and id
}

// Change is one status change that Moderate made.
type Change struct {
	Comment *content.Comment // the comment as it was before the change
	From    content.Status
	To      content.Status
	Result  comments.Result // the linter's verdict that made the change
}

// OpenQueue loads content/comments/**.md of the site at siteDir. Files that
// do not parse are reported together as a diag list (file:line: message);
// the queue then holds the others. A site without comments has an empty
// queue.
func OpenQueue(siteDir string) (*Queue, error) {
	q := &Queue{SiteDir: siteDir}
	var errs diag.List
	fsys := os.DirFS(siteDir)
	err := fs.WalkDir(fsys, content.CommentsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != content.CommentsDir && content.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		c, err := readComment(fsys, p)
		errs.Add(err)
		if c != nil {
			q.comments = append(q.comments, c)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Wrap(content.CommentsDir, 0, err, "cannot read the folder"))
	}
	q.sort()
	return q, errs.Err()
}

// readComment reads and parses one comment file.
func readComment(fsys fs.FS, p string) (*content.Comment, error) {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, diag.Wrap(p, 0, err, "cannot read the comment")
	}
	c, err := content.ParseComment(p, src)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (q *Queue) sort() {
	slices.SortFunc(q.comments, func(a, b *content.Comment) int {
		return cmp.Or(strings.Compare(a.Thread(), b.Thread()), a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
	})
}

// List returns the comments with status s, or every comment when s is "",
// ordered by thread (content.Comment.Thread), then date, then id.
func (q *Queue) List(s content.Status) []*content.Comment {
	var out []*content.Comment
	for _, c := range q.comments {
		if s == "" || c.Status == s {
			out = append(out, c)
		}
	}
	return out
}

// Find returns the comment with the id: "post/003" ("pages/about/003" for
// a comment on a page), or a bare "003" when only one post or page has a
// comment 003. The path of the file (content/comments/post/003.md) names
// it too.
func (q *Queue) Find(id string) (*content.Comment, error) {
	i, err := q.find(id)
	if err != nil {
		return nil, err
	}
	return q.comments[i], nil
}

func (q *Queue) find(id string) (int, error) {
	key := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(id), content.CommentsDir+"/"), ".md")
	post, bare := "", key
	qualified := false
	if i := strings.LastIndexByte(key, '/'); i >= 0 {
		post, bare, qualified = key[:i], key[i+1:], true
	}
	var found []int
	for i, c := range q.comments {
		if c.ID == bare && (!qualified || c.Thread() == post) {
			found = append(found, i)
		}
	}
	switch len(found) {
	case 0:
		return -1, fmt.Errorf("comment %q: %w; name it as post/id, as blogen comments list shows", id, ErrUnknownID)
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = q.comments[f].Thread() + "/" + q.comments[f].ID
	}
	return -1, fmt.Errorf("comment %q: %w: %s; name one as post/id", id, ErrAmbiguousID, strings.Join(names, ", "))
}

// SetStatus sets the status of the comment with the id (see Find). Only the
// status value in the file's front matter changes; the file is replaced
// atomically. Setting the status a comment has already is a no-op.
func (q *Queue) SetStatus(id string, s content.Status) error {
	if !s.Valid() {
		return fmt.Errorf("set status of %s: %q is not a status; use approved, pending, spam or rejected", id, s)
	}
	i, err := q.find(id)
	if err != nil {
		return err
	}
	c, err := q.update(q.comments[i], s, false)
	if err != nil {
		return err
	}
	q.comments[i] = c
	return nil
}

// Moderate applies the linter's verdicts to pending comments: reject makes
// a comment rejected; publish makes it approved when autoApprove is set
// (comments.auto_approve in site.toml); hold leaves it pending. It returns
// the changes made, in queue order, and stops at the first error.
func (q *Queue) Moderate(l *comments.Linter, autoApprove bool) ([]Change, error) {
	var changes []Change
	for i, c := range q.comments {
		if c.Status != content.StatusPending {
			continue
		}
		r := l.Lint(c.Body)
		to := target(r.Verdict, autoApprove)
		if to == "" {
			continue
		}
		nc, err := q.update(c, to, true)
		if err != nil {
			return changes, fmt.Errorf("moderate: %w", err)
		}
		q.comments[i] = nc
		changes = append(changes, Change{Comment: c, From: c.Status, To: to, Result: r})
	}
	return changes, nil
}

// target is the status a verdict moves a pending comment to, or "".
func target(v comments.Verdict, autoApprove bool) content.Status {
	switch {
	case v == comments.Reject:
		return content.StatusRejected
	case v == comments.Publish && autoApprove:
		return content.StatusApproved
	}
	return ""
}

// update rewrites the status of c's file and returns the comment as the
// new file reads. The file is read again first: if it changed since the
// queue loaded it in anything but its status (or, with keepFrom, in its
// status too), nothing is written.
func (q *Queue) update(c *content.Comment, s content.Status, keepFrom bool) (*content.Comment, error) {
	file := filepath.Join(q.SiteDir, filepath.FromSlash(c.Source))
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("set status of %s: %w", c.Source, err)
	}
	now, err := content.ParseComment(c.Source, src)
	if err != nil {
		return nil, fmt.Errorf("set status of %s: %w", c.Source, err)
	}
	if !sameComment(now, c) || (keepFrom && now.Status != c.Status) {
		return nil, fmt.Errorf("set status of %s: %w; run the command again", c.Source, ErrChanged)
	}
	if now.Status == s {
		return now, nil
	}
	out, err := rewriteStatus(src, s)
	if err != nil {
		return nil, diag.Wrap(c.Source, 1, err, "cannot set the status")
	}
	next, err := content.ParseComment(c.Source, out)
	if err != nil || next.Status != s || !sameComment(next, now) {
		return nil, diag.Errorf(c.Source, 1, "cannot set the status to %s without changing more of the file; edit its status: line by hand", s)
	}
	if err := writeFileAtomic(file, out); err != nil {
		return nil, fmt.Errorf("set status of %s: %w", c.Source, err)
	}
	return next, nil
}

// sameComment reports whether a and b are the same comment apart from
// their status.
func sameComment(a, b *content.Comment) bool {
	return a.Source == b.Source && a.Author == b.Author && a.AuthorURL == b.AuthorURL &&
		a.EmailHash == b.EmailHash && a.Date.Equal(b.Date) && a.Parent == b.Parent &&
		bytes.Equal(a.Body, b.Body)
}

// writeFileAtomic replaces file with data: it writes a hidden temporary
// file in the same folder (one the content loader ignores), syncs it, gives
// it the old file's mode and renames it over the old file.
func writeFileAtomic(file string, data []byte) (err error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(file); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), file); err != nil {
		return err
	}
	syncDir(filepath.Dir(file))
	return nil
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// commentPath is the site-relative path of a comment file.
func commentPath(post, id string) string {
	return path.Join(content.CommentsDir, post, id+".md")
}
