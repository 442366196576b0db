package compile

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

// escapeCase is a template whose escaping by html/template gives its
// actions known pipelines.
type escapeCase struct {
	// src is the template source.
	src string
	// chains holds, for each action of the escaped template in order, the
	// names of the functions its pipeline calls, separated by "|", without
	// the "_html_template_" prefix and without a leading ".".
	chains []string
}

// escapeCases cover every context in which html/template's escaping calls
// one of its escapers, and most of their combinations.
var escapeCases = []escapeCase{
	// HTML text and RCDATA.
	{`<p>{{.}}</p>`, []string{"htmlescaper"}},
	{`{{.}}`, []string{"htmlescaper"}},
	{`<title>{{.}}</title>`, []string{"rcdataescaper"}},
	{`<textarea>a {{.}} b</textarea>`, []string{"rcdataescaper"}},

	// Attributes: quoted, unquoted, names.
	{`<a title="{{.}}">x</a>`, []string{"attrescaper"}},
	{`<a title='x {{.}} y'>x</a>`, []string{"attrescaper"}},
	{`<a title={{.}}>x</a>`, []string{"nospaceescaper"}},
	{`<a title=x{{.}}>x</a>`, []string{"nospaceescaper"}},
	{`<a {{.}}="x">x</a>`, []string{"htmlnamefilter"}},
	{`<input {{.}}>`, []string{"htmlnamefilter"}},
	{`<input checked {{.}}>`, []string{"htmlnamefilter"}},
	{`<a data-{{.}}="x">x</a>`, []string{"htmlnamefilter"}},
	{`<meta content="{{.}}">`, []string{"attrescaper"}},
	{`<p id="{{.}}" class={{.}}>{{.}}</p>`, []string{"attrescaper", "nospaceescaper", "htmlescaper"}},

	// URLs.
	{`<a href="{{.}}">x</a>`, []string{"urlfilter|urlnormalizer|attrescaper"}},
	{`<a href='{{.}}'>x</a>`, []string{"urlfilter|urlnormalizer|attrescaper"}},
	{`<a href={{.}}>x</a>`, []string{"urlfilter|urlnormalizer|nospaceescaper"}},
	{`<img src="/img/{{.}}">`, []string{"urlnormalizer|attrescaper"}},
	{`<a href="/search?q={{.}}&x=1">x</a>`, []string{"urlescaper|attrescaper"}},
	{`<a href="/p#{{.}}">x</a>`, []string{"urlescaper|attrescaper"}},
	{`<a href=/search?{{.}}>x</a>`, []string{"urlescaper|nospaceescaper"}},
	{`<a data-url="{{.}}">x</a>`, []string{"urlfilter|urlnormalizer|attrescaper"}},
	{`<form action="{{.}}?a={{.}}"></form>`, []string{"urlfilter|urlnormalizer|attrescaper", "urlescaper|attrescaper"}},
	{`<img srcset="{{.}}">`, []string{"srcsetescaper|attrescaper"}},
	{`<img srcset={{.}}>`, []string{"srcsetescaper|nospaceescaper"}},
	{`<img srcset="a.png 1x, {{.}}">`, []string{"srcsetescaper|attrescaper"}},
	{`<meta http-equiv="refresh" content="0; url={{.}}">`, []string{metaContentURLChain()}},

	// JavaScript.
	{`<script>var x = {{.}};</script>`, []string{"jsvalescaper"}},
	{`<script>var x = 1 / {{.}} / 2;</script>`, []string{"jsvalescaper"}},
	{`<script>var s = "{{.}}";</script>`, []string{"jsstrescaper"}},
	{`<script>var s = 'a{{.}}b';</script>`, []string{"jsstrescaper"}},
	{`<script>var r = /{{.}}/;</script>`, []string{"jsregexpescaper"}},
	{`<script>var r = /a[b]{{.}}c/i;</script>`, []string{"jsregexpescaper"}},
	{"<script>var t = `{{.}}`;</script>", []string{"jstmpllitescaper"}},
	{"<script>var t = `a${ {{.}} }b${`{{.}}`}`;</script>", []string{"jsvalescaper", "jstmpllitescaper"}},
	{`<script type="application/ld+json">{{.}}</script>`, []string{"jsvalescaper"}},
	{`<script type="module">f({{.}}, "{{.}}")</script>`, []string{"jsvalescaper", "jsstrescaper"}},
	{`<a onclick="f({{.}})">x</a>`, []string{"jsvalescaper|attrescaper"}},
	{`<a onclick='f("{{.}}")'>x</a>`, []string{"jsstrescaper"}},
	{`<a onclick="f('{{.}}')">x</a>`, []string{"jsstrescaper"}},
	{`<a onclick="f(/{{.}}/)">x</a>`, []string{"jsregexpescaper"}},
	{"<a onclick=\"f(`{{.}}`)\">x</a>", []string{"jstmpllitescaper"}},
	{`<a onclick={{.}}>x</a>`, []string{"jsvalescaper|nospaceescaper"}},

	// CSS.
	{`<style>p { color: {{.}} }</style>`, []string{"cssvaluefilter"}},
	{`<p style="color: {{.}}">x</p>`, []string{"cssvaluefilter|attrescaper"}},
	{`<p style=color:{{.}}>x</p>`, []string{"cssvaluefilter|nospaceescaper"}},
	{`<style>p { font-family: "{{.}}" }</style>`, []string{"urlfilter|cssescaper"}},
	{`<style>p { font-family: 'a {{.}}' }</style>`, []string{"cssescaper"}},
	{`<style>p { background: url("{{.}}") }</style>`, []string{"urlfilter|urlnormalizer"}},
	{`<style>p { background: url('/x?{{.}}') }</style>`, []string{"urlescaper"}},
	{`<style>p { background: url({{.}}) }</style>`, []string{"urlfilter|urlnormalizer"}},
	{`<p style="background: url('{{.}}')">x</p>`, []string{"urlfilter|urlnormalizer|attrescaper"}},
	{`<p style='content: "{{.}}"'>x</p>`, []string{"urlfilter|cssescaper"}},

	// Comments.
	{`<p>a<!-- {{.}} -->b</p>`, []string{"commentescaper"}},
	{`<script>/* {{.}} */ var x;</script>`, []string{"commentescaper"}},
	{"<script>// {{.}}\nvar x;</script>", []string{"commentescaper"}},
	{"<script>var x; <!-- {{.}}\n</script>", []string{"commentescaper"}},
	{`<style>/* {{.}} */ p {}</style>`, []string{"commentescaper"}},
	{"<style>// {{.}}\np {}</style>", []string{"commentescaper"}},
	{`<a onclick="/* {{.}} */">x</a>`, []string{"commentescaper"}},

	// The predefined escapers html and urlquery: called with several
	// arguments, they become _eval_args_ followed by the escaper.
	{`<p>{{html . 1 "x" nil .}}</p>`, []string{"_eval_args_|html"}},
	{`<p>{{html .}}</p>`, []string{"_eval_args_|html"}},
	{`<a title="{{html . 2.5}}">x</a>`, []string{"_eval_args_|html"}},
	{`<a href="/x?q={{urlquery . 2}}">x</a>`, []string{"_eval_args_|urlquery|attrescaper"}},
	{`<script>var s = "{{html . true}}";</script>`, []string{"_eval_args_|html|jsstrescaper"}},
}

