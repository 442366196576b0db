package e2e

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrandFontLoadsFromTheSite opens the demo blog, whose site.toml
// chooses the Go font, at a phone's width and a desktop's: the browser
// has loaded the font's regular face (preloaded) and bold face (for the
// headings) from the site's own theme/fonts/, the page is set in it, and
// no request left the site.
func TestBrandFontLoadsFromTheSite(t *testing.T) {
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTab(t, vp.width, vp.height)
			recorded := tb.recordRequests()
			tb.open("/")
			got := eval[map[string]any](tb, `document.fonts.ready.then(function () {
			  var faces = [];
			  document.fonts.forEach(function (f) { faces.push(f.family.replace(/"/g, "") + " " + f.weight + " " + f.status); });
			  return {faces: faces.join(", "), body: getComputedStyle(document.body).fontFamily,
			    check: document.fonts.check('16px "Go"') && document.fonts.check('bold 16px "Go"')};
			})`)
			if faces, _ := got["faces"].(string); !strings.Contains(faces, "Go 400 loaded") || !strings.Contains(faces, "Go 700 loaded") {
				t.Errorf("the Go font's faces are not loaded: %s", faces)
			}
			if body, _ := got["body"].(string); !strings.HasPrefix(body, `"Go"`) && !strings.HasPrefix(body, "Go,") {
				t.Errorf("the page is set in %s", body)
			}
			if got["check"] != true {
				t.Error("document.fonts.check says the Go font is not ready")
			}
			tb.do(chromedp.Navigate("about:blank"))
			base, err := url.Parse(tb.base)
			if err != nil {
				t.Fatal(err)
			}
			requests := recorded()
			fonts := 0
			for _, r := range requests {
				u, err := url.Parse(r)
				switch {
				case err != nil || (u.Host != base.Host && u.Scheme != "data" && u.Scheme != "about"):
					t.Errorf("a request left the site: %s", r)
				case strings.HasPrefix(u.Path, "/theme/fonts/go-") && strings.HasSuffix(u.Path, ".ttf"):
					fonts++
				}
			}
			if fonts != 2 {
				t.Errorf("fetched %d font files from /theme/fonts/, want the regular and the bold face:\n%s", fonts, strings.Join(requests, "\n"))
			}
		})
	}
}
