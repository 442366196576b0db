package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// server answers the paths the tests ask for and counts the requests of
// each.
type server struct {
	*httptest.Server
	mu    sync.Mutex
	count map[string]int
}

func newServer(t *testing.T) *server {
	s := &server{count: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/photo.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		fmt.Fprint(w, "jpeg bytes")
	})
	mux.HandleFunc("/missing.jpg", http.NotFound)
	mux.HandleFunc("/flaky.jpg", func(w http.ResponseWriter, r *http.Request) {
		if s.requests("/flaky.jpg") == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "second time")
	})
	mux.HandleFunc("/down.jpg", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow.jpg", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // answers only when the client gives up
	})
	mux.HandleFunc("/big.bin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "2000")
		w.Write(make([]byte, 2000))
	})
	mux.HandleFunc("/big-unsized.bin", func(w http.ResponseWriter, r *http.Request) {
		for range 20 {
			w.Write(make([]byte, 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/exact.bin", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 1000)) })
	mux.HandleFunc("/page.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><title>Not found</title>")
	})
	mux.HandleFunc("/moved.jpg", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/photo.jpg", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file.jpg", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/loop.jpg", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop.jpg", http.StatusFound)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.count[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count[path]
}

func newDownloader(t *testing.T) *Downloader {
	dir := t.TempDir()
	return New(func() (*os.File, error) { return os.CreateTemp(dir, "dl-*") }, Options{
		Timeout: 200 * time.Millisecond, MaxBytes: 1000, Attempts: 3, Backoff: time.Millisecond, Parallel: 3,
	})
}

func TestGet(t *testing.T) {
	s := newServer(t)
	tests := []struct {
		path     string
		body     string // the file's content when it succeeds
		err      error  // wrapped by the error, when not nil
		errText  string // part of the error's text
		requests int    // requests the server saw for path
	}{
		{path: "/photo.jpg", body: "jpeg bytes", requests: 1},
		{path: "/missing.jpg", errText: "404 Not Found", requests: 1},
		{path: "/flaky.jpg", body: "second time", requests: 2},
		{path: "/down.jpg", errText: "500 Internal Server Error", requests: 3},
		{path: "/slow.jpg", errText: "no answer in time", requests: 3},
		{path: "/big.bin", err: ErrTooLarge, requests: 1},
		{path: "/big-unsized.bin", err: ErrTooLarge, requests: 1},
		{path: "/exact.bin", body: strings.Repeat("\x00", 1000), requests: 1},
		{path: "/page.jpg", err: ErrNotAFile, requests: 1},
		{path: "/moved.jpg", body: "jpeg bytes", requests: 1},
		{path: "/to-file.jpg", err: ErrScheme, requests: 1},
		{path: "/loop.jpg", errText: "10 redirects", requests: 10},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := newDownloader(t).Get(context.Background(), s.URL+tt.path)
			switch {
			case tt.err == nil && tt.errText == "":
				if r.Err != nil {
					t.Fatal(r.Err)
				}
				got, err := os.ReadFile(r.File)
				if err != nil || string(got) != tt.body || r.Size != int64(len(tt.body)) {
					t.Errorf("file %q (%d bytes, %v), want %q", got, r.Size, err, tt.body)
				}
			case r.Err == nil:
				t.Fatalf("no error; file %s", r.File)
			case tt.err != nil && !errors.Is(r.Err, tt.err):
				t.Errorf("error %v, want %v", r.Err, tt.err)
			case !strings.Contains(r.Err.Error(), tt.errText) || !strings.Contains(r.Err.Error(), tt.path):
				t.Errorf("error %q, want it to name %s and say %q", r.Err, tt.path, tt.errText)
			}
			if r.Err != nil && r.File != "" {
				t.Errorf("a failed download left %s", r.File)
			}
			if n := s.requests(tt.path); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
			s.mu.Lock()
			clear(s.count)
			s.mu.Unlock()
		})
	}
}

func TestGetRefusesOtherSchemes(t *testing.T) {
	d := newDownloader(t)
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/a.jpg", "javascript:alert(1)", "data:image/png;base64,AAAA", "//example.org/a.jpg", "/wp-content/a.jpg", "http://"} {
		if r := d.Get(context.Background(), u); !errors.Is(r.Err, ErrScheme) {
			t.Errorf("%s: error %v, want %v", u, r.Err, ErrScheme)
		}
	}
}

// TestAllDownloadsEachAddressOnce asks for addresses several times: each
// is fetched once and every one has its result.
func TestAllDownloadsEachAddressOnce(t *testing.T) {
	s := newServer(t)
	urls := []string{s.URL + "/photo.jpg", s.URL + "/missing.jpg", s.URL + "/photo.jpg", s.URL + "/moved.jpg", s.URL + "/photo.jpg", s.URL + "/flaky.jpg"}
	got := newDownloader(t).All(context.Background(), urls)
	if len(got) != 4 {
		t.Fatalf("%d results, want 4: %v", len(got), got)
	}
	for _, u := range urls {
		if r, ok := got[u]; !ok || r.URL != u {
			t.Errorf("%s: result %+v", u, r)
		}
	}
	if got[s.URL+"/missing.jpg"].Err == nil || got[s.URL+"/flaky.jpg"].Err != nil {
		t.Errorf("results %v", got)
	}
	if n := s.requests("/photo.jpg"); n != 2 { // once asked, once redirected to
		t.Errorf("/photo.jpg requested %d times, want 2", n)
	}
}

// TestAllStopsWhenCancelled holds that a cancelled import does not wait
// for the downloads it no longer wants.
func TestAllStopsWhenCancelled(t *testing.T) {
	s := newServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := newDownloader(t).All(ctx, []string{s.URL + "/photo.jpg", s.URL + "/slow.jpg"})
	for u, r := range got {
		if r.Err == nil {
			t.Errorf("%s downloaded after the import was cancelled", u)
		}
	}
}
