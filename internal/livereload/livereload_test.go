package livereload

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestInject(t *testing.T) {
	tag := string(Tag("s1-2"))
	tests := []struct {
		name, page, want string
	}{
		{"first in the head", "<html><head><title>x</title><script src=a.js defer></script></head><body>y</body></html>",
			"<html><head>" + tag + "<title>x</title><script src=a.js defer></script></head><body>y</body></html>"},
		{"a head tag with attributes, any case", "<HTML><HEAD id=h\n>x</HEAD><BODY>y</BODY>", "<HTML><HEAD id=h\n>" + tag + "x</HEAD><BODY>y</BODY>"},
		{"a <header> is no head", "<html><body><header>h</header></body></html>", "<html><body><header>h</header>" + tag + "</body></html>"},
		{"a head tag after <body is not looked for", "<body><p>&lt;head></p><pre><head></pre></body>", "<body><p>&lt;head></p><pre><head></pre>" + tag + "</body>"},
		{"before </body> without a head", "<html><body><p>x</p></body></html>", "<html><body><p>x</p>" + tag + "</body></html>"},
		{"any case", "<BODY>x</BODY>", "<BODY>x" + tag + "</BODY>"},
		{"the last </body>", "<pre>&lt;/body></pre></body>\n", "<pre>&lt;/body></pre>" + tag + "</body>\n"},
		{"a page quoting </body> in a script", "<script>'</body>'</script></body>", "<script>'</body>'</script>" + tag + "</body>"},
		{"no </body> (minified)", "<!doctype html><title>x</title><p>y", "<!doctype html><title>x</title><p>y" + tag},
		{"empty", "", tag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Inject([]byte(tt.page), "s1-2")); got != tt.want {
				t.Errorf("Inject(%q)\n got %q\nwant %q", tt.page, got, tt.want)
			}
		})
	}
	if got := string(Tag(`"><x>`)); strings.Contains(got, "<x>") {
		t.Errorf("Tag does not escape the version: %s", got)
	}
}

// sse is one event read from a stream.
type sse struct {
	name string
	data map[string]any
}

// stream is one browser's connection to a hub.
type stream struct {
	t    *testing.T
	resp *http.Response
	r    *bufio.Reader
}

// open connects a browser showing page, made from version; lastID, when
// set, is the Last-Event-ID of a reconnection.
func open(t *testing.T, client *http.Client, base, page, version, lastID string) *stream {
	t.Helper()
	req, err := http.NewRequest("GET", base+EventsPath+"?page="+url.QueryEscape(page)+"&v="+url.QueryEscape(version), nil)
	if err != nil {
		t.Fatal(err)
	}
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q", ct)
	}
	return &stream{t: t, resp: resp, r: bufio.NewReader(resp.Body)}
}

// next reads the next event, skipping the retry line and comments.
func (s *stream) next() (sse, error) {
	var ev sse
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			return ev, err
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" && ev.name != "":
			return ev, nil
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data); err != nil {
				s.t.Fatalf("bad data %q: %v", line, err)
			}
		}
	}
}

func (s *stream) expect(name string, data map[string]any) {
	s.t.Helper()
	ev, err := s.next()
	if err != nil {
		s.t.Fatalf("want event %s, got %v", name, err)
	}
	if ev.name != name || (data != nil && !reflect.DeepEqual(ev.data, data)) {
		s.t.Fatalf("got event %s %v, want %s %v", ev.name, ev.data, name, data)
	}
}

