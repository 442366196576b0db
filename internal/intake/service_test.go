package intake

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/moderation"
)

const (
	testOrigin = "https://blog.example.org"
	goodText   = "We answered angry customers in public for a year, and the two-step reply you describe cut our escalations by half."
)

// testNow is the clock of the tests: a form issued a minute before.
var testNow = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

// newTestService returns a service over a temporary site with two posts:
// "open", with an approved comment 001 by returning@example.org, and
// "closed".
func newTestService(t testing.TB, edit func(*Options)) (*Service, string) {
	t.Helper()
	dir := t.TempDir()
	linter, err := comments.NewLinter(config.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	cc := config.DefaultComments()
	opts := Options{SiteDir: dir, Comments: cc, BaseURL: testOrigin + "/", Linter: linter, Now: func() time.Time { return testNow }}
	if edit != nil {
		edit(&opts)
	}
	s := New(opts)
	s.SetCatalog(&Catalog{
		Posts: map[string]Post{
			"open":   {URL: testOrigin + "/2026/02/open/", Open: true, Comments: []string{"001"}},
			"closed": {URL: testOrigin + "/2026/02/closed/"},
		},
		Approved: map[string]bool{emailHash("returning@example.org"): true},
		Pending:  map[string]int{},
	})
	return s, dir
}

// form returns the fields of a good comment on "open", changed by kv
// (name, value pairs; a value of "\x00drop" drops the field).
func form(kv ...string) url.Values {
	v := url.Values{"post": {"open"}, "name": {"Ann"}, "email": {"ann@example.org"}, "comment": {goodText},
		"issued": {"1772358000000"}} // a minute before testNow
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "\x00drop" {
			v.Del(kv[i])
			continue
		}
		v.Set(kv[i], kv[i+1])
	}
	return v
}

// postForm posts a body to the service as the theme's script does;
// header sets (or, with "", removes) headers, and "Host" the Host.
func postForm(s *Service, body string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/comments", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept", "application/json")
	r.Header.Set("Origin", testOrigin)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			r.Host = header[i+1]
			continue
		}
		if header[i+1] == "" {
			r.Header.Del(header[i])
		} else {
			r.Header.Set(header[i], header[i+1])
		}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// commentFiles lists the comment files of the site, temporary ones too.
func commentFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(dir, "content", "comments"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func decode(t testing.TB, w *httptest.ResponseRecorder) jsonAnswer {
	t.Helper()
	var a jsonAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
		t.Fatalf("the answer is not JSON: %v\n%s", err, w.Body)
	}
	return a
}

func TestTakesAComment(t *testing.T) {
	s, dir := newTestService(t, nil)
	w := postForm(s, form().Encode())
	a := decode(t, w)
	if w.Code != http.StatusAccepted || a.Status != "pending" || a.ID == "" {
		t.Fatalf("got %d %+v; want 202 pending with an id", w.Code, a)
	}
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != testOrigin {
		t.Errorf("Access-Control-Allow-Origin = %q", got)
	}
	src, err := os.ReadFile(filepath.Join(dir, "content", "comments", "open", a.ID+".md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`author: "Ann"`, "email_hash: \"" + emailHash("ann@example.org"), "status: pending", goodText} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the file lacks %q:\n%s", want, src)
		}
	}
	if strings.Contains(string(src), "ann@example.org") {
		t.Errorf("the file holds the e-mail address:\n%s", src)
	}
}

