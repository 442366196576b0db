package wordpress

import (
	"bytes"
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/blogen/blogen/internal/importer/fetch"
	"github.com/blogen/blogen/internal/sitetest"
)

// mediaServer serves the files of testdata/media.xml and counts the
// requests for each path.
type mediaServer struct {
	*httptest.Server
	files map[string][]byte
	mu    sync.Mutex
	count map[string]int
}

const mediaCap = 200_000

func newMediaServer(t *testing.T) *mediaServer {
	t.Helper()
	img := func(w, h int) []byte { return imagetest.JPEG(t, imagetest.Halves(w, h), 0) }
	up := "/wp-content/uploads/2024/05/"
	s := &mediaServer{count: map[string]int{}, files: map[string][]byte{
		up + "beach.jpg":            img(60, 40),
		up + "harbour-640x480.jpg":  img(64, 48),
		up + "dunes.jpg":            img(50, 50),
		up + "pier.jpg":             img(40, 30),
		"/2024/05/trip/sand.jpg":    img(30, 40),
		up + "logo.png":             imagetest.PNG(t, imagetest.Transparent(20, 20)),
		up + "clip.mp4":             []byte("not really a video"),
		up + "song.mp3":             []byte("not really a song"),
		up + "guide.pdf":            []byte("%PDF-1.4 a guide"),
		up + "../../../evil.jpg":    img(10, 10),
		"/flaky/boat.png":           imagetest.PNG(t, imagetest.Halves(30, 20)),
		"/a/photo.jpg":              img(30, 30),
		"/b/photo.jpg":              img(31, 31),
		"/huge.jpg":                 bytes.Repeat([]byte{0xff}, mediaCap+1),
		"/wp-content/other/big.jpg": nil,
	}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.count[r.URL.Path]++
		n := s.count[r.URL.Path]
		s.mu.Unlock()
		switch r.URL.Path {
		case "/moved.jpg":
			http.Redirect(w, r, up+"dunes.jpg", http.StatusFound)
			return
		case "/to-file.jpg":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
			return
		case "/flaky/boat.png":
			if n == 1 {
				http.Error(w, "try later", http.StatusBadGateway)
				return
			}
		}
		data, ok := s.files[r.URL.Path]
		if !ok || data == nil {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *mediaServer) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := maps.Clone(s.count)
	clear(s.count)
	return out
}

// importMedia imports testdata/media.xml, its HOST replaced by the
// server's address, into site.
func importMedia(t *testing.T, s *mediaServer, site string, media, force bool) (Summary, string) {
	t.Helper()
	export := strings.ReplaceAll(string(mustRead(t, "testdata/media.xml")), "HOST", s.URL)
	var log bytes.Buffer
	sum, err := Import(context.Background(), strings.NewReader(export), "media.xml", Options{
		SiteDir: site, Log: &log, Force: force, Media: media,
		Fetch: fetch.Options{MaxBytes: mediaCap, Backoff: time.Millisecond, Timeout: 10 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum, log.String()
}

// TestImportMedia imports an export whose media a local server serves,
// then builds the site: each file is downloaded once into the post's
// bundle or static/media/, addresses are rewritten, failures stay remote
// and are reported, and a second import changes nothing.
func TestImportMedia(t *testing.T) {
	s := newMediaServer(t)
	site := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(site, "site.toml"), []byte("title = \"Media\"\nbase_url = \"https://example.org/\"\n"))
	sum, log := importMedia(t, s, site, true, false)
	got := sitetest.ReadTree(t, site)

	bundle := "content/posts/trip/"
	for _, rel := range []string{
		bundle + "index.md", bundle + "harbour-640x480.jpg", bundle + "boat.png", bundle + "dunes.jpg", bundle + "moved.jpg",
		bundle + "photo.jpg", bundle + "photo-2.jpg", bundle + "evil.jpg", bundle + "clip.mp4", bundle + "song.mp3", bundle + "guide.pdf",
		bundle + "pier.jpg", bundle + "sand.jpg",
		"static/media/2024/05/beach.jpg", "static/media/2024/05/logo.png", "content/posts/news.md", "content/pages/about.md",
	} {
		if _, ok := got[rel]; !ok {
			t.Errorf("%s was not written; the site has %v", rel, slices.Sorted(maps.Keys(got)))
		}
	}
	if got[bundle+"dunes.jpg"] != string(s.files["/wp-content/uploads/2024/05/dunes.jpg"]) || got[bundle+"photo-2.jpg"] != string(s.files["/b/photo.jpg"]) {
		t.Error("a file differs from what the server sent")
	}
	if len(got) != 19 {
		t.Errorf("%d files written, want 19: %v", len(got), slices.Sorted(maps.Keys(got)))
	}
	post := got[bundle+"index.md"]
	for _, want := range []string{
		"image: dunes.jpg\n", `[<img src="/media/2024/05/beach.jpg" alt="The beach" width="300" height="200" class="size-medium"/>](/media/2024/05/beach.jpg)`, "![The harbour](harbour-640x480.jpg)",
		"![A boat](boat.png)", "![Moved](moved.jpg)", "![One photo](photo.jpg) ![Another photo](photo-2.jpg)", "![Sneaky](evil.jpg)", "![The pier, by a path from the root](pier.jpg)", "![Sand, by a path from the post](sand.jpg)",
		s.URL + "/wp-content/uploads/2024/05/missing.jpg", s.URL + "/huge.jpg", s.URL + "/to-file.jpg", "ftp://files.example.org/x.jpg",
		`<figure class="gallery gallery-columns-2"><figure><img src="/media/2024/05/beach.jpg" alt="Sand, sun"><figcaption>Sand, <em>sun</em></figcaption></figure><figure><img src="dunes.jpg" alt="Dunes at dusk"></figure></figure>`,
		`<video controls preload="none" src="clip.mp4" width="640" height="360"><a href="clip.mp4">`,
		`<audio controls preload="none" src="song.mp3"><a href="song.mp3">`,
		`data-embed="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1"`,
		"[the guide](guide.pdf)", "[this](https://example.org/about.jpg)",
	} {
		if !strings.Contains(post, want) {
			t.Errorf("the post lacks %s:\n%s", want, post)
		}
	}
	if strings.Contains(post, "srcset") || strings.Contains(post, "autoplay ") {
		t.Errorf("the post keeps remote copies or autoplay:\n%s", post)
	}
	if !strings.Contains(got["content/pages/about.md"], "![Logo](/media/2024/05/logo.png)") || !strings.Contains(got["content/posts/news.md"], "/media/2024/05/beach.jpg") {
		t.Errorf("shared files are not used from static/:\n%s\n%s", got["content/pages/about.md"], got["content/posts/news.md"])
	}

	// Every address was asked for once (the flaky one twice, after a 502,
	// and dunes.jpg once more as where moved.jpg leads); resized copies of
	// an attachment were not asked for at all.
	reqs := s.requests()
	for p, n := range reqs {
		if want := map[string]int{"/flaky/boat.png": 2, "/wp-content/uploads/2024/05/dunes.jpg": 2}[p]; n != max(want, 1) {
			t.Errorf("%s requested %d times", p, n)
		}
	}
	for _, p := range []string{"/wp-content/uploads/2024/05/beach-300x200.jpg", "/wp-content/uploads/2024/05/beach-1024x683.jpg", "/files.example.org/x.jpg"} {
		if reqs[p] != 0 {
			t.Errorf("%s was requested", p)
		}
	}

	// The report names each failure; the import did not fail for them.
	if sum.Media.Downloaded != 14 || len(sum.Media.Failed) != 3 {
		t.Errorf("media summary %+v", sum.Media)
	}
	for _, want := range []string{"missing.jpg: the server answered 404 Not Found", "huge.jpg: the file is larger than the size limit", "to-file.jpg: redirected to \"file:///etc/passwd\""} {
		if !strings.Contains(sum.String(), want) || !strings.Contains(log, want) {
			t.Errorf("the report does not say %q:\n%s\n%s", want, sum, log)
		}
	}

	// The site builds, with the gallery, players and pictures of the files.
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: site, OutDir: out, Now: sitetest.Now, NoCache: true}); err != nil {
		t.Fatalf("the imported site does not build:\n%v", err)
	}
	page, err := os.ReadFile(filepath.Join(out, "2024/05/trip/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<figure class="gallery gallery-columns-2">`, `<video controls preload="none" src="clip.mp4"`, `harbour-640x480-`, `<figure class="embed embed-youtube"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the built post lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "2024/05/trip/clip.mp4")); err != nil {
		t.Errorf("the bundle's video is not published: %v", err)
	}

	// A second import downloads again and changes nothing.
	sum2, _ := importMedia(t, s, site, true, false)
	if again := sitetest.ReadTree(t, site); !maps.Equal(got, again) {
		for rel := range again {
			if got[rel] != again[rel] {
				t.Errorf("the second import changed %s", rel)
			}
		}
	}
	if sum2.Media.Downloaded != 0 || sum2.Media.Unchanged != 14 {
		t.Errorf("second media summary %+v", sum2.Media)
	}

	// A file the site changed is kept, and its address stays remote,
	// unless forced.
	sitetest.WriteFile(t, filepath.Join(site, bundle, "boat.png"), []byte("edited"))
	sum3, log3 := importMedia(t, s, site, true, false)
	if sum3.Media.Kept != 1 || !strings.Contains(log3, bundle+"boat.png: kept the site's own file") {
		t.Errorf("kept %d; log:\n%s", sum3.Media.Kept, log3)
	}
	if b, _ := os.ReadFile(filepath.Join(site, bundle, "boat.png")); string(b) != "edited" {
		t.Error("the site's own file was replaced without --force")
	}
	importMedia(t, s, site, true, true)
	if again := sitetest.ReadTree(t, site); !maps.Equal(got, again) {
		t.Error("--force did not bring the site back to the import")
	}
}

// TestImportWithoutMediaKeepsAddresses holds that without Media nothing
// is downloaded and the addresses stay remote.
func TestImportWithoutMediaKeepsAddresses(t *testing.T) {
	s := newMediaServer(t)
	site := t.TempDir()
	importMedia(t, s, site, false, false)
	if reqs := s.requests(); len(reqs) != 0 {
		t.Errorf("requests without Media: %v", reqs)
	}
	got := sitetest.ReadTree(t, site)
	if _, ok := got["content/posts/trip.md"]; !ok || len(got) != 4 {
		t.Errorf("files %v", slices.Sorted(maps.Keys(got)))
	}
	if !strings.Contains(got["content/posts/trip.md"], "image: "+s.URL+"/wp-content/uploads/2024/05/dunes.jpg") {
		t.Errorf("featured image not remote:\n%s", got["content/posts/trip.md"])
	}
}

func TestSafeName(t *testing.T) {
	tests := []struct{ url, typ, stem, ext string }{
		{"https://x.test/wp-content/uploads/2024/05/Beach%20Day.JPG", "", "beach-day", ".jpg"},
		{"https://x.test/a/..%2F..%2Fetc%2Fpasswd", "", "passwd", ".bin"},
		{"https://x.test/image?id=3", "image/png", "image", ".png"},
		{"https://x.test/", "", "file", ".bin"},
		{"https://x.test/index.md", "", "index", ".bin"},
		{"https://x.test/run.sh", "image/jpeg", "run", ".jpg"},
	}
	for _, tt := range tests {
		if stem, ext := safeName(tt.url, tt.typ); stem != tt.stem || ext != tt.ext {
			t.Errorf("safeName(%q) = %q, %q; want %q, %q", tt.url, stem, ext, tt.stem, tt.ext)
		}
	}
}

func TestStaticDir(t *testing.T) {
	tests := map[string]string{
		"https://x.test/wp-content/uploads/2024/05/a.jpg":     "2024/05",
		"https://X.test/images/Team%20Photos/a.jpg":           "x-test/images/team-photos",
		"https://x.test/wp-content/uploads/../../a/b/c/d.jpg": "x-test/a/b/c",
		"https://x.test/a.jpg":                                "x-test",
	}
	for u, want := range tests {
		if got := staticDir(u); got != want {
			t.Errorf("staticDir(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestAbsolute(t *testing.T) {
	const post = "https://blog.example.org/2024/05/trip/"
	tests := []struct{ base, raw, want string }{
		{post, "/wp-content/uploads/x.jpg", "https://blog.example.org/wp-content/uploads/x.jpg"},
		{post, "x.jpg", "https://blog.example.org/2024/05/trip/x.jpg"},
		{post, "../x.jpg", "https://blog.example.org/2024/05/x.jpg"},
		{post, "https://cdn.example.net/x.jpg", "https://cdn.example.net/x.jpg"},
		{post, "//cdn.example.net/x.jpg", "//cdn.example.net/x.jpg"},
		{post, "#top", "#top"},
		{post, "mailto:ana@example.org", "mailto:ana@example.org"},
		{post, "data:image/png;base64,AAAA", "data:image/png;base64,AAAA"},
		{post, "javascript:alert(1)", "javascript:alert(1)"},
		{post, "", ""},
		{"", "x.jpg", "x.jpg"},
		{"?p=10", "x.jpg", "x.jpg"},
	}
	for _, tt := range tests {
		if got := absolute(tt.base, tt.raw); got != tt.want {
			t.Errorf("absolute(%q, %q) = %q, want %q", tt.base, tt.raw, got, tt.want)
		}
	}
}
