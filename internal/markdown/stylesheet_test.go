package markdown

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// splitStylesheet returns the light rules and the dark ones, which must
// be the same inside the block for the system's dark mode and after it
// for the reader's choice, each under its selector of the root.
func splitStylesheet(t *testing.T, css []byte) (light, dark []cssRule) {
	t.Helper()
	before, after, ok := strings.Cut(string(css), "@media (prefers-color-scheme: dark) {\n")
	if !ok {
		t.Fatalf("no dark block in\n%s", css)
	}
	inner, chosen, ok := strings.Cut(after, "\n}\n")
	if !ok {
		t.Fatalf("dark block not closed in\n%s", css)
	}
	inner += "\n"
	system := strings.ReplaceAll(strings.ReplaceAll(inner, "  "+SystemDark, ""), SystemDark, "?")
	if strings.Count(inner, SystemDark) != strings.Count(inner, "\n") {
		t.Errorf("a rule of the system's dark block is not under %q", SystemDark)
	}
	if want := strings.ReplaceAll(inner, "  "+SystemDark, ChosenDark); chosen != want {
		t.Errorf("the rules for a chosen dark mode differ from the system's:\n%s\nwant\n%s", chosen, want)
	}
	return parseRules(t, before), parseRules(t, system)
}

// parseRules parses one rule per line and fails on anything else.
func parseRules(t *testing.T, css string) []cssRule {
	t.Helper()
	var rules []cssRule
	for line := range strings.Lines(css) {
		r, ok := parseRule(line)
		if !ok {
			t.Fatalf("not a rule: %q", line)
		}
		rules = append(rules, r)
	}
	return rules
}

func TestStylesheet(t *testing.T) {
	tests := []struct{ light, dark string }{
		{"", ""},
		{"github", "github-dark"},
		{"GitHub", "monokai"},
		{"solarized-light", "dracula"},
	}
	for _, tc := range tests {
		t.Run(tc.light+"/"+tc.dark, func(t *testing.T) {
			css, err := Stylesheet(tc.light, tc.dark)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Stylesheet(tc.light, tc.dark)
			if err != nil || !bytes.Equal(css, again) {
				t.Fatalf("second call differs (err %v)", err)
			}
			light, dark := splitStylesheet(t, css)
			if len(light) == 0 || len(dark) == 0 {
				t.Fatalf("empty light or dark rules:\n%s", css)
			}
			for _, r := range slices.Concat(light, dark) {
				if r.selector != ".chroma" && !strings.HasPrefix(r.selector, ".chroma ") {
					t.Errorf("selector %q not scoped under .chroma", r.selector)
				}
			}
			checkNoLeak(t, light, dark)
		})
	}
}

// checkNoLeak checks that every token property the light rules set is set
// again inside the dark block.
func checkNoLeak(t *testing.T, light, dark []cssRule) {
	t.Helper()
	darkProps := map[string][]string{}
	for _, r := range dark {
		darkProps[r.selector] = append(darkProps[r.selector], properties(r.decls)...)
	}
	for _, r := range light {
		for _, p := range properties(r.decls) {
			if _, token := resetValues[p]; token && !slices.Contains(darkProps[r.selector], p) {
				t.Errorf("light %s { %s } leaks into dark mode", r.selector, p)
			}
		}
	}
}

func TestStylesheetDefaults(t *testing.T) {
	def, err := Stylesheet("", "")
	if err != nil {
		t.Fatal(err)
	}
	named, err := Stylesheet(DefaultLightStyle, DefaultDarkStyle)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(def, named) {
		t.Error(`Stylesheet("", "") differs from the named defaults`)
	}
	for _, want := range []string{".chroma { ", ".chroma .kd { color: ", "@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=\"light\"]) .chroma ", "\n:root[data-theme=\"dark\"] .chroma .kd { color: "} {
		if !bytes.Contains(def, []byte(want)) {
			t.Errorf("stylesheet lacks %q", want)
		}
	}
}

func TestStylesheetUnknownStyle(t *testing.T) {
	for _, names := range [][2]string{{"no-such-style", ""}, {"", "no-such-style"}, {"swapof", "github"}} {
		if css, err := Stylesheet(names[0], names[1]); err == nil {
			t.Errorf("Stylesheet(%q, %q) = %d bytes, want error", names[0], names[1], len(css))
		} else if !strings.Contains(err.Error(), "no-such-style") && !strings.Contains(err.Error(), "swapof") {
			t.Errorf("error %q does not name the style", err)
		}
	}
}
