package markdown

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/util"
)

// writeCodeHTML writes highlighted tokens as chroma's HTML formatter with
// CSS classes and no line numbers writes them
// (chromahtml.New(chromahtml.WithClasses(true))), byte for byte: a <pre
// class="chroma"><code> holding one line span per line, each token in a
// span of its class. chroma's formatter builds every span with fmt and
// splits the tokens into lines first; this writes them as they come.
// TestCodeHTMLIsChromas and FuzzCodeHTML hold the two to the same output.
func writeCodeHTML(w util.BufWriter, tokens chroma.Iterator) {
	_, _ = w.WriteString(`<pre class="chroma"><code>`)
	var l codeLines
	for t := tokens(); t != chroma.EOF; t = tokens() {
		l.token(w, t)
	}
	l.end(w)
	_, _ = w.WriteString(`</code></pre>`)
}

// codeLines tracks the line being written by writeCodeHTML.
type codeLines struct {
	open bool // a line span is open
	// pending is set by an empty token that would start a line, of type
	// pendingType: chroma drops a last line that holds one empty token
	// alone.
	pending     bool
	pendingType chroma.TokenType
}

// token writes t, closing its line after each newline in it.
func (l *codeLines) token(w util.BufWriter, t chroma.Token) {
	v := t.Value
	for {
		i := strings.IndexByte(v, '\n')
		if i < 0 {
			break
		}
		l.write(w, t.Type, v[:i+1])
		l.close(w)
		v = v[i+1:]
		if v == "" {
			return
		}
	}
	if v == "" && !l.open && !l.pending {
		l.pending, l.pendingType = true, t.Type
		return
	}
	l.write(w, t.Type, v)
}

// write writes a piece of a token on the current line, opening it first
// when needed.
func (l *codeLines) write(w util.BufWriter, tt chroma.TokenType, v string) {
	if !l.open {
		_, _ = w.WriteString(`<span class="line"><span class="cl">`)
		l.open = true
		if l.pending {
			l.pending = false
			writeToken(w, l.pendingType, "")
		}
	}
	writeToken(w, tt, v)
}

// close ends the current line.
func (l *codeLines) close(w util.BufWriter) {
	if l.open {
		_, _ = w.WriteString(`</span></span>`)
		l.open = false
	}
}

// end closes the last line; a pending empty token alone is dropped.
func (l *codeLines) end(w util.BufWriter) {
	l.pending = false
	l.close(w)
}

// writeToken writes one token's text escaped, in a span of its class
// when it has one.
func writeToken(w util.BufWriter, tt chroma.TokenType, v string) {
	class := tokenClass(tt)
	if class != "" {
		_, _ = w.WriteString(`<span class="`)
		_, _ = w.WriteString(class)
		_, _ = w.WriteString(`">`)
	}
	escapeHTML(w, v)
	if class != "" {
		_, _ = w.WriteString(`</span>`)
	}
}

// tokenClasses caches tokenClass.
var tokenClasses sync.Map // chroma.TokenType -> string

// tokenClass is the CSS class chroma gives a token type: the standard
// class of the type or of its nearest parent that has one.
func tokenClass(tt chroma.TokenType) string {
	if c, ok := tokenClasses.Load(tt); ok {
		return c.(string)
	}
	class := ""
	for t := tt; ; t = t.Parent() {
		if c, ok := chroma.StandardTypes[t]; ok {
			class = c
			break
		}
		if t == 0 {
			break
		}
	}
	tokenClasses.Store(tt, class)
	return class
}

// escapeHTML writes s as html.EscapeString returns it.
func escapeHTML(w util.BufWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}
