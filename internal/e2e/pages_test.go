package e2e

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDemoPagesHaveOneCanonicalLink parses every HTML page of the demo
// blog, redirects included, and checks that each has exactly one
// rel=canonical link, to an absolute URL.
func TestDemoPagesHaveOneCanonicalLink(t *testing.T) {
	files := outputFiles(t, ".html")
	if len(files) < 30 {
		t.Fatalf("only %d pages", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var hrefs []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "link" {
				var rel, href string
				for _, a := range n.Attr {
					switch a.Key {
					case "rel":
						rel = a.Val
					case "href":
						href = a.Val
					}
				}
				if rel == "canonical" {
					hrefs = append(hrefs, href)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		rel := strings.TrimPrefix(f, builtDemo(t))
		if len(hrefs) != 1 {
			t.Errorf("%s has %d rel=canonical links: %q", rel, len(hrefs), hrefs)
			continue
		}
		if u, err := url.Parse(hrefs[0]); err != nil || !u.IsAbs() {
			t.Errorf("%s: rel=canonical %q is not absolute", rel, hrefs[0])
		}
	}
}