// metaContentURLChain returns the chain html/template gives an action in
// the URL of a meta element's content attribute: the one setting of
// GODEBUG that changes html/template's escaping, htmlmetacontenturlescape=0,
// leaves out the URL filter there.
func metaContentURLChain() string {
	setting := ""
	for kv := range strings.SplitSeq(os.Getenv("GODEBUG"), ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(kv), "htmlmetacontenturlescape="); ok {
			setting = v
		}
	}
	if setting == "0" {
		return "attrescaper"
	}
	return "urlfilter|attrescaper"
}

// directEscapeCases call every escaper directly, with several arguments,
// in text: a template cannot name them, except that a function of the
// same name given to Funcs lets it parse, and html/template's escaping
// replaces that function by its own (see escaperStubs).
func directEscapeCases() []escapeCase {
	var cases []escapeCase
	for _, name := range slices.Sorted(maps.Keys(funcMap)) {
		chain := strings.TrimPrefix(name, "_html_template_")
		switch name {
		case "_html_template_attrescaper", "_html_template_htmlescaper", "_html_template_rcdataescaper":
			// Equivalent to htmlescaper, which is not added again.
		case "_html_template_commentescaper":
			// Makes htmlescaper redundant.
		default:
			chain += "|htmlescaper"
		}
		cases = append(cases,
			escapeCase{`<p>{{` + name + ` . 1 "<x>" nil . 2.5 true}}</p>`, []string{chain}},
			escapeCase{`<p>{{` + name + ` .}}</p>`, []string{chain}},
			escapeCase{`<p>{{` + name + `}}</p>`, []string{chain}},
		)
	}
	return cases
}

