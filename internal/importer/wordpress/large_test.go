package wordpress

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitetest"
)

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

const largeHeader = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[ana]]></wp:author_login><wp:author_display_name><![CDATA[Ana Ruiz]]></wp:author_display_name></wp:author>
`

const paragraph = "Social business is about listening before speaking, answering in public and measuring what matters. " +
	"Teams that share what they learn move faster than teams that guard it.\nA second line in the same paragraph.\n\n"

// generateWXR writes a WordPress export of at least size bytes to w, one
// item at a time: posts with captions, featured images and threaded
// comments, and the attachments they use. It returns the number of posts
// and comments written.
func generateWXR(w io.Writer, size int64) (posts, comments int, err error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := &countingWriter{w: bw}
	if _, err := io.WriteString(cw, largeHeader); err != nil {
		return 0, 0, err
	}
	for id := 1; cw.n < size; id++ {
		n, err := writeLargeItem(cw, id)
		if err != nil {
			return 0, 0, err
		}
		posts++
		comments += n
	}
	if _, err := io.WriteString(cw, "</channel>\n</rss>\n"); err != nil {
		return 0, 0, err
	}
	return posts, comments, bw.Flush()
}

// writeLargeItem writes post id (with an attachment item after it, as
// WordPress orders them) and returns how many comments it has.
func writeLargeItem(w io.Writer, id int) (int, error) {
	post, media := id*10, id*10+1
	var b strings.Builder
	fmt.Fprintf(&b, "<item><title><![CDATA[Generated post %d]]></title><link>https://x.test/%d/</link><dc:creator><![CDATA[ana]]></dc:creator>\n", id, id)
	b.WriteString("<content:encoded><![CDATA[")
	fmt.Fprintf(&b, `[caption id="attachment_%d" width="640"]<img src="https://x.test/%d.jpg" alt="" /> Photo %d[/caption]`+"\n\n", media, media, id)
	for range 40 {
		b.WriteString(paragraph)
	}
	b.WriteString("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n]]></content:encoded>\n")
	fmt.Fprintf(&b, "<wp:post_id>%d</wp:post_id><wp:post_date>2013-06-10 14:34:56</wp:post_date><wp:post_date_gmt>2013-06-10 12:34:56</wp:post_date_gmt>"+
		"<wp:post_name>generated-%d</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n", post, id)
	fmt.Fprintf(&b, "<category domain=\"category\" nicename=\"c%d\"><![CDATA[Category %d]]></category>\n", id%7, id%7)
	fmt.Fprintf(&b, "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>%d</wp:meta_value></wp:postmeta>\n", media)
	const nComments = 4
	for c := nComments; c >= 1; c-- { // replies come before their parents
		parent := 0
		if c > 1 {
			parent = post*10 + c - 1
		}
		fmt.Fprintf(&b, "<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author>Reader %d</wp:comment_author>"+
			"<wp:comment_author_email>reader%d@x.test</wp:comment_author_email><wp:comment_date_gmt>2013-06-11 08:00:00</wp:comment_date_gmt>"+
			"<wp:comment_content><![CDATA[Thanks for post %d.\nI agree.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"+
			"<wp:comment_parent>%d</wp:comment_parent></wp:comment>\n", post*10+c, c, c, id, parent)
	}
	b.WriteString("</item>\n")
	fmt.Fprintf(&b, "<item><title>Photo %d</title><excerpt:encoded><![CDATA[Photo %d]]></excerpt:encoded><wp:post_id>%d</wp:post_id><wp:post_parent>%d</wp:post_parent>"+
		"<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://x.test/%d.jpg</wp:attachment_url></item>\n", id, id, media, post, media)
	_, err := io.WriteString(w, b.String())
	return nComments, err
}

// heapSampler records the largest HeapInuse seen while it runs.
type heapSampler struct {
	peak uint64
	stop chan struct{}
	done sync.WaitGroup
}

func startHeapSampler(every time.Duration) *heapSampler {
	s := &heapSampler{stop: make(chan struct{})}
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

func (s *heapSampler) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.peak = max(s.peak, m.HeapInuse)
}

// Stop ends sampling and returns the peak in bytes.
func (s *heapSampler) Stop() uint64 {
	close(s.stop)
	s.done.Wait()
	s.sample()
	return s.peak
}

// peakRSS returns the process's resident-set high-water mark in bytes from
// /proc, or 0 where that is not available.
func peakRSS() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkImportLarge streams a generated export of about 50 MB through an
// io.Pipe into Import and reports the peak heap in use, which stays far
// below the size of the export:
//
//	go test ./internal/importer/wordpress -run '^$' -bench ImportLarge -benchtime 1x
func BenchmarkImportLarge(b *testing.B) {
	const size = 50 << 20
	for b.Loop() {
		site := b.TempDir()
		pr, pw := io.Pipe()
		var posts, comments int
		go func() {
			var err error
			posts, comments, err = generateWXR(pw, size)
			pw.CloseWithError(err)
		}()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		sampler := startHeapSampler(5 * time.Millisecond)
		sum, err := Import(context.Background(), pr, "large.xml", Options{SiteDir: site})
		peak := sampler.Stop()
		if err != nil {
			b.Fatal(err)
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if sum.Posts != posts || sum.Comments["approved"] != comments {
			b.Fatalf("imported %d posts and %v comments, generated %d and %d", sum.Posts, sum.Comments, posts, comments)
		}
		b.ReportMetric(float64(size)/(1<<20), "MB-export")
		b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap-inuse")
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "MB-total-alloc")
		b.ReportMetric(float64(peakRSS())/(1<<20), "MB-peak-rss")
		b.ReportMetric(float64(sum.Posts), "posts")
	}
}

// TestGenerateWXR checks the generator on a small export, so that the
// benchmark measures a valid import.
func TestGenerateWXR(t *testing.T) {
	var buf bytes.Buffer
	posts, comments, err := generateWXR(&buf, 100<<10)
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	sum, err := Import(context.Background(), onlyReader{&buf}, "gen.xml", Options{SiteDir: site})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Posts != posts || sum.Comments["approved"] != comments || sum.Skipped["attachment (used by the posts)"] != posts {
		t.Errorf("summary %+v for %d posts, %d comments", sum, posts, comments)
	}
	if err := sitetest.Check(site); err != nil {
		t.Errorf("the imported site would not build:\n%v", err)
	}
	files := sitetest.ReadTree(t, site)
	post := files["content/posts/generated-1.md"]
	for _, want := range []string{"image: https://x.test/11.jpg", "*Photo 1*", "  - /1/"} {
		if !strings.Contains(post, want) {
			t.Errorf("generated-1.md lacks %q:\n%s", want, post)
		}
	}
	if c := files["content/comments/generated-1/000102.md"]; !strings.Contains(c, `parent: "000101"`) {
		t.Errorf("reply lost its parent:\n%s", c)
	}
}
