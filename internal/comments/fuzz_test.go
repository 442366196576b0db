package comments

import (
	"bytes"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
)

// FuzzLint checks that the linter never panics, always gives one of the
// three verdicts (the strictest of its findings), writes one-line messages,
// and that Links never returns a target twice.
func FuzzLint(f *testing.F) {
	for _, tc := range lintCases {
		f.Add([]byte(tc.body))
	}
	l, err := NewLinter(config.DefaultPolicy())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := l.Lint(body)
		if !r.Verdict.Valid() {
			t.Fatalf("verdict %q", r.Verdict)
		}
		strictest := Publish
		for _, fd := range r.Findings {
			if !fd.Verdict.Valid() || fd.Rule == "" || fd.Message == "" || strings.ContainsAny(fd.Message, "\r\n") {
				t.Fatalf("finding %+v", fd)
			}
			if fd.Verdict.Stricter(strictest) {
				strictest = fd.Verdict
			}
		}
		if r.Verdict != strictest {
			t.Fatalf("verdict %s, but the strictest finding is %s", r.Verdict, strictest)
		}
		seen := map[string]bool{}
		for _, target := range Links(body) {
			if seen[target] || target == "" {
				t.Fatalf("Links returned %q twice or empty", target)
			}
			seen[target] = true
		}
	})
}

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
