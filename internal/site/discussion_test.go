package site

import (
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
)

// TestDiscussions: posts and pages get their approved comments, counted,
// and their approved mentions apart, which no count includes; a comment
// on a page that does not exist is an error that names the folder.
func TestDiscussions(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2020, 1, day, 10, 0, 0, 0, time.UTC) }
	c := func(thread, id string, day int, status content.Status, typ content.CommentType) *content.Comment {
		cm := &content.Comment{Source: "content/comments/" + thread + "/" + id + ".md", ID: id, Date: at(day), Status: status, Type: typ}
		if page, ok := content.PageOfThread(thread); ok {
			cm.Page = page
		} else {
			cm.Post = thread
		}
		return cm
	}
	const ok, wait, mention = content.StatusApproved, content.StatusPending, content.TypeMention
	tests := []struct {
		name             string
		comments         []*content.Comment
		postCount        int
		postMentions     []string
		pageCount        int
		pageMentions     []string
		pageOpen, anyErr bool
		err              string
	}{
		{"none", nil, 0, nil, 0, nil, false, false, ""},
		{"post comments and mentions", []*content.Comment{
			c("hello", "001", 2, ok, ""), c("hello", "003", 4, ok, mention), c("hello", "002", 3, ok, mention), c("hello", "004", 5, wait, mention),
		}, 1, []string{"002", "003"}, 0, nil, false, false, ""},
		{"page comments", []*content.Comment{
			c("pages/about", "001", 2, ok, ""), c("pages/about", "002", 3, wait, ""), c("pages/about", "003", 4, ok, mention),
		}, 0, nil, 1, []string{"003"}, false, false, ""},
		{"no such page", []*content.Comment{c("pages/nope", "001", 2, ok, "")}, 0, nil, 0, nil, false, true, `no page has the slug "nope"`},
		{"a page's thread is no post's", []*content.Comment{c("about", "001", 2, ok, "")}, 0, nil, 0, nil, false, true, `no post has the slug "about"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := &content.Site{
				Posts:    []*content.Post{{Source: "content/posts/hello.md", Slug: "hello", Title: "Hello", Date: at(1)}},
				Pages:    []*content.Page{{Source: "content/pages/about.md", Slug: "about", Title: "About", Comments: content.CommentsClosed}},
				Comments: tt.comments,
			}
			s, err := Assemble(config.Default(), cs, Options{Now: at(30)})
			if tt.anyErr {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			post, page := s.Posts[0].Discussion(), s.Pages[0].Discussion()
			if post.Thread != "hello" || page.Thread != "pages/about" || !post.Open || page.Open {
				t.Errorf("threads %q %q, open %v %v", post.Thread, page.Thread, post.Open, page.Open)
			}
			check := func(what string, d *Discussion, count int, mentions []string) {
				var got []string
				for _, m := range d.Mentions {
					got = append(got, m.ID)
				}
				if d.CommentCount != count || len(d.Shown()) != count || strings.Join(got, ",") != strings.Join(mentions, ",") {
					t.Errorf("%s: %d comments, %d shown, mentions %v; want %d, %v", what, d.CommentCount, len(d.Shown()), got, count, mentions)
				}
				if d.Any() != (count > 0 || len(mentions) > 0) {
					t.Errorf("%s: Any = %v", what, d.Any())
				}
			}
			check("post", post, tt.postCount, tt.postMentions)
			check("page", page, tt.pageCount, tt.pageMentions)
		})
	}
}
