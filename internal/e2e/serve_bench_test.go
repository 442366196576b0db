package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
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
	if err := sitegen.Generate(dir, sitegen.Options{Posts: benchPosts, Seed: 1, NoPhotos: true}); err != nil {
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
// has the new text, over 20 edits for each round. The page notes that
// moment itself (a MutationObserver), so that the benchmark need not ask
// it again and again, which would take the processor from the server it
// measures; it also notes the start of the next frame, when the text is
// painted (frame-p50-ms, frame-p95-ms).
func BenchmarkServeEditToBrowser(b *testing.B) {
	ctx, srv, file, original := benchSetup(b)
	if err := pollServeJS(ctx, liveConnected, time.Minute); err != nil {
		b.Fatal(err)
	}
	var times, frames []time.Duration
	edit := 0
	for b.Loop() {
		for range 20 {
			edit++
			text := fmt.Sprintf("Edit number %d is here.", edit)
			if _, err := serveEval[bool](ctx, watchFor(text)); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			if err := os.WriteFile(file, append(original, "\n"+text+"\n"...), 0o644); err != nil {
				b.Fatal(err)
			}
			seen, painted, err := waitSeen(ctx, text)
			if err != nil {
				b.Fatalf("%v\n%s", err, srv.stderr)
			}
			times = append(times, sinceMillis(start, seen))
			frames = append(frames, sinceMillis(start, painted))
			// The next edit waits until the page listens again.
			if err := pollServeJS(ctx, liveConnected, time.Minute); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(percentile(times, 50), "p50-ms")
	b.ReportMetric(percentile(times, 95), "p95-ms")
	b.ReportMetric(percentile(times, 100), "max-ms")
	b.ReportMetric(percentile(frames, 50), "frame-p50-ms")
	b.ReportMetric(percentile(frames, 95), "frame-p95-ms")
	rebuilds := rebuildTimes(srv.stdout.String())
	b.ReportMetric(percentile(rebuilds, 50), "rebuild-p50-ms")
	b.ReportMetric(percentile(rebuilds, 95), "rebuild-p95-ms")
}

// watchFor is a JavaScript statement that makes the page note, as
// milliseconds since the epoch, when its text first contains text
// (blogenSeen) and when the next frame after that starts (blogenPainted).
func watchFor(text string) string {
	return fmt.Sprintf(`window.blogenSeen = 0; window.blogenPainted = 0;
		new MutationObserver(function (_, obs) {
			if (!document.body.textContent.includes(%[1]s)) { return; }
			obs.disconnect();
			window.blogenSeen = performance.timeOrigin + performance.now();
			requestAnimationFrame(function () { window.blogenPainted = performance.timeOrigin + performance.now(); });
		}).observe(document, { subtree: true, childList: true, characterData: true });
		true`, strconv.Quote(text))
}

// waitSeen waits until the page has noted the text and painted it, and
// returns both moments. A page that was loaded anew lost its observer: the
// moment its new text is found is taken for both, which is later than the
// truth.
func waitSeen(ctx context.Context, text string) (seen, painted float64, err error) {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		got, err := serveEval[[]float64](ctx, fmt.Sprintf(
			`window.blogenSeen === undefined && %s ? [Date.now(), Date.now()] : [window.blogenSeen || 0, window.blogenPainted || 0]`, pageHas(text)))
		if err == nil && len(got) == 2 && got[1] > 0 {
			return got[0], got[1], nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, 0, fmt.Errorf("the page never showed %q", text)
}

// sinceMillis returns the time from start to a moment given in
// milliseconds since the epoch.
func sinceMillis(start time.Time, ms float64) time.Duration {
	return time.Duration(ms*float64(time.Millisecond)) - time.Duration(start.UnixNano())
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
