package content

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

func bytesValidUTF8(b []byte) bool { return utf8.Valid(b) }

// firstInvalidLine returns the line of the first byte that is not UTF-8.
func firstInvalidLine(b []byte) int {
	line := 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if b[i] == '\n' {
			line++
		}
		i += size
	}
	return line
}

// fields reads typed values from a document's front matter, remembering the
// first problem of each key with its line.
type fields struct {
	doc   *document
	errs  []error
	names *names // shares the strings of names, when set
}

// names keeps one copy of each name that a load reads: the tags,
// categories and authors of posts and who wrote comments, which file
// after file repeats. A nil *names keeps every copy. It is safe for
// concurrent use.
type names struct {
	mu sync.Mutex
	m  map[string]string
}

// share returns the copy of s that the load keeps.
func (n *names) share(s string) string {
	if n == nil || s == "" {
		return s
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if kept, ok := n.m[s]; ok {
		return kept
	}
	if n.m == nil {
		n.m = map[string]string{}
	}
	s = strings.Clone(s) // s may be part of a longer string
	n.m[s] = s
	return s
}

func (f *fields) fail(key, format string, args ...any) {
	f.errs = append(f.errs, lineError(f.doc.file, f.doc.keyLine(key), fmt.Sprintf(format, args...)))
}

// set reports whether one of keys is set.
func (f *fields) set(keys ...string) bool {
	_, _, ok := f.first(keys...)
	return ok
}

// first returns the value of the first of keys that is set.
func (f *fields) first(keys ...string) (string, any, bool) {
	for _, k := range keys {
		if v, ok := f.doc.meta[k]; ok && v != nil {
			return k, v, true
		}
	}
	return "", nil, false
}

func (f *fields) str(keys ...string) string {
	k, v, ok := f.first(keys...)
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case string:
		return v
	case int, int64, float64, bool:
		return fmt.Sprint(v)
	}
	f.fail(k, "%s: want text, got %s", k, describe(v))
	return ""
}

// name is str for values that many files repeat, such as who wrote a
// comment (names).
func (f *fields) name(keys ...string) string { return f.names.share(f.str(keys...)) }

func (f *fields) boolean(keys ...string) bool {
	k, v, ok := f.first(keys...)
	if !ok {
		return false
	}
	switch v := v.(type) {
	case bool:
		return v
	case string:
		switch strings.ToLower(v) {
		case "true", "yes":
			return true
		case "false", "no", "":
			return false
		}
	}
	f.fail(k, "%s: want true or false, got %s", k, describe(v))
	return false
}

func (f *fields) integer(keys ...string) int {
	k, v, ok := f.first(keys...)
	if !ok {
		return 0
	}
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	}
	f.fail(k, "%s: want a whole number, got %s", k, describe(v))
	return 0
}

// list reads a list of strings; a single string is a list of one, and a
// comma-separated string (as Jekyll allows for tags) is split. Lists name
// tags, categories and authors, which many files repeat (names).
func (f *fields) list(keys ...string) []string {
	k, v, ok := f.first(keys...)
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case string:
		var out []string
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, f.names.share(s))
			}
		}
		return out
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			switch e := e.(type) {
			case string:
				if s := strings.TrimSpace(e); s != "" {
					out = append(out, f.names.share(s))
				}
			case int, int64, float64:
				out = append(out, f.names.share(fmt.Sprint(e)))
			default:
				f.fail(k, "%s: want a list of text, got an item that is %s", k, describe(e))
			}
		}
		return out
	}
	f.fail(k, "%s: want a list of text, got %s", k, describe(v))
	return nil
}

func (f *fields) table(key string) map[string]any {
	v, ok := f.doc.meta[key]
	if !ok || v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		f.fail(key, "%s: want a table of keys, got %s", key, describe(v))
	}
	return m
}

// dateLayouts are the forms a date may be written in, most precise first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
}

// ParseDate reads a date in any of the forms front matter allows. Dates
// without a zone are taken as UTC so that builds do not depend on the
// machine's time zone.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q does not parse; write it as 2013-06-10 or 2013-06-10T09:30:00Z", s)
}

func (f *fields) date(keys ...string) time.Time {
	k, v, ok := f.first(keys...)
	if !ok {
		return time.Time{}
	}
	switch v := v.(type) {
	case time.Time:
		if v.Location().String() == "time-local" || v.Year() <= 0 {
			f.fail(k, "%s: %s is a time of day without a date; write the date too, such as %s = 2013-06-10T%s", k, v.Format("15:04:05"), k, v.Format("15:04:05"))
			return time.Time{}
		}
		return v
	case bool: // Jekyll's published: false
		return time.Time{}
	case string:
		t, err := ParseDate(v)
		if err != nil {
			f.fail(k, "%s: %v", k, err)
		}
		return t
	}
	f.fail(k, "%s: want a date like 2013-06-10, got %s", k, describe(v))
	return time.Time{}
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("%q", v)
	case bool, int, int64, float64:
		return fmt.Sprintf("%v", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}
