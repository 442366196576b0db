package compile

import (
	"fmt"
	"reflect"
	"text/template"
	"text/template/parse"
)

// callee is a function or method a template calls, with what checking its
// arguments needs worked out once.
type callee struct {
	name     string
	fn       reflect.Value
	typ      reflect.Type
	recv     bool       // fn is a method expression: the receiver comes first
	direct   directCall // a call of fn without reflection, or nil
	numIn    int        // parameters, the receiver not counted
	variadic bool
	badSig   error // why the function cannot be called from a template
}

func newCallee(name string, fn reflect.Value, recv bool) *callee {
	typ := fn.Type()
	c := &callee{name: name, fn: fn, typ: typ, recv: recv, numIn: typ.NumIn(), variadic: typ.IsVariadic()}
	if recv {
		c.numIn--
	}
	c.badSig = goodFunc(name, typ)
	return c
}

// in returns the type of parameter i, the receiver not counted.
func (c *callee) in(i int) reflect.Type {
	if c.recv {
		i++
	}
	return c.typ.In(i)
}

// argExpr is one argument of a call, evaluated for the type of its
// parameter as text/template's evalArg does.
type argExpr struct {
	node   parse.Node
	value  valueFn // for dot, fields, variables, pipelines, functions and chains
	isNil  bool
	lit    reflect.Value // a literal's value where any type will do
	litErr string        // why the literal has none
}

// args compiles the arguments of a call.
func (c *compiler) args(nodes []parse.Node) []*argExpr {
	if nodes == nil {
		return nil
	}
	out := make([]*argExpr, len(nodes))
	for i, n := range nodes {
		a := &argExpr{node: n, value: c.operand(n)}
		switch n := n.(type) {
		case *parse.NilNode:
			a.isNil = true
		case *parse.BoolNode:
			a.lit = reflect.ValueOf(n.True)
		case *parse.StringNode:
			a.lit = reflect.ValueOf(n.Text)
		case *parse.NumberNode:
			a.lit, a.litErr = idealConstant(n)
		default:
			if a.value == nil {
				c.fail("can't handle argument %s", n)
			}
		}
		out[i] = a
	}
	return out
}

// idealConstant is the value of a number where no type is asked for, or
// why it has none.
func idealConstant(n *parse.NumberNode) (v reflect.Value, msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = e.(compileError).msg
		}
	}()
	return (&compiler{}).constant(n), ""
}

// eval is evalArg: the argument's value as a parameter of type typ.
func (a *argExpr) eval(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
	if a.value != nil {
		return s.validateType(a.value(s, dot), typ)
	}
	if a.isNil {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("cannot assign nil to %s", typ)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if n, ok := a.node.(*parse.BoolNode); ok {
			if typ == boolType {
				return a.lit
			}
			v := reflect.New(typ).Elem()
			v.SetBool(n.True)
			return v
		}
	case reflect.Complex64, reflect.Complex128:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsComplex {
			v := reflect.New(typ).Elem()
			v.SetComplex(n.Complex128)
			return v
		}
	case reflect.Float32, reflect.Float64:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(n.Float64)
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(n.Int64)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return a.any(s)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(a.any(s))
		}
	case reflect.String:
		if n, ok := a.node.(*parse.StringNode); ok {
			if typ == stringType {
				return a.lit
			}
			v := reflect.New(typ).Elem()
			v.SetString(n.Text)
			return v
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsUint {
			v := reflect.New(typ).Elem()
			v.SetUint(n.Uint64)
			return v
		}
	}
	s.errorf("can't handle %s for arg of type %s", a.node, typ)
	return zero
}

// any is evalEmptyInterface for a literal.
func (a *argExpr) any(s *state) reflect.Value {
	if a.litErr != "" || a.isNil {
		s.errorf("%s", a.litErr)
	}
	return a.lit
}

// inner is the reflect.Value a parameter of type reflect.Value receives.
func (a *argExpr) inner(s *state, dot reflect.Value) reflect.Value {
	if a.value != nil {
		return innerOf(a.value(s, dot))
	}
	if a.isNil {
		return zero
	}
	return a.any(s)
}

