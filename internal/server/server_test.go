package server

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/intake"
	"github.com/blogen/blogen/internal/livereload"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeSite is a site of a few outputs and static files in a temporary
// folder; static/link-out.txt is a symbolic link out of static/.
func fakeSite(t *testing.T, outputs map[string]string) *Site {
	t.Helper()
	dir := t.TempDir()
	static := filepath.Join(dir, "static")
	for name, data := range map[string]string{
		"theme/style.css": "body{color:red}", "feed.webmanifest": "{}", "img/logo.svg": "<svg/>",
		"docs/page.html": "<html><body>static page</body></html>", "CNAME": "blog.example.org",
		"../site.toml": "secret = true",
	} {
		writeFile(t, filepath.Join(static, name), data)
	}
	if err := os.Symlink(filepath.Join(dir, "site.toml"), filepath.Join(static, "link-out.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("theme/style.css", filepath.Join(static, "link-in.css")); err != nil {
		t.Fatal(err)
	}
	site := &Site{Static: map[string]StaticFile{}, BasePath: "/"}
	for _, name := range []string{"theme/style.css", "feed.webmanifest", "img/logo.svg", "docs/page.html", "CNAME", "link-out.txt", "link-in.css", "theme"} {
		site.Static[name] = StaticFile{FS: RootFS(static), Name: name}
	}
	site.Output = func(p string) ([]byte, bool, error) {
		if p == "broken/index.html" {
			return nil, true, diag.Errorf("layouts/post.html", 7, "template: no such function \"foo\"")
		}
		s, ok := outputs[p]
		return []byte(s), ok, nil
	}
	return site
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

var pages = map[string]string{
	"index.html":           "<html><body>home</body></html>",
	"about/index.html":     "<html><body>about</body></html>",
	"2013/06/a/index.html": "<html><body>post a</body></html>",
	"404.html":             "<html><body>not here</body></html>",
	"index.xml":            "<rss/>",
	"feed.json":            "{}",
	"theme/style.css":      "body{color:blue}", // a generated output wins over a static file
}

// newServer serves site and returns the test server.
func newServer(t *testing.T, site *Site) (*Server, *livereload.Hub, *httptest.Server) {
	t.Helper()
	hub := livereload.NewHub("s1")
	s := New(Options{Hub: hub})
	if site != nil {
		if err := s.Publish(site, nil); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { hub.Close(); ts.Close() })
	return s, hub, ts
}

func TestServe(t *testing.T) {
	s, _, _ := newServer(t, fakeSite(t, pages))
	tag := string(livereload.Tag(s.Version()))
	tests := []struct {
		method, path string
		status       int
		ctype        string
		body         string // the whole body, or for redirects the Location
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<html><body>home" + tag + "</body></html>"},
		{"GET", "/about/", 200, "text/html; charset=utf-8", "<html><body>about" + tag + "</body></html>"},
		{"GET", "/about", 301, "", "/about/"},
		{"GET", "/about?x=1", 301, "", "/about/?x=1"},
		{"GET", "/./about/", 200, "text/html; charset=utf-8", "<html><body>about" + tag + "</body></html>"},
		{"GET", "//about/", 200, "text/html; charset=utf-8", "<html><body>about" + tag + "</body></html>"},
		{"HEAD", "/about/", 200, "text/html; charset=utf-8", ""},
		{"GET", "/index.xml", 200, "application/xml; charset=utf-8", "<rss/>"},
		{"GET", "/feed.json", 200, "application/json", "{}"},
		{"GET", "/theme/style.css", 200, "text/css; charset=utf-8", "body{color:blue}"},
		{"GET", "/feed.webmanifest", 200, "application/manifest+json", "{}"},
		{"GET", "/img/logo.svg", 200, "image/svg+xml", "<svg/>"},
		{"GET", "/CNAME", 200, "application/octet-stream", "blog.example.org"},
		{"GET", "/docs/page.html", 200, "text/html; charset=utf-8", "<html><body>static page" + tag + "</body></html>"},
		{"GET", "/link-in.css", 200, "text/css; charset=utf-8", "body{color:red}"},
		{"GET", "/nowhere/", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/link-out.txt", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/theme/", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/theme", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/../site.toml", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/%2e%2e/site.toml", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/%252e%252e/site.toml", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/theme/..%2f..%2fsite.toml", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/a%00b", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"GET", "/..%5csite.toml", 404, "text/html; charset=utf-8", "<html><body>not here" + tag + "</body></html>"},
		{"POST", "/about/", 405, "text/plain; charset=utf-8", "method not allowed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, localRequest(tt.method, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			if tt.status == 301 {
				if got := rec.Header().Get("Location"); got != tt.body {
					t.Errorf("Location = %q, want %q", got, tt.body)
				}
				return
			}
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			if got := rec.Body.String(); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

func TestServeUnderBasePath(t *testing.T) {
	site := fakeSite(t, pages)
	site.BasePath = "/blog/"
	s, _, _ := newServer(t, site)
	tests := []struct {
		path     string
		status   int
		location string
	}{
		{"/blog/", 200, ""}, {"/blog/about/", 200, ""}, {"/blog", 301, "/blog/"}, {"/blog/about", 301, "/blog/about/"},
		{"/", 404, ""}, {"/about/", 404, ""}, {"/blog/../blog/", 404, ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, localRequest("GET", tt.path, nil))
		if rec.Code != tt.status || rec.Header().Get("Location") != tt.location {
			t.Errorf("GET %s: %d %q, want %d %q", tt.path, rec.Code, rec.Header().Get("Location"), tt.status, tt.location)
		}
	}
}

func TestRenderErrorPage(t *testing.T) {
	s, _, _ := newServer(t, fakeSite(t, pages))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, localRequest("GET", "/broken/", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `layouts/post.html:7: template: no such function &#34;foo&#34;`) {
		t.Errorf("got %d %q", rec.Code, rec.Body.String())
	}
}

func TestBeforeFirstBuild(t *testing.T) {
	s, hub, _ := newServer(t, nil)
	s.Fail(diag.Errorf("content/posts/a.md", 3, "date \"x\" does not parse"))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, localRequest("GET", "/", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "content/posts/a.md:3: date &#34;x&#34; does not parse") {
		t.Errorf("got %d %q", rec.Code, rec.Body.String())
	}
	if len(hub.Problems()) != 1 {
		t.Errorf("hub problems %+v", hub.Problems())
	}
}

func TestProblems(t *testing.T) {
	var l diag.List
	l.Add(diag.Errorf("content/posts/a.md", 3, "bad date"))
	l.Add(diag.Wrap("site.toml", 0, errors.New("line 2: expected '='"), "cannot read"))
	l.Add(errors.New("layouts/post.html: template: unexpected EOF"))
	got := Problems(l.Err())
	want := []livereload.Problem{
		{File: "content/posts/a.md", Line: 3, Message: "bad date"},
		{File: "site.toml", Message: "cannot read: line 2: expected '='"},
		{Message: "layouts/post.html: template: unexpected EOF"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Problems =\n%+v\nwant\n%+v", got, want)
	}
}

// events reads the live-reload stream of one page.
type events struct {
	r *bufio.Reader
}

func openEvents(t *testing.T, ts *httptest.Server, page, version string) *events {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + livereload.EventsPath + "?page=" + url.QueryEscape(page) + "&v=" + url.QueryEscape(version))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	e := &events{r: bufio.NewReader(resp.Body)}
	e.expect(t, "hello", nil)
	return e
}

func (e *events) expect(t *testing.T, name string, data map[string]any) map[string]any {
	t.Helper()
	var got string
	var gotData map[string]any
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			t.Fatalf("want event %s: %v", name, err)
		}
		line = strings.TrimSuffix(line, "\n")
		if v, ok := strings.CutPrefix(line, "event: "); ok {
			got = v
		}
		if v, ok := strings.CutPrefix(line, "data: "); ok {
			json.Unmarshal([]byte(v), &gotData)
		}
		if line == "" && got != "" {
			break
		}
	}
	if got != name {
		t.Fatalf("got event %s %v, want %s", got, gotData, name)
	}
	for k, v := range data {
		if !reflect.DeepEqual(gotData[k], v) {
			t.Fatalf("event %s: %s = %v, want %v", name, k, gotData[k], v)
		}
	}
	return gotData
}

// TestPublish follows a browser that shows /2013/06/a/ through changes.
func TestPublish(t *testing.T) {
	const post = "2013/06/a/index.html"
	site := func(body string, edit ...func(*Site)) func(t *testing.T) *Site {
		return func(t *testing.T) *Site {
			out := maps.Clone(pages)
			out[post] = body
			s := fakeSite(t, out)
			for _, e := range edit {
				e(s)
			}
			return s
		}
	}
	s, _, ts := newServer(t, fakeSite(t, pages))
	page := openEvents(t, ts, "/2013/06/a/", s.Version())
	steps := []struct {
		name    string
		site    func(t *testing.T) *Site // nil: the build fails
		changed []string
		events  []string
		serves  string // what the page shows after
		// withPage: the reload event carries the page as served.
		withPage bool
	}{
		{"the open post changed", site("<p>v2"), []string{"content/posts/a.md"}, []string{"reload"}, "<p>v2", true},
		{"another page changed", site("<p>v2", func(s *Site) { s.Output = with(s.Output, "about/index.html", "x") }),
			[]string{"content/pages/about.md"}, []string{"version"}, "<p>v2", false},
		{"a stylesheet changed", site("<p>v2"), []string{"static/theme/print.css"}, []string{"css"}, "<p>v2", false},
		{"an image changed", site("<p>v2"), []string{"static/img/logo.svg"}, []string{"reload"}, "<p>v2", false},
		{"the build failed", nil, nil, []string{"error"}, "<p>v2", false},
		{"the open page fails to render", site("", func(s *Site) { s.Output = failing(s.Output, post) }),
			[]string{"layouts/post.html"}, []string{"error"}, "<p>v2", false},
		{"the fix", site("<p>v3"), []string{"content/posts/a.md"}, []string{"ok", "reload"}, "<p>v3", true},
		{"the post deleted", site("", func(s *Site) { s.Output = without(s.Output, post) }),
			[]string{"content/posts/a.md"}, []string{"reload"}, "<html><body>not here", false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.site == nil {
				s.Fail(diag.Errorf("content/posts/a.md", 2, "bad front matter"))
			} else {
				s.Publish(st.site(t), st.changed)
			}
			var sent any
			for _, ev := range st.events {
				if data := page.expect(t, ev, nil); ev == "reload" {
					sent = data["html"]
				}
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, localRequest("GET", "/2013/06/a/", nil))
			if !strings.HasPrefix(rec.Body.String(), st.serves) {
				t.Errorf("the page shows %q, want %q", rec.Body.String(), st.serves)
			}
			switch {
			case st.withPage && sent != rec.Body.String():
				t.Errorf("the reload event carries %q, want the page as served, %q", sent, rec.Body.String())
			case !st.withPage && sent != nil:
				t.Errorf("the reload event carries a page: %q", sent)
			}
		})
	}
}

func with(out func(string) ([]byte, bool, error), p, body string) func(string) ([]byte, bool, error) {
	return func(q string) ([]byte, bool, error) {
		if q == p {
			return []byte(body), true, nil
		}
		return out(q)
	}
}

func failing(out func(string) ([]byte, bool, error), bad string) func(string) ([]byte, bool, error) {
	return func(p string) ([]byte, bool, error) {
		if p == bad {
			return nil, true, diag.Errorf("layouts/post.html", 3, "template: boom")
		}
		return out(p)
	}
}

func without(out func(string) ([]byte, bool, error), gone string) func(string) ([]byte, bool, error) {
	return func(p string) ([]byte, bool, error) {
		if p == gone {
			return nil, false, nil
		}
		return out(p)
	}
}

// TestConcurrentRequestsRenderOnce asks for one page from many goroutines.
func TestConcurrentRequestsRenderOnce(t *testing.T) {
	site := fakeSite(t, pages)
	var calls atomic.Int64
	inner := site.Output
	site.Output = func(p string) ([]byte, bool, error) {
		if p == "about/index.html" {
			calls.Add(1)
		}
		return inner(p)
	}
	_, _, ts := newServer(t, site)
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 10 {
				resp, err := ts.Client().Get(ts.URL + "/about/")
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	ts.Client().CloseIdleConnections()
	if n := calls.Load(); n != 1 {
		t.Errorf("the page was rendered %d times, want once", n)
	}
}

// thankYou is the intake's answer to a comment kept, pending.
const thankYou = "Thank you. Your comment is awaiting moderation."

// TestComment posts the comment form to the preview, which hands it to the
// comment service's handler (package intake): what the deployed site's
// service would answer, and only a good comment written.
func TestComment(t *testing.T) {
	valid := url.Values{"post": {"a"}, "name": {"Ana Ruiz"}, "email": {"  Ana@Example.ORG "}, "website": {"https://ana.example.org/"},
		"comment": {"A thoughtful reply about the night shift.\r\n\r\nWith two paragraphs, and a second thought."}, "homepage": {""}, "parent": {"001"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for key, vals := range valid {
			f[key] = slices.Clone(vals)
		}
		f.Set(k, v)
		return f
	}
	tests := []struct {
		name      string
		form      url.Values
		multipart bool
		json      bool
		status    int
		message   string
		reasons   string // the policy's reasons, "; " between them
		location  string
	}{
		{"a comment from the theme's script", valid, false, true, 202, thankYou, "", ""},
		{"a plain form post", valid, false, false, 303, "", "", "/2013/06/a/#comment-pending"},
		{"a multipart form", valid, true, true, 400, "Send the form as application/x-www-form-urlencoded.", "", ""},
		{"the honeypot filled", with("homepage", "http://spam.example/"), false, true, 400, `The comment was taken for spam: leave the field "Leave this field empty" empty.`, "", ""},
		{"no name", with("name", " "), false, true, 400, "Please give your name.", "", ""},
		{"a bad e-mail address", with("email", "ana at example"), false, true, 400, "Please give a valid e-mail address; it is never published.", "", ""},
		{"a website that is no web address", with("website", "javascript:alert(1)"), false, true, 400, "Please give your website as an http:// or https:// address, or leave it empty.", "", ""},
		{"no comment", with("comment", "\n"), false, true, 400, "Please write a comment.", "", ""},
		{"no such post", with("post", "../../site"), false, true, 400, "There is no such post to comment on.", "", ""},
		{"a closed post", with("post", "closed"), false, true, 400, "Comments on this post are closed.", "", ""},
		{"a reply to no comment", with("parent", "999"), false, true, 400, "The comment you reply to is not on this post.", "", ""},
		{"a name with a terminal escape", with("name", "Ana\x1b]52;c;ZXZpbA==\x07"), false, true, 400, `The name holds the control character \x1b (character 4); remove it and send the comment again.`, "", ""},
		{"a name with a NUL", with("name", "Ana\x00Ruiz"), false, true, 400, `The name holds the control character \x00 (character 4); remove it and send the comment again.`, "", ""},
		{"a name with a bidi override", with("name", "Ana\u202eziuR"), false, true, 400, `The name holds the bidirectional text control \u202e (character 4); remove it and send the comment again.`, "", ""},
		{"a comment with a C1 control", with("comment", "A thoughtful reply \u009b31m about the night shift and the morning after it."), false, true, 400, `The comment holds the control character \u009b (character 20); remove it and send the comment again.`, "", ""},
		{"a comment with a lone CR", with("comment", "A thoughtful reply\rabout the night shift and the morning after it."), false, true, 400, `The comment holds the control character \x0d (character 19); remove it and send the comment again.`, "", ""},
		{"a name that is not UTF-8", with("name", "Ana \xff"), false, true, 400, "The name is not UTF-8 text (byte 0xff at byte 5); send the form from a page in UTF-8, or type the text again.", "", ""},
		{"a website that is not UTF-8", with("website", "https://ana.example.org/\xc3"), false, true, 400, "The website is not UTF-8 text (byte 0xc3 at byte 25); send the form from a page in UTF-8, or type the text again.", "", ""},
		{"a comment that is not UTF-8", with("comment", "A thoughtful reply about the night shift \xe2\x80 and the morning after."), false, true, 400, "The comment is not UTF-8 text (byte 0xe2 at byte 42); send the form from a page in UTF-8, or type the text again.", "", ""},
		{"a post slug that is not UTF-8", with("post", "a\xff"), false, true, 400, "The post is not UTF-8 text (byte 0xff at byte 2); send the form from a page in UTF-8, or type the text again.", "", ""},
		{"a comment too long", with("comment", strings.Repeat("word ", 2001)), false, true, 400, "The comment is 10,004 characters long; keep it to at most 10,000 characters.", "", ""},
		{"brief praise the policy rejects", with("comment", "Great post!!"), false, true, 422, "The comment does not meet the comment policy.", "2 words of comment; the policy asks for at least 8", ""},
		{"a product pitch the policy rejects", with("comment", "Buy our tool at https://shop.example.com/pricing?utm_source=blog today, it does all of this for you and more."), false, true, 422,
			"The comment does not meet the comment policy.", "link shop.example.com/pricing?utm_source=blog carries the tracking parameter utm_source; link shop.example.com/pricing?utm_source=blog goes to a commercial site (shop.example.com), not to an article", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := commentServer(t, "", defaultPolicy(t))
			req := formRequest(t, tt.form, tt.multipart)
			if tt.json {
				req.Header.Set("Accept", "application/json")
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.location != "" && rec.Header().Get("Location") != tt.location {
				t.Errorf("Location = %q, want %q", rec.Header().Get("Location"), tt.location)
			}
			if tt.json {
				checkAnswer(t, rec.Body.Bytes(), tt.message, tt.reasons)
			}
			checkWritten(t, dir, tt.status < 400)
		})
	}
}

// checkAnswer checks the JSON answer's message and the policy's reasons.
func checkAnswer(t *testing.T, body []byte, message, reasons string) {
	t.Helper()
	var got struct {
		Message string
		Reasons []struct{ Message string }
	}
	if err := json.Unmarshal(body, &got); err != nil || got.Message != message {
		t.Errorf("answer %s, want message %q", body, message)
	}
	var msgs []string
	for _, r := range got.Reasons {
		msgs = append(msgs, r.Message)
	}
	if strings.Join(msgs, "; ") != reasons {
		t.Errorf("reasons %q, want %q", msgs, reasons)
	}
}

// commentServer serves a site that takes comments on post "a", which has
// comment 001, from a site folder of its own, through the comment
// service's handler as blogen serve sets it up; addr is Options.Addr.
func commentServer(t *testing.T, addr string, policy *comments.Linter) (*Server, string) {
	t.Helper()
	hub := livereload.NewHub("s1")
	t.Cleanup(hub.Close)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content", "comments", "a", "001.md"), "---\nauthor: R\ndate: 2020-01-05T10:00:00Z\nstatus: approved\n---\nFirst.\n")
	s := New(Options{Hub: hub, Addr: addr})
	svc := intake.New(intake.Options{SiteDir: dir, Path: "/comments", Comments: config.DefaultComments(),
		BaseURL: "https://blog.example.org/", Linter: policy, SameHost: true})
	svc.SetCatalog(&intake.Catalog{Posts: map[string]intake.Post{
		"a": {URL: "/2013/06/a/", Open: true, Comments: []string{"001"}}, "closed": {URL: "/closed/"}}})
	site := fakeSite(t, pages)
	site.CommentEndpoint = "/comments"
	site.Comments = svc
	if err := s.Publish(site, nil); err != nil {
		t.Fatal(err)
	}
	return s, dir
}
func formRequest(t *testing.T, form url.Values, multi bool) *http.Request {
	t.Helper()
	if !multi {
		req := localRequest("POST", "/comments", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return req
	}
	var b strings.Builder
	mw := multipart.NewWriter(&b)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	mw.Close()
	req := localRequest("POST", "/comments", strings.NewReader(b.String()))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

// checkWritten checks that a comment file was written beside the one
// there, with the hash of the address and never the address, or that none
// was.
func checkWritten(t *testing.T, dir string, want bool) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "content", "comments", "*", "*.md"))
	if !want {
		if len(files) > 1 {
			t.Errorf("a comment was written: %q", files)
		}
		return
	}
	if len(files) != 2 || files[0] != filepath.Join(dir, "content", "comments", "a", "001.md") {
		t.Fatalf("written: %q, want one file beside content/comments/a/001.md", files)
	}
	b, err := os.ReadFile(files[1])
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("ana@example.org"))
	text := string(b)
	for _, want := range []string{`author: "Ana Ruiz"`, `email_hash: "` + hex.EncodeToString(sum[:]) + `"`, "status: pending", `parent: "001"`,
		"A thoughtful reply about the night shift.\n\nWith two paragraphs, and a second thought.\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the comment file has no %q:\n%s", want, text)
		}
	}
	if strings.Contains(strings.ToLower(text), "example.org\n") || strings.Contains(strings.ToLower(text), "ana@") {
		t.Errorf("the comment file holds the e-mail address:\n%s", text)
	}
}

// TestShutdownEndsStreams closes the hub while a browser listens: its
// handler returns, so http.Server.Shutdown does not wait for it.
func TestShutdownEndsStreams(t *testing.T) {
	hub := livereload.NewHub("s1")
	s := New(Options{Hub: hub})
	s.Publish(fakeSite(t, pages), nil)
	srv := &http.Server{Handler: s}
	ts := httptest.NewUnstartedServer(s)
	ts.Config = srv
	ts.Start()
	defer ts.Close()
	e := openEvents(t, ts, "/", s.Version())
	hub.Close()
	start := time.Now()
	if err := srv.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("Shutdown took %v", time.Since(start))
	}
	if _, err := e.r.ReadString('\n'); err == nil {
		t.Error("the stream is still open")
	}
}

func defaultPolicy(t *testing.T) *comments.Linter {
	t.Helper()
	l, err := comments.NewLinter(config.DefaultComments().Policy)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// localRequest is a request to the preview as a browser on this machine
// sends it.
func localRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	req.Host = "localhost:1313"
	return req
}
