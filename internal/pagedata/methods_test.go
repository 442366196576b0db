package pagedata

import (
	"reflect"
	"testing"
)

// TestPageMethodsAreDirect checks that the compiled templates call every
// method of Page without reflection, except those that return an
// interface or have more arguments than compile's Method functions take.
func TestPageMethodsAreDirect(t *testing.T) {
	methods, err := Methods()
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeFor[*Page]()
	errorType := reflect.TypeFor[error]()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		ft := m.Type
		in, out := ft.NumIn()-1, ft.NumOut()
		withErr := out == 2 && ft.Out(1) == errorType
		coverable := !ft.IsVariadic() && ft.Out(0).Kind() != reflect.Interface &&
			(out == 1 && in <= 2 || withErr && (in == 1 || in == 3))
		if got := methods.Direct(typ, m.Name); got != coverable {
			t.Errorf("Page.%s %s: called directly: %v, want %v", m.Name, ft, got, coverable)
		}
	}
}
