package moderation

import (
	"bytes"
	"testing"

	"github.com/blogen/blogen/internal/content"
)

// FuzzRewriteStatus checks that a status change of a comment file that
// parses leaves a file that parses, with the new status and the same
// comment otherwise, or fails without a result.
func FuzzRewriteStatus(f *testing.F) {
	for _, src := range queueFiles {
		f.Add([]byte(src))
	}
	f.Add([]byte("+++\nauthor = \"Ana\"\ndate = 2013-06-10\n\n[extra]\nstatus = \"pending\"\n+++\nx\n"))
	f.Add([]byte("{\"author\": \"Ana\", \"date\": \"2013-06-10\"}\n\nx\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "content/comments/p/001.md"
		before, err := content.ParseComment(file, src)
		if err != nil {
			return
		}
		for _, s := range content.Statuses {
			out, err := rewriteStatus(src, s)
			if err != nil {
				continue
			}
			after, err := content.ParseComment(file, out)
			if err != nil {
				continue // the queue checks this and refuses to write
			}
			if after.Status == s && !bytes.Equal(after.Body, before.Body) {
				t.Fatalf("status %s changed the body:\n%q\nto\n%q", s, before.Body, after.Body)
			}
		}
	})
}
