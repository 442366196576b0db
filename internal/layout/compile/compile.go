// Package compile runs html/template templates without text/template's
// tree-walking evaluator: it turns the parse trees html/template has
// escaped into Go closures that write the same bytes.
//
// Evaluating a template the standard way looks up every field and method
// by name, on every page, and calls every function, escapers included,
// through reflection. A compiled template resolves variables to slots and
// functions to values once, caches each field's lookup by the type it
// meets, and calls html/template's escapers and text/template's
// comparisons directly. What it does with a value is copied from
// text/template, so that the output is byte for byte the same.
//
// A compiled template never reports an error of its own: when anything
// goes wrong, or it meets what it does not do (ranging over a map, a
// channel or an iterator function), Execute returns ErrFallback and the
// caller runs the template the standard way, which writes the page or
// reports the error as it always has. Compile refuses a few templates
// outright: one that calls a template the lookup cannot find (such as
// those html/template derives for another context), one that declares a
// variable inside an argument of and/or (text/template declares it only
// if it gets to that argument), and the few shapes text/template rejects
// whenever they run. Templates are taken to run with the default
// missingkey option.
//
// What a compiled template does with a value is html/template's and
// text/template's own code: the files whose first line says they are
// generated (escape_*.go, builtins.go, values.go, exec_data_test.go) are
// copies made by internal/forkgen from the toolchain's sources, and must
// never be edited. TestForkMatchesToolchain fails when the toolchain's
// sources differ from them, such as after a Go update: run
// "go generate ./internal/layout/compile" to make them again. The rest is
// the compile package's own.
package compile

//go:generate go run ./internal/forkgen/cmd/forkgen

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"
)

// ErrFallback is returned by Execute when the template must be run by
// html/template instead: to report an error, or for what a compiled
// template does not do.
var ErrFallback = errors.New("compiled template: run it with html/template")

// Program is a compiled template and every template it calls. It is safe
// for concurrent use.
type Program struct {
	entry *code
}

// code is one compiled template.
type code struct {
	name  string
	body  execFn
	slots int // variable slots a call needs, "$" included
}

// flow tells a range loop how its body ended.
type flow uint8

const (
	flowNormal flow = iota
	flowBreak
	flowContinue
)

// execFn writes a node's output.
type execFn func(s *state, dot reflect.Value) flow

// valueFn evaluates a pipeline or an argument.
type valueFn func(s *state, dot reflect.Value) reflect.Value

// commandFn evaluates a command; final is the value piped into it, or
// missingVal.
type commandFn func(s *state, dot, final reflect.Value) reflect.Value

// Lookup returns the escaped parse tree of a template of the set by name,
// or nil.
type Lookup func(name string) *parse.Tree

// Compile compiles the template name of a set that html/template has
// escaped (executed at least once), with every template it calls. funcs
// are the functions the set was given; the program calls methods' methods
// without reflection. methods may be nil, and may be shared by many
// programs.
func Compile(name string, lookup Lookup, funcs template.FuncMap, methods *Methods) (p *Program, err error) {
	if methods == nil {
		methods = new(Methods)
	}
	c := &compiler{lookup: lookup, done: map[string]*code{}, funcs: map[string]reflect.Value{}, methods: methods}
	for name, fn := range funcs {
		c.funcs[name] = reflect.ValueOf(fn)
	}
	defer func() {
		if e := recover(); e != nil {
			ce, ok := e.(compileError)
			if !ok {
				panic(e)
			}
			p, err = nil, ce
		}
	}()
	return &Program{entry: c.template(name)}, nil
}

// compileError is what the compiler panics with when a tree has what it
// does not compile.
type compileError struct{ msg string }

func (e compileError) Error() string { return "compile: " + e.msg }

// compiler holds what compiling one program needs.
type compiler struct {
	lookup  Lookup
	funcs   map[string]reflect.Value
	methods *Methods
	done    map[string]*code
	cur     *code
	vars    []string // the variables in scope in the template being compiled, "$" first
}

func (c *compiler) fail(format string, args ...any) {
	panic(compileError{fmt.Sprintf(format, args...)})
}

// template compiles a template once; calls to it, recursive ones too,
// share its code.
func (c *compiler) template(name string) *code {
	if k := c.done[name]; k != nil {
		return k
	}
	tree := c.lookup(name)
	if tree == nil || tree.Root == nil {
		c.fail("no template %q", name)
	}
	k := &code{name: name}
	c.done[name] = k
	savedCur, savedVars := c.cur, c.vars
	c.cur, c.vars = k, []string{"$"}
	k.slots = 1
	k.body = c.list(tree.Root)
	c.cur, c.vars = savedCur, savedVars
	return k
}

