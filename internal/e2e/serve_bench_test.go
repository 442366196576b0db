package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitegen"
)

// benchPosts is the size of the generated site of the serve benchmarks.
const benchPosts = 10000

// benchSetup generates a site of benchPosts posts into a temporary folder,
// starts blogen serve on it and opens one of its posts in Chromium. It
// returns the tab, the server, the post's file and the file's text.
func benchSetup(b *testing.B) (context.Context, *served, string, []byte) {
	b.Helper()
	dir := b.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Posts: benchPosts, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	p, err := build.Prepare(build.Options{SiteDir: dir, NoCache: true})
	if err != nil {
		b.Fatal(err)
	}
	post := p.Site.Posts[len(p.Site.Posts)/2]
	file := filepath.Join(dir, filepath.FromSlash(post.Source))
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	srv := startServe(b, dir)
	ctx := serveTab(b, serveBrowser(b))
	serveNavigate(b, ctx, srv.url+strings.TrimPrefix(post.URL, "/"))
	return ctx, srv, file, original
}

// BenchmarkServeEditToBrowser measures, on a generated site of 10,000
// posts, the time from the save of a post to the moment Chromium's page
// shows the new text, over 20 edits for each round.
func BenchmarkServeEditToBrowser(b *testing.B) {
	ctx, srv, file, original := benchSetup(b)
	if err := pollServeJS(ctx, liveConnected, time.Minute); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	edit := 0
	for b.Loop() {
		for range 20 {
			edit++
			text := fmt.Sprintf("Edit number %d is here.", edit)
			start := time.Now()
			if err := os.WriteFile(file, append(original, "\n"+text+"\n"...), 0o644); err != nil {
				b.Fatal(err)
			}
			if err := pollServeJS(ctx, pageHas(text), time.Minute); err != nil {
				b.Fatalf("%v\n%s", err, srv.stderr)
			}
			times = append(times, time.Since(start))
			// The next edit waits until the page listens again.
			if err := pollServeJS(ctx, liveConnected, time.Minute); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(percentile(times, 50), "p50-ms")
	b.ReportMetric(percentile(times, 95), "p95-ms")
	b.ReportMetric(percentile(times, 100), "max-ms")
	rebuilds := rebuildTimes(srv.stdout.String())
	b.ReportMetric(percentile(rebuilds, 50), "rebuild-p50-ms")
	b.ReportMetric(percentile(rebuilds, 95), "rebuild-p95-ms")
}

// rebuildTimes reads the times serve printed for its rebuilds ("Rebuilt
// after content/posts/a.md in 41ms"): the part of an edit's time spent
// preparing the site and rendering the open page.
func rebuildTimes(out string) []time.Duration {
	var ds []time.Duration
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "Rebuilt after ") {
			continue
		}
		fields := strings.Fields(line)
		if d, err := time.ParseDuration(fields[len(fields)-1]); err == nil {
			ds = append(ds, d)
		}
	}
	return ds
}

// percentile returns the p-th percentile of ds in milliseconds (nearest
// rank).
func percentile(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := max(0, (p*len(s)+99)/100-1)
	return float64(s[i].Microseconds()) / 1000
}

// BenchmarkServeMemory edits a post of the generated site 1,000 times
// while Chromium shows it, and reports the live heap after the first 100
// edits and after the last: they should be about the same.
func BenchmarkServeMemory(b *testing.B) {
	ctx, srv, file, original := benchSetup(b)
	var early, late uint64
	for b.Loop() {
		for edit := 1; edit <= 1000; edit++ {
			text := fmt.Sprintf("Memory edit %d.", edit)
			if err := os.WriteFile(file, append(original, "\n"+text+"\n"...), 0o644); err != nil {
				b.Fatal(err)
			}
			if err := pollServeJS(ctx, pageHas(text)+" && "+liveConnected, time.Minute); err != nil {
				b.Fatalf("%v\n%s", err, srv.stderr)
			}
			switch edit {
			case 100:
				early = liveHeap()
			case 1000:
				late = liveHeap()
			}
		}
	}
	b.ReportMetric(float64(early)/(1<<20), "heap-MiB-at-100")
	b.ReportMetric(float64(late)/(1<<20), "heap-MiB-at-1000")
}

// liveHeap returns the bytes of the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
