package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/blogen/blogen/internal/scaffold"
	"github.com/blogen/blogen/internal/sitetest"
)

// featuredPhotoSite builds a site of three featured posts, each with a
// 3000x2000 photo, so that the carousel has responsive copies to choose.
func featuredPhotoSite(t *testing.T) string {
	t.Helper()
	var archive strings.Builder
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&archive, "-- content/posts/trip-%d/index.md --\n---\ntitle: Trip %d\ndate: 2020-01-0%d\nfeatured: true\nimage: hero.jpg\nimage_alt: The coast, day %d\n---\n%s",
			i, i, i, i, strings.Repeat("A paragraph about the coast.\n\n", 5))
	}
	s := sitetest.Write(t, archive.String())
	for i := 1; i <= 3; i++ {
		sitetest.WriteFile(t, filepath.Join(s.Dir, fmt.Sprintf("content/posts/trip-%d/hero.jpg", i)), imagetest.JPEG(t, imagetest.Halves(3000, 2000), 0))
	}
	if _, err := build.Build(context.Background(), build.Options{SiteDir: s.Dir, OutDir: s.Out, Now: demoNow}); err != nil {
		t.Fatal(err)
	}
	return s.Out
}

// jsHeroGeometry describes where the carousel is: whether it is the first
// element of main that takes room (a heading only screen readers read may
// come before it), how far its top is from main's, its width against the
// width of the content area (the .layout grid, both columns), and the copy
// the first slide's image shows.
const jsHeroGeometry = `(function () {
  var main = document.querySelector("main"), c = document.querySelector("[data-carousel]");
  var first = Array.prototype.find.call(main.children, function (e) { return !e.classList.contains("visually-hidden") && e.getBoundingClientRect().height > 0; });
  var layout = document.querySelector(".layout"), ls = getComputedStyle(layout);
  var area = layout.clientWidth - parseFloat(ls.paddingLeft) - parseFloat(ls.paddingRight);
  var img = c.querySelector("[data-slide] img");
  return {first: first === c, top: c.getBoundingClientRect().top - main.getBoundingClientRect().top,
    width: c.getBoundingClientRect().width, area: area, main: main.getBoundingClientRect().width,
    src: img ? img.currentSrc : ""};
})()`

// heroGeometry is what jsHeroGeometry returns.
type heroGeometry struct {
	First            bool
	Top, Width, Area float64
	Main             float64
	Src              string
}

// TestCarouselIsTheHero opens the home page of a site of featured photos
// at a phone's width and a desktop's: the carousel comes first in main
// and spans the content area (the sidebar's column too on the desktop),
// its first image is the copy of the width it is shown at, nothing moves
// as the page loads, and the dots and buttons work from the keyboard.
func TestCarouselIsTheHero(t *testing.T) {
	Chromium(t)
	base := serveDir(t, featuredPhotoSite(t))
	tests := []struct {
		name          string
		width, height int64
		src           string // the copy of the first slide's image
	}{
		{"phone", 390, 844, "-480w.webp"},
		{"desktop", 1280, 900, "-1200w.webp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTabOn(t, base, tt.width, tt.height)
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: jsObserveShifts}); err != nil {
				t.Fatal(err)
			}
			tb.open("/")
			tb.waitFor(`document.querySelector("[data-carousel-prev]").hasAttribute("aria-disabled")`, "the carousel script did not start")
			tb.loadAllImages()
			eval[chromedp.Void](tb, jsCarousel)

			g := eval[heroGeometry](tb, jsHeroGeometry)
			if !g.First || g.Top > 1 || g.Top < -1 {
				t.Errorf("the carousel is not the first thing in main: first %v, %.1fpx below main's top", g.First, g.Top)
			}
			if g.Width < g.Area-1 || g.Width > g.Area+1 {
				t.Errorf("the carousel is %.0fpx wide, the content area %.0fpx", g.Width, g.Area)
			}
			if tt.width >= 1024 && g.Width < 1000 {
				t.Errorf("on a desktop the carousel is %.0fpx wide; it should span the sidebar's column too", g.Width)
			}
			if !strings.HasSuffix(g.Src, tt.src) {
				t.Errorf("the first slide shows %s, want the copy %s", g.Src, tt.src)
			}
			if s := eval[layoutShift](tb, jsTakeShifts); s.Sum >= 0.01 {
				t.Errorf("layout shift %.4f, want under 0.01; moved:\n%s", s.Sum, strings.Join(s.Moved, "\n"))
			}

			dot := func(i int) string { return fmt.Sprintf("[data-carousel-dot]:nth-child(%d)", i) }
			current := `Array.prototype.map.call(document.querySelectorAll("[data-carousel-dot]"), function (d) { return d.getAttribute("aria-current") || "-"; }).join(" ")`
			tb.do(chromedp.Focus(chromedp.CSS(dot(2))), chromedp.KeyEvent(kb.Enter))
			tb.waitFor(`carousel.at(1)`, "Enter on the second dot did not show slide 2")
			if got := eval[string](tb, current); got != "- true -" {
				t.Errorf("after the second dot, aria-current is %q", got)
			}
			wantStatus(tb, 2, 3)
			tb.do(chromedp.KeyEvent(kb.ArrowRight))
			tb.waitFor(`carousel.at(2)`, "ArrowRight on a dot did not show slide 3")
			if !eval[bool](tb, `document.activeElement === document.querySelector("`+dot(3)+`")`) {
				t.Errorf("the focus did not follow to the third dot; it is on %s", eval[string](tb, `document.activeElement.outerHTML`))
			}
			if got := eval[string](tb, current); got != "- - true" {
				t.Errorf("after ArrowRight, aria-current is %q", got)
			}
			tb.do(chromedp.Focus(chromedp.CSS("[data-carousel-prev]")), chromedp.KeyEvent(kb.Enter))
			tb.waitFor(`carousel.at(1)`, "Enter on the previous button did not show slide 2")
			tb.waitFor(`document.querySelector("`+dot(2)+`").getAttribute("aria-current") === "true"`, "the dots do not follow the buttons")
			tb.do(chromedp.Click(chromedp.CSS(dot(1))))
			tb.waitFor(`carousel.at(0) && carousel.disabled("prev") === "true"`, "a click on the first dot did not show slide 1")
		})
	}
}

