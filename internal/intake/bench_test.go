package intake

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/markdown"
)

// burst is the number of comments of one burst.
const burst = 1000

// BenchmarkBurst sends bursts of 1,000 comments from as many clients
// (behind a trusted proxy, so the flood limit applies as in production)
// to one service on loopback, writing to a local folder, with at most
// inflight requests under way at once. It reports the 99th percentile of
// the answers' latency and checks that every comment is answered 202 and
// is on disk. The service renders each comment for its answer, as blogen
// comments serve does.
func BenchmarkBurst(b *testing.B) {
	for _, inflight := range []int{burst, 64, 16} {
		b.Run(fmt.Sprintf("inflight=%d", inflight), func(b *testing.B) { benchBurst(b, inflight) })
	}
}

func benchBurst(b *testing.B, inflight int) {
	var lat []time.Duration
	for b.Loop() {
		lat = append(lat, oneBurst(b, inflight)...)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(burst, "comments/op")
}

// oneBurst runs one burst against a new site and returns the latencies.
func oneBurst(b *testing.B, inflight int) []time.Duration {
	b.StopTimer()
	s, dir := newTestService(b, func(o *Options) {
		o.Now = nil
		o.Comments.Intake.TrustedProxies = []string{"127.0.0.1"}
		o.Comments.Intake.MaxPendingPerPost = 0
		o.Render = markdown.NewCommentRenderer().Render // as blogen comments serve answers
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: burst, MaxConnsPerHost: burst}, Timeout: 30 * time.Second}
	endpoint := "http://" + ln.Addr().String() + "/comments"
	lat := make([]time.Duration, burst)
	start := make(chan struct{})
	slots := make(chan struct{}, inflight)
	var wg sync.WaitGroup
	errs := make(chan error, burst)
	for i := range burst {
		wg.Go(func() {
			<-start
			slots <- struct{}{}
			defer func() { <-slots }()
			t0 := time.Now()
			code, _, err := sendComment(context.Background(), client, endpoint, "open", uniqueText(i), fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
			lat[i] = time.Since(t0)
			if err != nil || code != http.StatusAccepted {
				errs <- fmt.Errorf("comment %d: %d %v", i, code, err)
			}
		})
	}
	b.StartTimer()
	close(start)
	wg.Wait()
	b.StopTimer()
	cancel()
	if err := <-served; err != nil {
		b.Fatal(err)
	}
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content", "comments", "open"))
	if err != nil || len(entries) != burst {
		b.Fatalf("%d comments on disk, want %d (%v)", len(entries), burst, err)
	}
	b.StartTimer()
	return lat
}
