package sitegen

import (
	"strconv"
	"time"
)

// yamlWriter appends YAML front matter lines to a prose buffer.
type yamlWriter struct{ p *prose }

// str writes key: "value", quoted so that colons and hashes are safe.
func (y yamlWriter) str(key, value string) {
	y.p.str(key + ": " + strconv.Quote(value) + "\n")
}

// raw writes key: value as it is.
func (y yamlWriter) raw(key, value string) { y.p.str(key + ": " + value + "\n") }

// date writes key: 2013-06-10T09:30:00Z.
func (y yamlWriter) date(key string, t time.Time) { y.raw(key, t.Format(time.RFC3339)) }

// list writes a block list of quoted strings.
func (y yamlWriter) list(key string, values []string) {
	y.p.str(key + ":\n")
	for _, v := range values {
		y.p.str("  - " + strconv.Quote(v) + "\n")
	}
}

// table writes a nested table of quoted strings, pairs given as key, value.
func (y yamlWriter) table(key string, pairs ...string) {
	y.p.str(key + ":\n")
	for i := 0; i+1 < len(pairs); i += 2 {
		y.p.str("  " + pairs[i] + ": " + strconv.Quote(pairs[i+1]) + "\n")
	}
}
