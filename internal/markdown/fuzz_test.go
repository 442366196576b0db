package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addFiles adds the files matching pattern to the seed corpus of f.
func addFiles(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
}

// FuzzRender checks that any post renders without error, that the summary
// is part of the HTML, that only raw HTML brings inline styles, and that
// rendering is deterministic.
func FuzzRender(f *testing.F) {
	for _, tc := range renderCases {
		f.Add(tc.src)
	}
	for _, tc := range summaryCases {
		f.Add(tc.src)
	}
	for _, tc := range mentionCases {
		f.Add(tc.src)
	}
	// The 10 KB benchmark post is left out: minimising large inputs costs
	// more fuzzing time than it finds.
	addFiles(f, "testdata/golden/post-*.md")
	r := New(mentionOpts)
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src), testSite)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.Contains(res.HTML, res.Summary) {
			t.Fatalf("Summary %q is not part of HTML %q", res.Summary, res.HTML)
		}
		if res.Words < 0 || res.Words > len(src) {
			t.Fatalf("Words = %d for %d bytes", res.Words, len(src))
		}
		if !strings.Contains(src, "<") && styleAttr.Match(res.HTML) {
			t.Fatalf("inline style without raw HTML in the source: %q", res.HTML)
		}
		again, err := r.Render([]byte(src), testSite)
		if err != nil || !bytes.Equal(again.HTML, res.HTML) || again.Words != res.Words {
			t.Fatalf("second render differs (err %v)", err)
		}
	})
}

// FuzzCommentRender checks that no comment renders to unsafe HTML.
func FuzzCommentRender(f *testing.F) {
	for _, tc := range hostileComments {
		f.Add(tc.src)
	}
	for _, tc := range commentCases {
		f.Add(tc.src)
	}
	addFiles(f, "testdata/golden/comment-*.md")
	c := NewCommentRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		out, err := c.Render([]byte(src))
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		checkCommentSafe(t, out)
	})
}