// escaperStubs define html/template's escapers' names, so that a template
// can call them: its escaping replaces these functions by its escapers.
var escaperStubs = func() template.FuncMap {
	m := template.FuncMap{}
	for name := range funcMap {
		m[name] = func(...any) string { panic("not replaced by html/template's escaper") }
	}
	return m
}()

// escPredefined are text/template's predefined escapers that html/template
// keeps in escaped pipelines, for the test's renderer.
var escPredefined = map[string]func(args ...any) string{
	"html":     template.HTMLEscaper,
	"urlquery": template.URLQueryEscaper,
}

// escapedCase is an escapeCase escaped by html/template.
type escapedCase struct {
	escapeCase
	tmpl *template.Template
}

// escapeAll parses and escapes every case of escapeCases and
// directEscapeCases, checking that the chains of their escaped actions are
// as listed.
func escapeAll(tb testing.TB) []escapedCase {
	tb.Helper()
	var cases []escapedCase
	for _, c := range slices.Concat(escapeCases, directEscapeCases()) {
		tmpl, err := template.New("t").Funcs(escaperStubs).Parse(c.src)
		if err != nil {
			tb.Fatalf("%s: %v", c.src, err)
		}
		// Escaping happens on the first execution.
		if err := tmpl.Execute(io.Discard, "x"); err != nil {
			tb.Fatalf("%s: %v", c.src, err)
		}
		chains, err := actionChains(tmpl.Tree.Root)
		if err != nil {
			tb.Fatalf("%s: %v", c.src, err)
		}
		if !slices.Equal(chains, c.chains) {
			tb.Fatalf("%s: escaped chains are %q, want %q", c.src, chains, c.chains)
		}
		cases = append(cases, escapedCase{c, tmpl})
	}
	return cases
}

// escapedChains returns, for each action of the escaped template's root,
// the names of the functions its pipeline calls, as in escapeCase.chains.
func actionChains(root *parse.ListNode) ([]string, error) {
	var chains []string
	for _, n := range root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			var names []string
			for i, cmd := range n.Pipe.Cmds {
				switch arg := cmd.Args[0].(type) {
				case *parse.DotNode:
					if i != 0 || len(cmd.Args) != 1 {
						return nil, fmt.Errorf("unexpected command %s", cmd)
					}
				case *parse.IdentifierNode:
					names = append(names, strings.TrimPrefix(arg.Ident, "_html_template_"))
				default:
					return nil, fmt.Errorf("unexpected command %s", cmd)
				}
			}
			chains = append(chains, strings.Join(names, "|"))
		default:
			return nil, fmt.Errorf("unexpected node %s", n)
		}
	}
	return chains, nil
}