// innerOf is the reflect.Value a parameter of type reflect.Value receives
// for a value.
func innerOf(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflectValueType {
		return v.Interface().(reflect.Value)
	}
	return v
}

// evalCall is text/template's evalCall for a function or method that is
// not one of the built-ins it treats specially.
func (s *state) evalCall(dot reflect.Value, f *callee, recv reflect.Value, args []*argExpr, final reflect.Value) reflect.Value {
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if f.variadic {
		numFixed = f.numIn - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s", f.name)
		}
	} else if numIn != f.numIn {
		s.errorf("wrong number of args for %s", f.name)
	}
	if f.badSig != nil {
		s.errorf("%v", f.badSig)
	}
	off := 0
	if f.recv {
		off = 1
	}
	argv, top := s.pushArgs(off + numIn)
	defer s.popArgs(top)
	if f.recv {
		argv[0] = recv
	}
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[off+i] = args[i].eval(s, dot, f.in(i))
	}
	if f.variadic {
		argType := f.typ.In(f.typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[off+i] = args[i].eval(s, dot, argType)
		}
	}
	if !isMissing(final) {
		t := f.typ.In(f.typ.NumIn() - 1)
		if f.variadic {
			if numIn-1 < numFixed {
				t = f.in(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[off+i] = s.validateType(final, t)
	}
	if f.direct != nil {
		if v, ok, err := callDirect(f.direct, argv); ok {
			if err != nil {
				s.errorf("error calling %s: %v", f.name, err)
			}
			return unwrap(v)
		}
	}
	v, err := safeCall(f.fn, argv)
	if err != nil {
		s.errorf("error calling %s: %v", f.name, err)
	}
	return unwrap(v)
}

// function compiles a call of a function by name: html/template's
// escapers, the set's functions, then text/template's built-ins.
func (c *compiler) function(name string, argNodes []parse.Node, piped bool) commandFn {
	args := c.args(argNodes)
	if esc, ok := escaper(name); ok {
		return anyStringCall(esc, args, piped)
	}
	if fn, ok := c.funcs[name]; ok {
		if f, ok := fn.Interface().(func(...any) string); ok {
			return anyStringCall(f, args, piped)
		}
		f := newCallee(name, fn, false)
		f.direct = funcDirect(fn)
		return genericCall(f, args)
	}
	switch name {
	case "and", "or":
		if declares(argNodes) {
			// text/template declares such a variable only if it gets to
			// the argument: slots fixed in advance cannot follow that.
			c.fail("a variable declared in an argument of %s", name)
		}
		return andOr(name == "or", args, piped)
	case "not":
		return fixedCall(1, args, piped, func(v []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(not(v[0])), nil
		})
	case "len":
		return fixedCall(1, args, piped, func(v []reflect.Value) (reflect.Value, error) {
			n, err := length(v[0])
			return reflect.ValueOf(n), err
		})
	case "eq":
		return eqCall(args, piped)
	case "ne", "lt", "le", "gt", "ge":
		cmp := map[string]func(a, b reflect.Value) (bool, error){"ne": ne, "lt": lt, "le": le, "gt": gt, "ge": ge}[name]
		return fixedCall(2, args, piped, func(v []reflect.Value) (reflect.Value, error) {
			b, err := cmp(v[0], v[1])
			return reflect.ValueOf(b), err
		})
	case "print":
		return anyStringCall(fmt.Sprint, args, piped)
	case "call":
		return c.callBuiltin(argNodes, args, piped)
	}
	if fn, ok := otherBuiltins[name]; ok {
		if f, ok := fn.(func(...any) string); ok {
			return anyStringCall(f, args, piped)
		}
		return genericCall(newCallee(name, reflect.ValueOf(fn), false), args)
	}
	c.fail("%q is not a defined function", name)
	return nil
}

// escaper returns html/template's escaper of the given name, as its
// escaped trees call it, from escape_funcs.go's copy of its funcMap: a
// function a compiled template calls without reflection.
func escaper(name string) (func(...any) string, bool) {
	f, ok := funcMap[name].(func(...any) string)
	return f, ok
}

// otherBuiltins are text/template's built-ins called through reflection,
// as text/template calls them.
var otherBuiltins = map[string]any{
	"html":     template.HTMLEscaper,
	"index":    index,
	"slice":    slice,
	"js":       template.JSEscaper,
	"printf":   fmt.Sprintf,
	"println":  fmt.Sprintln,
	"urlquery": template.URLQueryEscaper,
}

func genericCall(f *callee, args []*argExpr) commandFn {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		return s.evalCall(dot, f, zero, args, final)
	}
}

// anyStringCall calls a func(...any) string, html/template's escapers and
// fmt.Sprint among them, without reflection.
func anyStringCall(fn func(...any) string, args []*argExpr, piped bool) commandFn {
	n := len(args)
	if piped {
		n++
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		values := make([]any, n)
		for i, a := range args {
			values[i] = asAny(a.eval(s, dot, emptyInterface))
		}
		if piped {
			values[n-1] = asAny(s.validateType(final, emptyInterface))
		}
		return reflect.ValueOf(fn(values...))
	}
}

// fixedCall calls a built-in with n parameters of type reflect.Value.
func fixedCall(n int, args []*argExpr, piped bool, fn func([]reflect.Value) (reflect.Value, error)) commandFn {
	count := len(args)
	if piped {
		count++
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if count != n {
			s.errorf("wrong number of args")
		}
		var buf [2]reflect.Value
		v := buf[:n]
		for i, a := range args {
			v[i] = a.inner(s, dot)
		}
		if piped {
			v[n-1] = innerOf(final)
		}
		out, err := fn(v)
		if err != nil {
			s.errorf("%v", err)
		}
		return out
	}
}

// eqCall calls eq, whose second parameter is variadic.
func eqCall(args []*argExpr, piped bool) commandFn {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		var buf [4]reflect.Value
		v := buf[:0]
		for _, a := range args {
			v = append(v, a.inner(s, dot))
		}
		if piped {
			v = append(v, innerOf(final))
		}
		if len(v) == 0 {
			s.errorf("wrong number of args for eq")
		}
		b, err := eq(v[0], v[1:]...)
		if err != nil {
			s.errorf("%v", err)
		}
		return reflect.ValueOf(b)
	}
}

