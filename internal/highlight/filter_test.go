package highlight

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// regexpGroups returns the groups of the regexp2 match of rule at pos, by
// number and by name, or nil if there is none.
func regexpGroups(t *testing.T, rule *chroma.CompiledRule, text []rune, pos int) ([]string, map[string]string) {
	m, err := rule.Regexp.FindRunesMatchStartingAt(text, pos)
	if err != nil {
		t.Fatalf("%s: %v", rule.Pattern, err)
	}
	if m == nil || m.RuneIndex != pos {
		return nil, nil
	}
	var groups []string
	named := map[string]string{}
	for _, g := range m.Groups() {
		groups = append(groups, g.String())
		named[g.Name] = g.String()
	}
	return groups, named
}

// maxFilterText is how much of each sample TestFilters looks at.
const maxFilterText = 4000

// forEachRule calls f for every distinct rule of the fast lexer for each
// sample in testdata, with the sample's text.
func forEachRule(t *testing.T, f func(t *testing.T, rule *chroma.CompiledRule, filter *ruleFilter, text []rune)) {
	for _, s := range samples(t, filepath.Join("testdata", "lexers")) {
		fast, ok := Get(s.lexer).(*Lexer)
		if !ok {
			continue
		}
		prog, err := fast.program()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		src, err := os.ReadFile(s.path)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(string(src))
		text = text[:min(len(text), maxFilterText)]
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			seen := map[*chroma.CompiledRule]bool{}
			for _, table := range prog.tables {
				for i, rule := range table.rules {
					if !seen[rule] {
						seen[rule] = true
						f(t, rule, &table.filters[i], text)
					}
				}
			}
		})
	}
}

// TestFilters checks, for every rule of every sample's lexer and every
// position of the sample, that the filters never rule out a position
// where regexp2 finds a match, and that direct matchers find exactly the
// match regexp2 finds.
func TestFilters(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("short, or the race detector: make test runs it without -race")
	}
	forEachRule(t, func(t *testing.T, rule *chroma.CompiledRule, f *ruleFilter, text []rune) {
		for pos := range text {
			want, wantNamed := regexpGroups(t, rule, text, pos)
			matched := want != nil
			if matched && !f.start.mayStart(text[pos]) {
				t.Fatalf("start set of %q rules out %q at %d", rule.Pattern, text[pos], pos)
			}
			if matched && !f.prefix.admits(text, pos) {
				t.Fatalf("prefix filter of %q rules out %q at %d", rule.Pattern, string(text[pos:min(pos+prefixLen, len(text))]), pos)
			}
			if f.direct == nil {
				continue
			}
			got, gotNamed := f.direct.match(text, "", pos, true)
			if !slices.Equal(got, want) || !maps.Equal(gotNamed, wantNamed) {
				t.Fatalf("direct matcher of %q at %d (%q):\n got %q %v\nwant %q %v", rule.Pattern, pos, string(text[pos:min(pos+20, len(text))]), got, gotNamed, want, wantNamed)
			}
			if ascii := string(text); len(ascii) == len(text) {
				got, gotNamed = f.direct.match(text, ascii, pos, true)
				if !slices.Equal(got, want) || !maps.Equal(gotNamed, wantNamed) {
					t.Fatalf("direct matcher of %q at %d on ASCII (%q):\n got %q %v\nwant %q %v", rule.Pattern, pos, string(text[pos:min(pos+20, len(text))]), got, gotNamed, want, wantNamed)
				}
			}
		}
	})
}
