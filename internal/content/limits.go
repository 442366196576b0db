package content

import (
	"bytes"

	"github.com/blogen/blogen/internal/diag"
)

// The bounds of a front matter block, checked before any decoder reads
// it. Hand-written front matter is a few hundred bytes and two or three
// levels deep; the bounds leave room for any of it. Without them a hostile
// file could make a decoder take minutes and gigabytes: BurntSushi/toml
// takes time quadratic in the nesting of inline tables and dotted keys
// (32 KB of them: 15 seconds, 2.7 GB).
const (
	// MaxFrontMatter is the most bytes a front matter block may hold,
	// its delimiters included.
	MaxFrontMatter = 64 << 10
	// MaxFrontMatterDepth is how deeply a front matter block may nest
	// tables, lists and keys: [ and { in TOML and JSON, and dotted keys
	// in TOML; indentation and [ { in YAML.
	MaxFrontMatterDepth = 32
)

// checkLimits reports a front matter block of src over MaxFrontMatter or
// MaxFrontMatterDepth as file:line: what to do. A block that does not
// close is left to the caller.
func checkLimits(file, format string, src []byte) error {
	end := blockEnd(src, format)
	if end > MaxFrontMatter || end == 0 && len(src) > MaxFrontMatter && format != "json" {
		return diag.Errorf(file, 1, "the front matter block is over the limit of %d KiB; keep metadata in the front matter and move long text into the body", MaxFrontMatter>>10)
	}
	if end == 0 {
		end = min(len(src), MaxFrontMatter)
	}
	var line int
	switch format {
	case "yaml":
		line = yamlTooDeep(src[:end])
	case "toml":
		line = tomlTooDeep(src[:end])
	case "json":
		line = jsonTooDeep(src[:end])
	}
	if line > 0 {
		return diag.Errorf(file, line, "the front matter nests deeper than %d levels; flatten it: front matter holds a post's metadata, a few levels deep at most", MaxFrontMatterDepth)
	}
	return nil
}

// blockEnd returns the offset just past the front matter block that opens
// src, or 0 when it does not close.
func blockEnd(src []byte, format string) int {
	if format == "json" {
		return jsonEnd(src)
	}
	return frontEnd(src, delimiters[format])
}

// jsonEnd returns the offset just past a JSON front matter block as
// adrg/frontmatter reads it: up to a line "}" followed by a blank line or
// the end of the file, and past that blank line; or 0.
func jsonEnd(src []byte) int {
	for i := 0; i < len(src); {
		line, next := lineAt(src, i)
		if string(bytes.TrimSpace(line)) == "}" {
			if next >= len(src) {
				return next
			}
			if after, past := lineAt(src, next); len(bytes.TrimSpace(after)) == 0 {
				return past
			}
		}
		i = next
	}
	return 0
}

// lineAt returns the line of src that starts at i, without its newline,
// and the offset of the next line.
func lineAt(src []byte, i int) ([]byte, int) {
	n := bytes.IndexByte(src[i:], '\n')
	if n < 0 {
		return src[i:], len(src)
	}
	return src[i : i+n], i + n + 1
}

// jsonTooDeep returns the line of the file on which the JSON block
// src nests deeper than MaxFrontMatterDepth, or 0.
func jsonTooDeep(src []byte) int {
	depth, line := 0, 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '"':
			i = skipQuoted(src, i, '"', true)
		case '[', '{':
			if depth++; depth-1 > MaxFrontMatterDepth { // the object itself is the top
				return line
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0
}

// skipComment returns the index of the last byte of the comment that
// opens at i: the byte before the newline that ends it.
func skipComment(src []byte, i int) int {
	n := bytes.IndexByte(src[i:], '\n')
	if n < 0 {
		return len(src)
	}
	return i + n - 1
}

// skipQuoted returns the index of the quote that closes the string
// opening at src[i], or of the end of its line when it does not close
// there: front matter strings of one line. escapes says whether a
// backslash escapes the next byte.
func skipQuoted(src []byte, i int, quote byte, escapes bool) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if escapes && j+1 < len(src) && src[j+1] != '\n' {
				j++
			}
		case quote:
			return j
		case '\n':
			return j - 1
		}
	}
	return len(src)
}

