package comments

import (
	"bufio"
	"fmt"
	"io"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/termsafe"
)

// WriteStatusText writes, for each comment, a line with its status and
// the policy's verdict, then a line per finding as WriteText does, and
// ends with a summary:
//
//	content/comments/x/003.md: approved (policy: reject)
//	content/comments/x/003.md: reject [too-many-links] 2 links; the policy allows 1
//	42 comments: 40 publish, 1 hold, 1 reject; 1 approved comment breaks the policy
func (r Report) WriteStatusText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, it := range r.Items {
		fmt.Fprintf(bw, "%s: %s%s (policy: %s)\n", termsafe.Line(it.Comment.Source), termsafe.Line(string(it.Comment.Status)), typeNote(it.Comment), it.Result.Verdict)
		for _, f := range it.Result.Findings {
			fmt.Fprintf(bw, "%s: %s [%s] %s\n", termsafe.Line(it.Comment.Source), f.Verdict, f.Rule, termsafe.Line(f.Message))
		}
	}
	fmt.Fprintln(bw, r.Summary())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write lint report: %w", err)
	}
	return nil
}

// typeNote is " mention" for a mention, "" for a comment.
func typeNote(c *content.Comment) string {
	if c.IsMention() {
		return " " + string(c.Type)
	}
	return ""
}

// Summary is one line that counts the verdicts and the approved comments
// that break the policy: "42 comments: 40 publish, 1 hold, 1 reject; 1
// approved comment breaks the policy".
func (r Report) Summary() string {
	counts := map[Verdict]int{}
	breaking := 0
	for _, it := range r.Items {
		counts[it.Result.Verdict]++
		if it.breaks() {
			breaking++
		}
	}
	s := fmt.Sprintf("%s: %d publish, %d hold, %d reject", plural(len(r.Items), "comment"), counts[Publish], counts[Hold], counts[Reject])
	switch breaking {
	case 0:
	case 1:
		s += "; 1 approved comment breaks the policy"
	default:
		s += fmt.Sprintf("; %d approved comments break the policy", breaking)
	}
	return s
}
