package sitewriter

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestStageFile(t *testing.T) {
	site := t.TempDir()
	writeFile(t, site, "static/media/old.jpg", "old")
	w, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	scratch := func(data string) string {
		f, err := w.Scratch("dl-*")
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, data)
		f.Close()
		return f.Name()
	}
	for _, rel := range []string{"../outside.jpg", "static/../../x", "public/a.jpg", "/etc/x"} {
		if err := w.StageFile(rel, scratch("x")); err == nil {
			t.Errorf("%s: staged", rel)
		}
	}
	if err := w.StageFile("content/posts/trip/photo.jpg", scratch("photo")); err != nil {
		t.Fatal(err)
	}
	if err := w.StageFile("static/media/old.jpg", scratch("new")); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]string{"content/posts/trip/photo.jpg": "photo", "static/media/old.jpg": "new"} {
		if b, err := os.ReadFile(filepath.Join(site, rel)); err != nil || string(b) != want {
			t.Errorf("%s: %q, %v; want %q", rel, b, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(site), "outside.jpg")); err == nil {
		t.Error("a file was written outside the site")
	}
}
