package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenshotPages are the pages photographed by TestScreenshots: the home
// page with its carousel, and a republished post with its image credit,
// attribution, bios and comments.
var screenshotPages = []struct{ name, path string }{
	{"home", "/"},
	{"post", "/2018/04/listening-before-talking/"},
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
