package comments

import (
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/config"
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
