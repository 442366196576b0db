package compile

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"
	"text/template"
)

// fuzzStringer is the Stringer of fuzzVal: unlike tVal's bytes.Buffer, it
// has no method a template could change it with.
type fuzzStringer string

func (s fuzzStringer) String() string { return "stringer:" + string(s) }

// fuzzVal is the data of the fuzz target: tVal, with its fields, methods
// with arguments, maps, slices, pointers, nil pointers and interfaces, less
// what a template could change between the runs it compares (the Buffer
// of Str, the template set of Tmpl).
var fuzzVal = func() *T {
	v := *tVal
	v.Str = fuzzStringer("foozle")
	v.Tmpl = nil
	return &v
}()

// fuzzFuncs are execFuncs less count, whose goroutines a compiled template
// that falls back would leave blocked.
var fuzzFuncs = func() template.FuncMap {
	fm := template.FuncMap{}
	for name, fn := range execFuncs {
		if name != "count" {
			fm[name] = fn
		}
	}
	return fm
}()

// fuzzSeeds are templates of the tables, one of each kind of thing.
var fuzzSeeds = []string{
	"-{{.X}}-{{.U.V}}-{{.MSI.one}}-{{.MSI.NO}}",
	"{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{$x}}",
	"{{$x := 1}}{{if true}}{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{end}}{{$x}}",
	"-{{.V0}}-{{.V1}}-{{.V2}}-{{.W0}}-{{.W1}}-{{.W2}}-",
	"{{.PI}}{{.PS}}{{.PSI}}{{index .PSI 1}}{{.NIL}}",
	"{{.Empty0}}{{.Empty1}}{{.Empty2}}{{.Empty3}}{{.Empty4}}{{.Empty4.V}}",
	"-{{.Method1 .I}}-{{.Method2 .U16 `str`}}-{{.Method3 nil}}-",
	"{{range .MSIone}}{{if $.GetU.TrueFalse $.True}}{{$.U.TrueFalse $.True}}{{else}}WRONG{{end}}{{end}}",
	"{{call .BinaryFunc `1` `2`}}{{call .VariadicFuncInt 33 `he` `llo`}}{{.ErrFunc | call}}",
	"-{{.Method0 | .Method2 .U16}}-{{call .VariadicFunc `llo` | call .VariadicFunc `he` }}-",
	"{{printf `%d %d %d` (1) (2 | add 3) (add 4 (add 5 6))}}",
	"{{($).X}}{{($.GetU).V}}{{($ | echo).X}}{{(makemap `up` `down` `left` `right`).left}}",
	"{{if .NonEmptyInterfaceTypedNil}}TRUE{{ end }}{{if 1.5i}}NON-ZERO{{else}}ZERO{{end}}",
	"{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}",
	"{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}",
	`{{printf "%d %s %g %s" 127 "hello" 7-3i .Method0}}{{println 1 2 3}}{{print nil}}`,
	`{{html "<script>alert(\"XSS\");</script>"}}{{js .X}}{{"http://www.example.org/"|urlquery}}`,
	"{{and 1 0 (die)}} {{or 0 1 (die)}} {{1 | and 1}} {{and 1 .Unknown}}",
	"{{index .SMSI 1 `eleven`}}{{index .MI64S 2}}{{index .Empty3 0}}",
	"{{slice .SI 1 2}}{{slice .SICap 6 10 10}}{{slice .PAI 1}}{{slice .S 1 2}}",
	"{{len .SI}}{{len .MSI}}{{len .Empty3}}{{len .NonEmptyInterfacePtS}}",
	"{{with 0}}{{.}}{{else with false}}{{.}}{{else with `notempty`}}{{.}}{{end}}",
	"{{range .SI}}-{{.}}-{{break}}NOTREACHED{{else}}EMPTY{{end}}",
	"{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{continue}}{{end}}",
	`{{range $v := 5}}{{printf "%T%d" $v $v}}{{end}}`,
	"{{$i := 0}}{{$x := 0}}{{range $i = .AI}}{{end}}{{$i}}",
	"{{range .}}{{.Method1 1234}}{{end}}{{.NonEmptyInterface.Method1 1234}}",
	"{{mapOfThree.three}}-{{(mapOfThree).three}}{{print (.Copy).I}}",
	"{{\"aaa\" |twoArgs \"bbb\"}}{{1+2i|printf \"%v\"}}{{\"aaa\"|printf }}",
	`{{define "r"}}{{if .}}[{{index . 0}}{{template "r" slice . 1}}]{{end}}{{end}}{{template "r" .SI}}`,
	`{{block "b" .X}}<{{.}}>{{end}}{{template "b" .S}}`,
	"{{eq .U16 16}}{{lt .I .U16}}{{ge .FloatZero 0.0}}{{ne .X `y`}}",
}

