package markdown

import (
	"os"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// benchPost is a realistic post of about 10 KB: headings, lists, quotes,
// links, a table, footnotes, mentions and two highlighted code blocks.
func benchPost(b *testing.B) []byte {
	b.Helper()
	src, err := os.ReadFile("testdata/bench/post.md")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkRender renders the post with the Renderer that New returns
// (lexer=fast), and with one that highlights code with chroma's own
// lexers (lexer=chroma), for comparison.
func BenchmarkRender(b *testing.B) {
	src := benchPost(b)
	for _, v := range []struct {
		name string
		r    *Renderer
	}{
		{"lexer=fast", New(mentionOpts)},
		{"lexer=chroma", newRenderer(mentionOpts, newCodeBlocks(lexers.Get))},
	} {
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := v.r.Render(src, testSite); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderParallel(b *testing.B) {
	src := benchPost(b)
	r := New(mentionOpts)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.Render(src, testSite); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkCommentRender(b *testing.B) {
	src, err := os.ReadFile("testdata/golden/comment-mixed.md")
	if err != nil {
		b.Fatal(err)
	}
	c := NewCommentRenderer()
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := c.Render(src); err != nil {
			b.Fatal(err)
		}
	}
}
