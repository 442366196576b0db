package sitetest

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// refresh finds the target of a redirect page.
var refresh = regexp.MustCompile(`http-equiv="?refresh"? content="?0; ?url=([^">]+)`)

// Resolve reports whether the URL path u of a built site in out is served:
// a folder URL by its index.html, another by its file, and a redirect page
// only when the page it redirects to is served too.
func Resolve(out, u string) error {
	for hops := 0; hops < 3; hops++ {
		f := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u, "/")))
		if strings.HasSuffix(u, "/") {
			f = filepath.Join(f, "index.html")
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("%s: not in the output (%v)", u, err)
		}
		m := refresh.FindSubmatch(b)
		if m == nil || !strings.HasSuffix(f, ".html") {
			return nil
		}
		base, _ := url.Parse(u)
		to, err := url.Parse(string(m[1]))
		if err != nil {
			return fmt.Errorf("%s: redirects to %q: %v", u, m[1], err)
		}
		u = base.ResolveReference(to).Path
	}
	return fmt.Errorf("%s: more than two redirects", u)
}
