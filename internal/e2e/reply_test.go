package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestReplyLinkSetsTheParent follows the Reply link of a comment: the
// form's "Reply to" names that comment, and the comment box has the
// focus, ready for the reply.
func TestReplyLinkSetsTheParent(t *testing.T) {
	tb := newTab(t, 1366, 900)
	tb.open("/2012/10/live-tweeting-a-conference/")
	tb.waitFor(`document.querySelector("[data-comment-form]").hasAttribute("data-enhanced")`, "the comment form was not set up")
	eval[chromedp.Void](tb, `localStorage.clear()`)
	tb.do(chromedp.Click(chromedp.CSS(`#comment-002 [data-reply-to]`)))
	if got := eval[string](tb, `document.querySelector("#comment-parent").value`); got != "002" {
		t.Errorf("Reply to is %q, want the comment replied to, 002", got)
	}
	if got := eval[string](tb, `document.activeElement.id`); got != "comment-body" {
		t.Errorf("the focus is on #%s, want the comment box", got)
	}
}
