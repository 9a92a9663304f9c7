// Package reflect is the interpreted part of the standard reflect
// package: the generic TypeFor and TypeAssert. Everything else is the
// compiled package, re-exported by the generated zz_exports.go.
package reflect

import (
	"reflect"
)

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() reflect.Type {
	var zero T
	return reflect.TypeOf(&zero).Elem()
}

// TypeAssert is v.Interface().(T) without allocating in the compiled
// library; here it is exactly that.
func TypeAssert[T any](v reflect.Value) (T, bool) {
	x, ok := v.Interface().(T)
	return x, ok
}
