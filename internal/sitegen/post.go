package sitegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/blogen/blogen/internal/slug"
)

// The generated posts are dated over the fifteen years before end, so that
// no post is in the future whenever the site is built.
var (
	end   = time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)
	start = end.AddDate(-15, 0, 0)
)

// post is one post being generated.
type post struct {
	g    *generator
	i    int
	p    prose
	slug string
	date time.Time
	// photo is the site path of the post's image when it is a file of
	// the site, "" otherwise.
	photo string
}

// rng returns the random source of one stream of one item, so that every
// file depends only on the seed and its own index, whatever order the
// workers run in.
func rng(seed int64, stream, i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(stream)<<40|uint64(i)))
}

// Streams of random numbers.
const (
	streamPost = iota + 1
	streamComments
	streamSite
	streamCode
	streamImage  // a post's photo: its size
	streamPixels // the pixels of the photos of one size
	streamAvatar
)

// writePost generates post i and its comments.
func (g *generator) writePost(i int) error {
	ps := &post{g: g, i: i, p: prose{r: rng(g.opts.Seed, streamPost, i), b: make([]byte, 0, 16<<10), handles: g.handles}}
	title := ps.p.filled(ps.p.pick(titles))
	ps.slug = fmt.Sprintf("%s-%d", slug.Make(title), i+1)
	ps.date = start.Add(time.Duration(ps.p.r.Int64N(int64(end.Sub(start)))) / time.Minute * time.Minute)
	ps.p.str("---\n")
	ps.frontMatter(title)
	ps.p.str("---\n\n")
	plan := ps.p.newBodyPlan()
	if rng(g.opts.Seed, streamCode, i).Float64() >= g.opts.CodeShare {
		plan.code = 0
	}
	ps.p.body(plan)
	file := filepath.Join(g.dir, "content", "posts", ps.slug+".md")
	if err := os.WriteFile(file, ps.p.b, 0o644); err != nil {
		return fmt.Errorf("write post: %w", err)
	}
	if ps.photo != "" {
		if err := g.writePhoto(filepath.Join("static", filepath.FromSlash(ps.photo)), i); err != nil {
			return fmt.Errorf("write the photo of a post: %w", err)
		}
	}
	if rng(g.opts.Seed, streamComments, i).Float64() < g.opts.CommentsFraction {
		return ps.writeComments()
	}
	return nil
}

// frontMatter writes every key blogen reads, each on its share of posts.
func (ps *post) frontMatter(title string) {
	p, y := &ps.p, yamlWriter{&ps.p}
	y.str("title", title)
	y.raw("slug", ps.slug)
	y.date("date", ps.date)
	if p.chance(0.25) {
		y.date("lastmod", minTime(ps.date.AddDate(0, 0, 1+p.r.IntN(400)), end))
	}
	ps.authors(y)
	y.list("categories", ps.terms(ps.g.categories, 1+p.r.IntN(2)))
	y.list("tags", ps.terms(ps.g.tags, 2+p.r.IntN(5)))
	if p.chance(0.3) {
		y.str("summary", p.filled(p.pick(sentences)))
	}
	if p.chance(0.05) {
		y.str("description", p.filled(p.pick(sentences)))
	}
	if p.chance(0.01) {
		y.raw("featured", "true")
	}
	if p.chance(0.6) || ps.i < ps.g.opts.Photos {
		ps.image(y)
	}
	if p.chance(0.05) {
		ps.republished(y)
	}
	ps.rest(y)
}

// authors writes author: id, or authors: for a co-authored post.
func (ps *post) authors(y yamlWriter) {
	p := &ps.p
	first := ps.g.authors[ps.zipf(len(ps.g.authors))].id
	if !p.chance(0.1) || len(ps.g.authors) < 2 {
		y.raw("author", first)
		return
	}
	second := first
	for second == first {
		second = ps.g.authors[p.r.IntN(len(ps.g.authors))].id
	}
	y.list("authors", []string{first, second})
}

// terms picks n distinct terms, the popular ones more often.
func (ps *post) terms(all []string, n int) []string {
	n = min(n, len(all))
	var out []string
	for len(out) < n {
		t := all[ps.zipf(len(all))]
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// zipf returns an index below n, small ones far more often.
func (ps *post) zipf(n int) int {
	if n < 2 {
		return 0
	}
	return int(rand.NewZipf(ps.p.r, 1.1, 2, uint64(n-1)).Uint64())
}

// image writes image, image_alt and often image_credit.
func (ps *post) image(y yamlWriter) {
	p := &ps.p
	if (p.chance(0.7) || ps.i < ps.g.opts.Photos) && !ps.g.opts.NoPhotos {
		ps.photo = "/images/posts/" + ps.slug + ".jpg"
		y.raw("image", ps.photo)
	} else {
		y.raw("image", fmt.Sprintf("https://images.example.org/photos/%d.jpg", 1000+p.r.IntN(90000)))
	}
	y.str("image_alt", "A photo of "+p.pick(slots["who"])+" at work")
	switch x := p.r.IntN(10); {
	case x < 4:
		y.str("image_credit", "Photo by "+p.pick(firstNames)+" "+p.pick(lastNames))
	case x < 7:
		name := p.pick(firstNames) + " " + p.pick(lastNames)
		y.table("image_credit", "text", "Photo by "+name,
			"url", "https://photos.example.org/"+slug.Make(name)+"/",
			"license", "CC BY 2.0", "license_url", "https://creativecommons.org/licenses/by/2.0/")
	}
}

// republished writes the keys of a post that first appeared elsewhere.
func (ps *post) republished(y yamlWriter) {
	p := &ps.p
	site := p.pick(republishers)
	pairs := []string{"site", site, "url", "https://www.linkedin.com/pulse/" + ps.slug,
		"date", ps.date.AddDate(0, 0, -1-p.r.IntN(60)).Format(time.DateOnly)}
	if p.chance(0.3) {
		pairs = append(pairs, "note", p.pick(republishNotes))
	}
	y.table("originally_appeared_on", pairs...)
	y.raw("republished_with_permission", "true")
	if p.chance(0.5) {
		y.raw("canonical", "self")
	} else {
		y.raw("canonical", "original")
	}
}

// rest writes aliases, comments and draft on the few posts that set them.
func (ps *post) rest(y yamlWriter) {
	p := &ps.p
	if p.chance(0.1) {
		aliases := []string{fmt.Sprintf("/archives/%d/", 1000+ps.i)}
		if p.chance(0.5) {
			aliases = append(aliases, "/blog/"+ps.slug+".html")
		}
		y.list("aliases", aliases)
	}
	switch x := p.r.IntN(100); {
	case x < 3:
		y.raw("comments", "closed")
	case x < 8:
		y.raw("comments", "open")
	}
	if p.chance(0.05) {
		y.raw("draft", "false")
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