// TestNewSiteCarouselLooksIntended builds the site `blogen init` makes,
// whose one featured post has no image, and opens its home page at a
// phone's width and a desktop's: one slide, so no buttons or dots, shown
// as a panel in the brand colour with its title large, not an empty box,
// which axe-core finds readable in both colour schemes.
func TestNewSiteCarouselLooksIntended(t *testing.T) {
	Chromium(t)
	axe := axeScript(t)
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir, demoNow); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: out, Now: demoNow}); err != nil {
		t.Fatal(err)
	}
	base := serveDir(t, out)
	for _, vp := range []struct {
		name          string
		width, height int64
	}{{"phone", 390, 844}, {"desktop", 1280, 900}} {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTabOn(t, base, vp.width, vp.height)
			tb.open("/")
			tb.loadAllImages()
			got := eval[map[string]any](tb, `(function () {
			  var c = document.querySelector("[data-carousel]"), s = c.querySelectorAll("[data-slide]");
			  var slide = s[0], title = slide.querySelector(".slide-title"), link = document.querySelector(".site-nav a");
			  return {slides: s.length, controls: c.querySelectorAll("button").length, images: c.querySelectorAll("img").length,
			    panel: slide.classList.contains("slide-panel"),
			    background: getComputedStyle(slide).backgroundColor, accent: getComputedStyle(link).color,
			    titleSize: parseFloat(getComputedStyle(title).fontSize), height: slide.getBoundingClientRect().height,
			    width: c.getBoundingClientRect().width};
			})()`)
			if got["slides"] != 1.0 || got["controls"] != 0.0 || got["images"] != 0.0 || got["panel"] != true {
				t.Errorf("want one panel slide without buttons or images: %v", got)
			}
			if got["background"] != got["accent"] {
				t.Errorf("the panel's background is %v, want the brand colour %v", got["background"], got["accent"])
			}
			if size := got["titleSize"].(float64); size < 28 {
				t.Errorf("the panel's title is %.0fpx, want it large", size)
			}
			if h, w := got["height"].(float64), got["width"].(float64); h < w*0.3 || h < 180 {
				t.Errorf("the panel is %.0f by %.0fpx; want the height of a hero", w, h)
			}
			shot(tb, "new-site-"+vp.name)
			for _, scheme := range []string{"light", "dark"} {
				tb.media(map[string]string{"prefers-color-scheme": scheme})
				for _, v := range runAxe(tb, axe) {
					t.Errorf("%s: axe: %s (%s): %s\n  %s", scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
				}
			}
		})
	}
}

// shot writes a screenshot of the whole page to screenshots/ (git-ignored)
// for people to look at.
func shot(tb *tab, name string) {
	tb.t.Helper()
	dir := filepath.Join(RepoRoot(tb.t), "internal", "e2e", "screenshots")
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	if err != nil {
		tb.t.Fatal(err)
	}
}