// tomlDepth follows the nesting of a TOML block. Each [ and { opens a
// level below the key whose value it is, each dot of a key one more; the
// entries below a [table] header start at the header's depth.
type tomlDepth struct {
	src   []byte
	line  int
	open  []tomlLevel // the brackets open, innermost last
	base  int         // the depth of the entries of the current table
	dots  int         // the dots of the key read so far
	inKey bool        // reading a key, not a value
}

// tomlLevel is one open bracket: '[' an array, '{' an inline table, 'h'
// a table header; depth is where its entries or elements are.
type tomlLevel struct {
	kind  byte
	depth int
}

// tomlTooDeep returns the line of the file on which the TOML block src
// nests deeper than MaxFrontMatterDepth, or 0.
func tomlTooDeep(src []byte) int {
	t := &tomlDepth{src: src, line: 1, inKey: true}
	for i := 0; i < len(src); i++ {
		var deep bool
		i, deep = t.step(i)
		if deep {
			return t.line
		}
	}
	return 0
}

// step reads the byte at i, and what it opens up to where it ends; it
// returns the index of the last byte read and whether the block is now
// too deep.
func (t *tomlDepth) step(i int) (int, bool) {
	switch c := t.src[i]; c {
	case '\n':
		t.line++
		if len(t.open) == 0 {
			t.inKey, t.dots = true, 0
		}
	case '#':
		return skipComment(t.src, i), false
	case '"', '\'':
		return t.skipString(i, c), false
	case '=':
		t.inKey = false
	case '.':
		if t.inKey {
			t.dots++
			return i, t.depth()+t.dots > MaxFrontMatterDepth
		}
	case ',':
		t.dots = 0
		t.inKey = len(t.open) > 0 && t.open[len(t.open)-1].kind == '{'
	case '[', '{':
		return t.push(i, c)
	case ']', '}':
		return t.pop(i), false
	}
	return i, false
}

// depth is the depth of the entries or elements being read.
func (t *tomlDepth) depth() int {
	if len(t.open) == 0 {
		return t.base
	}
	return t.open[len(t.open)-1].depth
}

// push opens the bracket at i: a table header at the start of a line, else
// an array or inline table one level below its key.
func (t *tomlDepth) push(i int, c byte) (int, bool) {
	if c == '[' && len(t.open) == 0 && t.inKey && t.dots == 0 {
		if i+1 < len(t.src) && t.src[i+1] == '[' {
			i++
		}
		t.open = append(t.open, tomlLevel{'h', 0})
		return i, false
	}
	d := t.depth() + t.dots + 1
	t.open = append(t.open, tomlLevel{c, d})
	t.inKey, t.dots = c == '{', 0
	return i, d > MaxFrontMatterDepth
}

// pop closes the bracket at i; closing a header starts its table.
func (t *tomlDepth) pop(i int) int {
	if len(t.open) == 0 {
		return i
	}
	top := t.open[len(t.open)-1]
	t.open = t.open[:len(t.open)-1]
	if top.kind == 'h' {
		t.base = t.dots + 1
		if i+1 < len(t.src) && t.src[i+1] == ']' {
			t.base, i = t.base+1, i+1
		}
	}
	t.inKey, t.dots = false, 0
	return i
}

// skipString returns the index of the last byte of the string opening at
// i with quote: one line, or three quotes to three quotes across lines.
func (t *tomlDepth) skipString(i int, quote byte) int {
	triple := bytes.Repeat([]byte{quote}, 3)
	if !bytes.HasPrefix(t.src[i:], triple) {
		return skipQuoted(t.src, i, quote, quote == '"')
	}
	for j := i + 3; j < len(t.src); j++ {
		switch {
		case t.src[j] == '\n':
			t.line++
		case t.src[j] == '\\' && quote == '"':
			j++
			if j < len(t.src) && t.src[j] == '\n' {
				t.line++
			}
		case bytes.HasPrefix(t.src[j:], triple):
			return j + 2
		}
	}
	return len(t.src)
}

// yamlDepth follows the nesting of a YAML block: the columns of the
// block collections open (indentation, "- " and "? "), and the [ and {
// of flow collections.
type yamlDepth struct {
	src   []byte
	line  int
	cols  []int // the columns of the block levels open, innermost last
	block int   // the indentation of the line that opened a | or > scalar, or -1
}

