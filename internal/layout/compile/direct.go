package compile

import (
	"fmt"
	"reflect"
	"sync"
	"time"
)

// Direct methods. reflect.Value.Call, which text/template calls every
// method through, allocates the arguments, the results and room for them
// on every call: on a page that calls a few hundred methods that is much
// of what the page allocates. A package whose types templates use can
// hand the compiled templates their methods as Go functions instead: it
// adds them to a Methods with Method0 and its kin, and hands that to
// Compile. A compiled template then calls those without reflection; what
// it writes is the same either way, because the function handed over
// must be the method itself (the method expression (*Page).Permalink,
// say), which Method0 and its kin check.

// directCall calls a function, or a method with its receiver first, with
// the arguments as the template evaluated them, each of the parameter's
// type. ok is false when an argument does not have exactly that type (it
// may be of another type assignable to it): the call is then left to
// reflection.
type directCall func(args []reflect.Value) (v reflect.Value, ok bool, err error)

// directKey names a method of a receiver type.
type directKey struct {
	recv reflect.Type
	name string
}

// Methods are the methods that the templates compiled with them call
// without reflection. The zero value has none; Method0 and its kin add
// them, all before the first Compile that is given the Methods, which
// must not be copied after. Once built, Methods are safe for concurrent
// use.
type Methods struct {
	calls map[directKey]directCall
	// entries caches what each name means on each receiver type, for the
	// programs compiled with these methods (entryKey -> *fieldEntry).
	entries sync.Map
}

// Direct reports whether the method name of recv is called without
// reflection.
func (ms *Methods) Direct(recv reflect.Type, name string) bool { return ms.lookup(recv, name) != nil }

// lookup returns the direct call of the method name of recv, or nil.
func (ms *Methods) lookup(recv reflect.Type, name string) directCall {
	if ms == nil {
		return nil
	}
	return ms.calls[directKey{recv, name}]
}

// addMethod records call for the method name of T, after checking that method
// is that method.
func addMethod[T any](ms *Methods, name string, method any, call directCall) error {
	recv := reflect.TypeFor[T]()
	m, ok := recv.MethodByName(name)
	fn := reflect.ValueOf(method)
	switch {
	case !ok || recv.Kind() == reflect.Interface:
		return fmt.Errorf("compile: %s has no method %s", recv, name)
	case m.Func.Type() != fn.Type() || m.Func.Pointer() != fn.Pointer():
		return fmt.Errorf("compile: the function given for %s.%s is not that method", recv, name)
	}
	if out := fn.Type().Out(0); out.Kind() == reflect.Interface {
		// reflect.Value.Call returns an interface result as such, which
		// reflect.ValueOf cannot.
		return fmt.Errorf("compile: %s.%s returns an interface (%s): call it through reflection", recv, name, out)
	}
	if ms.calls == nil {
		ms.calls = map[directKey]directCall{}
	}
	ms.calls[directKey{recv, name}] = call
	return nil
}

// argAs returns v as a parameter of type A receives it, and whether v had
// a type that can be passed without conversion.
func argAs[A any](v reflect.Value) (A, bool) {
	var a A
	if reflect.TypeFor[A]() == emptyInterface {
		a, _ = asAny(v).(A)
		return a, true
	}
	if !v.IsValid() || v.Type() != reflect.TypeFor[A]() {
		return a, false
	}
	a, ok := v.Interface().(A)
	return a, ok
}

// Method0 adds to ms method, the method name of T without arguments, for
// compiled templates to call without reflection. It returns an error when
// method is not that method of T, or returns an interface.
func Method0[T, R any](ms *Methods, name string, method func(T) R) error {
	return addMethod[T](ms, name, method, func1(method))
}

// Method1 is Method0 for a method of one argument.
func Method1[T, A, R any](ms *Methods, name string, method func(T, A) R) error {
	return addMethod[T](ms, name, method, func2(method))
}

// Method2 is Method0 for a method of two arguments.
func Method2[T, A, B, R any](ms *Methods, name string, method func(T, A, B) R) error {
	return addMethod[T](ms, name, method, func3(method))
}

// Method1E is Method1 for a method that also returns an error.
func Method1E[T, A, R any](ms *Methods, name string, method func(T, A) (R, error)) error {
	return addMethod[T](ms, name, method, func2E(method))
}

// Method3E is Method0 for a method of three arguments that also returns
// an error.
func Method3E[T, A, B, C, R any](ms *Methods, name string, method func(T, A, B, C) (R, error)) error {
	return addMethod[T](ms, name, method, func4E(method))
}

// callDirect runs call as safeCall runs a function: a panic becomes the
// error.
func callDirect(call directCall, args []reflect.Value) (v reflect.Value, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			ok = true
			if e, isErr := r.(error); isErr {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	return call(args)
}

// funcDirect returns a direct call of the function fn when its type is
// one that template functions commonly have, and nil for other types,
// which are called through reflection. The call is of fn itself.
func funcDirect(fn reflect.Value) directCall {
	switch f := fn.Interface().(type) {
	case func(string) string:
		return func1(f)
	case func(time.Time) string:
		return func1(f)
	case func(int) []int:
		return func1(f)
	case func(int, int) int:
		return func2(f)
	case func(int, string, string) string:
		return func3(f)
	case func(...any) (map[string]any, error):
		return variadicE(f)
	}
	return nil
}

// The direct calls of functions of one to four parameters, and of a
// variadic one, each of its parameters' types.

func func1[A, R any](f func(A) R) directCall {
	return func(args []reflect.Value) (reflect.Value, bool, error) {
		a, ok := argAs[A](args[0])
		if !ok {
			return zero, false, nil
		}
		return reflect.ValueOf(f(a)), true, nil
	}
}

func func2[A, B, R any](f func(A, B) R) directCall {
	return func2E(func(a A, b B) (R, error) { return f(a, b), nil })
}

func func3[A, B, C, R any](f func(A, B, C) R) directCall {
	return func(args []reflect.Value) (reflect.Value, bool, error) {
		a, okA := argAs[A](args[0])
		b, okB := argAs[B](args[1])
		c, okC := argAs[C](args[2])
		if !okA || !okB || !okC {
			return zero, false, nil
		}
		return reflect.ValueOf(f(a, b, c)), true, nil
	}
}

func func2E[A, B, R any](f func(A, B) (R, error)) directCall {
	return func(args []reflect.Value) (reflect.Value, bool, error) {
		a, okA := argAs[A](args[0])
		b, okB := argAs[B](args[1])
		if !okA || !okB {
			return zero, false, nil
		}
		r, err := f(a, b)
		return reflect.ValueOf(r), true, err
	}
}

func func4E[A, B, C, D, R any](f func(A, B, C, D) (R, error)) directCall {
	return func(args []reflect.Value) (reflect.Value, bool, error) {
		a, okA := argAs[A](args[0])
		b, okB := argAs[B](args[1])
		c, okC := argAs[C](args[2])
		d, okD := argAs[D](args[3])
		if !okA || !okB || !okC || !okD {
			return zero, false, nil
		}
		r, err := f(a, b, c, d)
		return reflect.ValueOf(r), true, err
	}
}

func variadicE[A, R any](f func(...A) (R, error)) directCall {
	return func(args []reflect.Value) (reflect.Value, bool, error) {
		vals := make([]A, len(args))
		for i, arg := range args {
			var ok bool
			if vals[i], ok = argAs[A](arg); !ok {
				return zero, false, nil
			}
		}
		r, err := f(vals...)
		return reflect.ValueOf(r), true, err
	}
}