// andOr calls and and or, which stop at the first false (true) argument.
func andOr(isOr bool, args []*argExpr, piped bool) commandFn {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if len(args) == 0 && !piped {
			s.errorf("wrong number of args")
		}
		var v reflect.Value
		for _, a := range args {
			v = a.inner(s, dot)
			if truth(v) == isOr {
				return v
			}
		}
		if piped {
			v = innerOf(final)
		}
		return v
	}
}

// callBuiltin compiles "call": the callee's text goes first, for errors.
func (c *compiler) callBuiltin(argNodes []parse.Node, args []*argExpr, piped bool) commandFn {
	var calleeName string
	if len(argNodes) > 0 {
		calleeName = argNodes[0].String()
	}
	target := reflect.ValueOf(call)
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if len(args) == 0 && !piped {
			s.errorf("wrong number of args for call")
		}
		name := calleeName
		if len(args) == 0 {
			name = final.String()
		}
		argv := make([]reflect.Value, 0, len(args)+2)
		argv = append(argv, reflect.ValueOf(name))
		for _, a := range args {
			argv = append(argv, a.eval(s, dot, reflectValueType))
		}
		if piped {
			argv = append(argv, s.validateType(final, reflectValueType))
		}
		v, err := safeCall(target, argv)
		if err != nil {
			s.errorf("error calling call: %v", err)
		}
		return unwrap(v)
	}
}

// declares reports whether any of nodes, or any pipeline within them,
// declares a variable (an assignment is fine: it changes no slot).
func declares(nodes []parse.Node) bool {
	for _, n := range nodes {
		switch n := n.(type) {
		case *parse.PipeNode:
			if len(n.Decl) > 0 && !n.IsAssign {
				return true
			}
			for _, cmd := range n.Cmds {
				if declares(cmd.Args) {
					return true
				}
			}
		case *parse.ChainNode:
			if declares([]parse.Node{n.Node}) {
				return true
			}
		}
	}
	return false
}