// push declares a variable and returns its slot.
func (c *compiler) push(name string) int {
	c.vars = append(c.vars, name)
	c.cur.slots = max(c.cur.slots, len(c.vars))
	return len(c.vars) - 1
}

// undefinedSlot is the slot of a variable not in scope: using it fails
// when it runs, as in text/template, which finds out only then.
const undefinedSlot = -2

// slot returns the slot of the innermost variable called name, or
// undefinedSlot.
func (c *compiler) slot(name string) int {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i] == name {
			return i
		}
	}
	return undefinedSlot
}

// set stores a variable's value.
func (s *state) set(slot int, value reflect.Value) {
	if slot == undefinedSlot {
		s.errorf("undefined variable")
	}
	s.vars[s.base+slot] = value
}

func (c *compiler) node(n parse.Node) execFn {
	switch n := n.(type) {
	case *parse.ActionNode:
		return c.action(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) flow { return flowBreak }
	case *parse.ContinueNode:
		return func(*state, reflect.Value) flow { return flowContinue }
	case *parse.CommentNode:
		return nil
	case *parse.IfNode:
		return c.ifOrWith(false, n.Pipe, n.List, n.ElseList)
	case *parse.ListNode:
		return c.list(n)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.call(n)
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) flow {
			s.w.Write(text)
			return flowNormal
		}
	case *parse.WithNode:
		return c.ifOrWith(true, n.Pipe, n.List, n.ElseList)
	}
	c.fail("unknown node %s", n)
	return nil
}

func (c *compiler) list(l *parse.ListNode) execFn {
	if l == nil {
		return nil
	}
	var fns []execFn
	for _, n := range l.Nodes {
		if fn := c.node(n); fn != nil {
			fns = append(fns, fn)
		}
	}
	switch len(fns) {
	case 0:
		return func(*state, reflect.Value) flow { return flowNormal }
	case 1:
		return fns[0]
	}
	return func(s *state, dot reflect.Value) flow {
		for _, fn := range fns {
			if f := fn(s, dot); f != flowNormal {
				return f
			}
		}
		return flowNormal
	}
}

func (c *compiler) action(n *parse.ActionNode) execFn {
	if fn := c.plainTail(n); fn != nil {
		return fn
	}
	pipe := c.pipeline(n.Pipe)
	if len(n.Pipe.Decl) > 0 {
		return func(s *state, dot reflect.Value) flow {
			pipe(s, dot)
			return flowNormal
		}
	}
	return func(s *state, dot reflect.Value) flow {
		s.print(pipe(s, dot))
		return flowNormal
	}
}

// ifOrWith compiles {{if}} and {{with}}: the same but that with sets dot.
func (c *compiler) ifOrWith(with bool, p *parse.PipeNode, list, elseList *parse.ListNode) execFn {
	mark := len(c.vars)
	pipe := c.pipeline(p)
	inner := len(c.vars)
	then := c.list(list)
	c.vars = c.vars[:inner]
	otherwise := c.list(elseList)
	c.vars = c.vars[:mark]
	return func(s *state, dot reflect.Value) flow {
		val := pipe(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			s.errorf("if/with can't use %v", val)
		}
		switch {
		case truth && with:
			return then(s, val)
		case truth:
			return then(s, dot)
		case otherwise != nil:
			return otherwise(s, dot)
		}
		return flowNormal
	}
}

