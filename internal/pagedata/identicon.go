package pagedata

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"strings"

	"github.com/blogen/blogen/internal/site"
)

// Identicon draws a commenter's avatar from their e-mail hash, as inline
// SVG: a symmetric 5×5 pattern in one colour, both taken from the hash,
// so the same person has the same picture on every comment and no
// request leaves the page (no Gravatar). A comment without a hash gets
// one made from the name it gives.
func (p *Page) Identicon(t *site.Thread) template.HTML {
	return identicon(t.EmailHash, t.Author)
}

// identicon draws the pattern of a hex hash, or of the SHA-256 of name
// when the hash is not hex of at least 8 bytes.
func identicon(hash, name string) template.HTML {
	b, err := hex.DecodeString(hash)
	if err != nil || len(b) < 8 {
		sum := sha256.Sum256([]byte(name))
		b = sum[:]
	}
	hue := (int(b[0])<<8 | int(b[1])) % 360
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="comment-avatar" viewBox="0 0 5 5" width="40" height="40" aria-hidden="true" focusable="false"><path fill="hsl(%d 55%% 45%%)" d="`, hue)
	for i := range 15 { // 3 columns of 5; the last two mirror the first two
		if b[2+i/8]>>(i%8)&1 == 0 {
			continue
		}
		x, y := i/5, i%5
		fmt.Fprintf(&sb, "M%d %dh1v1h-1z", x, y)
		if x < 2 {
			fmt.Fprintf(&sb, "M%d %dh1v1h-1z", 4-x, y)
		}
	}
	sb.WriteString(`"/></svg>`)
	return template.HTML(sb.String())
}

// ByPostAuthor reports whether a comment was written by an author of the
// post, as its author_id says; on a page, which has no authors, never.
func (p *Page) ByPostAuthor(post *site.Post, t *site.Thread) bool {
	if t.AuthorID == "" || post == nil {
		return false
	}
	for _, a := range post.Authors {
		if a.ID == t.AuthorID {
			return true
		}
	}
	return false
}
