package closer

import (
	"io"
	"reflect"
)

var closerType = reflect.TypeFor[io.Closer]()

// Wrap returns a function of the same type as fn that calls fn and adds to the set every result
// that implements io.Closer and is not nil. Values that are not functions, and functions without
// such a result, are returned unchanged. The executor applies Wrap to the toolkit's symbol table so
// that, for example, every server a cell starts with fib.Start is closed on interrupt.
func (s *Set) Wrap(fn reflect.Value) reflect.Value {
	if fn.Kind() != reflect.Func || !returnsCloser(fn.Type()) {
		return fn
	}
	return reflect.MakeFunc(fn.Type(), func(args []reflect.Value) []reflect.Value {
		var results []reflect.Value
		if fn.Type().IsVariadic() {
			results = fn.CallSlice(args)
		} else {
			results = fn.Call(args)
		}
		for _, r := range results {
			if !r.Type().Implements(closerType) || isNil(r) {
				continue
			}
			s.Add(r.Interface().(io.Closer))
		}
		return results
	})
}

// returnsCloser reports whether any result of the function type t implements io.Closer.
func returnsCloser(t reflect.Type) bool {
	for i := range t.NumOut() {
		if t.Out(i).Implements(closerType) {
			return true
		}
	}
	return false
}

// isNil reports whether v holds a nil pointer, interface, map, slice, chan or func.
func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Chan, reflect.Func:
		return v.IsNil()
	}
	return false
}
