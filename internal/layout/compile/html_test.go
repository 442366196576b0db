package compile

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"reflect"
	"strings"
	"testing"
	"text/template/parse"
)

// htmlSource is an html/template source whose actions are escaped in the
// contexts it names.
type htmlSource struct {
	name string
	src  string
	// rangesDot is set if the template ranges over dot, which compiled
	// templates do not do for maps, channels and iterators.
	rangesDot bool
}

// htmlSources use dot in every escaping context html/template knows, and
// call templates from one another.
var htmlSources = []htmlSource{
	{name: "text", src: `<p>{{.}}</p> and {{.}}`},
	{name: "rcdata", src: `<title>{{.}}</title><textarea>{{.}}</textarea>`},
	{name: "quoted attributes", src: `<a title="{{.}}" class='c {{.}}'>x</a>`},
	{name: "unquoted attribute", src: `<a title={{.}} id=x{{.}}>x</a>`},
	{name: "url attributes", src: `<a href="{{.}}">a</a><a href='/p?q={{.}}&r={{.}}#{{.}}'>b</a><img src={{.}}>`},
	{name: "url path", src: `<a href="/x/{{.}}/y">a</a><a href="http://h/{{.}}">b</a>`},
	{name: "js", src: "<script>var x = {{.}}; var s = \"{{.}}\"; var t = '{{.}}'; var r = /{{.}}/; var u = `a${ {{.}} }b{{.}}`;</script>"},
	{name: "js attribute", src: `<button onclick="f({{.}}, '{{.}}')">x</button>`},
	{name: "js json type", src: `<script type="application/json">{{.}}</script><script type="text/template">{{.}}</script>`},
	{name: "css", src: `<style>p { color: {{.}}; } a { background: url("{{.}}") } b { font-family: '{{.}}' }</style><p style="color: {{.}}">x</p>`},
	{name: "comments", src: "<!-- {{.}} -->x<script>/* {{.}} */ var a = 1; // {{.}}\n</script><style>/* {{.}} */</style>"},
	{name: "srcset", src: `<img srcset="{{.}}"><img srcset="{{.}} 1x, /b.png 2x"><img srcset={{.}}>`},
	{name: "attribute names", src: `<input {{.}}="v"><a data-{{.}}="x">y</a><input checked {{.}}>`},
	{name: "attribute value of dynamic name", src: `<a {{.}}="{{.}}">x</a>`},
	{name: "meta refresh", src: `<meta http-equiv="refresh" content="0; url={{.}}"><meta content="{{.}}">`},
	{name: "style attribute url", src: `<div style="background: url({{.}})">x</div>`},
	{name: "pipelines", src: `<p title="{{printf "%v|%T" . .}}">{{print "<" . ">"}}</p><a href="{{print "/x/" .}}">{{len (print .)}}</a>`},
	{name: "predefined escapers", src: `<p>{{. | html}}</p><a href="/?q={{. | urlquery}}">x</a><script>var x = "{{. | js}}";</script>`},
	{name: "user functions", src: `<p>{{upper .}}</p><a href="{{upper .}}">{{safe .}}</a><script>var x = {{wrap .}};</script>`},
	{name: "if with", src: `{{if .}}<b>{{.}}</b>{{else}}<i>none</i>{{end}}{{with .}}<a title="{{.}}">{{.}}</a>{{else}}-{{end}}`},
	{name: "range", src: `<ul>{{range $i, $e := .}}<li id="i{{$i}}">{{$e}}</li>{{else}}<li>empty</li>{{end}}</ul>`, rangesDot: true},
	{name: "range break", src: `{{range .}}<i>{{.}}</i>{{break}}{{end}}`, rangesDot: true},
	{name: "fields", src: `<a href="{{.URL}}" title="{{.Name}}">{{.N}}</a><script>var n = {{.N}};</script>`},
	{name: "nested templates", src: `{{define "item"}}<li>{{.}}</li>{{end}}{{define "list"}}<ul>{{template "item" .}}{{template "item" "lit<"}}</ul>{{end}}{{template "list" .}}{{template "item" 1}}`},
	{name: "block", src: `<div>{{block "b" .}}<b>{{.}}</b>{{end}}</div>`},
	{name: "recursive template", src: `{{define "rec"}}{{if .}}<i>{{index . 0}}</i>{{template "rec" slice . 1}}{{end}}{{end}}<p>{{template "rec" .}}</p>`},
	{name: "template in attribute", src: `{{define "t"}}{{.}}{{end}}<a title="{{template "t" .}}">x</a>`},
	{name: "template in script", src: `{{define "s"}}var y = {{.}};{{end}}<script>{{template "s" .}}</script>`},
	{name: "variables", src: `{{$x := .}}{{$u := "/a?b=<c>"}}<a href="{{$u}}" title="{{$x}}">{{$x}}{{$u}}</a>`},
}

