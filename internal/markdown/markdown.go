package markdown

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options configure a Renderer once; a Renderer is then safe for concurrent
// use by many goroutines. The zero value is a valid configuration.
type Options struct {
	// Mentions turns @handle and #hashtag into links. Zero value: off.
	Mentions MentionOptions
}

// Resolver answers questions about the site that are known only at render
// time. It is passed to each Render call and may be nil.
type Resolver interface {
	// Author returns the URL of the author page for handle, if an author
	// has that handle.
	Author(handle string) (url string, ok bool)
	// Tag returns the URL of the tag page for tag, if such a tag exists.
	// Implementations compare tags case-insensitively.
	Tag(tag string) (url string, ok bool)
}

// Result is a rendered post.
type Result struct {
	// HTML is the whole body.
	HTML []byte
	// Summary is the HTML of the blocks before the <!--more--> marker when
	// there is one, else of the first top-level paragraph; nil when there
	// is neither. It is a copy of a part of HTML.
	Summary []byte
	// HasMore reports that the source had a <!--more--> marker.
	HasMore bool
	// Words is the number of words a reader reads (see the package doc).
	Words int
}

// Renderer renders trusted Markdown (posts and pages) to HTML.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer configured by opts.
func New(opts Options) *Renderer {
	return newRenderer(opts, newHighlighting())
}

// newRenderer returns a Renderer configured by opts that renders fenced
// code blocks with the extension code.
func newRenderer(opts Options, code goldmark.Extender) *Renderer {
	exts := []goldmark.Extender{
		// GFM, with table alignment as align attributes rather than inline
		// styles, so that output never needs style-src 'unsafe-inline'.
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		linkify,
		extension.TaskList,
		extension.Footnote,
		code,
	}
	if opts.Mentions.Enabled {
		exts = append(exts, newMentionExtension(opts.Mentions))
	}
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	return &Renderer{md: md}
}

// Render renders the post src. res resolves mentions and hashtags and may
// be nil. src must not be modified while Render runs.
func (r *Renderer) Render(src []byte, res Resolver) (Result, error) {
	var out Result
	err := r.RenderFunc(src, res, func(tmp Result) error {
		out = tmp
		out.HTML, out.Summary = clone(tmp.HTML, tmp.Summary)
		return nil
	})
	return out, err
}

// RenderFunc renders the post src as Render does and passes the result to
// use, whose error it returns. The result's HTML and Summary are valid
// only until use returns, as their memory is then reused: use copies what
// it keeps, which saves Render's copy when it keeps the HTML in another
// form (a string, a cache entry).
func (r *Renderer) RenderFunc(src []byte, res Resolver, use func(Result) error) error {
	pc := parser.NewContext()
	if res != nil {
		pc.Set(resolverKey, res)
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	out := analyze(doc, src)

	buf := getBuffer()
	defer putBuffer(buf)
	sum, err := r.renderBlocks(buf, src, doc, out.summary)
	if err != nil {
		return fmt.Errorf("markdown: render post: %w", err)
	}
	html := buf.Bytes()
	var summary []byte
	if sum.start >= 0 {
		summary = html[sum.start:sum.end:sum.end]
	}
	return use(Result{HTML: html[:len(html):len(html)], Summary: summary, HasMore: out.hasMore, Words: out.words})
}

// renderBlocks renders the top-level blocks of doc one by one into buf and
// returns the byte range in buf that the summary span covers.
func (r *Renderer) renderBlocks(buf *bufWriter, src []byte, doc ast.Node, span summarySpan) (byteSpan, error) {
	out := byteSpan{start: -1, end: -1}
	if span.ok && span.from == nil {
		out.start = 0
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if span.ok && c == span.from {
			out.start = buf.Len()
		}
		if span.ok && c == span.to {
			out.end = buf.Len()
		}
		if err := r.md.Renderer().Render(buf, src, c); err != nil {
			return byteSpan{}, fmt.Errorf("render %s block: %w", c.Kind(), err)
		}
	}
	if out.start >= 0 && out.end < 0 {
		out.end = buf.Len()
	}
	return out, nil
}

// byteSpan is a range of rendered bytes; start < 0 means none.
type byteSpan struct {
	start, end int
}

// clone copies html and part in one allocation.
func clone(html, part []byte) (htmlCopy, partCopy []byte) {
	n := len(html)
	b := make([]byte, n+len(part))
	copy(b, html)
	htmlCopy = b[:n:n]
	if part != nil {
		partCopy = b[n:]
		copy(partCopy, part)
	}
	return htmlCopy, partCopy
}

// bufWriter is a bytes.Buffer that satisfies goldmark's util.BufWriter, so
// the renderer writes straight into it without an extra bufio layer.
type bufWriter struct {
	bytes.Buffer
}

// Buffered implements util.BufWriter; nothing is ever pending.
func (w *bufWriter) Buffered() int { return 0 }

// Flush implements util.BufWriter; there is nothing to flush.
func (w *bufWriter) Flush() error { return nil }

// maxPooledBuffer caps the buffers kept for reuse, so that one huge
// document does not pin its memory.
const maxPooledBuffer = 1 << 20

var bufPool = sync.Pool{New: func() any { return new(bufWriter) }}

// getBuffer returns an empty buffer from the pool.
func getBuffer() *bufWriter {
	return bufPool.Get().(*bufWriter)
}

// putBuffer returns buf to the pool unless it grew too large.
func putBuffer(buf *bufWriter) {
	if buf.Cap() > maxPooledBuffer {
		return
	}
	if scribbleReleased {
		b := buf.Bytes()
		b = b[:cap(b)]
		for i := range b {
			b[i] = '#'
		}
	}
	buf.Reset()
	bufPool.Put(buf)
}