// TestBadInput posts every kind of bad input of the issue and checks the
// status, and that nothing is written.
func TestBadInput(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	many := strings.Repeat("x=1&", 5000) + form().Encode()
	tests := []struct {
		name   string
		body   string
		header []string
		status int
	}{
		{"unknown post", form("post", "nope").Encode(), nil, 400},
		{"closed post", form("post", "closed").Encode(), nil, 400},
		{"parent not on the post", form("parent", "999").Encode(), nil, 400},
		{"post with ../", form("post", "../../etc").Encode(), nil, 400},
		{"post with /", form("post", "open/../closed").Encode(), nil, 400},
		{"no post", form("post", "\x00drop").Encode(), nil, 400},
		{"no name", form("name", "\x00drop").Encode(), nil, 400},
		{"no e-mail", form("email", "\x00drop").Encode(), nil, 400},
		{"no comment", form("comment", "  ").Encode(), nil, 400},
		{"name over its limit", form("name", long(101)).Encode(), nil, 400},
		{"e-mail over its limit", form("email", long(200)+"@example.org").Encode(), nil, 400},
		{"website over its limit", form("website", "https://example.org/"+long(300)).Encode(), nil, 400},
		{"comment over its limit", form("comment", strings.Repeat("word ", 2001)).Encode(), nil, 400},
		{"10 MB body", form("comment", long(10<<20)).Encode(), nil, 400},
		{"thousands of fields", many, nil, 400},
		{"a field twice", form().Encode() + "&name=Bob", nil, 400},
		{"invalid UTF-8", "post=open&name=%ff%fe&email=ann%40example.org&comment=" + url.QueryEscape(goodText), nil, 400},
		{"C0 control in the name", form("name", "Ann\x07").Encode(), nil, 400},
		{"C1 control in the comment", form("comment", goodText+"\u0085").Encode(), nil, 400},
		{"NUL in the comment", form("comment", goodText+"\x00").Encode(), nil, 400},
		{"bidi override in the name", form("name", "Ann\u202Egnp.exe").Encode(), nil, 400},
		{"bidi isolate in the comment", form("comment", goodText+"\u2066").Encode(), nil, 400},
		{"HTML in the name", form("name", "<img src=x onerror=alert(1)>").Encode(), nil, 400},
		{"script in the e-mail", form("email", "<script>@example.org").Encode(), nil, 400},
		{"script in the website", form("website", "https://example.org/\"><script>alert(1)</script>").Encode(), nil, 400},
		{"script in the post", form("post", "<script>").Encode(), nil, 400},
		{"script in the parent", form("parent", "<script>").Encode(), nil, 400},
		{"script in the comment", form("comment", goodText+" <script>alert(1)</script>").Encode(), nil, 422},
		{"javascript: website", form("website", "javascript:alert(1)").Encode(), nil, 400},
		{"website with user info", form("website", "https://user@example.org/").Encode(), nil, 400},
		{"file: website", form("website", "file:///etc/passwd").Encode(), nil, 400},
		{"filled honeypot", form(honeypot, "https://spam.example/").Encode(), nil, 400},
		{"policy: brief", form("comment", "Great post!").Encode(), nil, 422},
		{"policy: commercial link", form("comment", goodText+" https://shop.example.com/buy").Encode(), nil, 422},
		{"cross-origin POST", form().Encode(), []string{"Origin", "https://evil.example"}, 403},
		{"null origin", form().Encode(), []string{"Origin", "null"}, 403},
		{"no Origin, foreign Referer", form().Encode(), []string{"Origin", "", "Referer", "https://evil.example/page"}, 403},
		{"multipart body", form().Encode(), []string{"Content-Type", "multipart/form-data; boundary=x"}, 400},
		{"bad key", form("key", "../..").Encode(), nil, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := newTestService(t, nil)
			w := postForm(s, tt.body, tt.header...)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if files := commentFiles(t, dir); len(files) != 0 {
				t.Errorf("files written: %v", files)
			}
			// Nothing else is lost: a good comment still gets in.
			if w := postForm(s, form().Encode()); w.Code != http.StatusAccepted {
				t.Errorf("a good comment after it: %d %s", w.Code, w.Body)
			}
		})
	}
}

func TestRejectAnswersReasons(t *testing.T) {
	s, _ := newTestService(t, nil)
	w := postForm(s, form("comment", "Great post!").Encode())
	a := decode(t, w)
	if w.Code != 422 || a.Status != "rejected" || len(a.Reasons) == 0 || a.Reasons[0].Rule != comments.RuleBrief {
		t.Fatalf("got %d %+v; want 422 rejected [brief]", w.Code, a)
	}
}

func TestPlainFormPost(t *testing.T) {
	s, _ := newTestService(t, func(o *Options) { o.Comments.Intake.FloodSeconds = 0 })
	w := postForm(s, form().Encode(), "Accept", "text/html")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != testOrigin+"/2026/02/open/#comment-pending" {
		t.Fatalf("got %d to %q; want 303 back to the post", w.Code, w.Header().Get("Location"))
	}
	w = postForm(s, form("comment", "Great post!", "email", "b@example.org").Encode(), "Accept", "text/html")
	if w.Code != 422 || !strings.Contains(w.Body.String(), "Great post!") || !strings.Contains(w.Body.String(), "brief") {
		t.Fatalf("a rejected plain post: %d\n%s", w.Code, w.Body)
	}
}

func TestFloodLimit(t *testing.T) {
	for _, tt := range []struct {
		name    string
		seconds int
		proxies []string
		xff     [2]string
		want    int
	}{
		{"same client", 15, nil, [2]string{"", ""}, 429},
		{"limit off", 0, nil, [2]string{"", ""}, 202},
		{"X-Forwarded-For of an untrusted peer is ignored", 15, nil, [2]string{"203.0.113.1", "203.0.113.2"}, 429},
		{"X-Forwarded-For of a trusted proxy", 15, []string{"192.0.2.0/24"}, [2]string{"203.0.113.1", "203.0.113.2"}, 202},
		{"a trusted proxy's same client", 15, []string{"192.0.2.1"}, [2]string{"203.0.113.1", "203.0.113.1"}, 429},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestService(t, func(o *Options) {
				o.Comments.Intake.FloodSeconds = tt.seconds
				o.Comments.Intake.TrustedProxies = tt.proxies
			})
			first := postForm(s, form().Encode(), "X-Forwarded-For", tt.xff[0])
			second := postForm(s, form("email", "b@example.org").Encode(), "X-Forwarded-For", tt.xff[1])
			if first.Code != 202 || second.Code != tt.want {
				t.Fatalf("got %d then %d; want 202 then %d", first.Code, second.Code, tt.want)
			}
			if tt.want == 429 && second.Header().Get("Retry-After") != "15" {
				t.Errorf("Retry-After = %q", second.Header().Get("Retry-After"))
			}
		})
	}
}

