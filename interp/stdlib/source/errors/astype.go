// Package errors is the interpreted part of the standard errors package:
// the generic AsType. Everything else is the compiled package,
// re-exported by the generated zz_exports.go.
package errors

import (
	"reflect"
)

// AsType finds the first error in err's tree (err, then what Unwrap
// returns, depth first) that is of type E, or that has an As(any) bool
// method accepting a *E, and returns it and true.
func AsType[E error](err error) (E, bool) {
	var zero E
	stack := []error{err}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e == nil {
			continue
		}
		if t, ok := e.(E); ok {
			return t, true
		}
		target := new(E)
		if callAs(e, target) {
			return *target, true
		}
		next := unwrap(e)
		for i := len(next) - 1; i >= 0; i-- {
			stack = append(stack, next[i])
		}
	}
	return zero, false
}

// In yaegi v0.16.1, asserting a compiled error value to an interface
// such as interface{ Unwrap() error } succeeds but gives an unusable
// value, so compiled errors are inspected by reflection and interpreted
// ones by assertion.

// unwrap returns the errors that e wraps.
func unwrap(e error) []error {
	if m := reflect.ValueOf(e).MethodByName("Unwrap"); m.IsValid() {
		switch f := m.Interface().(type) {
		case func() error:
			return []error{f()}
		case func() []error:
			return f()
		}
		return nil
	}
	if u, ok := e.(interface{ Unwrap() error }); ok {
		return []error{u.Unwrap()}
	}
	if u, ok := e.(interface{ Unwrap() []error }); ok {
		return u.Unwrap()
	}
	return nil
}

// callAs calls e's As(any) bool method, if it has one.
func callAs(e error, target any) bool {
	if m := reflect.ValueOf(e).MethodByName("As"); m.IsValid() {
		if f, ok := m.Interface().(func(any) bool); ok {
			return f(target)
		}
		return false
	}
	if x, ok := e.(interface{ As(any) bool }); ok {
		return x.As(target)
	}
	return false
}