// renderWithCopies renders the escaped template's root with data as
// html/template does, but calling the copies of its escapers
// directly: the first escaper of a pipeline gets the value (or its
// arguments), each next one gets the previous one's string. A panic of a
// copy is returned as an error.
func renderCopies(root *parse.ListNode, data any) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	var b strings.Builder
	for _, n := range root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			b.Write(n.Text)
		case *parse.ActionNode:
			var val any
			for i, cmd := range n.Pipe.Cmds {
				switch arg := cmd.Args[0].(type) {
				case *parse.DotNode:
					val = data
				case *parse.IdentifierNode:
					fn, _ := escaper(arg.Ident)
					if fn == nil {
						fn = escPredefined[arg.Ident]
					}
					if fn == nil {
						return "", fmt.Errorf("no function %s", arg.Ident)
					}
					var args []any
					for _, a := range cmd.Args[1:] {
						v, err := evalArg(a, data)
						if err != nil {
							return "", err
						}
						args = append(args, v)
					}
					if i > 0 {
						args = append(args, val)
					}
					val = fn(args...)
				}
			}
			s, ok := val.(string)
			if !ok {
				return "", fmt.Errorf("pipeline %s gives %T, not a string", n.Pipe, val)
			}
			b.WriteString(s)
		}
	}
	return b.String(), nil
}

// escTestArg returns the value text/template passes for the argument node n
// of a function whose parameters are of type any.
func evalArg(n parse.Node, data any) (any, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return data, nil
	case *parse.NilNode:
		return nil, nil
	case *parse.BoolNode:
		return n.True, nil
	case *parse.StringNode:
		return n.Text, nil
	case *parse.NumberNode:
		switch {
		case n.IsInt:
			return int(n.Int64), nil
		case n.IsFloat:
			return n.Float64, nil
		}
	}
	return nil, fmt.Errorf("unsupported argument %s", n)
}

// compareEscapeCase executes the escaped case with data by html/template
// and by renderWithCopies, and reports an error unless both give the same
// output, or both fail, html/template because of the panic of the copies.
func compareCase(tb testing.TB, c escapedCase, data any) {
	tb.Helper()
	var want strings.Builder
	wantErr := c.tmpl.Execute(&want, data)
	got, gotErr := renderCopies(c.tmpl.Tree.Root, data)
	switch {
	case wantErr != nil && gotErr != nil:
		// html/template reports the panic of its escaper as an error.
		if panicked, ok := strings.CutPrefix(gotErr.Error(), "panic: "); !ok || !strings.Contains(wantErr.Error(), panicked) {
			tb.Errorf("%s with %#v: html/template fails (%v), the copies fail differently (%v)", c.src, data, wantErr, gotErr)
		}
	case wantErr != nil:
		tb.Errorf("%s with %#v: html/template fails (%v), the copies give %q", c.src, data, wantErr, got)
	case gotErr != nil:
		tb.Errorf("%s with %#v: the copies fail (%v), html/template gives %q", c.src, data, gotErr, want.String())
	case got != want.String():
		tb.Errorf("%s with %#v:\n got %q\nwant %q", c.src, data, got, want.String())
	}
}

// escStringer has a String method.
type escStringer struct{ s string }

func (s escStringer) String() string { return "stringer(" + s.s + ")" }

// escPtrStringer has a String method on its pointer.
type escPtrStringer struct{ s string }

func (s *escPtrStringer) String() string { return "ptrStringer(" + s.s + ")" }

// escErrorValue has an Error method.
type escErrorValue struct{ s string }

func (e escErrorValue) Error() string { return "error(" + e.s + ")" }

// escMarshaler is a JSON marshaler that gives its contents, or its error.
type escMarshaler struct {
	json string
	err  error
}

