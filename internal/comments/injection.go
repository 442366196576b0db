package comments

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// dangerousTags are HTML elements that run code, load other documents,
// restyle the page or collect input.
var dangerousTags = map[string]bool{"script": true, "iframe": true, "frame": true, "frameset": true,
	"style": true, "object": true, "embed": true, "applet": true, "form": true, "base": true,
	"meta": true, "link": true, "svg": true, "math": true, "input": true, "button": true}

// urlAttributes are HTML attributes whose value is a URL.
var urlAttributes = []string{"href", "src", "action", "formaction", "xlink:href", "data", "background",
	"poster", "lowsrc", "dynsrc", "codebase", "cite", "srcset"}

// Patterns for injection written as text rather than as HTML the parser
// sees: spaced-out schemes, encoded tags, CSS expressions.
var (
	scriptScheme = regexp.MustCompile(`(?i)(?:j[\s\pC]*a[\s\pC]*v[\s\pC]*a|v[\s\pC]*b|l[\s\pC]*i[\s\pC]*v[\s\pC]*e)[\s\pC]*s[\s\pC]*c[\s\pC]*r[\s\pC]*i[\s\pC]*p[\s\pC]*t[\s\pC]*:`)
	codeAfter    = regexp.MustCompile(`^[a-z_$/%&\\(\[]`)
	dataScheme   = regexp.MustCompile(`(?i)\bdata[\s\pC]*:[\s\pC]*(?:text/html|image/svg|application/|[a-z]+/[a-z0-9.+-]+[\s\pC]*;[\s\pC]*base64)`)
	cssScript    = regexp.MustCompile(`(?i):\s*expression\s*\(|-moz-binding\s*:|behavior\s*:\s*url\s*\(`)
	tagText      = regexp.MustCompile(`(?i)<[\s/]*(script|iframe|object|embed|style|svg|form|frame|applet|base|meta|math)\b`)
)

// scanInjection lists the injection attempts in a comment: dangerous HTML
// elements and attributes (also entity-encoded), event handlers, links
// with script or document schemes (also entity-encoded or with embedded
// white space), CSS expressions. Code spans and blocks do not count: they
// are shown as code.
func scanInjection(a *analysis) []string {
	var found []string
	add := func(what string) {
		if !slices.Contains(found, what) {
			found = append(found, what)
		}
	}
	scanTags(a.visible, add)
	decoded := html.UnescapeString(a.visible)
	if decoded != a.visible {
		scanTags(decoded, add)
	}
	scanText(decoded, add)
	for _, l := range a.all {
		if s := dangerousScheme(l.raw); s != "" {
			add(s + " link")
		}
	}
	return found
}

// scanTags tokenises s as HTML and reports dangerous elements and
// attributes.
func scanTags(s string, add func(string)) {
	if !mayHaveTag(s) {
		return
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, _ := z.TagName()
		if dangerousTags[string(name)] {
			add("<" + string(name) + "> element")
		}
		scanAttributes(attributes(z), add)
	}
}

// scanAttributes reports event handlers, style and srcdoc attributes and
// URL attributes with dangerous schemes.
func scanAttributes(attrs map[string]string, add func(string)) {
	names := make([]string, 0, len(attrs))
	for k := range attrs {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		switch {
		case len(k) > 2 && strings.HasPrefix(k, "on"):
			add(k + "= event handler")
		case k == "style" || k == "srcdoc":
			add(k + "= attribute")
		case slices.Contains(urlAttributes, k):
			if s := dangerousScheme(attrs[k]); s != "" {
				add(s + " link")
			}
		}
	}
}

// scanText reports injection written as text: script schemes spelt with
// white space or followed by code, data: documents, CSS expressions and
// tags the HTML tokenizer does not take as tags ("< script>").
func scanText(s string, add func(string)) {
	if mayHaveScheme(s) {
		scanSchemes(s, add)
	}
	if mayHaveTag(s) {
		for _, m := range tagText.FindAllStringSubmatch(s, -1) {
			add("<" + strings.ToLower(m[1]) + "> element")
		}
	}
}

// scanSchemes reports script schemes spelt with white space or followed
// by code, data: documents and CSS expressions.
func scanSchemes(s string, add func(string)) {
	for _, loc := range scriptScheme.FindAllStringIndex(s, -1) {
		m := s[loc[0]:loc[1]]
		after := strings.ToLower(s[loc[1]:min(len(s), loc[1]+1)])
		if stripSpace(m[:len(m)-1]) != m[:len(m)-1] || codeAfter.MatchString(after) {
			add(strings.ToLower(stripSpace(m)) + " link")
		}
	}
	if dataScheme.MatchString(s) {
		add("data: link")
	}
	if cssScript.MatchString(s) {
		add("CSS expression")
	}
}
