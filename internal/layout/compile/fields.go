package compile

import (
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// fieldChain is .A.B.C: each step a field, a map key or a method; the
// last one gets the command's arguments.
type fieldChain struct {
	steps []*fieldStep
}

// fieldStep is one name of a chain, with what it last resolved to.
type fieldStep struct {
	methods *Methods // the program's, whose cache of entries the step shares
	name    string
	nameVal reflect.Value
	args    []*argExpr // the arguments of the command, for the last step
	hasArgs bool       // the command has arguments besides the piped value
	last    atomic.Pointer[fieldEntry]
}

// fieldEntry is what a name means on one type of receiver.
type fieldEntry struct {
	ptrType reflect.Type // the receiver's type, after taking its address if it could be
	addr    bool         // whether the address was taken
	method  *callee      // the method of that name, or nil
	field   *reflect.StructField
	mapKey  bool // the receiver is a map the name can index
	ptrToNo bool // the receiver is a pointer to a struct without the field
}

// entryKey finds an entry in Methods.entries, the cache all steps of the
// programs compiled with those methods share.
type entryKey struct {
	ptrType reflect.Type
	addr    bool
	name    string
}

// fields compiles a chain of names; args are the command's words (the
// chain first), nil for a chain inside another.
func (c *compiler) fields(idents []string, args []parse.Node, piped bool) *fieldChain {
	chain := &fieldChain{steps: make([]*fieldStep, len(idents))}
	for i, name := range idents {
		chain.steps[i] = &fieldStep{methods: c.methods, name: name, nameVal: reflect.ValueOf(name)}
	}
	last := chain.steps[len(idents)-1]
	if args != nil {
		last.args = c.args(args[1:])
		last.hasArgs = len(args) > 1
	}
	return chain
}

func (ch *fieldChain) eval(s *state, dot, receiver, final reflect.Value) reflect.Value {
	n := len(ch.steps)
	for _, step := range ch.steps[:n-1] {
		receiver = step.eval(s, dot, receiver, missingVal)
	}
	return ch.steps[n-1].eval(s, dot, receiver, final)
}

// eval is text/template's evalField, with the lookups cached.
func (f *fieldStep) eval(s *state, dot, receiver, final reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return zero
	}
	typ := receiver.Type()
	receiver, isNil := indirectValue(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.errorf("nil pointer evaluating %s.%s", typ, f.name)
	}
	ptr := receiver
	addr := false
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
		addr = true
	}
	e := f.entry(ptr.Type(), addr)
	if e.method != nil {
		return s.evalCall(dot, e.method, ptr, f.args, final)
	}
	hasArgs := f.hasArgs || !isMissing(final)
	switch receiver.Kind() {
	case reflect.Struct:
		if e.field != nil {
			field, err := receiver.FieldByIndexErr(e.field.Index)
			if !e.field.IsExported() {
				s.errorf("%s is an unexported field of struct type %s", f.name, typ)
			}
			if err != nil {
				s.errorf("%v", err)
			}
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", f.name)
			}
			return field
		}
	case reflect.Map:
		if e.mapKey {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", f.name)
			}
			return receiver.MapIndex(f.nameVal)
		}
	case reflect.Pointer:
		if !e.ptrToNo && isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, f.name)
		}
	}
	s.errorf("can't evaluate field %s in type %s", f.name, typ)
	return zero
}

// entry returns what the step's name means on a receiver type, from the
// step's last answer or the shared cache.
func (f *fieldStep) entry(ptrType reflect.Type, addr bool) *fieldEntry {
	if e := f.last.Load(); e != nil && e.ptrType == ptrType && e.addr == addr {
		return e
	}
	key := entryKey{ptrType, addr, f.name}
	v, ok := f.methods.entries.Load(key)
	if !ok {
		v, _ = f.methods.entries.LoadOrStore(key, newFieldEntry(f.methods, ptrType, addr, f.name))
	}
	e := v.(*fieldEntry)
	f.last.Store(e)
	return e
}

// newFieldEntry works out what name means on a receiver of type ptrType,
// a method of which it calls directly when methods has it.
func newFieldEntry(methods *Methods, ptrType reflect.Type, addr bool, name string) *fieldEntry {
	e := &fieldEntry{ptrType: ptrType, addr: addr}
	if m, ok := ptrType.MethodByName(name); ok && ptrType.Kind() != reflect.Interface {
		e.method = newCallee(name, m.Func, true)
		e.method.direct = methods.lookup(ptrType, name)
		return e
	}
	receiverType := ptrType
	if addr {
		receiverType = ptrType.Elem()
	}
	switch receiverType.Kind() {
	case reflect.Struct:
		if field, ok := receiverType.FieldByName(name); ok {
			e.field = &field
		}
	case reflect.Map:
		e.mapKey = stringType.AssignableTo(receiverType.Key())
	case reflect.Pointer:
		if elem := receiverType.Elem(); elem.Kind() == reflect.Struct {
			_, has := elem.FieldByName(name)
			e.ptrToNo = !has
		}
	}
	return e
}
