package comments

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/termsafe"
)

// Report is the linter's judgement of a list of comments, for blogen lint.
type Report struct {
	Items []Item
}

// Item is one comment and its result.
type Item struct {
	Comment *content.Comment
	Result  Result
}

// LintAll runs the linter over comments on all CPUs and returns the results
// in the order of cs.
func LintAll(l *Linter, cs []*content.Comment) Report {
	items := make([]Item, len(cs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(cs)) {
		wg.Go(func() {
			for i := range next {
				items[i] = Item{Comment: cs[i], Result: l.Lint(cs[i].Body)}
			}
		})
	}
	for i := range cs {
		next <- i
	}
	close(next)
	wg.Wait()
	return Report{Items: items}
}

// breaks reports whether an item is an approved comment that the policy
// would not publish.
func (it Item) breaks() bool {
	return it.Comment.Status == content.StatusApproved && it.Result.Verdict != Publish
}

// Failed reports whether an approved comment breaks the policy: its verdict
// is hold or reject. blogen lint then exits with status 1.
func (r Report) Failed() bool {
	for _, it := range r.Items {
		if it.breaks() {
			return true
		}
	}
	return false
}

// WriteText writes one line per finding, its file name and message
// escaped for the terminal (termsafe.Line):
//
//	content/comments/x/003.md: reject [too-many-links] 2 links; the policy allows 1
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, it := range r.Items {
		for _, f := range it.Result.Findings {
			fmt.Fprintf(bw, "%s: %s [%s] %s\n", termsafe.Line(it.Comment.Source), f.Verdict, f.Rule, termsafe.Line(f.Message))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write lint report: %w", err)
	}
	return nil
}

// jsonReport is the shape of WriteJSON's output.
type jsonReport struct {
	Failed   bool             `json:"failed"`
	Counts   map[Verdict]int  `json:"counts"`
	Comments []jsonReportItem `json:"comments"`
}

type jsonReportItem struct {
	File     string         `json:"file"`
	Post     string         `json:"post"` // the thread: "pages/about" for a page
	ID       string         `json:"id"`
	Type     string         `json:"type"` // comment or mention
	Status   content.Status `json:"status"`
	Breaks   bool           `json:"breaks_policy"`
	Verdict  Verdict        `json:"verdict"`
	Findings []Finding      `json:"findings"`
}

// WriteJSON writes the report as one indented JSON object, for machines:
//
//	{
//	  "failed": true,                 // as Failed
//	  "counts": {"hold": 0, "publish": 1, "reject": 1},
//	  "comments": [{"file": "content/comments/x/003.md", "post": "x", "id": "003", "type": "comment",
//	    "status": "approved", "breaks_policy": true, "verdict": "reject",
//	    "findings": [{"rule": "too-many-links", "verdict": "reject", "message": "..."}]}]
//	}
//
// Every comment is listed, in the report's order; findings is [] for a
// comment without any. Control and bidirectional characters are written as
// \uXXXX escapes (termsafe.JSON).
func (r Report) WriteJSON(w io.Writer) error {
	out := jsonReport{
		Failed:   r.Failed(),
		Counts:   map[Verdict]int{Publish: 0, Hold: 0, Reject: 0},
		Comments: make([]jsonReportItem, len(r.Items)),
	}
	for i, it := range r.Items {
		c := it.Comment
		findings := it.Result.Findings
		if findings == nil {
			findings = []Finding{}
		}
		out.Counts[it.Result.Verdict]++
		out.Comments[i] = jsonReportItem{File: c.Source, Post: c.Thread(), ID: c.ID, Type: string(c.TypeName()), Status: c.Status,
			Breaks: it.breaks(), Verdict: it.Result.Verdict, Findings: findings}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write lint report: %w", err)
	}
	if _, err := w.Write(termsafe.JSON(b.Bytes())); err != nil {
		return fmt.Errorf("write lint report: %w", err)
	}
	return nil
}
