package markdown

import (
	"bytes"
	"github.com/blogen/blogen/internal/slug"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// analysis is what one walk over a parsed post finds out.
type analysis struct {
	words   int
	hasMore bool
	summary summarySpan
}

// summarySpan names the top-level blocks that make the summary: from from
// (nil: the first block) up to but excluding to (nil: to the end).
type summarySpan struct {
	ok       bool
	from, to ast.Node
}

// analyzer walks a parsed post once: it counts words, sets heading ids and
// finds <!--more--> markers.
type analyzer struct {
	src     []byte
	words   wordCounter
	ids     headingIDs
	heading []byte // text of the heading being walked, when inHead
	inHead  bool
	markers []ast.Node
}

// analyze walks doc, sets heading ids, removes <!--more--> markers and
// returns word count and summary span.
func analyze(doc ast.Node, src []byte) analysis {
	a := &analyzer{src: src}
	_ = ast.Walk(doc, a.visit)
	a.words.boundary()
	out := analysis{words: a.words.n, hasMore: len(a.markers) > 0}
	if out.hasMore {
		out.summary = cutAtMarker(doc, a.markers[0], src)
		for _, m := range a.markers[1:] {
			removeMarker(m, src)
		}
	} else {
		out.summary = firstParagraph(doc)
	}
	return out
}

// visit is the ast.Walker of the analyzer.
func (a *analyzer) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.Type() != ast.TypeInline {
		a.words.boundary()
	}
	switch n := n.(type) {
	case *ast.Heading:
		a.visitHeading(n, entering)
	case *ast.HTMLBlock, *ast.RawHTML:
		if entering && isMarkerNode(n, a.src) {
			a.markers = append(a.markers, n)
		}
		a.words.boundary()
		return ast.WalkSkipChildren, nil
	case *ast.Image:
		a.words.boundary()
		return ast.WalkSkipChildren, nil
	default:
		if entering {
			a.visitText(n)
		}
	}
	return ast.WalkContinue, nil
}

// visitText feeds the text of an inline node, if it has any.
func (a *analyzer) visitText(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		a.text(n.Segment.Value(a.src), n.IsRaw())
		if n.SoftLineBreak() || n.HardLineBreak() {
			a.text(space, true)
		}
	case *ast.String:
		a.text(n.Value, n.IsRaw())
	case *ast.AutoLink:
		a.text(n.Label(a.src), true)
	case *mentionNode:
		a.text(n.segment.Value(a.src), true)
	}
}

// visitHeading starts collecting a heading's text and, when leaving it,
// gives the heading its id.
func (a *analyzer) visitHeading(n *ast.Heading, entering bool) {
	if entering {
		a.heading = a.heading[:0]
		a.inHead = true
		return
	}
	a.inHead = false
	n.SetAttributeString("id", a.ids.generate(a.heading))
}

// space separates the words of two lines.
var space = []byte{' '}

// text feeds inline text to the word counter and the current heading. In
// text that is not raw, escapes and character references count as the
// characters they stand for.
func (a *analyzer) text(b []byte, raw bool) {
	if !raw && (bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, '\\') >= 0) {
		b = resolveText(b)
	}
	a.words.feed(b)
	if a.inHead {
		a.heading = append(a.heading, b...)
	}
}

// firstParagraph returns the span of the first top-level paragraph.
func firstParagraph(doc ast.Node) summarySpan {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindParagraph {
			return summarySpan{ok: true, from: c, to: c.NextSibling()}
		}
	}
	return summarySpan{}
}

// cutAtMarker removes marker m and returns the summary span it ends: the
// blocks before m when m is a top-level block, else the blocks up to and
// including the top-level block that holds m.
func cutAtMarker(doc, m ast.Node, src []byte) summarySpan {
	top := m
	for top.Parent() != doc {
		top = top.Parent()
	}
	if top != m {
		removeMarker(m, src)
		return summarySpan{ok: true, to: top.NextSibling()}
	}
	after := m.NextSibling()
	if removeMarker(m, src) {
		return summarySpan{ok: true, to: after}
	}
	return summarySpan{ok: true, to: m}
}

// wordCounter counts words in a stream of text (see the package doc).
type wordCounter struct {
	n      int
	inWord bool
	alnum  bool
}

// feed counts the words in b, which may continue a word from the previous
// call. ASCII goes through asciiClasses, what rune does with it.
func (w *wordCounter) feed(b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b[i:])
			w.rune(r)
			i += size
			continue
		}
		switch asciiClasses[c] {
		case asciiSpace:
			w.boundary()
		case asciiAlnum:
			w.inWord, w.alnum = true, true
		default:
			w.inWord = true
		}
		i++
	}
}

// The classes of ASCII bytes for wordCounter.feed.
const (
	asciiOther = iota
	asciiSpace
	asciiAlnum
)

// asciiClasses classes each ASCII byte as rune does.
var asciiClasses = func() (classes [utf8.RuneSelf]uint8) {
	for c := range classes {
		switch {
		case util.IsSpace(byte(c)):
			classes[c] = asciiSpace
		case util.IsAlphaNumeric(byte(c)):
			classes[c] = asciiAlnum
		}
	}
	return classes
}()

// rune counts r.
func (w *wordCounter) rune(r rune) {
	switch {
	case r < utf8.RuneSelf && util.IsSpace(byte(r)), r >= utf8.RuneSelf && unicode.IsSpace(r):
		w.boundary()
	case r >= utf8.RuneSelf && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		w.boundary()
		w.n++
	default:
		w.inWord = true
		if r < utf8.RuneSelf {
			w.alnum = w.alnum || util.IsAlphaNumeric(byte(r))
		} else {
			w.alnum = w.alnum || unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
}

// boundary ends the current word, if any.
func (w *wordCounter) boundary() {
	if w.inWord && w.alnum {
		w.n++
	}
	w.inWord, w.alnum = false, false
}

// headingIDs hands out unique heading ids within one document.
type headingIDs struct {
	used map[string]bool
}

// generate returns a new id for a heading with the given raw text.
func (h *headingIDs) generate(raw []byte) []byte {
	if h.used == nil {
		h.used = make(map[string]bool)
	}
	base := slug.Make(string(raw))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// resolveText turns Markdown text into what a reader sees: backslash
// escapes and character references resolved.
func resolveText(b []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b)))
}
