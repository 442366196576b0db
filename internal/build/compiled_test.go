package build_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/layout"
	"github.com/blogen/blogen/internal/sitetest"
)

// renderSite renders every output of the site in dir into memory and
// returns how its templates ran: with check, both ways; with plain,
// through html/template alone.
func renderSite(t *testing.T, dir string, check, plain bool) (map[string][]byte, layout.Stats) {
	t.Helper()
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	p, err := build.Prepare(build.Options{SiteDir: dir, NoCache: true, Now: now, Drafts: true, Future: true,
		CheckTemplates: check, PlainTemplates: plain})
	if err != nil {
		t.Fatal(err)
	}
	sink := &sitetest.MemorySink{}
	if _, err := p.Render(context.Background(), sink); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	for name, b := range sink.Files {
		if !images.IsRaster(name) {
			pages[name] = b
		}
	}
	return pages, p.TemplateStats()
}

// TestCompiledTemplatesWriteWhatHTMLTemplateWrites renders the demo blog
// and a generated one with every page run both through the compiled
// templates and through html/template, and requires the same bytes from
// both on every page and partial.
func TestCompiledTemplatesWriteWhatHTMLTemplateWrites(t *testing.T) {
	sites := map[string]string{"demo": "../..", "generated": sitetest.Generated(t, 150)}
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			files, stats := renderSite(t, dir, true, false)
			if stats.Mismatches > 0 {
				t.Errorf("%d pages or partials differ; the first: %s", stats.Mismatches, stats.FirstMismatch)
			}
			if stats.Fallbacks > 0 || stats.Checked < int64(pages(files))/2 {
				t.Errorf("%d of %d pages checked, %d handed to html/template; want most checked and none handed over",
					stats.Checked, pages(files), stats.Fallbacks)
			}
		})
	}
}

// TestBuildRunsCompiledTemplates checks that an ordinary build runs its
// pages through the compiled templates.
func TestBuildRunsCompiledTemplates(t *testing.T) {
	files, stats := renderSite(t, "../..", false, false)
	if stats.Compiled < int64(pages(files))/2 || stats.Fallbacks > 0 || stats.Checked > 0 {
		t.Errorf("of %d pages, %d compiled, %d handed to html/template, %d checked; want most compiled, none handed over or checked",
			pages(files), stats.Compiled, stats.Fallbacks, stats.Checked)
	}
}

// pages counts the HTML pages among outputs: the others (feeds, the
// files of the search index) are not made by templates.
func pages(files map[string][]byte) int {
	n := 0
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			n++
		}
	}
	return n
}

// TestPlainTemplatesWriteTheSamePages renders the demo blog compiled and
// with PlainTemplates, which must run every page and partial through
// html/template and write the same bytes.
func TestPlainTemplatesWriteTheSamePages(t *testing.T) {
	compiled, _ := renderSite(t, "../..", false, false)
	plain, stats := renderSite(t, "../..", false, true)
	if stats.Compiled > 0 || stats.Plain < int64(len(plain))/2 || stats.Standard() != stats.Plain {
		t.Errorf("of %d outputs, %d compiled, %d through html/template, %d of them as plain; want all plain",
			len(plain), stats.Compiled, stats.Standard(), stats.Plain)
	}
	if len(plain) != len(compiled) {
		t.Errorf("%d outputs plain, %d compiled", len(plain), len(compiled))
	}
	for name, want := range compiled {
		if got, ok := plain[name]; !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: plain templates wrote other bytes than compiled ones", name)
		}
	}
}