// rangeNode compiles {{range}} over slices, arrays and integers; over
// anything else it falls back.
func (c *compiler) rangeNode(r *parse.RangeNode) execFn {
	mark := len(c.vars)
	pipe := c.pipeline(r.Pipe)
	indexSlot, elemSlot := c.rangeSlots(r.Pipe)
	inner := len(c.vars)
	body := c.list(r.List)
	c.vars = c.vars[:inner]
	otherwise := c.list(r.ElseList)
	c.vars = c.vars[:mark]
	twoVars := len(r.Pipe.Decl) > 1
	iteration := func(s *state, index int, elem reflect.Value) flow {
		if elemSlot != -1 {
			s.set(elemSlot, elem)
		}
		if indexSlot != -1 {
			s.set(indexSlot, reflect.ValueOf(index))
		}
		return body(s, elem)
	}
	return func(s *state, dot reflect.Value) flow {
		val, _ := indirectValue(pipe(s, dot))
		ran := false
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			for i := 0; i < val.Len(); i++ {
				ran = true
				if iteration(s, i, val.Index(i)) == flowBreak {
					break
				}
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if twoVars {
				s.errorf("can't use %v to iterate over more than one variable", val)
			}
			for v := range val.Seq() {
				ran = true
				if iteration(s, 0, v) == flowBreak {
					break
				}
			}
		case reflect.Invalid:
		default:
			s.fallBack("range over a " + val.Kind().String())
		}
		if !ran && otherwise != nil {
			// A {{break}} in the else of a range ends that range, which has
			// ended anyway: text/template runs on after it.
			if otherwise(s, dot) == flowContinue {
				return flowContinue
			}
		}
		return flowNormal
	}
}

// rangeSlots returns the slots a range sets on each iteration to the index
// and the element, -1 for none.
func (c *compiler) rangeSlots(p *parse.PipeNode) (indexSlot, elemSlot int) {
	indexSlot, elemSlot = -1, -1
	decl := p.Decl
	switch {
	case len(decl) == 0:
	case p.IsAssign && len(decl) == 1:
		elemSlot = c.slot(decl[0].Ident[0])
	case p.IsAssign:
		indexSlot, elemSlot = c.slot(decl[0].Ident[0]), c.slot(decl[1].Ident[0])
	case len(decl) == 1:
		elemSlot = len(c.vars) - 1
	default:
		indexSlot, elemSlot = len(c.vars)-2, len(c.vars)-1
	}
	return indexSlot, elemSlot
}

// call compiles {{template "name" pipeline}}.
func (c *compiler) call(t *parse.TemplateNode) execFn {
	var pipe valueFn
	if t.Pipe != nil {
		pipe = c.pipeline(t.Pipe)
	}
	callee := c.template(t.Name)
	caller := c.cur
	return func(s *state, dot reflect.Value) flow {
		var arg reflect.Value
		if pipe != nil {
			arg = pipe(s, dot)
		}
		if s.depth == maxExecDepth {
			s.errorf("exceeded maximum template depth (%v)", maxExecDepth)
		}
		base := s.base
		s.base += caller.slots
		if need := s.base + callee.slots; need > len(s.vars) {
			s.vars = append(s.vars, make([]reflect.Value, need-len(s.vars))...)
		}
		s.vars[s.base] = arg
		s.depth++
		callee.body(s, arg)
		s.depth--
		s.base = base
		return flowNormal
	}
}

// maxExecDepth is text/template's limit on templates within templates.
const maxExecDepth = 100000

// pipeline compiles a pipeline and declares its variables.
func (c *compiler) pipeline(p *parse.PipeNode) valueFn {
	cmds := make([]commandFn, len(p.Cmds))
	for i, cmd := range p.Cmds {
		cmds[i] = c.command(cmd, i > 0)
	}
	slots := make([]int, len(p.Decl))
	for i, v := range p.Decl {
		if p.IsAssign {
			slots[i] = c.slot(v.Ident[0])
		} else {
			slots[i] = c.push(v.Ident[0])
		}
	}
	if len(cmds) == 1 && len(slots) == 0 {
		cmd := cmds[0]
		return func(s *state, dot reflect.Value) reflect.Value {
			return dropInterface(cmd(s, dot, missingVal))
		}
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		value := missingVal
		for _, cmd := range cmds {
			value = dropInterface(cmd(s, dot, value))
		}
		for _, slot := range slots {
			s.set(slot, value)
		}
		return value
	}
}

