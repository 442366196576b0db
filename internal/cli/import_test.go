package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/blogen/blogen/internal/sitetest"
)

// TestImportWordPressMedia runs blogen import wordpress --media against a
// local server: the image is brought into the post's bundle, the file
// over --media-max-mb stays remote and is reported, and the site builds.
func TestImportWordPressMedia(t *testing.T) {
	photo := imagetest.JPEG(t, imagetest.Halves(40, 30), 0)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/wp-content/uploads/2024/05/photo-300x200.jpg": // no attachment in the export: taken as it is
			w.Write(photo)
		case "/wp-content/uploads/2024/05/film.mp4":
			w.Write(make([]byte, 1<<20+1))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	sitetest.WriteFile(t, filepath.Join(site, "site.toml"), []byte("title = \"T\"\nbase_url = \"https://example.org/\"\n"))
	export := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><item><title>Hello</title><dc:creator>ana</dc:creator>
<content:encoded><![CDATA[<img src="HOST/wp-content/uploads/2024/05/photo-300x200.jpg" alt="A photo" />

[video src="HOST/wp-content/uploads/2024/05/film.mp4"]]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-05-02 10:00:00</wp:post_date_gmt><wp:post_name>hello</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>`
	file := filepath.Join(dir, "export.xml")
	sitetest.WriteFile(t, file, []byte(strings.ReplaceAll(export, "HOST", srv.URL)))

	var stdout, stderr bytes.Buffer
	if code := Main(context.Background(), []string{"import", "wordpress", file, "-s", site, "--media", "--media-max-mb", "1"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if got, err := os.ReadFile(filepath.Join(site, "content/posts/hello/photo-300x200.jpg")); err != nil || !bytes.Equal(got, photo) {
		t.Errorf("the photo was not brought into the bundle: %v", err)
	}
	if !strings.Contains(stdout.String(), "media: 1 downloaded") || !strings.Contains(stdout.String(), "film.mp4: the file is larger than the size limit") {
		t.Errorf("the report:\n%s", stdout.String())
	}
	if err := sitetest.Check(site); err != nil {
		t.Errorf("the imported site does not build:\n%v", err)
	}
}
