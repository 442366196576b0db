package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// jsCarousel defines, in the page, helpers that read the carousel's state:
// the slide at the start of the track, the slide the status region last
// announced, and whether the track rests on a slide.
const jsCarousel = `window.carousel = {
  track: function () { return document.querySelector("[data-carousel-track]"); },
  slides: function () { return document.querySelectorAll("[data-slide]"); },
  max: function () { var t = this.track(); return t.scrollWidth - t.clientWidth; },
  // at reports whether the track rests where slide i (from 0) comes first.
  at: function (i) {
    var s = this.slides(), want = Math.min(s[i].offsetLeft - s[0].offsetLeft, this.max());
    return Math.abs(this.track().scrollLeft - want) < 2;
  },
  status: function () { return document.querySelector("[data-carousel-status]").textContent; },
  disabled: function (which) { return document.querySelector("[data-carousel-" + which + "]").getAttribute("aria-disabled"); }
};`

// openCarousel opens the home page and waits for the script to set up the
// carousel.
func openCarousel(tb *tab) int {
	tb.t.Helper()
	tb.open("/")
	tb.waitFor(`document.documentElement.classList.contains("js") && document.querySelector("[data-carousel-prev]").hasAttribute("aria-disabled")`, "the carousel script did not start")
	eval[chromedp.Void](tb, jsCarousel)
	n := eval[int](tb, `carousel.slides().length`)
	if n < 3 {
		tb.t.Fatalf("the demo home page has %d featured posts, want at least 3", n)
	}
	if !eval[bool](tb, `carousel.max() > 0`) {
		tb.t.Fatal("the carousel does not overflow, so it cannot move")
	}
	return n
}

// TestCarouselMovesWithButtonsAndKeys drives the home page carousel at
// phone and desktop widths: the next and previous buttons move it one
// slide, the live region announces the slide, the buttons say when they
// can do nothing, and the keyboard does the same (Enter on a button, arrow
// keys, Home and End; from a link in a slide the focus follows the slide).
func TestCarouselMovesWithButtonsAndKeys(t *testing.T) {
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTab(t, vp.width, vp.height)
			n := openCarousel(tb)
			if !eval[bool](tb, `carousel.at(0) && carousel.disabled("prev") === "true" && carousel.disabled("next") === "false"`) {
				t.Fatalf("at load: scrollLeft %v, prev disabled %v, next disabled %v", eval[float64](tb, `carousel.track().scrollLeft`), eval[string](tb, `carousel.disabled("prev")`), eval[string](tb, `carousel.disabled("next")`))
			}
			if v := eval[string](tb, `getComputedStyle(document.querySelector(".carousel-controls")).visibility`); v != "visible" {
				t.Fatalf("the carousel buttons are %s", v)
			}

			tb.do(chromedp.Click(chromedp.CSS("[data-carousel-next]")))
			tb.waitFor(`carousel.at(1) && carousel.disabled("prev") === "false"`, "the next button did not move to slide 2")
			wantStatus(tb, 2, n)
			tb.do(chromedp.Click(chromedp.CSS("[data-carousel-prev]")))
			tb.waitFor(`carousel.at(0) && carousel.disabled("prev") === "true"`, "the previous button did not move back to slide 1")
			wantStatus(tb, 1, n)

			tb.do(chromedp.Focus(chromedp.CSS("[data-carousel-next]")), chromedp.KeyEvent(kb.Enter))
			tb.waitFor(`carousel.at(1)`, "Enter on the next button did not move to slide 2")
			tb.do(chromedp.KeyEvent(kb.ArrowLeft))
			tb.waitFor(`carousel.at(0)`, "ArrowLeft did not move back to slide 1")
			tb.do(chromedp.KeyEvent(kb.End))
			tb.waitFor(fmt.Sprintf(`carousel.at(%d) && carousel.disabled("next") === "true"`, n-1), "End did not move to the last slide")
			wantStatus(tb, n, n)
			tb.do(chromedp.KeyEvent(kb.Home))
			tb.waitFor(`carousel.at(0)`, "Home did not move to the first slide")
			if !eval[bool](tb, `document.activeElement === document.querySelector("[data-carousel-next]")`) {
				t.Error("the keys moved the focus away from the button")
			}

			tb.do(chromedp.Focus(chromedp.CSS("[data-slide] h3 a")), chromedp.KeyEvent(kb.ArrowRight))
			tb.waitFor(`carousel.at(1)`, "ArrowRight in slide 1 did not move to slide 2")
			if !eval[bool](tb, `document.activeElement === carousel.slides()[1].querySelector("a")`) {
				t.Errorf("the focus did not follow to slide 2; it is on %s", eval[string](tb, `document.activeElement.outerHTML`))
			}
		})
	}
}

