package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// The generated site of the serve benchmarks.
const (
	benchPosts   = 10000
	benchAuthors = 20
	benchTags    = 200
	benchCats    = 12
)

// benchWords are the words generated posts are written in.
var benchWords = strings.Fields(`customer care community social media listening brand voice reply
complaint storm first hour escalation team handle moderation policy comment thread reader author
conversation channel response time empathy apology follow up metrics dashboard sentiment trust
crowd support forum answer question public private message tone guidelines training shift week
campaign launch event hashtag conference badge name profile avatar persona human automation bot
queue ticket priority urgent calm clear short useful honest transparent fair respectful helpful`)

// genPost returns the text of generated post i: front matter with author,
// tags and categories, and a body of 5 to 15 KB with paragraphs, a list,
// links and a code block.
func genPost(r *rand.Rand, i int) string {
	var b strings.Builder
	date := time.Date(2000, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 21 * time.Hour)
	fmt.Fprintf(&b, "---\ntitle: Generated post number %d\ndate: %s\nauthor: author-%02d\n", i, date.Format(time.RFC3339), r.IntN(benchAuthors))
	fmt.Fprintf(&b, "tags: [tag-%d, tag-%d, tag-%d]\ncategories: [category-%d]\n---\n", r.IntN(benchTags), r.IntN(benchTags), r.IntN(benchTags), r.IntN(benchCats))
	size := 5000 + r.IntN(10000)
	for b.Len() < size {
		switch r.IntN(6) {
		case 0:
			b.WriteString("\n- " + sentence(r, 6) + "\n- " + sentence(r, 8) + "\n- " + sentence(r, 5) + "\n")
		case 1:
			fmt.Fprintf(&b, "\nRead [the guide to %s](https://example.org/guides/%d/) before you %s.\n", sentence(r, 3), r.IntN(1000), sentence(r, 4))
		case 2:
			fmt.Fprintf(&b, "\n```go\nfunc reply%d(c *Comment) error {\n\treturn queue.Add(c, %d)\n}\n```\n", r.IntN(1000), r.IntN(100))
		default:
			b.WriteString("\n" + sentence(r, 40+r.IntN(40)) + "\n")
		}
	}
	return b.String()
}

// sentence makes n words into a sentence.
func sentence(r *rand.Rand, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = benchWords[r.IntN(len(benchWords))]
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// genSite writes a site of n generated posts into dir, the same on every
// run.
func genSite(tb testing.TB, dir string, n int) {
	tb.Helper()
	r := rand.New(rand.NewPCG(2013, 6))
	files := map[string]string{
		"site.toml": "title = \"Generated\"\nbase_url = \"https://example.org/\"\n[pagination]\nper_page = 10\n",
	}
	for a := range benchAuthors {
		files[fmt.Sprintf("content/authors/author-%02d.md", a)] = fmt.Sprintf("---\nname: Author %d\nrole: Writer\n---\n%s\n", a, sentence(r, 30))
	}
	for i := range n {
		files[fmt.Sprintf("content/posts/post-%05d.md", i)] = genPost(r, i)
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// benchPost is the post the benchmarks edit, and its address.
func benchPost(dir string) (file, url string) {
	const i = benchPosts / 2
	date := time.Date(2000, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 21 * time.Hour)
	return filepath.Join(dir, "content", "posts", fmt.Sprintf("post-%05d.md", i)),
		fmt.Sprintf("%d/%02d/post-%05d/", date.Year(), date.Month(), i)
}

// BenchmarkServeEditToBrowser measures, on a generated site of 10,000
// posts, the time from the save of a post to the moment Chromium's page
// shows the new text, over 20 edits for each round.
func BenchmarkServeEditToBrowser(b *testing.B) {
	dir := b.TempDir()
	genSite(b, dir, benchPosts)
	srv := startServe(b, dir)
	ctx := serveTab(b, serveBrowser(b))
	file, url := benchPost(dir)
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	serveNavigate(b, ctx, srv.url+url)
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
	dir := b.TempDir()
	genSite(b, dir, benchPosts)
	srv := startServe(b, dir)
	ctx := serveTab(b, serveBrowser(b))
	file, url := benchPost(dir)
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	serveNavigate(b, ctx, srv.url+url)
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
