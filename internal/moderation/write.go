package moderation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blogen/blogen/internal/content"
)

// NewComment is a comment to add to a post or a page, as the comment form
// sends it.
type NewComment struct {
	Post      string         // the thread: the slug of the post, or "pages/" and the slug of the page
	Author    string         // the name the commenter gives
	AuthorURL string         // optional; an http(s) URL
	EmailHash string         // optional; the SHA-256 of the e-mail address, never the address
	Date      time.Time      // the zero time means now
	Parent    string         // the id of the comment it replies to, or ""
	Status    content.Status // "" means pending
	Body      []byte         // the Markdown of the comment
}

// normalize checks c and fills in the defaults.
func (c NewComment) normalize() (NewComment, error) {
	if !validThread(c.Post) {
		return c, fmt.Errorf("post %q is not a post slug, nor pages/ and a page slug", c.Post)
	}
	if c.Parent != "" && !validSegment(c.Parent) {
		return c, fmt.Errorf("parent %q is not a comment id", c.Parent)
	}
	if c.Status == "" {
		c.Status = content.StatusPending
	}
	if !c.Status.Valid() {
		return c, fmt.Errorf("status %q: want approved, pending, spam or rejected", c.Status)
	}
	if !utf8.Valid(c.Body) || len(bytes.TrimSpace(c.Body)) == 0 {
		return c, errors.New("the comment is empty or not UTF-8 text")
	}
	if c.Date.IsZero() {
		c.Date = time.Now()
	}
	c.Date = c.Date.UTC().Truncate(time.Second)
	return c, nil
}

// validThread reports whether s can name the folder of a post's or a
// page's comments (content.Comment.Thread).
func validThread(s string) bool {
	if page, ok := content.PageOfThread(s); ok {
		s = page
	}
	return validSegment(s)
}

// validSegment reports whether s can be a folder or file name of a comment.
func validSegment(s string) bool {
	return s != "" && s != "." && s != ".." && !content.Ignored(s) &&
		!strings.ContainsAny(s, "/\\?#%:*\"<>|\x00") && strings.TrimSpace(s) == s
}

// render writes the comment file: YAML front matter with every text value
// double-quoted, then the body. It reads the file back to make sure it says
// what c says.
func (c NewComment) render(id string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	for _, kv := range [][2]string{{"author", c.Author}, {"author_url", c.AuthorURL}, {"email_hash", c.EmailHash}} {
		if kv[1] != "" || kv[0] == "author" {
			fmt.Fprintf(&b, "%s: %s\n", kv[0], quote(kv[1]))
		}
	}
	fmt.Fprintf(&b, "date: %s\n", c.Date.Format(time.RFC3339))
	fmt.Fprintf(&b, "status: %s\n", c.Status)
	if c.Parent != "" {
		fmt.Fprintf(&b, "parent: %s\n", quote(c.Parent))
	}
	b.WriteString("---\n")
	b.Write(c.Body)
	if !bytes.HasSuffix(c.Body, []byte("\n")) {
		b.WriteByte('\n')
	}
	return b.Bytes(), c.verify(id, b.Bytes())
}

// verify parses a rendered file and compares it with c.
func (c NewComment) verify(id string, src []byte) error {
	got, err := content.ParseComment(commentPath(c.Post, id), src)
	if err != nil {
		return err
	}
	if got.Author != c.Author || got.AuthorURL != c.AuthorURL || got.EmailHash != c.EmailHash ||
		got.Parent != c.Parent || got.Status != c.Status || !got.Date.Equal(c.Date) ||
		!bytes.Equal(bytes.TrimSuffix(got.Body, []byte("\n")), bytes.TrimSuffix(c.Body, []byte("\n"))) {
		return errors.New("the comment does not read back as written")
	}
	return nil
}

// quote writes s as a double-quoted YAML scalar; JSON strings are valid
// YAML.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
