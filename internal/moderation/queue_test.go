package moderation

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
)

// queueFiles is a small site's comments in the three front matter formats.
var queueFiles = map[string]string{
	"content/comments/social-media-is-personal/001.md": "---\n" +
		"author: Ana Ruiz   # from the form\n" +
		"date: 2008-11-22T10:00:00Z\n" +
		"status: pending\n" +
		"---\n" +
		bankStory + "\n",
	"content/comments/social-media-is-personal/002.md": "+++\n" +
		"author = \"Bo\"\n" +
		"date = \"2008-11-22T11:00:00Z\"\n" +
		"status = \"pending\"\n" +
		"+++\n" +
		"good post\n",
	"content/comments/social-media-is-personal/003.md": "{\n" +
		"  \"author\": \"Cy\",\n" +
		"  \"date\": \"2008-11-22T12:00:00Z\",\n" +
		"  \"status\": \"pending\"\n" +
		"}\n\n" +
		avatarStory + " We published the results: https://bit.ly/3kYdX9q\n",
	"content/comments/nsa-leaks/001.md": "---\n" +
		"author: Di\n" +
		"date: 2013-06-11T08:00:00Z\n" +
		"status: approved\n" +
		"---\n" +
		avatarStory + "\n",
	"content/comments/nsa-leaks/004.md": "---\r\n" +
		"author: Ed\r\n" +
		"date: 2013-06-10T08:00:00Z\r\n" +
		"parent: \"001\"\r\n" +
		"---\r\n" +
		"@Di " + bankStory + "\r\n",
}

// writeSite writes files into a new site folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readSiteFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func openQueue(t *testing.T, files map[string]string) (*Queue, string) {
	t.Helper()
	dir := writeSite(t, files)
	q, err := OpenQueue(dir)
	if err != nil {
		t.Fatal(err)
	}
	return q, dir
}

func ids(cs []*content.Comment) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Thread() + "/" + c.ID
	}
	return out
}

func TestQueueList(t *testing.T) {
	q, _ := openQueue(t, queueFiles)
	tests := []struct {
		status content.Status
		want   []string
	}{
		{"", []string{"nsa-leaks/004", "nsa-leaks/001", "social-media-is-personal/001", "social-media-is-personal/002", "social-media-is-personal/003"}},
		{content.StatusPending, []string{"nsa-leaks/004", "social-media-is-personal/001", "social-media-is-personal/002", "social-media-is-personal/003"}},
		{content.StatusApproved, []string{"nsa-leaks/001"}},
		{content.StatusSpam, []string{}},
	}
	for _, tc := range tests {
		if got := ids(q.List(tc.status)); !slices.Equal(got, tc.want) {
			t.Errorf("List(%q) = %q, want %q", tc.status, got, tc.want)
		}
	}
}

