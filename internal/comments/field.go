package comments

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blogen/blogen/internal/termsafe"
)

// Field is one text field of the comment form, as ValidateField checks
// it.
type Field struct {
	// Label names the field in messages to the reader: "name",
	// "comment".
	Label string
	// Max is the most characters (not bytes) it may hold; 0 means no
	// limit.
	Max int
	// Multiline allows tab and newline, as in the comment itself; in
	// other fields they are control characters like the rest.
	Multiline bool
}

// FieldError is why ValidateField refused a value. Its message is meant
// for the reader who sent it, and says what to change.
type FieldError struct {
	Label  string // the field's Label
	Reason string // "is not UTF-8 text", ...
	Fix    string // what to do
}

// Error returns "The name holds the control character \x1b (character
// 4); remove it and send the comment again."
func (e *FieldError) Error() string {
	return fmt.Sprintf("The %s %s; %s.", e.Label, e.Reason, e.Fix)
}

// NormalizeNewlines turns the CR LF line ends browsers send into LF. A
// CR on its own is left, for ValidateField to refuse.
func NormalizeNewlines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// ValidateField checks the text a reader sent in a field of the comment
// form, before anything stores or prints it. The text must be UTF-8, hold
// no control character (C0, DEL or C1; tab and newline aside in a
// Multiline field) and no bidirectional control (which can make a name or
// a link read as something else), and be at most f.Max characters long.
// Normalise line ends first (NormalizeNewlines). The error, a
// *FieldError, names the field and the first problem.
func ValidateField(f Field, value string) error {
	if i := invalidUTF8(value); i >= 0 {
		return &FieldError{f.Label, fmt.Sprintf("is not UTF-8 text (byte %#x at byte %d)", value[i], i+1),
			"send the form from a page in UTF-8, or type the text again"}
	}
	n := 0
	for _, r := range value {
		n++
		if what := refused(r, f.Multiline); what != "" {
			return &FieldError{f.Label, fmt.Sprintf("holds the %s %s (character %d)", what, termsafe.Line(string(r)), n),
				"remove it and send the comment again"}
		}
	}
	if f.Max > 0 && n > f.Max {
		return &FieldError{f.Label, fmt.Sprintf("is %s characters long", thousands(n)),
			fmt.Sprintf("keep it to at most %s characters", thousands(f.Max))}
	}
	return nil
}

// refused names what r is when a field may not hold it, or returns "".
func refused(r rune, multiline bool) string {
	switch {
	case multiline && (r == '\n' || r == '\t'):
		return ""
	case unicode.IsControl(r):
		return "control character"
	case termsafe.Bidi(r):
		return "bidirectional text control"
	}
	return ""
}

// invalidUTF8 returns the index of the first byte of s that is not UTF-8,
// or -1.
func invalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// thousands writes n with commas: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