// htmlItem is a struct the templates print, with fields some of them use.
type htmlItem struct {
	Name string
	URL  string
	N    int
}

// htmlStringer and htmlError print themselves.
type (
	htmlStringer struct{ s string }
	htmlError    struct{ s string }
)

func (s htmlStringer) String() string { return "str<" + s.s + ">" }
func (e *htmlError) Error() string    { return "err&" + e.s }

// htmlValues are the data the html sources run on: strings with
// specials, the typed strings of html/template, numbers, nil, structs,
// pointers, maps and slices.
var htmlValues = []any{
	`<script>alert('x&y')</script> "q" ` + "\u2028 \x00 `b` ${c}",
	"javascript:alert(1)",
	"https://example.com/a b?c=d&e=<f>#g",
	"a-b",
	"",
	" /img.png 1x, javascript:x 2x",
	"red; background: url(x)",
	htmltemplate.HTML(`<b>bold</b> & <i>it</i>`),
	htmltemplate.URL("javascript:alert(1)"),
	htmltemplate.URL("/a b?c=<d>"),
	htmltemplate.JS("alert('x')"),
	htmltemplate.JSStr(`it's "q"`),
	htmltemplate.CSS("color: red"),
	htmltemplate.HTMLAttr(`title="t"`),
	htmltemplate.Srcset("/a.png 1x, /b.png 2x"),
	42, -7, uint8(200), 3.25, true,
	nil,
	htmlItem{Name: "<n>", URL: "http://a/?b=c&d", N: 3},
	&htmlItem{Name: "p&", URL: "javascript:y", N: -1},
	(*htmlItem)(nil),
	map[string]any{"Name": "<m>", "URL": "/m?x=1&y=2", "N": 7},
	map[string]int{"b": 2, "a": 1},
	[]string{"<a>", "b&c", "javascript:z"},
	[]any{1, "x<", nil, htmltemplate.HTML("<br>")},
	[]int{},
	htmlStringer{"s"},
	&htmlError{"e"},
	[]byte("bytes<"),
}

// htmlFuncs are the functions the html sources use.
var htmlFuncs = htmltemplate.FuncMap{
	"upper": func(v any) string { return strings.ToUpper(fmt.Sprint(v)) },
	"safe":  func(s any) htmltemplate.HTML { return htmltemplate.HTML(fmt.Sprint(s)) },
	"wrap":  func(v any) map[string]any { return map[string]any{"v": v} },
}

// htmlLookup is the Lookup of an html/template set, recording the names
// it finds no tree for: those html/template derives for other contexts.
func htmlLookup(ht *htmltemplate.Template, misses map[string]bool) Lookup {
	return func(name string) *parse.Tree {
		if t := ht.Lookup(name); t != nil && t.Tree != nil {
			return t.Tree
		}
		misses[name] = true
		return nil
	}
}

