package sitegen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/slug"
)

// writeComments writes one to eight comments on the post, in
// content/comments/<slug>/NNN.md.
func (ps *post) writeComments() error {
	r := rng(ps.g.opts.Seed, streamComments, ps.i)
	r.Float64() // the draw that chose this post for comments
	dir := filepath.Join(ps.g.dir, "content", "comments", ps.slug)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("comments of %s: %w", ps.slug, err)
	}
	p := prose{r: r}
	at := ps.date
	for j := range 1 + r.IntN(8) {
		p.b = p.b[:0]
		at = at.Add(time.Duration(10+r.IntN(3000)) * time.Minute)
		p.comment(j, at)
		file := filepath.Join(dir, fmt.Sprintf("%03d.md", j+1))
		if err := os.WriteFile(file, p.b, 0o644); err != nil {
			return fmt.Errorf("write comment: %w", err)
		}
	}
	return nil
}

// comment appends comment number j (from 0): front matter and a short
// body.
func (p *prose) comment(j int, at time.Time) {
	y := yamlWriter{p}
	p.str("---\n")
	name := p.pick(firstNames) + " " + p.pick(lastNames)
	if p.chance(0.1) {
		name = p.pick(handles)
	}
	y.str("author", name)
	if p.chance(0.3) {
		y.raw("author_url", "https://www.linkedin.com/in/"+slug.Make(name)+"/")
	}
	sum := sha256.Sum256([]byte(strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.com"))
	y.raw("email_hash", hex.EncodeToString(sum[:]))
	y.date("date", at)
	y.raw("status", p.status())
	if j > 0 && p.chance(0.25) {
		y.raw("parent", fmt.Sprintf("%q", fmt.Sprintf("%03d", 1+p.r.IntN(j))))
	}
	p.str("---\n\n")
	p.commentBody()
}

// status draws a moderation status: mostly approved.
func (p *prose) status() string {
	switch x := p.r.IntN(100); {
	case x < 85:
		return "approved"
	case x < 93:
		return "pending"
	case x < 97:
		return "spam"
	}
	return "rejected"
}

// commentBody appends one to three short paragraphs.
func (p *prose) commentBody() {
	for k := range 1 + p.r.IntN(3) {
		if k > 0 {
			p.str("\n\n")
		}
		for i := range 1 + p.r.IntN(4) {
			if i > 0 {
				p.str(" ")
			}
			if p.chance(0.05) {
				p.link()
				continue
			}
			p.fill(p.pick(commentSentences))
		}
	}
	p.str("\n")
}
