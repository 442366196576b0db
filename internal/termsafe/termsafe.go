// Package termsafe makes text from readers and contributors safe to print
// on a terminal.
//
// A comment, an author's name or a file name can hold bytes a terminal
// acts on: ESC and the other C0 and C1 control characters start sequences
// that clear the screen, move the cursor, retitle the window or set the
// clipboard; the bidirectional overrides (U+202A to U+202E, U+2066 to
// U+2069, and the marks U+200E, U+200F, U+061C) reorder what follows so
// that a line reads other than it is; U+2028 and U+2029 break lines in
// some terminals. Line and Text write each of them visibly instead, as Go
// writes them in a string literal (\x1b, \u202e), and every byte that is
// not UTF-8 as \xNN. Everything else, backslashes included, is left as
// it is.
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Line returns s for one line of a terminal: every control character,
// tab and newline included, is escaped.
func Line(s string) string { return escape(s, false) }

// Text returns s for a terminal as text of several lines: tab and newline
// are kept, every other control character is escaped.
func Text(s string) string { return escape(s, true) }

// Escaped reports whether r is written escaped by Line: a C0 or C1
// control character, DEL, a bidirectional control, or a line or
// paragraph separator.
func Escaped(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return Bidi(r)
}

// Bidi reports whether r is a bidirectional control: an embedding,
// override or isolate (U+202A to U+202E, U+2066 to U+2069) or a mark
// (U+200E, U+200F, U+061C).
func Bidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// escape writes s with its unsafe characters escaped; keepLines keeps tab
// and newline.
func escape(s string, keepLines bool) string {
	i := unsafeAt(s, keepLines)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !Escaped(r) || keepLines && (r == '\n' || r == '\t'):
			b.WriteString(s[i : i+n])
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
	}
	return b.String()
}

// unsafeAt returns the index of the first byte of s to escape, or -1.
func unsafeAt(s string, keepLines bool) int {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return i
		}
		if Escaped(r) && !(keepLines && (r == '\n' || r == '\t')) {
			return i
		}
	}
	return -1
}

// JSON returns the JSON text b with every character Line would escape
// written as a \uXXXX escape, which a JSON reader takes for the same
// character: the data is unchanged, the terminal safe. encoding/json
// escapes the C0 controls itself but writes C1 controls and the
// bidirectional ones as they are. b must be valid JSON, as encoding/json
// writes it; only its strings can hold such characters.
func JSON(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if Escaped(r) && r >= 0x80 {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// Writer escapes what is written through it as Text does.
type Writer struct {
	w io.Writer
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes p to the underlying writer as Text escapes it, and returns
// len(p) when all of it was written. A character split between two writes
// is written as the bytes it is made of (\xNN).
func (w *Writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, Text(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