// TestHTMLTemplate runs each html source, escaped by html/template, with
// html/template and compiled, on every value.
func TestHTMLTemplate(t *testing.T) {
	var c tally
	for _, hs := range htmlSources {
		t.Run(hs.name, func(t *testing.T) {
			var sc tally
			runHTMLSource(t, hs, &sc)
			sc.log(t, hs.name)
			for i, n := range sc {
				c[i] += n
			}
		})
	}
	c.log(t, "html sources")
}

// runHTMLSource escapes a source by executing it once, compiles it, and
// checks the contract on every value.
func runHTMLSource(t *testing.T, hs htmlSource, c *tally) {
	ht := htmltemplate.Must(htmltemplate.New(hs.name).Funcs(htmlFuncs).Parse(hs.src))
	if err := ht.Execute(io.Discard, htmlValues[0]); err != nil {
		if _, ok := errors.AsType[*htmltemplate.Error](err); ok {
			t.Fatalf("escaping: %v", err)
		}
	}
	misses := map[string]bool{}
	prog, err := Compile(hs.name, htmlLookup(ht, misses), htmlFuncs, testMethods())
	if err != nil {
		if !allowedRefusal(err, misses) {
			t.Fatalf("Compile refused for a reason the contract does not allow: %v", err)
		}
		t.Logf("Compile refused: %v", err)
		c[outRefused] += len(htmlValues)
		return
	}
	for _, data := range htmlValues {
		o, err := htmlContract(ht, prog, hs.rangesDot, data)
		if err != nil {
			t.Errorf("%T %#v: %v", data, data, err)
		}
		c.add(o)
	}
}

// htmlContract runs ht and prog on data and checks the contract.
func htmlContract(ht *htmltemplate.Template, prog *Program, rangesDot bool, data any) (outcome, error) {
	var want, got bytes.Buffer
	wantErr := ht.Execute(&want, data)
	gotErr := prog.Execute(&got, data)
	switch {
	case gotErr != nil && !errors.Is(gotErr, ErrFallback):
		return outFallback, fmt.Errorf("Execute returned %v, neither nil nor ErrFallback", gotErr)
	case gotErr != nil && wantErr != nil:
		return outFallback, nil
	case gotErr != nil && rangesDot && uncompiledKind(data):
		return outFallbackRange, nil
	case gotErr != nil:
		return outFallback, fmt.Errorf("fell back, though html/template wrote %q with no error", want.String())
	case wantErr != nil:
		return outIdentical, fmt.Errorf("wrote %q with no error; html/template failed: %v", got.String(), wantErr)
	case got.String() != want.String():
		return outIdentical, fmt.Errorf("wrote\n\t%q\nhtml/template wrote\n\t%q", got.String(), want.String())
	}
	return outIdentical, nil
}

// uncompiledKind reports whether v is a map, a channel or a function, which
// compiled templates do not range over.
func uncompiledKind(v any) bool {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Map, reflect.Chan, reflect.Func:
		return true
	}
	return false
}

// TestHTMLTemplateEscapedTree checks that the compiled templates run the
// trees html/template escaped: an escaper call in each action.
func TestHTMLTemplateEscapedTree(t *testing.T) {
	ht := htmltemplate.Must(htmltemplate.New("e").Parse(`<a href="{{.}}">{{.}}</a>`))
	if err := ht.Execute(io.Discard, "x"); err != nil {
		t.Fatal(err)
	}
	if tree := ht.Lookup("e").Tree.Root.String(); !strings.Contains(tree, "_html_template_") {
		t.Fatalf("tree not escaped: %s", tree)
	}
	prog, err := Compile("e", htmlLookup(ht, map[string]bool{}), nil, testMethods())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := prog.Execute(&b, "javascript:<x>"); err != nil || b.String() != `<a href="#ZgotmplZ">javascript:&lt;x&gt;</a>` {
		t.Errorf("got %q, %v", b.String(), err)
	}
}
