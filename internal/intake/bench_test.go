package intake

import (
	"context"
	"fmt"
	"io"
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
// inflight requests under way at once. It reports the median, the 99th
// percentile and the longest of the answers' latency, and comments
// answered a second, and checks that every comment is answered 202 and
// is on disk. The service renders each comment for its answer, as blogen
// comments serve does.
//
// BenchmarkBurst/floor sends the same bursts to a handler that only
// reads the form and answers 202: what the machine, the client and
// net/http cost alone, for the ratio.
func BenchmarkBurst(b *testing.B) {
	for _, inflight := range []int{burst, 64, 16} {
		b.Run(fmt.Sprintf("inflight=%d", inflight), func(b *testing.B) { benchBurst(b, inflight, serviceServer) })
	}
	b.Run("floor", func(b *testing.B) { benchBurst(b, burst, floorServer) })
}

// burstServer starts a server for one burst; it returns the endpoint and
// stop, which stops the server and checks what it kept.
type burstServer func(b *testing.B) (endpoint string, stop func())

func benchBurst(b *testing.B, inflight int, start burstServer) {
	var lat []time.Duration
	for b.Loop() {
		lat = append(lat, oneBurst(b, inflight, start)...)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "comments/s")
}

// oneBurst runs one burst against a new server and returns the
// latencies.
func oneBurst(b *testing.B, inflight int, startServer burstServer) []time.Duration {
	b.StopTimer()
	endpoint, stop := startServer(b)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: burst, MaxConnsPerHost: burst}, Timeout: 30 * time.Second}
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
	client.CloseIdleConnections() // else the connections dialed but not used hold up Serve's shutdown for 5 s
	stop()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	b.StartTimer()
	return lat
}

// serviceServer serves a Service over a new site, and checks at the end
// that every comment of the burst is on disk.
func serviceServer(b *testing.B) (string, func()) {
	s, dir := newTestService(b, func(o *Options) {
		o.Now = nil
		o.Comments.Intake.TrustedProxies = []string{"127.0.0.1"}
		o.Comments.Intake.MaxPendingPerPost = 0
		o.Render = markdown.NewCommentRenderer().Render // as blogen comments serve answers
	})
	addr, stop := serveLoopback(b, s)
	return "http://" + addr + "/comments", func() {
		if err := stop(); err != nil {
			b.Fatal(err)
		}
		entries, err := os.ReadDir(filepath.Join(dir, "content", "comments", "open"))
		if err != nil || len(entries) != burst {
			b.Fatalf("%d comments on disk, want %d (%v)", len(entries), burst, err)
		}
	}
}

// floorServer serves a handler that reads the form and answers 202.
func floorServer(b *testing.B) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte(`{"status":"pending","id":"20260301-100000-000-0123456789abcdef"}`))
	})}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + "/comments", func() {
		_ = srv.Shutdown(context.Background())
		<-served
	}
}
