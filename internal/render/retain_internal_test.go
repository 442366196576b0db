package render

import (
	"slices"
	"testing"

	"github.com/blogen/blogen/internal/site"
)

// TestOrder puts each list page and feed after the page of its oldest
// post and as many more posts as there are workers, and what shows no
// post at the end.
func TestOrder(t *testing.T) {
	s := &site.Site{}
	for i := range 5 {
		s.Posts = append(s.Posts, &site.Post{Index: i})
	}
	p := s.Posts
	home := &site.List{Kind: "home"}
	tag := &site.List{Kind: "tags"}
	s.Featured = []*site.Post{p[3]}
	empty := &site.List{Kind: "tags"}
	r := &Renderer{site: s, opts: Options{Workers: 1}, pagers: []*site.Pager{
		{List: home, Number: 1, Posts: p[0:2]},
		{List: tag, Number: 1, Posts: []*site.Post{p[0], p[2]}},
		{List: empty, Number: 1},
	}}
	s.Feeds = []*site.Feed{{Posts: p[0:2]}}
	for i := range p {
		r.outputs = append(r.outputs, output{path: "post", kind: outPost, index: int32(i)})
	}
	r.outputs = append(r.outputs,
		output{path: "page", kind: outPage},
		output{path: "home 1", kind: outPager, index: 0},
		output{path: "tag 1", kind: outPager, index: 1},
		output{path: "empty", kind: outPager, index: 2},
		output{path: "rss", kind: outRSS},
		output{path: "alias", kind: outAlias},
	)
	var got []string
	for _, i := range r.order() {
		name := r.outputs[i].path
		if name == "post" {
			name = string(rune('0' + i))
		}
		got = append(got, name)
	}
	want := []string{"0", "1", "2", "rss", "3", "tag 1", "4", "home 1", "page", "empty", "alias"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}
