package moderation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/blogen/blogen/internal/content"
)

// bom is the UTF-8 byte order mark some editors put first in a file.
var bom = []byte("\uFEFF")

// rewriteStatus returns src with the status of its front matter set to s,
// every other byte as it was: only the value of an existing status key
// changes (keeping its quotes), or, when there is none, one line is added
// at the end of the block (before the first table in TOML, after the last
// member in JSON).
func rewriteStatus(src []byte, s content.Status) ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("status %q: want approved, pending, spam or rejected", s)
	}
	rest, hadBOM := bytes.CutPrefix(src, bom)
	first, _, _ := bytes.Cut(rest, []byte("\n"))
	first = bytes.TrimRight(first, " \t\r")
	var out []byte
	var err error
	switch {
	case bytes.Equal(first, []byte("---")):
		out, err = rewriteLines(rest, s, "---", yamlStatus, yamlLine)
	case bytes.Equal(first, []byte("+++")):
		out, err = rewriteLines(rest, s, "+++", tomlStatus, tomlLine)
	case bytes.HasPrefix(first, []byte("{")):
		out, err = rewriteJSON(rest, s)
	default:
		err = errors.New("the file has no front matter")
	}
	if err != nil {
		return nil, err
	}
	if hadBOM {
		out = append(bytes.Clone(bom), out...)
	}
	return out, nil
}

// Status lines of YAML and TOML front matter: key, value, trailing comment.
var (
	yamlStatus = regexp.MustCompile(`^((?i:status)[ \t]*:[ \t]*)("[^"]*"|'[^']*'|[^#\r\n]*?)([ \t]*(?:#.*)?)$`)
	tomlStatus = regexp.MustCompile(`^([ \t]*(?i:status)[ \t]*=[ \t]*)("(?:[^"\\]|\\.)*"|'[^']*'|[^#\r\n]*?)([ \t]*(?:#.*)?)$`)
)

// yamlLine is a new YAML status line; quoted keeps the quotes of the old
// value (a YAML value may go bare).
func yamlLine(s content.Status, old string) string {
	switch {
	case strings.HasPrefix(old, `"`):
		return `"` + string(s) + `"`
	case strings.HasPrefix(old, `'`):
		return `'` + string(s) + `'`
	}
	return string(s)
}

// tomlLine is a new TOML status value, quoted as the old one was.
func tomlLine(s content.Status, old string) string {
	if strings.HasPrefix(old, `'`) {
		return `'` + string(s) + `'`
	}
	return `"` + string(s) + `"`
}

// rewriteLines rewrites the status line of a front matter block between
// delim lines (YAML or TOML), or adds one.
func rewriteLines(src []byte, s content.Status, delim string, re *regexp.Regexp, value func(content.Status, string) string) ([]byte, error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	end := -1
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], " \t\r\n")) == delim {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, fmt.Errorf("the front matter has no closing %s line", delim)
	}
	top := end // TOML: keys after the first [table] belong to it
	found := false
	for i := 1; i < end; i++ {
		body, eol := splitEOL(lines[i])
		if delim == "+++" && bytes.HasPrefix(bytes.TrimLeft(body, " \t"), []byte("[")) {
			top = i
			break
		}
		if m := re.FindSubmatch(body); m != nil {
			lines[i] = join(m[1], spaceAfterColon(m[1], m[2]), []byte(value(s, string(m[2]))), m[3], eol)
			found = true
		}
	}
	if !found {
		lines = insertLine(lines, top, statusKey(delim, s), lineEnding(lines[0]))
	}
	return bytes.Join(lines, nil), nil
}

// spaceAfterColon returns the space a bare "status:" needs before its new
// value.
func spaceAfterColon(key, old []byte) []byte {
	if len(old) == 0 && bytes.HasSuffix(key, []byte(":")) {
		return []byte(" ")
	}
	return nil
}

// statusKey is a new status line for YAML or TOML.
func statusKey(delim string, s content.Status) string {
	if delim == "+++" {
		return `status = "` + string(s) + `"`
	}
	return "status: " + string(s)
}

// insertLine inserts line before lines[at], after any blank lines that end
// the block before it.
func insertLine(lines [][]byte, at int, line, eol string) [][]byte {
	for at > 1 && len(bytes.TrimSpace(lines[at-1])) == 0 {
		at--
	}
	if prev := lines[at-1]; !bytes.HasSuffix(prev, []byte("\n")) {
		lines[at-1] = append(bytes.Clone(prev), eol...)
	}
	out := make([][]byte, 0, len(lines)+1)
	out = append(out, lines[:at]...)
	out = append(out, []byte(line+eol))
	return append(out, lines[at:]...)
}

// splitEOL splits a line from its line ending.
func splitEOL(line []byte) (body, eol []byte) {
	switch {
	case bytes.HasSuffix(line, []byte("\r\n")):
		return line[:len(line)-2], line[len(line)-2:]
	case bytes.HasSuffix(line, []byte("\n")):
		return line[:len(line)-1], line[len(line)-1:]
	}
	return line, nil
}

// lineEnding returns the line ending of line, "\n" when it has none.
func lineEnding(line []byte) string {
	if bytes.HasSuffix(line, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

func join(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// rewriteJSON rewrites the "status" member of a JSON front matter object,
// or adds one after the last member.
func rewriteJSON(src []byte, s content.Status) ([]byte, error) {
	value := []byte(`"` + string(s) + `"`)
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("the JSON front matter does not start with an object: %v", err)
	}
	open := int(dec.InputOffset())
	last := -1
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("malformed JSON front matter: %w", err)
		}
		keyEnd := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("malformed JSON front matter: %w", err)
		}
		last = int(dec.InputOffset())
		if k, _ := t.(string); strings.EqualFold(k, "status") {
			start := valueStart(src, keyEnd)
			return join(src[:start], value, src[last:]), nil
		}
	}
	if _, err := dec.Token(); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("malformed JSON front matter: %w", err)
	}
	if last < 0 {
		return join(src[:open], []byte(`"status": `), value, src[open:]), nil
	}
	member := append([]byte(","+memberSeparator(src[open:])+`"status": `), value...)
	return join(src[:last], member, src[last:]), nil
}

// valueStart skips the colon and white space after a key.
func valueStart(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n' || src[i] == ':') {
		i++
	}
	return i
}

// memberSeparator is what goes between the last member and a new one: a
// line break and the first key's indentation when members sit on their own
// lines, else a space. inner is the object after its opening brace.
func memberSeparator(inner []byte) string {
	lead := inner[:len(inner)-len(bytes.TrimLeft(inner, " \t\r\n"))]
	nl := bytes.LastIndexByte(lead, '\n')
	if nl < 0 {
		return " "
	}
	return lineEnding(lead[:nl+1]) + string(lead[nl+1:])
}