func newHubServer(t *testing.T) (*Hub, *httptest.Server, *http.Client) {
	t.Helper()
	hub := NewHub("s1")
	srv := httptest.NewServer(hub)
	tr := &http.Transport{}
	t.Cleanup(func() {
		hub.Close()
		srv.Close()
		tr.CloseIdleConnections()
	})
	return hub, srv, &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func TestHubEvents(t *testing.T) {
	hub, srv, client := newHubServer(t)
	hub.Ready(Change{Version: "s1-1", All: true})
	a := open(t, client, srv.URL, "/a/", "s1-1", "")
	a.expect("hello", map[string]any{"start": "s1", "version": "s1-1"})
	steps := []struct {
		name   string
		do     func()
		events []sse
	}{
		{"the page changed", func() { hub.Ready(Change{Version: "s1-2", Checked: []string{"/a/"}, Changed: []string{"/a/"}}) },
			[]sse{{"reload", map[string]any{"version": "s1-2"}}}},
		{"the page changed, and the server sends it", func() {
			hub.Ready(Change{Version: "s1-2b", Checked: []string{"/a/"}, Changed: []string{"/a/"}, Pages: map[string][]byte{"/a/": []byte("<p>new</p>")}})
		}, []sse{{"reload", map[string]any{"version": "s1-2b", "html": "<p>new</p>"}}}},
		{"every page reloads: no page is sent", func() {
			hub.Ready(Change{Version: "s1-2c", All: true, Checked: []string{"/a/"}, Changed: []string{"/a/"}, Pages: map[string][]byte{"/a/": []byte("<p>new</p>")}})
		}, []sse{{"reload", map[string]any{"version": "s1-2c"}}}},
		{"the page did not change", func() { hub.Ready(Change{Version: "s1-3", Checked: []string{"/a/"}}) },
			[]sse{{"version", map[string]any{"version": "s1-3"}}}},
		{"another page changed", func() {
			hub.Ready(Change{Version: "s1-4", Checked: []string{"/a/", "/b/"}, Changed: []string{"/b/"}})
		}, []sse{{"version", map[string]any{"version": "s1-4"}}}},
		{"a stylesheet", func() { hub.Ready(Change{Version: "s1-5", CSS: []string{"theme/style.css"}}) },
			[]sse{{"css", map[string]any{"version": "s1-5", "paths": []any{"theme/style.css"}}}}},
		{"a failed build", func() { hub.Failed([]Problem{{File: "content/posts/a.md", Line: 3, Message: "bad date"}}) },
			[]sse{{"error", map[string]any{"problems": []any{map[string]any{"file": "content/posts/a.md", "line": float64(3), "message": "bad date"}}}}}},
		{"the fix", func() { hub.Ready(Change{Version: "s1-6", All: true}) },
			[]sse{{"ok", map[string]any{}}, {"reload", map[string]any{"version": "s1-6"}}}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do()
			for _, ev := range st.events {
				a.expect(ev.name, ev.data)
			}
		})
	}
	if got := hub.Pages(); !slices.Equal(got, []string{"/a/"}) {
		t.Errorf("Pages() = %q", got)
	}
}

// TestUncheckedBrowsers connects browsers the server did not compare
// pages for (they connected while it did): they reload unless they show
// the new version already.
func TestUncheckedBrowsers(t *testing.T) {
	hub, srv, client := newHubServer(t)
	hub.Ready(Change{Version: "s1-1", All: true})
	tests := []struct {
		name            string
		version, lastID string
		want            string
	}{
		{"an older page", "s1-1", "", "reload"},
		{"a page of the new version", "s1-2", "", "version"},
		{"a reconnection that had the new version", "s1-1", "s1-2", "version"},
	}
	var streams []*stream
	for _, tt := range tests {
		s := open(t, client, srv.URL, "/x/", tt.version, tt.lastID)
		s.expect("hello", nil)
		streams = append(streams, s)
	}
	hub.Ready(Change{Version: "s1-2"})
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { streams[i].expect(tt.want, map[string]any{"version": "s1-2"}) })
	}
}

func TestNewBrowserSeesProblems(t *testing.T) {
	hub, srv, client := newHubServer(t)
	hub.Failed([]Problem{{File: "layouts/post.html", Line: 7, Message: "unexpected EOF"}})
	b := open(t, client, srv.URL, "/", "", "")
	b.expect("hello", map[string]any{"start": "s1", "version": ""})
	b.expect("error", nil)
	if got := hub.Problems(); len(got) != 1 || got[0].Line != 7 {
		t.Errorf("Problems() = %+v", got)
	}
}

func TestCloseEndsStreams(t *testing.T) {
	hub, srv, client := newHubServer(t)
	s := open(t, client, srv.URL, "/", "", "")
	s.expect("hello", nil)
	hub.Close()
	if _, err := s.next(); err != io.EOF {
		t.Fatalf("after Close, read gave %v, want EOF", err)
	}
	resp, err := client.Get(srv.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a connection after Close got %d", resp.StatusCode)
	}
	hub.Ready(Change{Version: "x", All: true}) // no one left to tell; must not block
}

func TestSlowBrowserIsDropped(t *testing.T) {
	hub := NewHub("s1")
	defer hub.Close()
	c, ok := hub.register("/", "")
	if !ok {
		t.Fatal("register failed")
	}
	// The greeting and clientBuffer-1 events fill the client's queue; one
	// more drops it rather than holding up the hub. Its browser
	// reconnects and reloads.
	for range clientBuffer {
		hub.Ready(Change{Version: "v", All: true})
	}
	if len(hub.Pages()) != 0 {
		t.Fatal("the slow browser was not dropped")
	}
	n := 0
	for range c.ch {
		n++
	}
	if n != clientBuffer {
		t.Errorf("the dropped browser had %d events queued, want %d", n, clientBuffer)
	}
	hub.unregister(c)
}

func TestServeScript(t *testing.T) {
	rec := httptest.NewRecorder()
	ServeScript(rec, httptest.NewRequest("GET", ScriptPath, nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("Content-Type = %q", ct)
	}
	body := rec.Body.String()
	for _, want := range []string{"EventSource", "textContent", EventsPath} {
		if !strings.Contains(body, want) {
			t.Errorf("the script has no %q", want)
		}
	}
	if strings.Contains(body, "innerHTML") {
		t.Error("the script uses innerHTML")
	}
}
