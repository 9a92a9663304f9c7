package errors

import (
	"errors"
	"reflect"
)

// Is reports whether any error in err's tree is target, or has an
// Is(error) bool method that says so.
//
// It is interpreted (the compiled errors.Is is behind it) because yaegi
// v0.16.1 hands an error value that a cell defined to compiled code inside
// a wrapper struct: the compiled Is compares the wrappers, never equal,
// and cannot see the value's own Is or Unwrap methods.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	if errors.Is(err, target) {
		return true
	}
	want := unbox(target)
	comparable := reflect.TypeOf(want).Comparable()
	stack := []error{err}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e == nil {
			continue
		}
		if got := unbox(e); comparable && reflect.TypeOf(got) == reflect.TypeOf(want) && got == want {
			return true
		}
		if callIs(e, target) {
			return true
		}
		next := unwrap(e)
		for i := len(next) - 1; i >= 0; i-- {
			stack = append(stack, next[i])
		}
	}
	return false
}

// As finds the first error in err's tree that can be assigned to the
// variable target points to, or whose As(any) bool method accepts target,
// sets the variable and returns true. It panics if target is not a
// non-nil pointer.
//
// It is interpreted for the same reason as Is: the compiled errors.As
// rejects or misses error types that a cell defined.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	val := reflect.ValueOf(target)
	if val.Kind() != reflect.Ptr || val.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	if ok, done := compiledAs(err, target); done {
		return ok
	}
	want := val.Type().Elem()
	stack := []error{err}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e == nil {
			continue
		}
		if got := reflect.ValueOf(unbox(e)); got.IsValid() && got.Type().AssignableTo(want) {
			val.Elem().Set(got)
			return true
		}
		if callAs(e, target) {
			return true
		}
		next := unwrap(e)
		for i := len(next) - 1; i >= 0; i-- {
			stack = append(stack, next[i])
		}
	}
	return false
}

// callIs calls e's Is(error) bool method if e is interpreted; compiled
// errors were asked by the compiled errors.Is already.
func callIs(e, target error) bool {
	if reflect.ValueOf(e).MethodByName("Is").IsValid() {
		return false
	}
	x, ok := unbox(e).(interface{ Is(error) bool })
	return ok && x.Is(target)
}

// compiledAs tries the compiled errors.As, which is right for compiled
// target types; done is false when it found nothing or rejected target.
func compiledAs(err error, target any) (ok, done bool) {
	defer func() {
		if recover() != nil {
			ok, done = false, false
		}
	}()
	if errors.As(err, target) {
		return true, true
	}
	return false, false
}

// unbox returns the value yaegi wrapped to pass an interpreted error to
// compiled code (a struct whose IValue field holds it), or x itself.
func unbox(x error) any {
	v := reflect.ValueOf(x)
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("IValue"); f.IsValid() && f.CanInterface() {
			return f.Interface()
		}
	}
	return x
}
