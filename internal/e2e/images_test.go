package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/blogen/blogen/internal/sitetest"
)

// photoSite builds a site of one post with a 3000x2000 photo as its
// image and another at the top of its text, above enough text to scroll:
// an image without its size would push that text down as it loads.
func photoSite(t *testing.T) string {
	t.Helper()
	s := sitetest.Write(t, "-- content/posts/trip/index.md --\n---\ntitle: A trip\ndate: 2020-01-01\nimage: hero.jpg\nimage_alt: The coast\n---\n"+
		"![The harbour](inline.jpg)\n\n"+strings.Repeat("A paragraph of text about the coast.\n\n", 40))
	for _, name := range []string{"hero.jpg", "inline.jpg"} {
		sitetest.WriteFile(t, filepath.Join(s.Dir, "content/posts/trip", name), imagetest.JPEG(t, imagetest.Halves(3000, 2000), 0))
	}
	if _, err := build.Build(context.Background(), build.Options{SiteDir: s.Dir, OutDir: s.Out, Now: demoNow}); err != nil {
		t.Fatal(err)
	}
	return s.Out
}

// TestPhotosAtPhoneAndDesktopWidths loads a post with photos at a
// phone's width and a desktop's: the browser fetches the WebP copy the
// column needs, never the original, and the page does not move as the
// photos load (cumulative layout shift under 0.01).
func TestPhotosAtPhoneAndDesktopWidths(t *testing.T) {
	Chromium(t) // before the photos are made, when there is no Chromium
	base := serveDir(t, photoSite(t))
	tests := []struct {
		name          string
		width, height int64
		want          string
	}{
		{"phone", 390, 844, "hero-480w.webp"},
		{"desktop", 1366, 900, "hero-800w.webp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTabOn(t, base, tt.width, tt.height)
			fetched := tb.recordRequests()
			tb.open("/2020/01/trip/")
			eval[chromedp.Void](tb, `window.__cls = 0; new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.__cls += e.value; }); }).observe({type: "layout-shift", buffered: true})`)
			tb.loadAllImages()
			if cls := eval[float64](tb, `new Promise(function (r) { requestAnimationFrame(function () { r(window.__cls); }); })`); cls >= 0.01 {
				t.Errorf("cumulative layout shift %.4f, want under 0.01", cls)
			}
			got := strings.Join(fetched(), "\n")
			if !strings.Contains(got, "/2020/01/trip/"+tt.want) {
				t.Errorf("%s not fetched; fetched:\n%s", tt.want, got)
			}
			for _, never := range []string{"/hero.jpg", "/inline.jpg", "-1600w"} {
				if strings.Contains(got, never) {
					t.Errorf("fetched %s, larger than the page needs:\n%s", never, got)
				}
			}
		})
	}
}
