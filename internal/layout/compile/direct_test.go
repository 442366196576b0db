package compile

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"text/template"
	"time"
)

// The methods of text/template's test types T and U are called directly
// in every test of this package that uses them (TestExecute's table
// among them), and their results held to text/template's.
func init() {
	Method0("Method0", (*T).Method0)
	Method1("Method1", (*T).Method1)
	Method2("Method2", (*T).Method2)
	Method1("Method3", (*T).Method3)
	Method0("Copy", (*T).Copy)
	Method2("MAdd", (*T).MAdd)
	Method1E("MyError", (*T).MyError)
	Method0("GetU", (*T).GetU)
	Method1("TrueFalse", (*U).TrueFalse)

	Method0("Path", (*directProbe).Path)
	Method1("Arg", (*directProbe).Arg)
	Method3E("Three", (*directProbe).Three)
}

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
	prog, err := Compile("t", textLookup(tmpl, map[string]bool{}), funcs)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	gotErr := prog.Execute(&got, data)
	switch {
	case want == "":
		if stdErr == nil || gotErr != ErrFallback {
			t.Errorf("%s: text/template returned %v, compiled %v; want an error and ErrFallback", src, stdErr, gotErr)
		}
	case stdErr != nil || gotErr != nil:
		t.Errorf("%s: text/template returned %v, compiled %v", src, stdErr, gotErr)
	case got.String() != want || std.String() != reflected:
		t.Errorf("%s: compiled wrote %q, text/template %q; want %q and %q", src, got.String(), std.String(), want, reflected)
	}
}

func TestRegisterChecksTheMethod(t *testing.T) {
	tests := map[string]func(){
		"another method":        func() { Method0("Path", (*T).Method0) },
		"a method of no type":   func() { Method0("Nothing", (*directProbe).Path) },
		"an interface result":   func() { Method0("Any", (*anyResult).Any) },
		"an interface's method": func() { Method0("Error", error.Error) },
	}
	for name, register := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("registered")
				}
			}()
			register()
		})
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
