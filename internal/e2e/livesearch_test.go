package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// jsLive reads the header's search box and the list below it.
const jsLive = `window.live = {
  input: function () { return document.querySelector("#site-search-q"); },
  open: function () { var p = document.querySelector("[data-search-pop]"); return !p.hidden && p.getBoundingClientRect().height > 0; },
  titles: function () { return Array.prototype.map.call(document.querySelectorAll("#site-search-list [role=option] .live-title"), function (t) { return t.textContent; }); },
  options: function () { return document.querySelectorAll("#site-search-list [role=option]").length; },
  selected: function () {
    var id = this.input().getAttribute("aria-activedescendant"), el = id && document.getElementById(id);
    return el && el.getAttribute("aria-selected") === "true" ? el.textContent : "";
  },
  loaded: function () { return performance.getEntriesByType("resource").filter(function (e) { return /search\.[0-9a-f]+\.js$|\/search\/.*\.json$/.test(e.name); }).length; }
};`

// TestLiveSearchInTheHeader types into the header's search box of the
// demo, at a phone's width and a desktop's: nothing of search is loaded
// before the reader types; then a list (an ARIA combobox's listbox) shows
// the first posts found, title and date, the best first, and "See all"
// last; the arrow keys choose, Enter opens the post chosen, Escape closes
// the list, and the last option opens the search page with the query.
// axe-core finds nothing wrong with the list open.
func TestLiveSearchInTheHeader(t *testing.T) {
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTab(t, vp.width, vp.height)
			tb.open("/")
			eval[chromedp.Void](tb, jsLive)
			if n := eval[int](tb, `live.loaded()`); n != 0 {
				t.Errorf("%d files of search loaded before the reader typed", n)
			}
			if got := eval[string](tb, `live.input().getAttribute("role") + " " + live.input().getAttribute("aria-expanded")`); got != "combobox false" {
				t.Errorf("the box is %q, want a collapsed combobox", got)
			}
			tb.do(chromedp.SendKeys(chromedp.CSS("#site-search-q"), "listening"))
			tb.waitFor(`live.open() && live.titles().length >= 2 && document.querySelector(".live-all").textContent.indexOf("“listening”") > 0`, "no list of posts below the box")
			tb.do(chromedp.KeyEvent(kb.ArrowDown))
			shot(tb, "live-search-"+vp.name)
			for _, v := range runAxe(tb, axeScript(t)) {
				t.Errorf("with the list open, axe: %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
			tb.do(chromedp.KeyEvent(kb.ArrowUp))
			titles := eval[[]string](tb, `live.titles()`)
			if !strings.HasPrefix(titles[0], "Listening before talking") || len(titles) > 5 {
				t.Errorf("the list shows %q; want at most 5, the post with listening in its title first", titles)
			}
			if got := eval[string](tb, `document.querySelector("#site-search-list .live-date").textContent`); !strings.Contains(got, "20") {
				t.Errorf("the first option's date is %q", got)
			}
			if got := eval[string](tb, `document.querySelector("#site-search-list [role=option]:last-child").textContent`); !strings.HasPrefix(got, "See all") {
				t.Errorf("the last option is %q, want See all results", got)
			}
			if got := eval[string](tb, `live.input().getAttribute("aria-expanded")`); got != "true" {
				t.Errorf("aria-expanded is %q with the list open", got)
			}

			tb.do(chromedp.KeyEvent(kb.Escape))
			tb.waitFor(`!live.open() && live.input().getAttribute("aria-expanded") === "false"`, "Escape did not close the list")
			if got := eval[string](tb, `live.input().value`); got != "listening" {
				t.Errorf("the first Escape emptied the box: %q", got)
			}
			tb.do(chromedp.KeyEvent(kb.ArrowDown))
			tb.waitFor(`live.open()`, "ArrowDown did not open the list again")
			tb.do(chromedp.KeyEvent(kb.ArrowUp))
			if got := eval[string](tb, `live.selected()`); !strings.HasPrefix(got, "See all") {
				t.Errorf("ArrowUp chose %q, want the last option", got)
			}
			tb.do(chromedp.KeyEvent(kb.ArrowDown))
			if got := eval[string](tb, `live.selected()`); !strings.HasPrefix(got, titles[0]) {
				t.Errorf("ArrowDown after the last option chose %q, want the first", got)
			}
			tb.navigateBy(chromedp.KeyEvent(kb.Enter))
			if got := tb.location(); got != "/2018/04/listening-before-talking/" {
				t.Errorf("Enter opened %s, want the post chosen", got)
			}

			eval[chromedp.Void](tb, jsLive)
			tb.do(chromedp.SendKeys(chromedp.CSS("#site-search-q"), "listening"))
			tb.waitFor(`live.open() && live.options() >= 2 && document.querySelector(".live-all").textContent.indexOf("“listening”") > 0`, "no list on the post page")
			tb.do(chromedp.KeyEvent(kb.ArrowUp))
			tb.navigateBy(chromedp.KeyEvent(kb.Enter))
			if got := tb.location(); got != "/search/?q=listening" {
				t.Errorf("See all opened %s, want the search page with the query", got)
			}
		})
	}
}

// navigateBy runs steps that make the page go to another and waits until
// that page has loaded.
func (tb *tab) navigateBy(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if _, err := chromedp.RunResponse(tb.ctx, steps...); err != nil {
		tb.t.Fatalf("no page loaded: %v", err)
	}
}

// TestHeaderSearchWithoutJavaScript loads a page with scripts off: the
// box, which needs the script, is hidden, and a link to the archives is
// there instead.
func TestHeaderSearchWithoutJavaScript(t *testing.T) {
	tb := newTab(t, 1366, 900)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open("/")
	got := eval[map[string]string](tb, `(function () {
	  var a = document.querySelector(".site-search-fallback");
	  return {box: getComputedStyle(document.querySelector(".site-search")).display, link: getComputedStyle(a).display, href: a.getAttribute("href")};
	})()`)
	if got["box"] != "none" || got["link"] == "none" || got["href"] != "#archives" {
		t.Errorf("without JavaScript the header shows %v; want the link to the archives instead of the box", got)
	}
}
