package markdown

import (
	"os"
	"testing"
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

func BenchmarkRender(b *testing.B) {
	src := benchPost(b)
	r := New(mentionOpts)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := r.Render(src, testSite); err != nil {
			b.Fatal(err)
		}
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
