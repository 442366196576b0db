package compile

import (
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
			s.w.WriteString(str)
			return flowNormal
		}
		for _, cmd := range cmds[first:] {
			value = dropInterface(cmd(s, dot, value))
		}
		s.print(value)
		return flowNormal
	}
}