func (m escMarshaler) MarshalJSON() ([]byte, error) { return []byte(m.json), m.err }

// escMarshalStringer is both a JSON marshaler and a Stringer.
type escMarshalStringer struct{ s string }

func (m escMarshalStringer) MarshalJSON() ([]byte, error) { return json.Marshal("json:" + m.s) }
func (m escMarshalStringer) String() string               { return "string:" + m.s }

// escPlain is a struct with no methods.
type escPlain struct {
	A string
	B int
	C []string
}

// escSpecials has every character that matters to one of the escapers.
const escSpecials = "<>&'\"\x00 \t\n\r\v\f/\\`${}()[]*+-.?^|:;=,@!#%~_\u00a0\u2028\u2029\ufdd0\ufffe\uffff\ufeff"

// escapeInputs are the values the escapers are tested with.
var escapeInputs = func() []any {
	s := "a" + escSpecials + "é😀\xff\xc0z"
	str := "<b>&amp;</b>"
	strPtr := &str
	html := template.HTML(`<b title="x>y">b&amp;</b> I <3 <script>x</script>a<!-- c -->` + "\x00+`=")
	ps := &escPtrStringer{"<p&>"}
	var nilStringer *escPtrStringer
	var nilPlain *escPlain
	var nilErr *escErrorValue
	return []any{
		"",
		"plain",
		s,
		escSpecials,
		"héllo wörld ✓ 😀",
		"\u2028\u2029",
		"\xff\xfe\xc3(invalid\xe2\x82",
		"\ufdd0\ufdef\ufff0\uffff",
		"javascript:alert(1)",
		"JavaScript:x",
		"http://example.com/a b?c=d&e=f#g",
		"HTTPS://x/y",
		"mailto:a@b.c",
		"data:text/html,<x>",
		"/a:b",
		"a/b:c",
		"%zz%41%2",
		"/a.png 1x, b.png 2x,c.png",
		"a.png 1x, javascript:x 2x",
		" a.png\t100w ,\nb.png (x)",
		"a,,b, ",
		"expression(alert(1))",
		"Expr\\65ssion(x)",
		"-moz-binding:x",
		"red",
		"#fff",
		"10px",
		"--x",
		`\7b x \22 \0 \110000 \a b`,
		"\\",
		"onclick",
		"href",
		"title",
		"Title",
		"data-x",
		"ABC123",
		"a-b",
		"xmlns:x",
		"</script><!-- <script> --> */ //",
		"</SCRIPT>",
		"x\\",
		"[a-z]+",
		"${x}",
		"`x`",
		"in",
		"1e3",
		strPtr,
		&strPtr,
		html,
		&html,
		template.HTML("plain &amp; text"),
		template.HTML("<textarea><b>x</b></textarea> t"),
		template.HTML(`<a title='x'>q</a> <a title=x>y`),
		template.HTML(`<p a="b`),
		template.HTML(`<script>var x = "</script>"; <!-- </script> z`),
		template.HTML(`<style>p { x: "y" }</style> s <title>a<b</title>`),
		template.HTML(""),
		template.JS("alert(1) </script>"),
		template.JS(""),
		template.JSStr(`a\"b\u2028` + "\u2028</x>"),
		template.JSStr("x\\ny"),
		template.URL("javascript:ok()"),
		template.URL("/a b,c?d=e&f=%zz#g"),
		template.URL("a.png 1x, b.png 2x"),
		template.CSS("color: red; x(y) </style>"),
		template.CSS(""),
		template.HTMLAttr(` dir="ltr"`),
		template.HTMLAttr("title"),
		template.Srcset("a.png 1x, javascript:x 2x"),
		0,
		42,
		-1.5,
		1e21,
		uint8(7),
		true,
		complex(1, 2),
		nil,
		escStringer{"<s>&"},
		&escStringer{"<s>"},
		ps,
		&ps,
		*ps,
		nilStringer,
		escErrorValue{"<e>"},
		&escErrorValue{"<e>'"},
		nilErr,
		escPlain{"<a>", 1, []string{"x", "</script>"}},
		&escPlain{"&", 2, nil},
		nilPlain,
		escMarshaler{json: `"</script><!--"`},
		escMarshaler{json: ""},
		escMarshaler{json: `{"a": 1}`},
		escMarshaler{json: "\"\u2028\""},
		escMarshaler{err: errors.New("bad */ </script> <!-- <SCRIPT x")},
		escMarshalStringer{"<m>"},
		&escMarshalStringer{"m"},
		[]string{"a<", "b\"", "\u2028"},
		[]any{1, "x", nil},
		[]byte("bytes<"),
		map[string]int{"a": 1, "<b>": 2},
		map[int]string{2: "b", 1: "a"},
		make(chan int),
		func() {},
		struct{}{},
		[0]int{},
	}
}()