// yamlTooDeep returns the line of the file on which the YAML block src
// nests deeper than MaxFrontMatterDepth, or 0.
func yamlTooDeep(src []byte) int {
	y := &yamlDepth{src: src, block: -1}
	for i := 0; i < len(src); {
		line, next := lineAt(src, i)
		y.line++
		if deep, end := y.readLine(i, line); deep {
			return y.line
		} else if end > next {
			next = end
		}
		i = next
	}
	return 0
}

// readLine reads the line starting at offset start; it returns whether the
// block is now too deep, and where a flow collection the line opens ends
// (0 if it opens none).
func (y *yamlDepth) readLine(start int, line []byte) (bool, int) {
	indent := len(line) - len(bytes.TrimLeft(line, " "))
	text := bytes.TrimSpace(line)
	if y.block >= 0 && (len(text) == 0 || indent > y.block) {
		return false, 0 // the text of a block scalar
	}
	y.block = -1
	if len(text) == 0 || text[0] == '#' {
		return false, 0
	}
	for len(y.cols) > 0 && y.cols[len(y.cols)-1] >= indent {
		y.cols = y.cols[:len(y.cols)-1]
	}
	col := indent
	y.cols = append(y.cols, col)
	for rest := line[col:]; isIndicator(rest); rest = line[col:] {
		col += 1 + len(rest[1:]) - len(bytes.TrimLeft(rest[1:], " "))
		if col < len(line) {
			y.cols = append(y.cols, col)
		}
	}
	if y.level() > MaxFrontMatterDepth {
		return true, 0
	}
	return y.readValue(start, line, indent, col)
}

// level is the depth of the line read: 0 for the keys of the top.
func (y *yamlDepth) level() int { return len(y.cols) - 1 }

// isIndicator reports whether b opens with a block sequence entry "- " or
// a complex key "? ".
func isIndicator(b []byte) bool {
	return len(b) > 0 && (b[0] == '-' || b[0] == '?') && (len(b) == 1 || b[1] == ' ')
}

// readValue finds the value of the entry at column col of the line: a flow
// collection is followed to its end, a | or > scalar skips the lines of
// its text.
func (y *yamlDepth) readValue(start int, line []byte, indent, col int) (bool, int) {
	v := line[col:]
	if len(v) > 0 && v[0] != '[' && v[0] != '{' {
		v = mappingValue(v)
	}
	v = skipProperties(v)
	switch {
	case len(v) == 0:
		return false, 0
	case v[0] == '|' || v[0] == '>':
		y.block = indent
		return false, 0
	case v[0] == '[' || v[0] == '{':
		return y.flow(start + len(line) - len(v))
	}
	return false, 0
}

// mappingValue returns what follows the ": " of a mapping entry, or nil.
func mappingValue(b []byte) []byte {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"', '\'':
			if i == 0 {
				i = skipQuoted(b, i, b[i], b[i] == '"')
			}
		case '#':
			if i > 0 && b[i-1] == ' ' {
				return nil
			}
		case ':':
			if i+1 == len(b) || b[i+1] == ' ' {
				return bytes.TrimLeft(b[i+1:], " ")
			}
		}
	}
	return nil
}

// skipProperties skips the anchor (&a) and tag (!t) before a value.
func skipProperties(b []byte) []byte {
	for len(b) > 0 && (b[0] == '&' || b[0] == '!') {
		end := bytes.IndexByte(b, ' ')
		if end < 0 {
			return nil
		}
		b = bytes.TrimLeft(b[end:], " ")
	}
	return b
}

// flow follows the flow collection opening at offset i to its end; it
// returns whether it nests too deep, and the offset of the line after its
// end.
func (y *yamlDepth) flow(i int) (bool, int) {
	depth := 0
	for ; i < len(y.src); i++ {
		switch c := y.src[i]; c {
		case '\n':
			y.line++
		case '"', '\'':
			i = skipQuoted(y.src, i, c, c == '"')
		case '#':
			if i > 0 && (y.src[i-1] == ' ' || y.src[i-1] == '\t') {
				i = skipComment(y.src, i)
			}
		case '[', '{':
			if depth++; y.level()+depth > MaxFrontMatterDepth {
				return true, 0
			}
		case ']', '}':
			if depth--; depth == 0 {
				_, next := lineAt(y.src, i)
				return false, next
			}
		}
	}
	return false, len(y.src)
}
