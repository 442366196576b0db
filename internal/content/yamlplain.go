package content

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Most front matter is a column of "key: value" lines, some of them
// followed by a list of "- item" lines, with values that are plain words
// or quoted on one line. yaml.v3 spends most of its time scanning and
// parsing such a block (tens of microseconds each, for every post and
// every comment of a site), then little resolving and decoding it.
// decodePlainYAML reads that common shape itself into the yaml.Node tree
// the parser would build, and leaves the rest to yaml.v3: resolving each
// value (strings, numbers, dates, nulls) and decoding the tree are done by
// Node.Decode, exactly as yaml.Unmarshal does them. Anything outside the
// shape (comments, nested maps, flow lists, anchors, escapes, multi-line
// values, tabs, duplicate keys...) is not read here: the block goes to
// yaml.Unmarshal, which also reports any error. FuzzPlainYAML holds the
// two to the same result.

// decodePlainYAML decodes the YAML block src into v and reports true, or
// reports false, having done nothing, when src is not in the plain shape.
func decodePlainYAML(src []byte, v any) (bool, error) {
	root, ok := plainMapping(src)
	if !ok {
		return false, nil
	}
	return true, root.Decode(v)
}

// plainMapping returns the mapping node of src, or false when src is not
// in the plain shape.
func plainMapping(src []byte) (*yaml.Node, bool) {
	if !plainText(src) {
		return nil, false
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	lines := plainLines{rest: src}
	for {
		line, n, more := lines.next()
		if !more {
			break
		}
		if len(line) == 0 {
			continue
		}
		key, value, ok := splitEntry(line, n, 0)
		if !ok || hasKey(root, key.Value) {
			return nil, false
		}
		if value == nil {
			if value, ok = lines.below(n); !ok {
				return nil, false
			}
		}
		root.Content = append(root.Content, key, value)
	}
	return root, len(root.Content) > 0
}

// hasKey reports whether the mapping m has the key already.
func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// plainLines reads a block line by line.
type plainLines struct {
	rest []byte
	line int // the number of the line last read
}

// next returns the next line, without its newline, and its number.
func (l *plainLines) next() (line []byte, n int, ok bool) {
	if len(l.rest) == 0 {
		return nil, 0, false
	}
	line, l.rest, _ = bytes.Cut(l.rest, []byte("\n"))
	l.line++
	return line, l.line, true
}

// nextIndent returns the number of spaces that open the next line, and
// whether the line then holds a list item.
func (l *plainLines) nextIndent() (spaces int, item bool) {
	for spaces < len(l.rest) && l.rest[spaces] == ' ' {
		spaces++
	}
	return spaces, bytes.HasPrefix(l.rest[spaces:], []byte("- "))
}

// below reads the value of the key on line keyLine, which has none on its
// line: the list or the mapping of the lines below, or a null scalar when
// the next line is not one of them.
func (l *plainLines) below(keyLine int) (*yaml.Node, bool) {
	spaces, item := l.nextIndent()
	switch {
	case item:
		return l.list()
	case spaces > 0:
		return l.mapping(spaces)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Line: keyLine, Column: 1}, true
}

// list reads the "- item" lines that come next.
func (l *plainLines) list() (*yaml.Node, bool) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Line: l.line + 1}
	indent := -1
	for spaces, item := l.nextIndent(); item || spaces > 0; spaces, item = l.nextIndent() {
		line, n, _ := l.next()
		value, ok := listItem(line, n, &indent)
		if !ok {
			return nil, false
		}
		seq.Column = indent + 1
		seq.Content = append(seq.Content, value)
	}
	return seq, true
}

// mapping reads the "key: value" lines indented by indent that come next,
// whose values must be on their lines.
func (l *plainLines) mapping(indent int) (*yaml.Node, bool) {
	m := &yaml.Node{Kind: yaml.MappingNode, Line: l.line + 1, Column: indent + 1}
	for spaces, _ := l.nextIndent(); spaces > 0; spaces, _ = l.nextIndent() {
		line, n, _ := l.next()
		if spaces != indent {
			return nil, false
		}
		key, value, ok := splitEntry(line[indent:], n, indent)
		if !ok || value == nil || hasKey(m, key.Value) {
			return nil, false
		}
		m.Content = append(m.Content, key, value)
	}
	return m, true
}