// TestQueueSetStatus checks that a status change rewrites exactly the
// status value, in each front matter format, and nothing else.
func TestQueueSetStatus(t *testing.T) {
	tests := []struct {
		id     string
		status content.Status
		file   string
		old    string // the text that changes
		new    string
	}{
		{"social-media-is-personal/001", content.StatusApproved, "content/comments/social-media-is-personal/001.md", "status: pending", "status: approved"},
		{"002", content.StatusRejected, "content/comments/social-media-is-personal/002.md", `status = "pending"`, `status = "rejected"`},
		{"003", content.StatusSpam, "content/comments/social-media-is-personal/003.md", `"status": "pending"`, `"status": "spam"`},
		{"nsa-leaks/004", content.StatusApproved, "content/comments/nsa-leaks/004.md", "parent: \"001\"\r\n", "parent: \"001\"\r\nstatus: approved\r\n"},
		{"content/comments/nsa-leaks/001.md", content.StatusRejected, "content/comments/nsa-leaks/001.md", "status: approved", "status: rejected"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			q, dir := openQueue(t, queueFiles)
			if err := q.SetStatus(tc.id, tc.status); err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(queueFiles[tc.file], tc.old, tc.new, 1)
			if got := readSiteFile(t, dir, tc.file); got != want {
				t.Errorf("file after SetStatus:\n%q\nwant\n%q", got, want)
			}
			c, err := q.Find(tc.id)
			if err != nil || c.Status != tc.status {
				t.Errorf("Find(%q) = %v, %v; want status %s", tc.id, c, err, tc.status)
			}
			reopened, err := OpenQueue(dir)
			if err != nil {
				t.Fatal(err)
			}
			if c, _ := reopened.Find(tc.id); c == nil || c.Status != tc.status {
				t.Errorf("after reopening, %s has status %v, want %s", tc.id, c, tc.status)
			}
			assertNoTempFiles(t, dir)
		})
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") && strings.HasSuffix(d.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

func TestQueueSetStatusErrors(t *testing.T) {
	tests := []struct {
		id     string
		status content.Status
		want   error
		words  []string
	}{
		{"001", content.StatusApproved, ErrAmbiguousID, []string{"nsa-leaks/001", "social-media-is-personal/001"}},
		{"999", content.StatusApproved, ErrUnknownID, []string{"999"}},
		{"nsa-leaks/002", content.StatusApproved, ErrUnknownID, []string{"nsa-leaks/002"}},
		{"002", content.Status("published"), nil, []string{"published"}},
	}
	for _, tc := range tests {
		q, dir := openQueue(t, queueFiles)
		err := q.SetStatus(tc.id, tc.status)
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
			t.Errorf("SetStatus(%q) = %v, want %v", tc.id, err, tc.want)
			continue
		}
		for _, w := range tc.words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("SetStatus(%q) error %q does not mention %s", tc.id, err, w)
			}
		}
		for name, src := range queueFiles {
			if got := readSiteFile(t, dir, name); got != src {
				t.Errorf("%s changed after a failed SetStatus", name)
			}
		}
	}
}

func TestQueueSetStatusChangedOnDisk(t *testing.T) {
	q, dir := openQueue(t, queueFiles)
	name := "content/comments/social-media-is-personal/001.md"
	edited := readSiteFile(t, dir, name) + "A line added after the queue was read.\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := q.SetStatus("social-media-is-personal/001", content.StatusApproved); !errors.Is(err, ErrChanged) {
		t.Errorf("SetStatus = %v, want ErrChanged", err)
	}
	if got := readSiteFile(t, dir, name); got != edited {
		t.Errorf("file changed: %q", got)
	}
}

