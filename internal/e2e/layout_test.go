package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// jsObserveShifts, run before any script of a page, sums the page's
// layout-shift entries (those not caused by the reader's own input, as
// Cumulative Layout Shift counts them) and keeps what moved.
const jsObserveShifts = `window.layoutShift = {sum: 0, moved: []};
window.layoutShiftObserver = new PerformanceObserver(function (list) { window.layoutShift.add(list.getEntries()); });
window.layoutShift.add = function (entries) {
  entries.forEach(function (e) {
    if (e.hadRecentInput) { return; }
    window.layoutShift.sum += e.value;
    (e.sources || []).forEach(function (s) {
      var n = s.node, name = n ? (n.nodeName + (n.className && n.className.baseVal === undefined ? "." + n.className : "")) : "?";
      window.layoutShift.moved.push(name + " from " + JSON.stringify(s.previousRect) + " to " + JSON.stringify(s.currentRect));
    });
  });
};
window.layoutShiftObserver.observe({type: "layout-shift", buffered: true});`

// jsTakeShifts waits two frames, so that the last layout is done, and
// returns the shifts so far.
const jsTakeShifts = `new Promise(function (done) {
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    window.layoutShift.add(window.layoutShiftObserver.takeRecords());
    done({sum: window.layoutShift.sum, moved: window.layoutShift.moved});
  }); });
})`

// layoutShift is what jsTakeShifts returns.
type layoutShift struct {
	Sum   float64  `json:"sum"`
	Moved []string `json:"moved"`
}

// TestNoLayoutShift loads the home page and a post at phone and desktop
// widths, with images slowed down so that they arrive after the first
// paint, and asks the browser how much the layout shifted: the sum of the
// layout-shift entries must stay below 0.01 once the page has loaded. It
// then moves the page on purpose to show that the measure works.
func TestNoLayoutShift(t *testing.T) {
	const limit = 0.01
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTab(t, vp.width, vp.height)
			slow := []*network.Conditions{{URLPattern: tb.base + "/images/*", Latency: 300, DownloadThroughput: 512 * 1024, UploadThroughput: -1}}
			if _, err := chromedp.Call(tb.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: slow}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: jsObserveShifts}); err != nil {
				t.Fatal(err)
			}
			for _, p := range screenshotPages {
				tb.open(p.path)
				tb.loadAllImages()
				got := eval[layoutShift](tb, jsTakeShifts)
				if got.Sum >= limit {
					t.Errorf("%s: layout shift %.4f, want below %v; moved:\n\t%s", p.path, got.Sum, limit, strings.Join(got.Moved, "\n\t"))
				}
			}
			eval[chromedp.Void](tb, `document.querySelector("main").insertAdjacentHTML("afterbegin", "<div style='height: 40vh'></div>")`)
			if got := eval[layoutShift](tb, jsTakeShifts); got.Sum < limit {
				t.Errorf("a block inserted at the top measured %.4f; the measure does not work", got.Sum)
			}
		})
	}
}
