package compile

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"sync"
)

// state is one execution of a program.
type state struct {
	w     *bytes.Buffer
	vars  []reflect.Value // the variables of every template being run; the current one's from base
	base  int
	depth int
	args  []reflect.Value // the arguments of the calls being made, innermost last
}

// states keeps the states of finished runs for the next ones: a site's
// every page and partial is a run, and each would otherwise allocate its
// variables and argument stack anew.
var states = sync.Pool{New: func() any {
	return &state{vars: make([]reflect.Value, 0, 64), args: make([]reflect.Value, 0, 16)}
}}

// newState returns a state writing to w with slots variables, all unset.
func newState(w *bytes.Buffer, slots int) *state {
	s := states.Get().(*state)
	s.w = w
	s.vars = slices.Grow(s.vars[:0], slots)[:slots]
	return s
}

// release hands s back to states, holding on to nothing of the run.
func (s *state) release() {
	clear(s.vars[:cap(s.vars)])
	clear(s.args[:cap(s.args)])
	*s = state{vars: s.vars[:0], args: s.args[:0]}
	states.Put(s)
}

// pushArgs returns room for the n arguments of a call, above those of the
// calls under way, and the mark to hand to popArgs once the call is made.
// A call made while the arguments are evaluated takes the room above.
func (s *state) pushArgs(n int) ([]reflect.Value, int) {
	top := len(s.args)
	s.args = slices.Grow(s.args, n)[:top+n]
	return s.args[top : top+n : top+n], top
}

// popArgs frees the room pushArgs returned at top.
func (s *state) popArgs(top int) {
	clear(s.args[top:])
	s.args = s.args[:top]
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
func (s *state) fallBack(what string) {
	panic(failure{what + " is not compiled"})
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
