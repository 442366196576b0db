package compile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"text/template"
	"time"
)

// testMethods are the methods of text/template's test types T and U, and
// of directProbe, called directly in every test of this package that
// compiles a template (TestExecute's table among them), their results held
// to text/template's.
var testMethods = sync.OnceValue(func() *Methods {
	ms := new(Methods)
	err := errors.Join(
		Method0(ms, "Method0", (*T).Method0),
		Method1(ms, "Method1", (*T).Method1),
		Method2(ms, "Method2", (*T).Method2),
		Method1(ms, "Method3", (*T).Method3),
		Method0(ms, "Copy", (*T).Copy),
		Method2(ms, "MAdd", (*T).MAdd),
		Method1E(ms, "MyError", (*T).MyError),
		Method0(ms, "GetU", (*T).GetU),
		Method1(ms, "TrueFalse", (*U).TrueFalse),

		Method0(ms, "Path", (*directProbe).Path),
		Method1(ms, "Arg", (*directProbe).Arg),
		Method3E(ms, "Three", (*directProbe).Three),
	)
	if err != nil {
		panic(err)
	}
	return ms
})

// directProbe's methods say whether they were called through reflection.
type directProbe struct{ Tags tags }

// tags is a named slice: assignable to []string, but not of that type.
type tags []string

// how says how the caller called.
func how() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "reflect.") {
			return "reflect"
		}
		if !more {
			return "direct"
		}
	}
}

func (p *directProbe) Path() string { return how() }

func (p *directProbe) Arg(s []string) string { return fmt.Sprint(how(), " ", s) }

var errThree = errors.New("three failed")

func (p *directProbe) Three(a string, b int, c any) (string, error) {
	if b < 0 {
		return "", errThree
	}
	if b == 0 {
		panic("zero")
	}
	return fmt.Sprintf("%s %s %d %v", how(), a, b, c), nil
}

// TestDirectCalls runs templates calling registered methods with
// text/template and compiled: the compiled ones write the same, except
// that the probe's methods say how they were called.
func TestDirectCalls(t *testing.T) {
	probe := &directProbe{Tags: tags{"a", "b"}}
	tests := []struct {
		src, want string // want: "" for a template that fails
	}{
		{src: `{{.Path}}`, want: "direct"},
		{src: `{{.Arg .Tags}}`, want: "reflect [a b]"}, // an argument of another type: through reflection
		{src: `{{.Arg nil}}`, want: "direct []"},
		{src: `{{.Three "x" 2 .Tags}}`, want: "direct x 2 [a b]"},
		{src: `{{.Three "x" 2 nil}}`, want: "direct x 2 <nil>"},
		{src: `{{3 | .Three "x" 2}}`, want: "direct x 2 3"},
		{src: `{{.Three "x" -1 1}}`},  // an error
		{src: `{{.Three "x" 0 1}}`},   // a panic
		{src: `{{.Three "x" 1}}`},     // too few arguments
		{src: `{{.Three "x" "1" 1}}`}, // an argument of the wrong type
	}
	for _, tt := range tests {
		checkDirect(t, tt.src, nil, probe, tt.want, strings.Replace(tt.want, "direct", "reflect", 1))
	}
}

// checkDirect runs src with text/template and compiled on data. When
// want is "", the template must fail in text/template and fall back
// compiled; otherwise the compiled one must write want and text/template
// reflected.
func checkDirect(t *testing.T, src string, funcs template.FuncMap, data any, want, reflected string) {
	t.Helper()
	tmpl := template.Must(template.New("t").Funcs(funcs).Parse(src))
	var std strings.Builder
	stdErr := tmpl.Execute(&std, data)
	prog, err := Compile("t", textLookup(tmpl, map[string]bool{}), funcs, testMethods())
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	gotErr := prog.Execute(&got, data)
	switch {
	case want == "":
		if stdErr == nil || !errors.Is(gotErr, ErrFallback) {
			t.Errorf("%s: text/template returned %v, compiled %v; want an error and ErrFallback", src, stdErr, gotErr)
		}
	case stdErr != nil || gotErr != nil:
		t.Errorf("%s: text/template returned %v, compiled %v", src, stdErr, gotErr)
	case got.String() != want || std.String() != reflected:
		t.Errorf("%s: compiled wrote %q, text/template %q; want %q and %q", src, got.String(), std.String(), want, reflected)
	}
}