func TestRejectedDoesNotCountAsFlood(t *testing.T) {
	s, _ := newTestService(t, nil)
	if w := postForm(s, form("comment", "Great post!").Encode()); w.Code != 422 {
		t.Fatal(w.Code)
	}
	if w := postForm(s, form().Encode()); w.Code != 202 {
		t.Fatalf("the corrected comment: %d %s", w.Code, w.Body)
	}
}

func TestMaxPendingPerPost(t *testing.T) {
	s, _ := newTestService(t, func(o *Options) {
		o.Comments.Intake.MaxPendingPerPost = 2
		o.Comments.Intake.FloodSeconds = 0
	})
	var codes []int
	for range 3 {
		codes = append(codes, postForm(s, form().Encode()).Code)
	}
	if codes[0] != 202 || codes[1] != 202 || codes[2] != 429 {
		t.Fatalf("got %v; want 202 202 429", codes)
	}
}

func TestStatus(t *testing.T) {
	for _, tt := range []struct {
		name            string
		auto, returning bool
		kv              []string
		want            string
	}{
		{"pending by default", false, false, nil, "pending"},
		{"auto_approve", true, false, nil, "approved"},
		{"auto_approve, held by the policy", true, false, []string{"comment", goodText + " It felt like a scam."}, "pending"},
		{"auto_approve, sent too fast", true, false, []string{"issued", "1772359199000"}, "pending"},
		{"auto_approve, no issue time", true, false, []string{"issued", "\x00drop"}, "pending"},
		{"approve_returning, new commenter", false, true, nil, "pending"},
		{"approve_returning, returning commenter", false, true, []string{"email", "Returning@example.org"}, "approved"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestService(t, func(o *Options) {
				o.Comments.AutoApprove, o.Comments.ApproveReturning = tt.auto, tt.returning
			})
			w := postForm(s, form(tt.kv...).Encode())
			if a := decode(t, w); w.Code != 202 || a.Status != tt.want {
				t.Fatalf("got %d %+v; want 202 %s", w.Code, a, tt.want)
			}
		})
	}
}

func TestIdempotencyKey(t *testing.T) {
	s, dir := newTestService(t, func(o *Options) { o.Comments.Intake.FloodSeconds = 0 })
	body := form("key", "k-0123456789abcdef").Encode()
	var ids []string
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range 8 {
		wg.Go(func() {
			a := decode(t, postForm(s, body))
			mu.Lock()
			ids = append(ids, a.ID)
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] || id == "" {
			t.Fatalf("retries got different ids: %v", ids)
		}
	}
	if files := commentFiles(t, dir); len(files) != 1 {
		t.Fatalf("%d files for one comment sent 8 times: %v", len(files), files)
	}
}

func TestCORS(t *testing.T) {
	s, _ := newTestService(t, nil)
	pre := func(origin string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodOptions, "/comments", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Access-Control-Request-Method", "POST")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	w := pre(testOrigin)
	if w.Code != 204 || w.Header().Get("Access-Control-Allow-Origin") != testOrigin || w.Header().Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("preflight of the site: %d %v", w.Code, w.Header())
	}
	if w := pre("https://evil.example"); w.Code != 403 || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight of another origin: %d %v", w.Code, w.Header())
	}
}

// TestSameHost posts from pages of the request's own host, which only
// SameHost (blogen serve's) allows.
func TestSameHost(t *testing.T) {
	tests := []struct {
		name     string
		sameHost bool
		header   []string
		want     int
	}{
		{"the host's page, SameHost", true, []string{"Origin", "http://localhost:1313"}, 202},
		{"the host's page, no SameHost", false, []string{"Origin", "http://localhost:1313"}, 403},
		{"the host's page by Referer", true, []string{"Origin", "", "Referer", "http://localhost:1313/2026/02/open/"}, 202},
		{"another port", true, []string{"Origin", "http://localhost:8080"}, 403},
		{"another scheme", true, []string{"Origin", "file://localhost:1313"}, 403},
		{"a null origin", true, []string{"Origin", "null"}, 403},
		{"the allowed origin still", true, []string{"Origin", testOrigin}, 202},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestService(t, func(o *Options) { o.SameHost = tt.sameHost })
			w := postForm(s, form().Encode(), append([]string{"Host", "localhost:1313"}, tt.header...)...)
			if w.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
		})
	}
}

