package display

import (
	"reflect"
	"unsafe"
)

// yaegi v0.16.1 keeps a value of a cell-defined type that has methods in a
// private box (interp.valueInterface: the value plus the interpreter's
// type) while it sits in a variable or parameter of interface type. When
// such a value is passed on to compiled code, the box itself is passed:
// fmt prints it as {0xc000… {…}}, encoding/json as {}. unbox takes the
// value out of the box, so that Show, Bundle and JSON print what the cell
// holds. It reads one private field, found by name and checked by type;
// if yaegi's layout changes, values pass through unchanged.

// yaegiBox names yaegi's private box type.
const (
	yaegiBoxPkg  = "github.com/traefik/yaegi/interp"
	yaegiBoxName = "valueInterface"
)

// unbox returns the value inside yaegi's box, or v itself.
func unbox(v any) any {
	for range 8 { // boxes can nest; a bound guards against a loop
		rv := reflect.ValueOf(v)
		if !rv.IsValid() || rv.Kind() != reflect.Struct {
			return v
		}
		t := rv.Type()
		if t.Name() != yaegiBoxName || t.PkgPath() != yaegiBoxPkg {
			return v
		}
		f, ok := t.FieldByName("value")
		if !ok || f.Type != reflect.TypeFor[reflect.Value]() {
			return v
		}
		box := reflect.New(t).Elem() // an addressable copy
		box.Set(rv)
		inner := *(*reflect.Value)(unsafe.Pointer(box.FieldByIndex(f.Index).UnsafeAddr()))
		if !inner.IsValid() {
			return nil
		}
		if !inner.CanInterface() {
			return v
		}
		v = inner.Interface()
	}
	return v
}
