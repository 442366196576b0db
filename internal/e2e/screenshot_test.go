package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenshotPages are the pages photographed by TestScreenshots: the home
// page with its carousel, a republished post with its image credit,
// attribution and bios, a post with a comment thread, a tag page and the
// search page with its results.
var screenshotPages = []struct{ name, path, ready string }{
	{"home", "/", ""},
	{"post", "/2018/04/listening-before-talking/", ""},
	{"comments", "/2019/05/writing-a-comment-policy/", ""},
	{"tag", "/tags/comment-moderation/", ""},
	{"search", "/search/?q=listening", `document.querySelectorAll("[data-search-results] li").length > 0`},
}

// TestScreenshots writes full-page screenshots of the home page and a post
// at phone and desktop widths, in both colour schemes, to screenshots/
// (git-ignored), for people to look at when the theme changes.
func TestScreenshots(t *testing.T) {
	dir := filepath.Join(RepoRoot(t), "internal", "e2e", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTab(t, vp.width, vp.height)
			for _, scheme := range []string{"light", "dark"} {
				tb.media(map[string]string{"prefers-color-scheme": scheme})
				for _, p := range screenshotPages {
					tb.open(p.path)
					if p.ready != "" {
						tb.waitFor(p.ready, p.name+": the page did not get ready for its picture")
					}
					tb.loadAllImages()
					png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatal(err)
					}
					name := filepath.Join(dir, p.name+"-"+vp.name+"-"+scheme+".png")
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("wrote %s (%d bytes)", name, len(png))
				}
			}
		})
	}
}

// viewports are the widths the theme is checked at.
var viewports = []struct {
	name          string
	width, height int64
}{
	{"phone", 390, 844},
	{"desktop", 1366, 900},
}
