package moderation

import (
	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/content"
)

// Plan returns the changes Moderate would make, changing nothing.
func (q *Queue) Plan(l *comments.Linter, autoApprove bool) []Change {
	var out []Change
	for _, c := range q.List(content.StatusPending) {
		r := l.Lint(c.Body)
		if to := target(r.Verdict, autoApprove); to != "" {
			out = append(out, Change{Comment: c, From: c.Status, To: to, Result: r})
		}
	}
	return out
}
