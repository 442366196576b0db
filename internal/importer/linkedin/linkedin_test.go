package linkedin

import (
	"context"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func TestImportGolden(t *testing.T) {
	golden := filepath.Join("testdata", "golden")
	for _, dir := range []string{"testdata/export", "testdata/export/Articles", "testdata/export/Articles/Articles"} {
		t.Run(dir, func(t *testing.T) {
			site := t.TempDir()
			sum, err := Import(context.Background(), dir, Options{SiteDir: site, Author: "ana"})
			if err != nil {
				t.Fatal(err)
			}
			if want := "posts: 3 (1 drafts)\nskipped: 0\n"; sum.String() != want {
				t.Errorf("summary %q, want %q", sum, want)
			}
			// The author file is the site's own; the import refers to it.
			sitetest.WriteTree(t, site, map[string]string{"content/authors/ana.md": "---\nname: Ana\n---\n"})
			if err := sitetest.Check(site); err != nil {
				t.Errorf("the imported site would not build:\n%v", err)
			}
			os.Remove(filepath.Join(site, "content", "authors", "ana.md"))
			got := sitetest.ReadTree(t, site)
			if *update {
				os.RemoveAll(golden)
				sitetest.WriteTree(t, golden, got)
			}
			want := sitetest.ReadTree(t, golden)
			for _, rel := range slices.Sorted(maps.Keys(want)) {
				if got[rel] != want[rel] {
					t.Errorf("%s:\n--- got\n%s\n--- want\n%s", rel, got[rel], want[rel])
				}
			}
			if len(got) != len(want) {
				t.Errorf("wrote %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
			}
			if _, err := Import(context.Background(), dir, Options{SiteDir: site, Author: "ana"}); err != nil {
				t.Fatal(err)
			}
			if again := sitetest.ReadTree(t, site); !maps.Equal(got, again) {
				t.Errorf("second import changed the site")
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name, dir, want string
	}{
		{"missing folder", filepath.Join(empty, "nope"), "reading the articles folder"},
		{"no articles", empty, "no LinkedIn articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			_, err := Import(context.Background(), tt.dir, Options{SiteDir: site})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if files := sitetest.ReadTree(t, site); len(files) != 0 {
				t.Errorf("wrote %v", files)
			}
		})
	}
}

func TestImportSkipsEmptyAndCollides(t *testing.T) {
	dir := t.TempDir()
	same := `<html><body><h1><a href="https://www.linkedin.com/pulse/%s">Same title</a></h1><p class="published">Published on 2020-01-0%s</p><div><p>Text %s</p></div></body></html>`
	sitetest.WriteTree(t, dir, map[string]string{
		"a.html":     strings.ReplaceAll(strings.Replace(same, "%s", "one", 1), "%s", "1"),
		"b.html":     strings.ReplaceAll(strings.Replace(same, "%s", "two", 1), "%s", "2"),
		"empty.html": "<html><body></body></html>",
	})
	site := t.TempDir()
	sum, err := Import(context.Background(), dir, Options{SiteDir: site})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Posts != 2 || sum.Skipped["empty article"] != 1 {
		t.Errorf("summary %+v", sum)
	}
	files := sitetest.ReadTree(t, site)
	if !strings.Contains(files["content/posts/same-title.md"], "Text 1") || !strings.Contains(files["content/posts/same-title-2.md"], "Text 2") {
		t.Errorf("files %v", slices.Sorted(maps.Keys(files)))
	}
}

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name, file, html string
		want             article
	}{
		{
			name: "standard",
			html: `<html><head><title>T</title></head><body><img src="c.jpg" alt="Cover"><h1><a href="https://www.linkedin.com/pulse/t">T</a></h1><p class="created">Created on 2013-06-10 12:34</p><p class="published">Published on 2013-06-11 08:00</p><div><p>Body</p></div></body></html>`,
			want: article{title: "T", url: "https://www.linkedin.com/pulse/t", image: "c.jpg", imageAlt: "Cover",
				created: time.Date(2013, 6, 10, 12, 34, 0, 0, time.UTC), published: time.Date(2013, 6, 11, 8, 0, 0, 0, time.UTC),
				body: "<div><p>Body</p></div>"},
		},
		{
			name: "no h1, date only in file name",
			file: "2014-01-02 03-04-05.0-x.html",
			html: `<html><head><title>Only title</title></head><body><p>Loose <b>body</b></p></body></html>`,
			want: article{title: "Only title", created: time.Date(2014, 1, 2, 3, 4, 5, 0, time.UTC), body: "<p>Loose <b>body</b></p>"},
		},
		{
			name: "title inside a header",
			html: `<body><header><h1>Nested</h1><p class="published">Published on 2016-05-04</p></header><section><p>Text</p></section></body>`,
			want: article{title: "Nested", published: time.Date(2016, 5, 4, 0, 0, 0, 0, time.UTC), body: "<section><p>Text</p></section>"},
		},
		{
			name: "seconds in the date",
			html: `<body><h1>S</h1><p>Published on 2016-05-04 07:08:09</p><div>x</div></body>`,
			want: article{title: "S", published: time.Date(2016, 5, 4, 7, 8, 9, 0, time.UTC), body: "<div>x</div>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == "" {
				tt.file = "a.html"
			}
			got, err := parseArticle(tt.file, []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if *got != tt.want {
				t.Errorf("got  %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func FuzzArticle(f *testing.F) {
	files, _ := filepath.Glob("testdata/export/Articles/Articles/*.html")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(file), b)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := parseArticle(name, data)
		if err != nil {
			return
		}
		fm := frontMatter(a, "ana")
		if fm.Title == "" {
			t.Fatal("empty title")
		}
		if s := slugFor(a, name); s == "" || strings.ContainsAny(s, `/\.`) {
			t.Fatalf("slug %q", s)
		}
	})
}
