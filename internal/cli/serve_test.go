package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/sitetest"
)

// serveSite is a small site with every kind of page: posts with authors,
// tags and comments, a draft, a page, a static file.
const serveSite = `
-- site.toml --
title = "Serve test"
base_url = "https://example.org/"
[pagination]
per_page = 2
-- content/authors/ana.md --
---
name: Ana Ruiz
---
Ana writes about care.
-- content/posts/first.md --
---
title: First post
date: 2024-01-02
author: ana
tags: [Care, Listening]
categories: [Service]
---
The first post, with a [link](https://example.org/) and code:

` + "```go\nfunc main() {}\n```" + `
-- content/posts/second.md --
---
title: Second post
date: 2024-02-03
author: ana
tags: [Care]
---
The second post.
-- content/posts/third.md --
---
title: Third post
date: 2024-03-04
author: ana
---
The third post.
-- content/posts/draft.md --
---
title: A draft
date: 2024-04-05
author: ana
draft: true
---
Not yet.
-- content/pages/about.md --
---
title: About
---
About us.
-- content/comments/first/001.md --
---
author: Rita
date: 2024-01-03T10:00:00Z
status: approved
---
A fine post.
-- static/files/note.txt --
a static file
`

// output collects what serve prints and tells when it has printed the
// address.
type output struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	addr chan string
	told bool
}

func newOutput() *output { return &output{addr: make(chan string, 1)} }

var servingLine = regexp.MustCompile(`Serving .* at (http://\S+) `)

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.Write(p)
	if m := servingLine.FindSubmatch(o.buf.Bytes()); m != nil && !o.told {
		o.addr <- string(m[1])
		o.told = true
	}
	return len(p), nil
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// running is a serve command running in the background.
type running struct {
	url    string
	stdout *output
	stderr *output
	client *http.Client
	stop   func() error
}