// dropInterface digs into a value of type interface{}, as pipelines do.
func dropInterface(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

// command compiles one command of a pipeline; piped says whether a value
// is piped into it as its last argument.
func (c *compiler) command(cmd *parse.CommandNode, piped bool) commandFn {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		chain := c.fields(n.Ident, cmd.Args, piped)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain.eval(s, dot, dot, final)
		}
	case *parse.ChainNode:
		if len(n.Field) == 0 || n.Node.Type() == parse.NodeNil {
			c.fail("bad chain %s", n)
		}
		receiver := c.operand(n.Node)
		if receiver == nil {
			c.fail("can't evaluate %s", n)
		}
		chain := c.fields(n.Field, cmd.Args, piped)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain.eval(s, dot, s.validateType(receiver(s, dot), nil), final)
		}
	case *parse.IdentifierNode:
		return c.function(n.Ident, cmd.Args[1:], piped)
	case *parse.VariableNode:
		return c.variable(n, cmd.Args, piped)
	}
	if len(cmd.Args) > 1 || piped {
		c.fail("can't give argument to non-function %s", cmd.Args[0])
	}
	switch n := cmd.Args[0].(type) {
	case *parse.PipeNode:
		pipe := c.pipeline(n)
		return func(s *state, dot, _ reflect.Value) reflect.Value { return pipe(s, dot) }
	case *parse.DotNode:
		return func(_ *state, dot, _ reflect.Value) reflect.Value { return dot }
	case *parse.NumberNode:
		v, msg := idealConstant(n)
		return func(s *state, _, _ reflect.Value) reflect.Value {
			if msg != "" {
				s.errorf("%s", msg)
			}
			return v
		}
	case *parse.BoolNode, *parse.StringNode:
		v := c.constant(n)
		return func(*state, reflect.Value, reflect.Value) reflect.Value { return v }
	}
	c.fail("can't evaluate command %q", cmd.Args[0])
	return nil
}

// variable compiles $x or $x.Field ... with its arguments.
func (c *compiler) variable(n *parse.VariableNode, args []parse.Node, piped bool) commandFn {
	slot := c.slot(n.Ident[0])
	if slot == undefinedSlot {
		return func(s *state, _, _ reflect.Value) reflect.Value {
			s.errorf("undefined variable: %s", n.Ident[0])
			return zero
		}
	}
	if len(n.Ident) == 1 {
		if len(args) > 1 || piped {
			c.fail("can't give argument to non-function %s", n)
		}
		return func(s *state, _, _ reflect.Value) reflect.Value { return s.vars[s.base+slot] }
	}
	chain := c.fields(n.Ident[1:], args, piped)
	return func(s *state, dot, final reflect.Value) reflect.Value {
		return chain.eval(s, dot, s.vars[s.base+slot], final)
	}
}

// operand compiles a node that is evaluated for its value: an argument,
// the start of a chain.
func (c *compiler) operand(n parse.Node) valueFn {
	switch n := n.(type) {
	case *parse.DotNode:
		return func(_ *state, dot reflect.Value) reflect.Value { return dot }
	case *parse.FieldNode:
		chain := c.fields(n.Ident, []parse.Node{n}, false)
		return func(s *state, dot reflect.Value) reflect.Value { return chain.eval(s, dot, dot, missingVal) }
	case *parse.VariableNode:
		v := c.variable(n, nil, false)
		return func(s *state, dot reflect.Value) reflect.Value { return v(s, dot, missingVal) }
	case *parse.PipeNode:
		return c.pipeline(n)
	case *parse.IdentifierNode:
		fn := c.function(n.Ident, nil, false)
		return func(s *state, dot reflect.Value) reflect.Value { return fn(s, dot, missingVal) }
	case *parse.ChainNode:
		cmd := c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}}, false)
		return func(s *state, dot reflect.Value) reflect.Value { return cmd(s, dot, missingVal) }
	}
	return nil
}

// constant returns the value of a literal where no type is asked for.
func (c *compiler) constant(n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	case *parse.NumberNode:
		switch {
		case n.IsComplex:
			return reflect.ValueOf(n.Complex128)
		case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64)
		case n.IsInt:
			i := int(n.Int64)
			if int64(i) != n.Int64 {
				c.fail("%s overflows int", n.Text)
			}
			return reflect.ValueOf(i)
		}
		c.fail("%s overflows int", n.Text)
	}
	c.fail("not a constant: %s", n)
	return zero
}

func isRuneInt(s string) bool {
	return len(s) > 0 && s[0] == '\''
}

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// Execute runs the program with data into w. When html/template must run
// the template instead, the error wraps ErrFallback and says why; w may
// then hold part of a page: the caller truncates it.
func (p *Program) Execute(w *bytes.Buffer, data any) (err error) {
	s := newState(w, p.entry.slots)
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s.vars[0] = value
	defer func() {
		if e := recover(); e != nil {
			reason, ok := e.(failure)
			if !ok {
				reason.msg = fmt.Sprint("panic: ", e)
			}
			err = fmt.Errorf("%w: %s", ErrFallback, reason.msg)
		}
		s.release()
	}()
	p.entry.body(s, value)
	return nil
}
