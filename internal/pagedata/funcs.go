package pagedata

import (
	"fmt"
	"html/template"
	"strings"
	"time"
)

// DateLayout is how the theme writes a date: "10 June 2013".
const DateLayout = "2 January 2006"

// Funcs are the functions every template may call, besides the methods of
// Page.
func Funcs() template.FuncMap {
	return template.FuncMap{
		// date formats a time as "10 June 2013".
		"date": func(t time.Time) string { return t.Format(DateLayout) },
		// isoDate formats a time for <time datetime>: "2013-06-10T09:30:00Z".
		"isoDate": func(t time.Time) string { return t.Format(time.RFC3339) },
		// plural picks "1 Comment" or "12 Comments".
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		// add adds integers, for counters in templates.
		"add": func(a, b int) int { return a + b },
		// seq returns 1..n, for page numbers.
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i + 1
			}
			return out
		},
		// lower lower-cases text.
		"lower": strings.ToLower,
		// initials returns up to two initials of a name, for avatars.
		"initials": func(name string) string {
			var out []rune
			for _, w := range strings.Fields(name) {
				out = append(out, []rune(w)[0])
				if len(out) == 2 {
					break
				}
			}
			return strings.ToUpper(string(out))
		},
		// dict builds a map from pairs, to pass several values to a partial.
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict needs pairs of key and value")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict keys must be text, got %T", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
	}
}
