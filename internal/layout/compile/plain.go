package compile

import (
	"bytes"
	"reflect"
	"strings"
	"text/template/parse"
)

// plainEscapers are the escapers that html/template puts at the end of
// most actions, for the commonest value, a plain string: what each of
// escapers does with one argument of type string, without boxing it.
// A test holds each to its escaper.
var plainEscapers = map[string]func(string) string{
	"_html_template_htmlescaper":   escapeHTMLText,
	"_html_template_attrescaper":   escapeHTMLText,
	"_html_template_rcdataescaper": escapeHTMLText,
	"_html_template_nospaceescaper": func(s string) string {
		if s == "" {
			return filterFailsafe
		}
		return htmlReplacer(s, htmlNospaceReplacementTable, false)
	},
	"_html_template_urlfilter": func(s string) string {
		if !isSafeURL(s) {
			return "#" + filterFailsafe
		}
		return s
	},
	"_html_template_urlnormalizer": func(s string) string { return processURL(s, true) },
	"_html_template_urlescaper":    func(s string) string { return processURL(s, false) },
}

func escapeHTMLText(s string) string { return htmlReplacer(s, htmlReplacementTable, true) }

// plainWriters write what some plain escapers return without making the
// string, for the last escaper of an action. A test holds each to its
// escaper.
var plainWriters = map[string]func(*bytes.Buffer, string){
	"_html_template_htmlescaper":   writeHTMLText,
	"_html_template_attrescaper":   writeHTMLText,
	"_html_template_rcdataescaper": writeHTMLText,
}

func writeString(w *bytes.Buffer, s string) { w.WriteString(s) }

// writeHTMLText writes escapeHTMLText(s). Every character the table
// replaces is ASCII, and no byte of a longer UTF-8 sequence (or of an
// invalid one) is: looking at bytes finds what htmlReplacer finds
// decoding runes.
func writeHTMLText(w *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; int(c) < len(htmlReplacementTable) {
			if repl := htmlReplacementTable[c]; repl != "" {
				w.WriteString(s[written:i])
				w.WriteString(repl)
				written = i + 1
			}
		}
	}
	w.WriteString(s[written:])
}

// processURL is urlProcessor for a plain string.
func processURL(s string, norm bool) string {
	var b strings.Builder
	if processURLOnto(s, norm, &b) {
		return b.String()
	}
	return s
}

// plainTail compiles an action whose pipeline ends in escapers that all
// have a plain-string form: when the value before them is a plain string,
// it runs through those forms and is written as it is; any other value
// takes the escapers' general path. It returns nil for other actions.
func (c *compiler) plainTail(n *parse.ActionNode) execFn {
	p := n.Pipe
	if len(p.Decl) > 0 {
		return nil
	}
	first := len(p.Cmds)
	for first > 1 {
		id, ok := p.Cmds[first-1].Args[0].(*parse.IdentifierNode)
		if !ok || len(p.Cmds[first-1].Args) > 1 || plainEscapers[id.Ident] == nil {
			break
		}
		first--
	}
	if first == len(p.Cmds) {
		return nil
	}
	cmds := make([]commandFn, len(p.Cmds))
	for i, cmd := range p.Cmds {
		cmds[i] = c.command(cmd, i > 0)
	}
	var plain []func(string) string
	for _, cmd := range p.Cmds[first:] {
		plain = append(plain, plainEscapers[cmd.Args[0].(*parse.IdentifierNode).Ident])
	}
	write := writeString
	if last := plainWriters[p.Cmds[len(p.Cmds)-1].Args[0].(*parse.IdentifierNode).Ident]; last != nil {
		plain, write = plain[:len(plain)-1], last
	}
	return func(s *state, dot reflect.Value) flow {
		value := missingVal
		for _, cmd := range cmds[:first] {
			value = dropInterface(cmd(s, dot, value))
		}
		if value.Kind() == reflect.String && value.Type() == stringType {
			str := value.String()
			for _, escape := range plain {
				str = escape(str)
			}
			write(s.w, str)
			return flowNormal
		}
		for _, cmd := range cmds[first:] {
			value = dropInterface(cmd(s, dot, value))
		}
		s.print(value)
		return flowNormal
	}
}