// startServe runs runServe with args until the test ends, and waits
// until it serves.
func startServe(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{stdout: newOutput(), stderr: newOutput(), client: &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}}
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, &env{stdout: r.stdout, stderr: r.stderr}, args) }()
	var once sync.Once
	var stopErr error
	r.stop = func() error {
		once.Do(func() {
			cancel()
			r.client.CloseIdleConnections()
			select {
			case stopErr = <-done:
			case <-time.After(10 * time.Second):
				stopErr = errors.New("serve did not stop within 10s")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { r.stop() })
	select {
	case r.url = <-r.stdout.addr:
	case err := <-done:
		t.Fatalf("serve ended: %v\n%s", err, r.stderr)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return r
}

func (r *running) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := r.client.Get(strings.TrimSuffix(r.url, "/") + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// waitFor asks for path until its body contains want.
func (r *running) waitFor(t *testing.T, path string, status int, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, body := r.get(t, path)
		if got == status && strings.Contains(body, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: %d %q, want %d with %q\nstderr: %s", path, got, body, status, want, r.stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// noLeaks checks, once the test and its cleanups are done, that no
// goroutine it started is left. regexp2 (used by the syntax highlighter)
// keeps a clock goroutine for a second after each use, which ends by
// itself.
func noLeaks(t *testing.T) {
	opts := []goleak.Option{goleak.IgnoreCurrent(), goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock")}
	t.Cleanup(func() { goleak.VerifyNone(t, opts...) })
}

var injected = regexp.MustCompile(`<script src="/_blogen/livereload.js" data-version="[^"]*" defer></script>`)

// hashedName matches the content hash build puts in the names of the
// theme's stylesheets and scripts, which serve leaves out so that it can
// swap a stylesheet in place.
var hashedName = regexp.MustCompile(`(/theme/[a-z]+)\.[0-9a-f]{16}(\.(?:css|js))`)

// TestServeGivesTheBytesOfBuild compares every file blogen build writes
// with what blogen serve answers for it, but for the hashed names of the
// theme's files, which serve answers by their plain names.
func TestServeGivesTheBytesOfBuild(t *testing.T) {
	noLeaks(t)
	s := sitetest.Write(t, serveSite)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: s.Dir, OutDir: out, NoCache: true}); err != nil {
		t.Fatal(err)
	}
	r := startServe(t, "-s", s.Dir, "--port", "0")
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := hashedName.ReplaceAllString(filepath.ToSlash(strings.TrimPrefix(p, out)), "$1$2")
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		want = hashedName.ReplaceAll(want, []byte("$1$2"))
		status, body := r.get(t, strings.TrimSuffix(rel, "index.html"))
		if status != 200 {
			t.Errorf("GET %s: status %d", rel, status)
		}
		if strings.HasSuffix(rel, ".html") && len(injected.FindAllString(body, -1)) != 1 {
			t.Errorf("GET %s: the live-reload script is not there once", rel)
		}
		if got := injected.ReplaceAllString(body, ""); got != string(want) {
			t.Errorf("GET %s differs from the built file", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("compared only %d files", n)
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
}

func TestServeDrafts(t *testing.T) {
	noLeaks(t)
	s := sitetest.Write(t, serveSite)
	for _, tt := range []struct {
		args []string
		want int
	}{
		{nil, 404},
		{[]string{"--drafts"}, 200},
	} {
		r := startServe(t, append([]string{"-s", s.Dir, "--port", "0"}, tt.args...)...)
		if got, _ := r.get(t, "/2024/04/draft/"); got != tt.want {
			t.Errorf("serve %q: the draft answers %d, want %d", tt.args, got, tt.want)
		}
		if err := r.stop(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestServeFollowsEdits edits, adds and removes files and asks for the
// pages until they show it.
func TestServeFollowsEdits(t *testing.T) {
	noLeaks(t)
	s := sitetest.Write(t, serveSite)
	r := startServe(t, "-s", s.Dir, "--port", "0")
	post := filepath.Join(s.Dir, "content", "posts", "second.md")
	steps := []struct {
		name   string
		change func(t *testing.T)
		path   string
		status int
		want   string
		stderr string // what serve must have printed first
	}{
		{"an edit", func(t *testing.T) { replaceIn(t, post, "The second post.", "The second post, edited.") },
			"/2024/02/second/", 200, "The second post, edited.", ""},
		{"a new post on the home page", func(t *testing.T) {
			sitetest.WriteFile(t, filepath.Join(s.Dir, "content/posts/fourth.md"), []byte("---\ntitle: Fourth post\ndate: 2024-05-06\nauthor: ana\ntags: [Care]\n---\nNew.\n"))
		}, "/", 200, "Fourth post", ""},
		{"the new post on its tag page", func(*testing.T) {}, "/tags/care/", 200, "Fourth post", ""},
		{"the new post on its author's page", func(*testing.T) {}, "/authors/ana/", 200, "Fourth post", ""},
		{"bad front matter keeps the last good site", func(t *testing.T) { replaceIn(t, post, "date: 2024-02-03", "date: 2024-13-45") },
			"/2024/02/second/", 200, "The second post, edited.", "content/posts/second.md:3"},
		{"the fix", func(t *testing.T) { replaceIn(t, post, "date: 2024-13-45", "date: 2024-02-03\nsummary: Fixed") },
			"/page/2/", 200, "Fixed", ""},
		{"a deleted post is gone", func(t *testing.T) { os.Remove(post) }, "/2024/02/second/", 404, "", ""},
	}
	for _, st := range steps {
		st.change(t)
		if st.stderr != "" {
			waitUntil(t, func() bool { return strings.Contains(r.stderr.String(), st.stderr) }, "serve printed "+st.stderr)
		}
		r.waitFor(t, st.path, st.status, st.want)
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.stdout.String(), "Stopped.") {
		t.Errorf("stdout: %s", r.stdout)
	}
}

// waitUntil polls cond until it holds, for at most 10 seconds.
func waitUntil(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s in vain until %s", what)
		}
	}
}

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeListens(t *testing.T) {
	noLeaks(t)
	s := sitetest.Write(t, serveSite)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	tests := []struct {
		name    string
		args    []string
		wantErr string // else it serves
		host    string
	}{
		{"loopback unless told", []string{"--port", "0"}, "", "127.0.0.1"},
		{"a port in use", []string{"--port", busyPort}, "port " + busyPort + " on 127.0.0.1 is in use", ""},
		{"no such folder", []string{"--port", "0", "-s", filepath.Join(s.Dir, "nowhere")}, "is not a site folder", ""},
		{"not a port", []string{"--port", "70000"}, "is not a port", ""},
		{"arguments", []string{"--port", "0", "extra"}, "serve takes no arguments", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-s", s.Dir}, tt.args...)
			if tt.wantErr == "" {
				r := startServe(t, args...)
				if !strings.HasPrefix(r.url, "http://"+tt.host+":") {
					t.Errorf("serving at %s, want host %s", r.url, tt.host)
				}
				if err := r.stop(); err != nil {
					t.Fatal(err)
				}
				return
			}
			err := runServe(context.Background(), &env{stdout: io.Discard, stderr: io.Discard}, args)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want an error with %q", err, tt.wantErr)
			}
		})
	}
}

// TestServeAnswersOnlyItsAddress asks the running server for the home
// page under the Host values of the address it listens on and of a page
// that pointed its own name at it (DNS rebinding).
func TestServeAnswersOnlyItsAddress(t *testing.T) {
	noLeaks(t)
	s := sitetest.Write(t, serveSite)
	r := startServe(t, "-s", s.Dir, "--port", "0")
	_, port, err := net.SplitHostPort(strings.TrimPrefix(strings.TrimSuffix(r.url, "/"), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"[::1]:" + port, 200},
		{"attacker.example:" + port, http.StatusMisdirectedRequest},
		{"localhost:1", http.StatusMisdirectedRequest},
	} {
		req, err := http.NewRequest("GET", r.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = tt.host
		resp, err := r.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("Host %s: status %d, want %d", tt.host, resp.StatusCode, tt.status)
		}
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
}

func TestBasePath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://example.org/", "/"}, {"https://example.org", "/"}, {"https://example.org/blog", "/blog/"},
		{"https://example.org/a/b/", "/a/b/"}, {"::", "/"},
	} {
		if got := basePath(tt.in); got != tt.want {
			t.Errorf("basePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestServeTakesCommentsAsTheIntake posts the comment form to blogen
// serve: the preview takes it through the comment service's handler, as
// blogen comments serve does, and keeps one service across rebuilds, so
// its flood limit holds after the new comment file rebuilt the site.
func TestServeTakesCommentsAsTheIntake(t *testing.T) {
	noLeaks(t)
	s := sitetest.Write(t, strings.Replace(serveSite, "[pagination]", "[comments]\nenabled = true\nendpoint = \"/comments\"\n[pagination]", 1))
	r := startServe(t, "-s", s.Dir, "--port", "0")
	origin := strings.TrimSuffix(r.url, "/")
	post := func(text string) (*http.Response, map[string]any) {
		form := url.Values{"post": {"first"}, "name": {"Ana"}, "email": {"ana@example.org"}, "parent": {"001"}, "comment": {text}}
		req, _ := http.NewRequest("POST", origin+"/comments", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("Origin", origin)
		resp, err := r.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var got map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
			t.Fatal(err)
		}
		return resp, got
	}
	resp, got := post("A careful answer about listening to customers before the reply goes out.")
	id, _ := got["id"].(string)
	if resp.StatusCode != http.StatusAccepted || got["status"] != "pending" || id == "" {
		t.Fatalf("got %d %v; want 202 pending with an id", resp.StatusCode, got)
	}
	if _, err := os.Stat(filepath.Join(s.Dir, "content", "comments", "first", id+".md")); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool { return strings.Contains(r.stdout.String(), id) }, "serve rebuilt after the comment")
	resp, got = post("A second careful answer, sent right after the first one, about listening.")
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a second comment at once: %d %v; want 429 with Retry-After", resp.StatusCode, got)
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
}