// listItem reads the line "- value" indented as the list's other items.
func listItem(line []byte, n int, indent *int) (*yaml.Node, bool) {
	spaces := len(line) - len(bytes.TrimLeft(line, " "))
	if *indent >= 0 && spaces != *indent {
		return nil, false
	}
	*indent = spaces
	rest, ok := bytes.CutPrefix(line[spaces:], []byte("- "))
	if !ok {
		return nil, false
	}
	value := bytes.TrimLeft(rest, " ")
	return plainScalar(value, n, len(line)-len(value)+1)
}

// splitEntry reads the line "key: value" or "key:", which starts after
// indent spaces. value is nil when the line has no value.
func splitEntry(line []byte, n, indent int) (key, value *yaml.Node, ok bool) {
	i := 0
	for i < len(line) && isKeyByte(line[i], i == 0) {
		i++
	}
	if i == 0 || i > maxPlainKey || i == len(line) || line[i] != ':' {
		return nil, nil, false
	}
	key = &yaml.Node{Kind: yaml.ScalarNode, Value: string(line[:i]), Line: n, Column: indent + 1}
	rest := line[i+1:]
	if len(bytes.TrimRight(rest, " ")) == 0 {
		return key, nil, true
	}
	if rest[0] != ' ' {
		return nil, nil, false
	}
	trimmed := bytes.TrimLeft(rest, " ")
	value, ok = plainScalar(trimmed, n, indent+len(line)-len(trimmed)+1)
	return key, value, ok
}

// maxPlainKey bounds the keys read here: YAML looks no further than 1,024
// characters for the colon of a key.
const maxPlainKey = 128

// isKeyByte reports whether c may be part of a key: letters, digits, _
// and -, not starting with a digit or -.
func isKeyByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		return true
	case c >= '0' && c <= '9', c == '-':
		return !first
	}
	return false
}

// plainScalar reads a value that fills the rest of its line: quoted with
// nothing to unescape, or plain with nothing YAML would read otherwise.
func plainScalar(text []byte, line, column int) (*yaml.Node, bool) {
	text = bytes.TrimRight(text, " ")
	node := &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: column}
	if len(text) == 0 {
		return nil, false
	}
	switch q := text[0]; q {
	case '"', '\'':
		if len(text) < 2 || text[len(text)-1] != q {
			return nil, false
		}
		inner := text[1 : len(text)-1]
		if bytes.IndexByte(inner, q) >= 0 || bytes.IndexByte(inner, '\\') >= 0 {
			return nil, false
		}
		node.Style = yaml.DoubleQuotedStyle
		if q == '\'' {
			node.Style = yaml.SingleQuotedStyle
		}
		node.Value = string(inner)
		return node, true
	}
	if !plainWord(text) {
		return nil, false
	}
	node.Value = string(text)
	return node, true
}

// plainWord reports whether text reads as one plain scalar: it starts
// with no indicator and holds no ": " (or a final ":") and no " #".
func plainWord(text []byte) bool {
	if bytes.IndexByte([]byte("-?:,[]{}#&*!|>'\"%@`"), text[0]) >= 0 {
		return false
	}
	for i, c := range text {
		switch {
		case c == ':' && (i+1 == len(text) || text[i+1] == ' '):
			return false
		case c == '#' && text[i-1] == ' ':
			return false
		}
	}
	return true
}

// plainText reports whether src holds only characters that YAML reads as
// text the same way everywhere: printable ASCII, newlines, and printable
// Unicode other than YAML's line breaks, byte order marks and controls.
func plainText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError, r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfffe && r <= 0xffff:
			return false
		}
		i += size
	}
	return true
}
