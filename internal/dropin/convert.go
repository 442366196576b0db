package dropin

import (
	"bytes"
	"fmt"
)

// converter rewrites one text.
type converter struct {
	src      []byte
	pos      int // next byte of src to read
	line     int // line of src at pos
	out      bytes.Buffer
	opts     Options
	problems []Problem
	fence    []byte // the fence of the code block being copied, if any
}

// run copies src line by line, converting the lines outside code.
func (c *converter) run() {
	for c.pos < len(c.src) {
		line := c.nextLine()
		switch {
		case c.fence != nil:
			if isFence(line, c.fence) {
				c.fence = nil
			}
			c.copyLine(line)
		case fenceOf(line) != nil:
			c.fence = fenceOf(line)
			c.copyLine(line)
		case indentedCode(line):
			c.copyLine(line)
		default:
			c.convertLine()
		}
	}
}

// nextLine returns the line at pos, with its newline.
func (c *converter) nextLine() []byte {
	rest := c.src[c.pos:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		return rest[:i+1]
	}
	return rest
}

// copyLine copies line, which starts at pos, as it is.
func (c *converter) copyLine(line []byte) {
	c.out.Write(line)
	c.advance(len(line))
}

// advance moves pos n bytes on, counting lines.
func (c *converter) advance(n int) {
	c.line += bytes.Count(c.src[c.pos:c.pos+n], []byte("\n"))
	c.pos += n
}

// report notes a problem at the current line.
func (c *converter) report(format string, args ...any) {
	c.problems = append(c.problems, Problem{Line: c.line, Msg: fmt.Sprintf(format, args...)})
}

// convertLine converts from pos to the end of the line, or further when
// a construct that spans lines starts on it.
func (c *converter) convertLine() {
	for c.pos < len(c.src) {
		b := c.src[c.pos]
		switch {
		case b == '\n':
			c.copyLine(c.src[c.pos : c.pos+1])
			return
		case b == '`':
			c.codeSpan()
		case b == '{' && c.at("{%"):
			c.liquidTag()
		case b == '{' && (c.at("{{<") || c.at("{{%")):
			c.shortcode()
		case b == '{' && c.at("{{"):
			c.liquidOutput()
		case b == '@' && c.at("@/") && c.pos > 0 && (c.src[c.pos-1] == '(' || c.src[c.pos-1] == ' ' || c.src[c.pos-1] == '<'):
			c.internalLink()
		default:
			c.out.WriteByte(b)
			c.pos++
		}
	}
}

// at reports whether src continues with s at pos.
func (c *converter) at(s string) bool { return bytes.HasPrefix(c.src[c.pos:], []byte(s)) }

// codeSpan copies a code span as it is: a run of backticks up to the
// same run, within the paragraph; a run with no match is copied alone.
func (c *converter) codeSpan() {
	n := 0
	for c.pos+n < len(c.src) && c.src[c.pos+n] == '`' {
		n++
	}
	tick := c.src[c.pos : c.pos+n]
	rest := c.src[c.pos+n:]
	end := len(rest)
	if i := bytes.Index(rest, []byte("\n\n")); i >= 0 {
		end = i
	}
	if i := bytes.Index(rest[:end], tick); i >= 0 {
		c.out.Write(c.src[c.pos : c.pos+n+i+n])
		c.advance(n + i + n)
		return
	}
	c.out.Write(tick)
	c.pos += n
}

// fenceOf returns the fence a line opens a code block with (``` or ~~~,
// three or more, indented at most three spaces), or nil.
func fenceOf(line []byte) []byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && bytes.IndexByte(t[n:], '`') >= 0) {
		return nil
	}
	return t[:n]
}

// isFence reports whether line closes a code block opened with fence.
func isFence(line, fence []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < len(fence) || t[0] != fence[0] {
		return false
	}
	return len(bytes.Trim(t, string(fence[:1]))) == 0
}

// indentedCode reports whether a line is indented as code (four spaces
// or a tab) and holds no shortcode, which indented list items may.
func indentedCode(line []byte) bool {
	indented := bytes.HasPrefix(line, []byte("    ")) || bytes.HasPrefix(line, []byte("\t"))
	return indented && !bytes.Contains(line, []byte("{{<")) && !bytes.Contains(line, []byte("{%"))
}
