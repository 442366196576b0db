package build_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)


// renderAll renders every output of the site in dir, with the templates
// compiled or run by html/template alone.
func renderAll(t *testing.T, dir string, interpret bool) (files map[string][]byte, compiled, fallbacks int64) {
	t.Helper()
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	p, err := build.Prepare(build.Options{SiteDir: dir, NoCache: true, Now: now, Drafts: true, Future: true,
		InterpretTemplates: interpret})
	if err != nil {
		t.Fatal(err)
	}
	sink := &sitetest.MemorySink{}
	if _, err := p.Render(context.Background(), sink); err != nil {
		t.Fatal(err)
	}
	compiled, fallbacks = p.TemplateRuns()
	return sink.Files, compiled, fallbacks
}

// TestCompiledTemplatesWriteWhatHTMLTemplateWrites renders the demo blog
// and a generated one twice, with compiled templates and through
// html/template alone, and compares every output byte for byte.
func TestCompiledTemplatesWriteWhatHTMLTemplateWrites(t *testing.T) {
	sites := map[string]string{"demo": "../..", "generated": sitetest.Generated(t, 300)}
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			compiled, runs, fallbacks := renderAll(t, dir, false)
			interpreted, interpretedRuns, _ := renderAll(t, dir, true)
			if fallbacks != 0 || runs < int64(len(compiled))/2 {
				t.Errorf("compiled templates wrote %d pages and partials and handed %d to html/template; want most of %d outputs and none handed over",
					runs, fallbacks, len(compiled))
			}
			if interpretedRuns != 0 {
				t.Errorf("templates meant to run through html/template alone ran compiled %d times", interpretedRuns)
			}
			if got, want := slices.Sorted(maps.Keys(compiled)), slices.Sorted(maps.Keys(interpreted)); !slices.Equal(got, want) {
				t.Fatalf("outputs differ:\ncompiled:    %d files\ninterpreted: %d files", len(got), len(want))
			}
			differ := 0
			for path, want := range interpreted {
				if got := compiled[path]; string(got) != string(want) {
					differ++
					if differ <= 3 {
						t.Errorf("%s differs:\n%s", path, firstDifference(string(got), string(want)))
					}
				}
			}
			if differ > 0 {
				t.Errorf("%d of %d outputs differ", differ, len(interpreted))
			}
		})
	}
}

// firstDifference shows where two texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return "compiled:    ..." + got[from:min(len(got), i+120)] + "\ninterpreted: ..." + want[from:min(len(want), i+120)]
}