// failingDisk fails every write, as a full disk does.
type failingDisk struct{ moderation.OSDisk }

type fullFile struct{ moderation.DiskFile }

func (f fullFile) Write(p []byte) (int, error) {
	n, _ := f.DiskFile.Write(p[:len(p)/2])
	return n, errors.New("no space left on device")
}

func (d failingDisk) CreateTemp(dir string) (moderation.DiskFile, error) {
	f, err := d.OSDisk.CreateTemp(dir)
	return fullFile{f}, err
}

func TestDiskFull(t *testing.T) {
	s, dir := newTestService(t, func(o *Options) { o.Disk = failingDisk{} })
	w := postForm(s, form().Encode())
	if w.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", w.Code)
	}
	if files := commentFiles(t, dir); len(files) != 0 {
		t.Fatalf("a full disk left files: %v", files)
	}
}

func TestHealthz(t *testing.T) {
	s, _ := newTestService(t, func(o *Options) { o.Health = func() map[string]any { return map[string]any{"git_backlog": 3} } })
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"git_backlog":3`) {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

func TestIDsSortByTime(t *testing.T) {
	a := newID(testNow, "p", "")
	b := newID(testNow.Add(time.Millisecond), "p", "")
	c := newID(testNow.Add(time.Hour), "p", "")
	if !(a < b && b < c) || a == newID(testNow, "p", "") {
		t.Fatalf("ids do not sort by time or repeat: %s %s %s", a, b, c)
	}
}

// TestSlowClientsHoldNoTurn opens more connections than the comments
// taken at once, each sending a request whose form never comes, and
// checks that the service reads each (it asks for the form with "100
// Continue") and takes a comment sent meanwhile: a client slow to send
// its form must not hold a turn.
func TestSlowClientsHoldNoTurn(t *testing.T) {
	s, _ := newTestService(t, func(o *Options) { o.Now = nil })
	addr, stop := serveLoopback(t, s)
	defer stop()
	for i := range maxTaking + 1 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST /comments HTTP/1.1\r\nHost: x\r\nOrigin: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
			"Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n", testOrigin)
		_ = c.SetReadDeadline(time.Now().Add(10 * time.Second)) // less than the server's ReadTimeout, which frees the slow ones
		line, err := bufio.NewReader(c).ReadString('\n')
		if err != nil || !strings.Contains(line, "100 Continue") {
			t.Fatalf("slow client %d: %q %v; the service does not read its form while %d others wait for theirs", i, line, err, i)
		}
	}
	client := &http.Client{Timeout: 10 * time.Second}
	code, _, err := sendComment(context.Background(), client, "http://"+addr+"/comments", "open", goodText, "")
	if err != nil || code != http.StatusAccepted {
		t.Fatalf("a comment sent while slow clients wait: %d %v", code, err)
	}
}

// serveLoopback serves s on a free loopback port; stop ends it and
// returns Serve's error.
func serveLoopback(t testing.TB, s *Service) (addr string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	return ln.Addr().String(), func() error { cancel(); return <-served }
}

// TestCommentsOnPages: a page whose comments are open takes a comment
// into content/comments/pages/<page>/; a closed or unknown page, or a
// thread that is no page's, takes none.
func TestCommentsOnPages(t *testing.T) {
	tests := []struct {
		name, post string
		status     int
		file       string // the folder the comment goes to, "" for none
	}{
		{"open page", "pages/about", http.StatusAccepted, "pages/about"},
		{"closed page", "pages/privacy", http.StatusBadRequest, ""},
		{"unknown page", "pages/nope", http.StatusBadRequest, ""},
		{"a page's folder deeper down", "pages/about/x", http.StatusBadRequest, ""},
		{"out of the folder", "pages/..", http.StatusBadRequest, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := newTestService(t, nil)
			cat := *s.catalog.Load()
			cat.Posts = maps.Clone(cat.Posts)
			cat.Posts["pages/about"] = Post{URL: testOrigin + "/about/", Open: true}
			cat.Posts["pages/privacy"] = Post{URL: testOrigin + "/privacy/"}
			s.SetCatalog(&cat)
			w := postForm(s, form("post", tt.post).Encode())
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			files := commentFiles(t, dir)
			if tt.file == "" {
				if len(files) != 0 {
					t.Errorf("files written: %v", files)
				}
				return
			}
			a := decode(t, w)
			want := filepath.Join(dir, "content", "comments", filepath.FromSlash(tt.file), a.ID+".md")
			if len(files) != 1 || files[0] != want {
				t.Errorf("files %v, want %s", files, want)
			}
		})
	}
}
