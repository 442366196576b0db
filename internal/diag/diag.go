// Package diag carries positions and lists of errors through the build.
//
// Every stage of blogen reports problems in the input as a *Error that names
// the file (relative to the site root), the line (1-based, 0 when unknown)
// and what is wrong. Stages collect several of them in a List so that one
// build reports every problem it can find, not just the first.
//
// Errors print as
//
//	content/posts/a.md:3: date "2013-13-01" does not parse; write it as 2013-06-10 or 2013-06-10T09:30:00Z
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in one input file.
type Error struct {
	File string // path relative to the site root, with forward slashes
	Line int    // 1-based; 0 when the problem is about the whole file
	Msg  string // what is wrong and, where it helps, what to do
	Err  error  // the underlying error, if any
}

// Errorf returns an *Error at file:line with a formatted message.
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error at file:line that wraps err with a message.
func Wrap(file string, line int, err error, msg string) *Error {
	return &Error{File: file, Line: line, Msg: msg, Err: err}
}

// Locate returns err as it is when it already names its file (it is or
// holds an *Error), else Wrap(file, line, err, msg).
func Locate(file string, line int, err error, msg string) error {
	if len(Positions(err)) > 0 {
		return err
	}
	return Wrap(file, line, err, msg)
}

// Error formats the problem as file:line: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Err != nil {
		if e.Msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// List collects errors. The zero value is an empty list ready to use. A List
// is not safe for concurrent use.
type List struct {
	errs []error
}

// Add appends err to the list, flattening nested lists. A nil err is ignored.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var nested *ListError
	if errors.As(err, &nested) {
		l.errs = append(l.errs, nested.Errs...)
		return
	}
	l.errs = append(l.errs, err)
}

// Addf appends a new *Error at file:line.
func (l *List) Addf(file string, line int, format string, args ...any) {
	l.Add(Errorf(file, line, format, args...))
}

// Len reports how many errors the list holds.
func (l *List) Len() int { return len(l.errs) }

// Err returns nil for an empty list, else a *ListError holding the errors
// sorted by file and line, with exact duplicates removed.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := slices.Clone(l.errs)
	slices.SortStableFunc(errs, compare)
	errs = slices.CompactFunc(errs, func(a, b error) bool { return a.Error() == b.Error() })
	return &ListError{Errs: errs}
}

func compare(a, b error) int {
	var ea, eb *Error
	okA, okB := errors.As(a, &ea), errors.As(b, &eb)
	switch {
	case okA && okB:
		return cmp.Or(strings.Compare(ea.File, eb.File), cmp.Compare(ea.Line, eb.Line))
	case okA:
		return -1
	case okB:
		return 1
	}
	return 0
}

// ListError is several errors reported together, one a line.
type ListError struct {
	Errs []error
}

// Error prints one error a line.
func (e *ListError) Error() string {
	lines := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, so errors.Is and errors.As see each of them.
func (e *ListError) Unwrap() []error { return e.Errs }

// Positions returns every *Error in err (itself, or inside a ListError).
func Positions(err error) []*Error {
	var out []*Error
	var list *ListError
	if errors.As(err, &list) {
		for _, e := range list.Errs {
			out = append(out, Positions(e)...)
		}
		return out
	}
	var e *Error
	if errors.As(err, &e) {
		out = append(out, e)
	}
	return out
}

// LineOf returns the 1-based line of byte offset off in src.
func LineOf(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	return 1 + strings.Count(string(src[:off]), "\n")
}