// wantStatus checks what the live region says: "Featured post i of n: …".
func wantStatus(tb *tab, i, n int) {
	tb.t.Helper()
	want := fmt.Sprintf("Featured post %d of %d: ", i, n)
	if got := eval[string](tb, `carousel.status()`); !strings.HasPrefix(got, want) {
		tb.t.Errorf("the live region says %q, want %q…", got, want)
	}
}

// TestCarouselWithoutJavaScript loads the home page with scripts off: the
// carousel is a row that scrolls sideways with snap points, every slide is
// there with its link, the buttons (which need the script) are hidden, and
// scrolling the row brings the last slide into view.
func TestCarouselWithoutJavaScript(t *testing.T) {
	tb := newTab(t, 390, 844)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open("/")
	if eval[bool](tb, `document.documentElement.classList.contains("js")`) {
		t.Fatal("the theme script ran although scripts are off")
	}
	style := eval[map[string]string](tb, `(function () {
	  var t = getComputedStyle(document.querySelector("[data-carousel-track]"));
	  return {overflowX: t.overflowX, snap: t.scrollSnapType, controls: getComputedStyle(document.querySelector(".carousel-controls")).visibility};
	})()`)
	if style["overflowX"] != "auto" || !strings.HasPrefix(style["snap"], "x") || style["controls"] != "hidden" {
		t.Errorf("without JavaScript the carousel is %v; want a row that scrolls (overflow-x auto, snap x) without buttons", style)
	}
	slides := eval[int](tb, `document.querySelectorAll("[data-slide] h3 a[href]").length`)
	if slides < 3 {
		t.Fatalf("%d slides with a link", slides)
	}
	tb.do(chromedp.ScrollIntoView(chromedp.CSS(fmt.Sprintf("[data-slide]:nth-child(%d) h3 a", slides))))
	in := eval[bool](tb, `(function () {
	  var s = document.querySelectorAll("[data-slide]"), r = s[s.length - 1].getBoundingClientRect();
	  return r.left >= -1 && r.left < window.innerWidth && document.querySelector("[data-carousel-track]").scrollLeft > 0;
	})()`)
	if !in {
		t.Error("the last slide cannot be scrolled into view")
	}
}

// TestCarouselRespectsReducedMotion clicks the next button with
// prefers-reduced-motion emulated: the script must scroll with behaviour
// "auto" (a jump, done at once) and the track's CSS must not ask for smooth
// scrolling; without the preference both are smooth.
func TestCarouselRespectsReducedMotion(t *testing.T) {
	tests := []struct {
		motion string
		want   string // behaviour of scrollTo and CSS scroll-behavior
	}{
		{"reduce", "auto"},
		{"no-preference", "smooth"},
	}
	for _, tt := range tests {
		t.Run(tt.motion, func(t *testing.T) {
			tb := newTab(t, 390, 844)
			tb.media(map[string]string{"prefers-reduced-motion": tt.motion})
			// Record how the page asks to scroll, before its script runs.
			record := `window.scrollCalls = [];
			  var scrollTo = Element.prototype.scrollTo;
			  Element.prototype.scrollTo = function (o) {
			    window.scrollCalls.push(o && typeof o === "object" ? (o.behavior || "auto") : "auto");
			    return scrollTo.apply(this, arguments);
			  };`
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: record}); err != nil {
				t.Fatal(err)
			}
			openCarousel(tb)
			if got := eval[string](tb, `getComputedStyle(carousel.track()).scrollBehavior`); got != tt.want {
				t.Errorf("the track's scroll-behavior is %q, want %q", got, tt.want)
			}
			tb.do(chromedp.Click(chromedp.CSS("[data-carousel-next]")))
			if tt.want == "auto" && !eval[bool](tb, `carousel.at(1)`) {
				t.Error("with reduced motion the carousel did not move at once")
			}
			tb.waitFor(`carousel.at(1)`, "the next button did not move to slide 2")
			if got := eval[[]string](tb, `window.scrollCalls`); len(got) != 1 || got[0] != tt.want {
				t.Errorf("the carousel scrolled with behaviours %q, want [%q]", got, tt.want)
			}
		})
	}
}
