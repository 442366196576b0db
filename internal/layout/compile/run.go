package compile

import (
	"bytes"
	"fmt"
	"reflect"
)

// state is one execution of a program.
type state struct {
	w     *bytes.Buffer
	vars  []reflect.Value // the variables of every template being run; the current one's from base
	base  int
	depth int
}

// failure is what a compiled template panics with to stop; Execute turns
// it into ErrFallback.
type failure struct{ msg string }

// errorf stops the execution: html/template runs the template again and
// reports the error in its own words.
func (s *state) errorf(format string, args ...any) {
	panic(failure{fmt.Sprintf(format, args...)})
}

// fallBack stops the execution at what a compiled template does not do.
func (s *state) fallBack() {
	panic(failure{"not compiled"})
}

// print writes a value as an action without variables does.
func (s *state) print(v reflect.Value) {
	if v.Kind() == reflect.String && v.Type() == stringType {
		s.w.WriteString(v.String())
		return
	}
	iface, ok := printableValue(v)
	if !ok {
		s.errorf("can't print value of type %s", v.Type())
	}
	if str, ok := iface.(string); ok {
		s.w.WriteString(str)
		return
	}
	fmt.Fprint(s.w, iface)
}