func TestQueueModerate(t *testing.T) {
	tests := []struct {
		name        string
		autoApprove bool
		want        map[string]content.Status // post/id -> status afterwards
		changes     []string
	}{
		{"without auto-approval", false, map[string]content.Status{
			"social-media-is-personal/001": content.StatusPending,  // publish
			"social-media-is-personal/002": content.StatusRejected, // brief
			"social-media-is-personal/003": content.StatusPending,  // shortener: hold
			"nsa-leaks/001":                content.StatusApproved, // not pending
			"nsa-leaks/004":                content.StatusPending,  // publish
		}, []string{"social-media-is-personal/002"}},
		{"with auto-approval", true, map[string]content.Status{
			"social-media-is-personal/001": content.StatusApproved,
			"social-media-is-personal/002": content.StatusRejected,
			"social-media-is-personal/003": content.StatusPending,
			"nsa-leaks/001":                content.StatusApproved,
			"nsa-leaks/004":                content.StatusApproved,
		}, []string{"nsa-leaks/004", "social-media-is-personal/001", "social-media-is-personal/002"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, dir := openQueue(t, queueFiles)
			changes, err := q.Moderate(defaultLinter(t), tc.autoApprove)
			if err != nil {
				t.Fatal(err)
			}
			var changed []string
			for _, c := range changes {
				changed = append(changed, c.Comment.Post+"/"+c.Comment.ID)
				if c.From != content.StatusPending || c.To != tc.want[c.Comment.Post+"/"+c.Comment.ID] {
					t.Errorf("change %+v", c)
				}
			}
			if !slices.Equal(changed, tc.changes) {
				t.Errorf("changes %q, want %q", changed, tc.changes)
			}
			reopened, err := OpenQueue(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range reopened.List("") {
				if want := tc.want[c.Post+"/"+c.ID]; c.Status != want {
					t.Errorf("%s/%s: status %s, want %s", c.Post, c.ID, c.Status, want)
				}
			}
		})
	}
}

func TestOpenQueueErrors(t *testing.T) {
	files := map[string]string{
		"content/comments/a/001.md":    "---\nauthor: Ana\ndate: 2013-06-10\nstatus: maybe\n---\nx\n",
		"content/comments/a/002.md":    "---\nauthor: Bo\ndate: 2013-06-10\n---\n" + bankStory + "\n",
		"content/comments/a/.003.md":   "not read: hidden",
		"content/comments/a/notes.txt": "not read: not Markdown",
	}
	dir := writeSite(t, files)
	q, err := OpenQueue(dir)
	var positions []*diag.Error
	if err != nil {
		positions = diag.Positions(err)
	}
	if len(positions) != 1 || positions[0].File != "content/comments/a/001.md" || positions[0].Line != 4 {
		t.Errorf("OpenQueue error = %v, want one at content/comments/a/001.md:4", err)
	}
	if got := ids(q.List("")); !slices.Equal(got, []string{"a/002"}) {
		t.Errorf("queue holds %q, want the comment that parses", got)
	}
}

func TestOpenQueueWithoutComments(t *testing.T) {
	q, err := OpenQueue(t.TempDir())
	if err != nil || len(q.List("")) != 0 {
		t.Errorf("OpenQueue of an empty site = %v, %v", q.List(""), err)
	}
}

// TestQueueFindsPageComments: comments on pages are named pages/<page>/<id>,
// and a bare id finds them when it is unique.
func TestQueueFindsPageComments(t *testing.T) {
	files := map[string]string{
		"content/comments/pages/about/001.md": "---\nauthor: P\ndate: 2020-01-01T10:00:00Z\nstatus: pending\n---\nOn the page.\n",
		"content/comments/about/001.md":       "---\nauthor: Q\ndate: 2020-01-01T10:00:00Z\nstatus: pending\n---\nOn the post about.\n",
		"content/comments/about/002.md":       "---\ntype: mention\nauthor: Other\ndate: 2020-01-02T10:00:00Z\nstatus: pending\n---\nA mention.\n",
	}
	tests := []struct {
		id, want string
		err      error
	}{
		{"pages/about/001", "content/comments/pages/about/001.md", nil},
		{"content/comments/pages/about/001.md", "content/comments/pages/about/001.md", nil},
		{"about/001", "content/comments/about/001.md", nil},
		{"002", "content/comments/about/002.md", nil},
		{"001", "", ErrAmbiguousID},
		{"pages/001", "", ErrUnknownID},
	}
	q, _ := openQueue(t, files)
	for _, tt := range tests {
		c, err := q.Find(tt.id)
		switch {
		case tt.err != nil && !errors.Is(err, tt.err):
			t.Errorf("Find(%q) = %v, %v; want %v", tt.id, c, err, tt.err)
		case tt.err == nil && (err != nil || c.Source != tt.want):
			t.Errorf("Find(%q) = %v, %v; want %s", tt.id, c, err, tt.want)
		}
	}
	if got := ids(q.List("")); strings.Join(got, " ") != "about/001 about/002 pages/about/001" {
		t.Errorf("List = %v", got)
	}
}

// TestCreateCommentOnAPage checks that Create writes a comment into the folder of a page.
func TestCreateCommentOnAPage(t *testing.T) {
	dir := t.TempDir()
	c := NewComment{Post: "pages/about", Author: "P", Body: []byte("On the page."), Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	file, err := NewWriter(OSDisk{}, dir).Create("001", c)
	if err != nil || file != "content/comments/pages/about/001.md" {
		t.Fatalf("CreateComment = %q, %v", file, err)
	}
	for _, bad := range []string{"pages/", "pages/a/b", "pages/..", "a/b"} {
		c.Post = bad
		if _, err := NewWriter(OSDisk{}, dir).Create("002", c); err == nil {
			t.Errorf("CreateComment on %q: no error", bad)
		}
	}
}
