package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden renders each testdata/golden/*.md and compares it with the
// .golden file next to it. Files named comment-*.md go through the
// CommentRenderer, all others through a Renderer with mentions on.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	posts, comments := New(mentionOpts), NewCommentRenderer()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			if strings.HasPrefix(filepath.Base(file), "comment-") {
				got, err = comments.Render(src)
				checkCommentSafe(t, got)
			} else {
				got, err = goldenPost(posts, src)
			}
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, strings.TrimSuffix(file, ".md")+".golden", got)
		})
	}
}

// goldenPost renders src and formats every field of the Result.
func goldenPost(r *Renderer, src []byte) ([]byte, error) {
	res, err := r.Render(src, testSite)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "words: %d\nhas_more: %v\nhas_summary: %v\n", res.Words, res.HasMore, res.Summary != nil)
	fmt.Fprintf(&b, "-- summary --\n%s-- html --\n%s", res.Summary, res.HTML)
	return b.Bytes(), nil
}

// compareGolden compares got with the golden file, or rewrites it with -update.
func compareGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		line, g, w := firstDiff(string(got), string(want))
		t.Errorf("output differs from %s at line %d (check, then run go test -update):\n got %q\nwant %q", golden, line, g, w)
	}
}

// firstDiff returns the number and text of the first line where got and
// want differ.
func firstDiff(got, want string) (line int, g, w string) {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(gl), len(wl)) {
		g, w = "", ""
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w || i >= len(gl) || i >= len(wl) {
			return i + 1, g, w
		}
	}
	return 0, "", ""
}
