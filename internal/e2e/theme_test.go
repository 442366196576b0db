package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestThemeToggleIsRemembered presses the light/dark switch on a system
// in light mode and follows a link: the next page is dark from its first
// paint (the choice is on <html> before the body is parsed), the switch
// says it is pressed, and pressing it again brings light back for good.
func TestThemeToggleIsRemembered(t *testing.T) {
	tb := newTab(t, 1366, 900)
	tb.media(map[string]string{"prefers-color-scheme": "light"})
	tb.open("/")
	tb.waitFor(`document.querySelector("[data-theme-toggle]").hasAttribute("data-enhanced")`, "the switch was not set up")
	bg := `getComputedStyle(document.body).backgroundColor`
	light := eval[string](tb, bg)
	if got := eval[string](tb, `document.querySelector("[data-theme-toggle]").getAttribute("aria-pressed")`); got != "false" {
		t.Errorf("in light mode the switch is pressed: %s", got)
	}
	tb.do(chromedp.Click(chromedp.CSS("[data-theme-toggle]")))
	if got := eval[string](tb, bg); got == light {
		t.Fatalf("the page stays %s after the switch", got)
	}
	tb.open("/tags/")
	if got := eval[string](tb, `document.documentElement.getAttribute("data-theme")`); got != "dark" {
		t.Errorf("the next page has data-theme %q, want dark", got)
	}
	if got := eval[string](tb, bg); got == light {
		t.Errorf("the next page is light")
	}
	// The choice is made by the first script of <head>, before any
	// stylesheet or the body, so no paint shows the other scheme.
	if !eval[bool](tb, `document.head.querySelector("script:not([src])") === document.head.querySelector("script, link[rel=stylesheet]")`) {
		t.Error("the script that applies the choice is not the first thing in <head> that loads or runs")
	}
	if got := eval[string](tb, `document.querySelector("[data-theme-toggle]").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("on the next page the switch is not pressed: %s", got)
	}
	tb.do(chromedp.Click(chromedp.CSS("[data-theme-toggle]")))
	tb.open("/authors/")
	if got := eval[string](tb, bg); got != light {
		t.Errorf("after switching back the page is %s, want %s", got, light)
	}
}

// TestDarkSchemeTonesPicturesDown checks that the pictures of a page are
// toned down in the dark scheme, the system's or the reader's choice, and
// shown as they are in the light one.
func TestDarkSchemeTonesPicturesDown(t *testing.T) {
	tb := newTab(t, 1366, 900)
	filter := `getComputedStyle(document.querySelector("main img")).filter`
	for _, tc := range []struct {
		system, chosen string
		toned          bool
	}{
		{"light", "", false},
		{"dark", "", true},
		{"light", "dark", true},
		{"dark", "light", false},
	} {
		tb.media(map[string]string{"prefers-color-scheme": tc.system})
		tb.open("/")
		eval[chromedp.Void](tb, `localStorage.removeItem("theme"); document.documentElement.removeAttribute("data-theme")`)
		if tc.chosen != "" {
			eval[chromedp.Void](tb, `document.documentElement.setAttribute("data-theme", "`+tc.chosen+`")`)
		}
		if got := eval[string](tb, filter); (got != "none") != tc.toned {
			t.Errorf("system %s, chosen %q: pictures have filter %q", tc.system, tc.chosen, got)
		}
	}
}
