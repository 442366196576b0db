package moderation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blogen/blogen/internal/content"
)

// NewComment is a comment to add to a post, as the comment form sends it.
type NewComment struct {
	Post      string         // the slug of the post
	Author    string         // the name the commenter gives
	AuthorURL string         // optional; an http(s) URL
	EmailHash string         // optional; the SHA-256 of the e-mail address, never the address
	Date      time.Time      // the zero time means now
	Parent    string         // the id of the comment it replies to, or ""
	Status    content.Status // "" means pending
	Body      []byte         // the Markdown of the comment
}

// maxAttempts bounds how often WriteComment tries the next id when other
// writers take the ones it picked.
const maxAttempts = 1000

// WriteComment writes c as a new file content/comments/<post>/<id>.md of the
// site at siteDir and returns the file's path. The comment it replies to,
// if any, must exist in the same folder. The id is the next free
// number in the post's folder (001, 002, ...). The file is written in full
// under a hidden temporary name, synced, then linked to its final name,
// which fails rather than overwrite a file: two writers never share an id,
// and readers never see half a comment.
func WriteComment(siteDir string, c NewComment) (string, error) {
	c, err := c.normalize()
	if err != nil {
		return "", fmt.Errorf("write comment on %q: %w", c.Post, err)
	}
	dir := filepath.Join(siteDir, filepath.FromSlash(content.CommentsDir), c.Post)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("write comment on %q: %w", c.Post, err)
	}
	if c.Parent != "" {
		if _, err := os.Stat(filepath.Join(dir, c.Parent+".md")); err != nil {
			return "", fmt.Errorf("write comment on %q: the comment it replies to, %s: %w", c.Post, c.Parent, err)
		}
	}
	for range maxAttempts {
		id, err := nextID(dir)
		if err != nil {
			return "", fmt.Errorf("write comment on %q: %w", c.Post, err)
		}
		src, err := c.render(id)
		if err != nil {
			return "", fmt.Errorf("write comment on %q: %w", c.Post, err)
		}
		file := filepath.Join(dir, id+".md")
		err = createExclusive(file, src)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("write comment on %q: %w", c.Post, err)
		}
		return file, nil
	}
	return "", fmt.Errorf("write comment on %q: no free id after %d attempts", c.Post, maxAttempts)
}

// normalize checks c and fills in the defaults.
func (c NewComment) normalize() (NewComment, error) {
	if !validSegment(c.Post) {
		return c, fmt.Errorf("post %q is not a post slug", c.Post)
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

// validSegment reports whether s can be a folder or file name of a comment.
func validSegment(s string) bool {
	return s != "" && s != "." && s != ".." && !content.Ignored(s) &&
		!strings.ContainsAny(s, "/\\?#%:*\"<>|\x00") && strings.TrimSpace(s) == s
}

// nextID returns one more than the highest numeric id in dir, zero-padded
// to three digits or to the width of the ids already there.
func nextID(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	highest, width := 0, 3
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".md")
		n, err := strconv.Atoi(id)
		if !ok || err != nil || n < 0 || strings.HasPrefix(id, "+") {
			continue
		}
		highest, width = max(highest, n), max(width, len(id))
	}
	return fmt.Sprintf("%0*d", width, highest+1), nil
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

// createExclusive writes data to file unless file exists (fs.ErrExist). The
// data goes to a synced temporary file first, which is then hard-linked to
// file; where the file system has no hard links, file is created with
// O_EXCL and written in place.
func createExclusive(file string, data []byte) error {
	dir := filepath.Dir(file)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := writeSync(tmp, data); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), file)
	switch {
	case err == nil:
		syncDir(dir)
		return nil
	case errors.Is(err, fs.ErrExist):
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if err := writeSync(f, data); err != nil {
		_ = os.Remove(file)
		return err
	}
	syncDir(dir)
	return nil
}

// writeSync writes data to f, syncs and closes it.
func writeSync(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
