package content

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"sync"

	"github.com/blogen/blogen/internal/diag"
)

// A build reads every post and comment twice, its front matter when the
// site loads and its body when it is rendered, and keeps neither file: the
// files are read into buffers that go back to a pool once parsed or
// rendered, rather than into memory the collector must reclaim.

// readBuffers holds the buffers of readPooled.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledRead caps the buffers kept in readBuffers, so that one huge
// file does not pin its memory.
const maxPooledRead = 1 << 20

// minRead is the least room a read starts with: most posts fit.
const minRead = 32 << 10

// readPooled reads file from fsys into a buffer of readBuffers, which the
// caller gives back with releaseRead.
func readPooled(fsys fs.FS, file string) (*[]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := readBuffers.Get().(*[]byte)
	b := slices.Grow((*buf)[:0], minRead) // no Stat: the buffer grows to fit
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			*buf = b
			releaseRead(buf)
			return nil, err
		}
		if len(b) == cap(b) {
			b = slices.Grow(b, 4096)
		}
	}
	*buf = b
	return buf, nil
}

// releaseRead gives buf back to the pool; nothing may use it afterwards.
func releaseRead(buf *[]byte) {
	if cap(*buf) > maxPooledRead {
		return
	}
	if scribbleReleased {
		b := (*buf)[:cap(*buf)]
		for i := range b {
			b[i] = '#'
		}
	}
	*buf = (*buf)[:0]
	readBuffers.Put(buf)
}

// WithBody calls use with the Markdown body of post p: Body when the post
// holds it, else the text after the front matter of its file in fsys. Load
// does not keep bodies, so that a large site's memory holds only metadata;
// a file changed since it was loaded is an error, not a wrong page. A body
// read from the file is in memory reused once use returns: use must not
// keep the body or any part of it.
func WithBody(fsys fs.FS, p *Post, use func(body []byte) error) error {
	if p.Body != nil {
		return use(p.Body)
	}
	return withBody(fsys, p.Source, p.BodyStart, "cannot read the post", use)
}

// WithCommentBody is WithBody for a comment.
func WithCommentBody(fsys fs.FS, c *Comment, use func(body []byte) error) error {
	if c.Body != nil {
		return use(c.Body)
	}
	return withBody(fsys, c.Source, c.BodyStart, "cannot read the comment", use)
}

// ReadBody returns a copy of the Markdown body of post p, as WithBody
// reads it.
func ReadBody(fsys fs.FS, p *Post) (body []byte, err error) {
	err = WithBody(fsys, p, func(b []byte) error {
		body = slices.Clone(b)
		return nil
	})
	return body, err
}

// ReadCommentBody is ReadBody for a comment.
func ReadCommentBody(fsys fs.FS, c *Comment) (body []byte, err error) {
	err = WithCommentBody(fsys, c, func(b []byte) error {
		body = slices.Clone(b)
		return nil
	})
	return body, err
}

// withBody calls use with the text of file from byte start on.
func withBody(fsys fs.FS, file string, start int, cannot string, use func([]byte) error) error {
	buf, err := readPooled(fsys, file)
	if err != nil {
		return diag.Wrap(file, 0, err, cannot)
	}
	defer releaseRead(buf)
	if start > len(*buf) {
		return diag.Errorf(file, 0, "the file changed while the site was being built; build again")
	}
	return use((*buf)[start:])
}