// fuzzSkip matches sources whose output is not the same from run to run:
// the address of a value a function or method makes anew.
var fuzzSkip = regexp.MustCompile(`%[-+# 0-9.*\[\]]*p`)

// fuzzBudget bounds the range iterations and template calls of a fuzzed
// template, so that none runs for long.
const fuzzBudget = 20000

// FuzzCompileMatchesTextTemplate runs fuzzed templates with text/template
// and compiled, on fuzzVal, and checks the contract.
func FuzzCompileMatchesTextTemplate(f *testing.F) {
	for _, src := range fuzzSeeds {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 500 || fuzzSkip.MatchString(src) {
			t.Skip("too long, or prints addresses")
		}
		tmpl, err := template.New("fuzz").Funcs(fuzzFuncs).Parse(src)
		if err != nil {
			t.Skip("does not parse")
		}
		if !withinBudget(tmpl) {
			t.Skip("runs too long or writes too much")
		}
		want, wantErr, ok := executeStd(tmpl)
		if !ok {
			t.Skip("text/template panics or writes too much")
		}
		if _, _, breach := compareCompiled(tmpl, fuzzFuncs, fuzzVal, want, wantErr); breach != nil {
			t.Fatalf("compiled %q: %v", src, breach)
		}
	})
}

// withinBudget reports whether tmpl runs on fuzzVal with at most
// fuzzBudget range iterations and template calls, and writes at most
// maxOutput bytes.
func withinBudget(tmpl *template.Template) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	p := &probe{budget: fuzzBudget}
	inst, err := p.instrument(tmpl, fuzzFuncs)
	if err != nil {
		return false
	}
	err = inst.Execute(&limitedWriter{max: maxOutput}, fuzzVal)
	return p.ticks <= fuzzBudget && !isTooLong(err)
}

// executeStd runs tmpl on fuzzVal with text/template; ok is false if it
// panics or writes too much.
func executeStd(tmpl *template.Template) (out string, err error, ok bool) {
	defer func() {
		if e := recover(); e != nil {
			ok = false
		}
	}()
	w := &limitedWriter{max: maxOutput}
	err = tmpl.Execute(w, fuzzVal)
	return w.String(), err, !isTooLong(err)
}

// isTooLong reports whether err is a limitedWriter's.
func isTooLong(err error) bool {
	return err != nil && fmt.Sprint(err) == errTooLong.Error()
}

// TestFuzzSeeds runs the seeds of the fuzz target the way it runs its
// inputs, and checks that every seed parses and runs within budget.
func TestFuzzSeeds(t *testing.T) {
	var c tally
	for _, src := range fuzzSeeds {
		tmpl, err := template.New("fuzz").Funcs(fuzzFuncs).Parse(src)
		if err != nil {
			t.Errorf("seed %q: %v", src, err)
			continue
		}
		if !withinBudget(tmpl) {
			t.Errorf("seed %q: not within budget", src)
			continue
		}
		var want bytes.Buffer
		wantErr := tmpl.Execute(&want, fuzzVal)
		o, _, breach := compareCompiled(tmpl, fuzzFuncs, fuzzVal, want.String(), wantErr)
		if breach != nil {
			t.Errorf("compiled %q: %v", src, breach)
		}
		c.add(o)
	}
	c.log(t, "fuzz seeds")
}