// TestEscapersMatchHTMLTemplate checks, for every case of escapeCases and
// every input of escapeInputs, that html/template's output and the copies'
// are the same, and that the cases call every escaper.
func TestEscapersMatchHTMLTemplate(t *testing.T) {
	cases := escapeAll(t)
	called := map[string]bool{}
	for _, c := range cases {
		for _, chain := range c.chains {
			for name := range strings.SplitSeq(chain, "|") {
				called[name] = true
			}
		}
		for _, data := range escapeInputs {
			compareCase(t, c, data)
		}
	}
	for name := range funcMap {
		if !called[strings.TrimPrefix(name, "_html_template_")] {
			t.Errorf("no case calls %s", name)
		}
	}
}

// TestEscapersAreDirect checks that a compiled template calls every
// function of html/template's funcMap, as escape_funcs.go copies it,
// without reflection.
func TestEscapersAreDirect(t *testing.T) {
	if len(funcMap) == 0 {
		t.Fatal("funcMap is empty")
	}
	for name, fn := range funcMap {
		if _, ok := escaper(name); !ok {
			t.Errorf("funcMap[%q] is a %T, not a func(...any) string", name, fn)
		}
	}
	for _, name := range []string{"html", "urlquery", "print", ""} {
		if _, ok := escaper(name); ok {
			t.Errorf("escaper(%q) found a function", name)
		}
	}
}

// fuzzWrappers turn a fuzzed string into the values the fuzz target tries.
var fuzzWrappers = []func(s string) any{
	func(s string) any { return s },
	func(s string) any { return &s },
	func(s string) any { return template.HTML(s) },
	func(s string) any { return template.HTMLAttr(s) },
	func(s string) any { return template.JS(s) },
	func(s string) any { return template.JSStr(s) },
	func(s string) any { return template.URL(s) },
	func(s string) any { return template.CSS(s) },
	func(s string) any { return template.Srcset(s) },
	func(s string) any { return escStringer{s} },
	func(s string) any { return escErrorValue{s} },
	func(s string) any { return []string{s, s} },
	func(s string) any { return escMarshaler{json: s} },
}

// FuzzEscapers compares html/template's output with the copies' for a
// fuzzed string, wrapped in a fuzzed type, in every case of escapeCases.
func FuzzEscapers(f *testing.F) {
	for _, data := range escapeInputs {
		if s, ok := data.(string); ok {
			f.Add(s, uint8(0))
		}
	}
	for i := range fuzzWrappers {
		f.Add("a"+escSpecials+"\xff", uint8(i))
		f.Add(`<b title="x>y">b&amp;</b><script>"</script><!--`, uint8(i))
	}
	cases := escapeAll(f)
	f.Fuzz(func(t *testing.T, s string, wrapper uint8) {
		wrap := fuzzWrappers[int(wrapper)%len(fuzzWrappers)]
		for _, c := range cases {
			compareCase(t, c, wrap(s))
		}
	})
}
