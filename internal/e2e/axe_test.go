package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// axeViolation is one failed axe-core rule and the elements that fail it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeScript returns axe-core, from the repository's node_modules.
func axeScript(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(RepoRoot(t), "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		Require(t, "axe-core", "run npm ci in the repository root")
	}
	return string(b)
}

// runAxe checks the page the tab shows with every rule axe-core runs by
// default (WCAG 2 A and AA and best practices) and returns the violations.
func runAxe(tb *tab, axe string) []axeViolation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof window.axe === "object"`) {
		eval[bool](tb, axe+";true")
	}
	return eval[[]axeViolation](tb, `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
	  return r.violations.map(function (v) {
	    return {id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" ") + ": " + n.failureSummary; })};
	  });
	})`)
}

// axePages are the pages axe-core checks: one of each kind a reader meets
// most, the carousel's category page included.
var axePages = []struct{ name, path string }{
	{"home", "/"},
	{"post", "/2018/04/listening-before-talking/"},
	{"co-authored post", "/2016/09/defining-the-customer-experience-role/"},
	{"tag", "/tags/linkedin/"},
	{"category with carousel", "/categories/social-media/"},
	{"author", "/authors/maren-holt/"},
	{"authors", "/authors/"},
}

// TestAxeFindsNoViolations runs axe-core on the pages above in the light
// and the dark colour scheme, at desktop width (where the sidebar is
// beside the content) and at phone width, and fails on any violation.
func TestAxeFindsNoViolations(t *testing.T) {
	axe := axeScript(t)
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			tb := newTab(t, vp.width, vp.height)
			for _, scheme := range []string{"light", "dark"} {
				tb.media(map[string]string{"prefers-color-scheme": scheme})
				for _, p := range axePages {
					tb.open(p.path)
					tb.loadAllImages()
					for _, v := range runAxe(tb, axe) {
						t.Errorf("%s (%s, %s): %s [%s, %s]\n\t%s", p.name, p.path, scheme, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, "\n\t"))
					}
				}
			}
		})
	}
}
