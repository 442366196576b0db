package compile

import "reflect"

// The reflect types and value helpers of the compile package's own,
// beside values.go's copies of text/template's.
var (
	emptyInterface = reflect.TypeFor[any]()
	stringType     = reflect.TypeFor[string]()
	boolType       = reflect.TypeFor[bool]()
)

// unwrap takes the value out of a reflect.Value a function returned.
func unwrap(v reflect.Value) reflect.Value {
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// asAny is the value a parameter of type any receives for v, as
// validateType and reflect.Value.Call would pass it.
func asAny(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}
