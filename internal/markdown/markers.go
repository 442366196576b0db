package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markerEnd returns the index just past a <!--more--> marker at the start of
// b (after optional white space), or -1 when b does not start with one. The
// word "more" may be in any case and have white space around it.
func markerEnd(b []byte) int {
	i := skipSpace(b, 0)
	for _, part := range [...]string{"<!--", "more", "-->"} {
		if len(b)-i < len(part) || !bytes.EqualFold(b[i:i+len(part)], []byte(part)) {
			return -1
		}
		i = skipSpace(b, i+len(part))
	}
	return i
}

// skipSpace returns the index of the first non-space byte of b at or after i.
func skipSpace(b []byte, i int) int {
	for i < len(b) && util.IsSpace(b[i]) {
		i++
	}
	return i
}

// isMarkerNode reports whether n is a <!--more--> marker: an inline raw HTML
// node that is exactly the marker, or an HTML block whose first line starts
// with it.
func isMarkerNode(n ast.Node, src []byte) bool {
	switch n := n.(type) {
	case *ast.RawHTML:
		v := segmentsValue(n.Segments, src)
		return markerEnd(v) == len(v)
	case *ast.HTMLBlock:
		if n.Lines().Len() == 0 {
			return false
		}
		line := n.Lines().At(0)
		return markerEnd(line.Value(src)) >= 0
	}
	return false
}

// removeMarker takes marker m out of the output and reports whether m left
// the tree. An HTML block that holds more than the marker stays, without
// the marker.
func removeMarker(m ast.Node, src []byte) bool {
	if b, ok := m.(*ast.HTMLBlock); ok && !onlyMarker(b, src) {
		line := b.Lines().At(0)
		end := markerEnd(line.Value(src))
		b.Lines().Set(0, line.WithStart(line.Start+end))
		return false
	}
	parent := m.Parent()
	prev := m.PreviousSibling()
	last := m.NextSibling() == nil
	parent.RemoveChild(parent, m)
	if t, ok := prev.(*ast.Text); ok && last {
		t.Segment = t.Segment.TrimRightSpace(src)
	}
	return true
}

// onlyMarker reports whether HTML block b holds nothing but the marker.
func onlyMarker(b *ast.HTMLBlock, src []byte) bool {
	v := segmentsValue(b.Lines(), src)
	if b.HasClosure() {
		v = append(v, b.ClosureLine.Value(src)...)
	}
	return markerEnd(v) == len(v)
}

// segmentsValue returns the concatenated text of segs.
func segmentsValue(segs *text.Segments, src []byte) []byte {
	var v []byte
	for i := range segs.Len() {
		s := segs.At(i)
		v = append(v, s.Value(src)...)
	}
	return v
}
