package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
)

func day(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }

func post(slug string, d int, tags, cats, authors []string, series string) *content.Post {
	return &content.Post{Source: "content/posts/" + slug + ".md", Slug: slug, Title: slug, Date: day(d),
		Tags: tags, Category: cats, Authors: authors, Series: series}
}

func slugs(posts []*Post) string {
	var out []string
	for _, p := range posts {
		out = append(out, p.Slug)
	}
	return strings.Join(out, ",")
}

func assemble(t *testing.T, count int, posts ...*content.Post) *Site {
	t.Helper()
	cfg := config.Default()
	cfg.Related.Count = count
	s, err := Assemble(cfg, &content.Site{Posts: posts}, Options{Now: day(28)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRelated(t *testing.T) {
	posts := []*content.Post{
		post("a", 1, []string{"care", "x"}, []string{"News"}, []string{"ana"}, ""),
		post("b", 2, []string{"care", "x"}, nil, nil, ""),          // 2 tags: 6
		post("c", 3, []string{"care"}, []string{"News"}, nil, ""),  // tag + category: 5
		post("d", 4, nil, nil, []string{"ana"}, ""),                // author: 1
		post("e", 5, []string{"care"}, []string{"Other"}, nil, ""), // tag: 3
		post("f", 6, nil, nil, nil, ""),                            // nothing
		post("g", 7, []string{"care"}, nil, nil, ""),               // tag: 3, further than e
	}
	tests := []struct {
		count int
		slug  string
		want  string
	}{
		{3, "a", "b,c,e"},
		{10, "a", "b,c,e,g,d"},
		{1, "f", ""},
		{2, "d", "a"},
		{0, "a", ""},
	}
	for _, tt := range tests {
		s := assemble(t, tt.count, posts...)
		for _, p := range s.Posts {
			if p.Slug == tt.slug {
				if got := slugs(p.Related); got != tt.want {
					t.Errorf("count %d: related of %s = %q, want %q", tt.count, tt.slug, got, tt.want)
				}
			}
		}
	}
}

func TestSeries(t *testing.T) {
	s := assemble(t, 3,
		post("one", 1, nil, nil, nil, "Listening 101"),
		post("three", 9, nil, nil, nil, "listening-101"),
		post("two", 5, nil, nil, nil, "Listening 101"),
		post("alone", 4, nil, nil, nil, ""),
	)
	if len(s.Series) != 1 {
		t.Fatalf("series %v", s.Series)
	}
	sr := s.Series[0]
	if got := slugs(sr.Posts); got != "one,two,three" || sr.Name != "Listening 101" {
		t.Errorf("series %q named %q", got, sr.Name)
	}
	for i, p := range sr.Posts {
		if p.Series != sr || sr.Part(p) != i+1 {
			t.Errorf("%s: part %d", p.Slug, sr.Part(p))
		}
	}
	for _, p := range s.Posts {
		if p.Slug == "alone" && p.Series != nil {
			t.Errorf("alone is in a series")
		}
	}
}

func TestNextDue(t *testing.T) {
	now := day(10)
	draft := post("draft", 11, nil, nil, nil, "")
	draft.Draft = true
	expiring := post("old", 2, nil, nil, nil, "")
	expiring.Expiry = day(15)
	tests := []struct {
		name    string
		posts   []*content.Post
		opts    Options
		want    string
		expires bool
	}{
		{"none", []*content.Post{post("a", 1, nil, nil, nil, "")}, Options{Now: now}, "", false},
		{"first future", []*content.Post{post("b", 20, nil, nil, nil, ""), post("c", 12, nil, nil, nil, "")}, Options{Now: now}, "c", false},
		{"drafts wait", []*content.Post{draft, post("b", 20, nil, nil, nil, "")}, Options{Now: now}, "b", false},
		{"drafts built", []*content.Post{draft, post("b", 20, nil, nil, nil, "")}, Options{Now: now, Drafts: true}, "draft", false},
		{"expiry", []*content.Post{expiring, post("b", 20, nil, nil, nil, "")}, Options{Now: now}, "old", true},
		{"future built", []*content.Post{post("b", 20, nil, nil, nil, "")}, Options{Now: now, Future: true}, "", false},
	}
	for _, tt := range tests {
		due := nextDue(tt.posts, tt.opts)
		got := ""
		if due.Post != nil {
			got = due.Post.Slug
		}
		if got != tt.want || due.Expires != tt.expires {
			t.Errorf("%s: due %q (expires %v), want %q (%v)", tt.name, got, due.Expires, tt.want, tt.expires)
		}
	}
}

// TestBestIsTheTopOfTheOrder checks best against sorting every candidate,
// on scores with many ties.
func TestBestIsTheTopOfTheOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	s := &Site{}
	for i := range 200 {
		s.Posts = append(s.Posts, &Post{Post: &content.Post{Date: time.Date(2020, 1, 1+r.IntN(60), 0, 0, 0, 0, time.UTC)}, Index: i})
	}
	for round := range 50 {
		score := make([]int32, len(s.Posts))
		var candidates []int
		for i := range s.Posts {
			if r.IntN(3) > 0 {
				score[i] = int32(1 + r.IntN(4))
				candidates = append(candidates, i)
			}
		}
		p := s.Posts[r.IntN(len(s.Posts))]
		for _, n := range []int{1, 3, 10} {
			want := slices.DeleteFunc(slices.Clone(candidates), func(i int) bool { return i == p.Index })
			slices.SortFunc(want, func(a, b int) int {
				return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(distance(p, s.Posts[a]), distance(p, s.Posts[b])), cmp.Compare(a, b))
			})
			want = want[:min(n, len(want))]
			got := s.best(p, candidates, score, n)
			if len(got) != len(want) {
				t.Fatalf("round %d, n %d: %d posts, want %d", round, n, len(got), len(want))
			}
			for k := range got {
				if got[k].Index != want[k] {
					t.Fatalf("round %d, n %d: post %d is %d, want %d", round, n, k, got[k].Index, want[k])
				}
			}
		}
	}
}
