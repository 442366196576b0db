package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Default chroma styles of [Stylesheet].
const (
	DefaultLightStyle = "github"
	DefaultDarkStyle  = "github-dark"
)

// Stylesheet returns the CSS for highlighted code: the chroma style light by
// default, and the style dark inside @media (prefers-color-scheme: dark)
// unless the page's root says data-theme="light", and wherever it says
// data-theme="dark" (the theme's light/dark switch sets the attribute).
// Every selector is scoped under .chroma. An empty name selects
// DefaultLightStyle or DefaultDarkStyle; an unknown name is an error. The
// output depends only on the two styles.
//
// Whatever the light style sets on a token and the dark style does not
// (a colour, bold, italics, …) is reset inside the dark block, so no light
// colour shows through in dark mode.
func Stylesheet(light, dark string) ([]byte, error) {
	lightStyle, err := lookupStyle(light, DefaultLightStyle)
	if err != nil {
		return nil, err
	}
	darkStyle, err := lookupStyle(dark, DefaultDarkStyle)
	if err != nil {
		return nil, err
	}
	lightRules, err := styleRules(lightStyle)
	if err != nil {
		return nil, err
	}
	darkRules, err := styleRules(darkStyle)
	if err != nil {
		return nil, err
	}
	darkAll := slices.Concat(resetRules(lightRules, darkRules), darkRules)
	var b bytes.Buffer
	writeRules(&b, lightRules, "", "")
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	writeRules(&b, darkAll, "  ", SystemDark)
	b.WriteString("}\n")
	writeRules(&b, darkAll, "", ChosenDark)
	return b.Bytes(), nil
}

// The selectors of the page's root under which the dark rules apply: when
// the system asks for dark and the reader has not chosen light, and when
// the reader has chosen dark.
const (
	SystemDark = `:root:not([data-theme="light"]) `
	ChosenDark = `:root[data-theme="dark"] `
)

// lookupStyle returns the registered chroma style name, or def when name is
// empty. styles.Get would silently fall back to another style instead.
func lookupStyle(name, def string) (*chroma.Style, error) {
	if name == "" {
		name = def
	}
	style, ok := styles.Registry[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("markdown: unknown chroma style %q", name)
	}
	return style, nil
}

// cssRule is one rule of a chroma stylesheet.
type cssRule struct {
	selector string
	decls    []string // "property: value"
}

// styleRules returns the CSS rules chroma writes for style, each selector
// scoped under .chroma.
func styleRules(style *chroma.Style) ([]cssRule, error) {
	var b bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithCSSComments(false))
	if err := f.WriteCSS(&b, style); err != nil {
		return nil, fmt.Errorf("markdown: write CSS for style %q: %w", style.Name, err)
	}
	var rules []cssRule
	for line := range strings.Lines(b.String()) {
		if r, ok := parseRule(line); ok {
			rules = append(rules, r)
		}
	}
	return rules, nil
}

// parseRule parses a line "selector { a: b; c: d }" as chroma writes them.
func parseRule(line string) (cssRule, bool) {
	sel, body, ok := strings.Cut(strings.TrimSpace(line), "{")
	body, closed := strings.CutSuffix(strings.TrimSpace(body), "}")
	if !ok || !closed {
		return cssRule{}, false
	}
	r := cssRule{selector: scopeSelector(strings.TrimSpace(sel))}
	for d := range strings.SplitSeq(body, ";") {
		if d = strings.TrimSpace(d); d != "" {
			r.decls = append(r.decls, d)
		}
	}
	return r, len(r.decls) > 0
}

// scopeSelector puts sel under .chroma unless it already is.
func scopeSelector(sel string) string {
	if sel == ".chroma" || strings.HasPrefix(sel, ".chroma ") {
		return sel
	}
	return ".chroma " + sel
}

// resetValues undo each property chroma may set on a token.
var resetValues = map[string]string{
	"color":            "inherit",
	"background-color": "transparent",
	"font-weight":      "inherit",
	"font-style":       "inherit",
	"text-decoration":  "inherit",
}

// resetRules returns rules that undo, for each selector, the token
// properties light sets and dark leaves alone.
func resetRules(light, dark []cssRule) []cssRule {
	darkProps := make(map[string][]string, len(dark))
	for _, r := range dark {
		darkProps[r.selector] = properties(r.decls)
	}
	var out []cssRule
	for _, r := range light {
		var decls []string
		for _, p := range properties(r.decls) {
			reset, ok := resetValues[p]
			if ok && !slices.Contains(darkProps[r.selector], p) {
				decls = append(decls, p+": "+reset)
			}
		}
		if len(decls) > 0 {
			out = append(out, cssRule{selector: r.selector, decls: decls})
		}
	}
	return out
}

// properties returns the property names of decls.
func properties(decls []string) []string {
	props := make([]string, 0, len(decls))
	for _, d := range decls {
		p, _, _ := strings.Cut(d, ":")
		props = append(props, strings.TrimSpace(p))
	}
	return props
}

// writeRules writes rules one per line, each line prefixed by indent and
// each selector by root.
func writeRules(b *bytes.Buffer, rules []cssRule, indent, root string) {
	for _, r := range rules {
		fmt.Fprintf(b, "%s%s%s { %s }\n", indent, root, r.selector, strings.Join(r.decls, "; "))
	}
}
