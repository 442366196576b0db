package sitegen

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/blogen/blogen/internal/slug"
)

// author is one generated author.
type author struct {
	id, name, handle string
}

// newGenerator draws the authors and names the terms.
func newGenerator(dir string, opts Options) *generator {
	g := &generator{dir: dir, opts: opts}
	p := prose{r: rng(opts.Seed, streamSite, 0)}
	seen := map[string]bool{}
	for len(g.authors) < opts.Authors {
		name := p.pick(firstNames) + " " + p.pick(lastNames)
		id := slug.Make(name)
		for n := 2; seen[id]; n++ {
			id = slug.Make(name) + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		handle := strings.ReplaceAll(id, "-", "")
		g.authors = append(g.authors, author{id: id, name: name, handle: handle})
		g.handles = append(g.handles, handle)
	}
	g.tags = terms(tagBank, opts.Tags)
	g.categories = terms(categoryBank, opts.Categories)
	return g
}

// terms returns n distinct term names: the bank first, then the bank's
// names combined with qualifiers, then numbered.
func terms(bank []string, n int) []string {
	out := make([]string, 0, n)
	seen := map[string]bool{}
	add := func(t string) {
		if len(out) < n && !seen[slug.Make(t)] {
			seen[slug.Make(t)] = true
			out = append(out, t)
		}
	}
	for _, t := range bank {
		add(t)
	}
	for _, q := range tagQualifiers {
		for _, t := range bank {
			add(t + " " + q)
		}
	}
	for i := 2; len(out) < n; i++ {
		for _, t := range bank {
			add(t + " " + strconv.Itoa(i))
		}
	}
	return out
}

// siteTOML is the configuration of every generated site.
const siteTOML = `# A generated social-business blog.
title = "Social Business Notes"
description = "Customer care, community and the people behind the avatars."
base_url = "https://blog.example.org/"
language = "en"
minify = true

[pagination]
per_page = 10

[feeds]
limit = 20

[featured]
count = 5
`

// writeSite writes site.toml, the standalone pages and the authors.
func (g *generator) writeSite() error {
	if err := os.WriteFile(filepath.Join(g.dir, "site.toml"), []byte(siteTOML), 0o644); err != nil {
		return fmt.Errorf("write site.toml: %w", err)
	}
	p := prose{r: rng(g.opts.Seed, streamSite, 1)}
	for _, page := range []struct{ slug, title string }{{"about", "About"}, {"comment-policy", "Comment policy"}} {
		p.b = p.b[:0]
		p.str("---\ntitle: " + page.title + "\nmenu: true\n---\n\n")
		p.paragraph()
		p.paragraph()
		if err := g.write(filepath.Join("content", "pages", page.slug+".md"), p.b); err != nil {
			return err
		}
	}
	for i, a := range g.authors {
		p.b = p.b[:0]
		p.author(a)
		if err := g.write(filepath.Join("content", "authors", a.id+".md"), p.b); err != nil {
			return err
		}
		if g.opts.NoPhotos {
			continue
		}
		if err := g.writeAvatar(filepath.Join("static", filepath.FromSlash(avatarPath(a))), i); err != nil {
			return fmt.Errorf("write an avatar: %w", err)
		}
	}
	return nil
}

// author appends an author file: name, role, avatar, handle, links and
// a bio of one or two paragraphs.
func (p *prose) author(a author) {
	y := yamlWriter{p}
	p.str("---\n")
	y.str("name", a.name)
	y.str("role", p.pick(roles))
	y.raw("avatar", avatarPath(a))
	y.raw("handle", a.handle)
	y.table("links", "linkedin", "https://www.linkedin.com/in/"+a.id+"/", "x", "https://x.com/"+a.handle,
		"website", "https://"+a.id+".example.net/")
	p.str("---\n\n")
	p.str(a.name + " has worked in " + p.pick(slots["topic"]) + " for " + strconv.Itoa(3+p.r.IntN(20)) + " years. ")
	p.paragraph()
	if p.chance(0.5) {
		p.paragraph()
	}
}

// write writes one file below the site folder.
func (g *generator) write(rel string, data []byte) error {
	if err := os.WriteFile(filepath.Join(g.dir, rel), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// avatarPath is the site path of an author's avatar.
func avatarPath(a author) string { return "/images/avatars/" + a.id + ".jpg" }