// TestMethodsCheckTheMethod checks that Method0 and its kin add a method
// only when the function given is that method, and can be called
// directly.
func TestMethodsCheckTheMethod(t *testing.T) {
	tests := []struct {
		name string
		add  func(ms *Methods) error
		err  string // "" when the method is added
	}{
		{"the method", func(ms *Methods) error { return Method0(ms, "Path", (*directProbe).Path) }, ""},
		{"a method with arguments", func(ms *Methods) error { return Method3E(ms, "Three", (*directProbe).Three) }, ""},
		{"another method", func(ms *Methods) error { return Method0(ms, "Method0", (*T).Copy) }, "is not that method"},
		{"a method of no type", func(ms *Methods) error { return Method0(ms, "Nothing", (*directProbe).Path) }, "has no method Nothing"},
		{"an interface result", func(ms *Methods) error { return Method0(ms, "Any", (*anyResult).Any) }, "returns an interface"},
		{"an interface's method", func(ms *Methods) error { return Method0(ms, "Error", error.Error) }, "has no method Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := new(Methods)
			err := tt.add(ms)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("not added: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want one saying %q", err, tt.err)
			}
			if added := len(ms.calls) == 1; added != (tt.err == "") {
				t.Errorf("added: %v, want %v", added, tt.err == "")
			}
		})
	}
	var none *Methods
	if none.Direct(reflect.TypeFor[*directProbe](), "Path") {
		t.Error("nil Methods have a method")
	}
}

type anyResult struct{}

func (anyResult) Any() any { return nil }

// TestDirectFuncs runs templates calling functions of the types
// funcDirect knows, each of which says how it was called.
func TestDirectFuncs(t *testing.T) {
	funcs := template.FuncMap{
		"tag":    func(s string) string { return how() + ":" + s },
		"year":   func(t time.Time) string { return how() + ":" + t.Format("2006") },
		"seq":    func(n int) []int { return []int{n, len(how())} },
		"add":    func(a, b int) int { return a + b + len(how()) },
		"plural": func(n int, one, many string) string { return fmt.Sprint(how(), n, one, many) },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, errors.New("odd")
			}
			m := map[string]any{"how": how()}
			for i := 0; i < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m, nil
		},
	}
	data := map[string]any{"T": time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), "S": "x", "N": 3, "Tags": tags{"a"}}
	tests := []struct{ src, want string }{
		{`{{tag "a"}}`, "direct:a"},
		{`{{.S | tag}}`, "direct:x"},
		{`{{year .T}}`, "direct:2024"},
		{`{{seq 2}}`, "[2 6]"},
		{`{{add 1 .N}}`, "10"},
		{`{{plural 2 "post" "posts"}}`, "direct2postposts"},
		{`{{$d := dict "a" 1 "b" .Tags}}{{$d.how}} {{$d.a}} {{$d.b}}`, "direct 1 [a]"},
		{`{{$d := dict}}{{$d.how}}`, "direct"},
		{`{{dict "a"}}`, ""},     // an error
		{`{{add 1 "2"}}`, ""},    // an argument of the wrong type
		{`{{tag .Tags}}`, ""},    // a named slice for a string
		{`{{plural 1 "a"}}`, ""}, // too few arguments
	}
	for _, tt := range tests {
		reflected := strings.ReplaceAll(tt.want, "direct", "reflect")
		if r, ok := map[string]string{"[2 6]": "[2 7]", "10": "11"}[tt.want]; ok {
			reflected = r // len("reflect") counted in
		}
		checkDirect(t, tt.src, funcs, data, tt.want, reflected)
	}
}
