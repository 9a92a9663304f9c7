// Package sync is the interpreted part of the standard sync package: the
// generic OnceValue and OnceValues. Everything else is the compiled
// package, re-exported by the generated zz_exports.go.
package sync

import (
	"sync"
)

// OnceValue returns a function that calls f the first time it is called
// and returns f's result every time. If f panics, every call panics with
// the same value.
func OnceValue[T any](f func() T) func() T {
	o := &onceState{}
	var result T
	return func() T {
		o.do(func() { result = f() })
		return result
	}
}

// OnceValues is OnceValue for functions with two results.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	o := &onceState{}
	var r1 T1
	var r2 T2
	return func() (T1, T2) {
		o.do(func() { r1, r2 = f() })
		return r1, r2
	}
}

// onceState runs a function once and remembers whether it panicked. It
// is not generic so that the generic functions above stay simple.
type onceState struct {
	once     sync.Once
	done     bool
	panicked bool
	value    any
}

// do runs f on the first call; on every call it re-panics if f panicked.
func (o *onceState) do(f func()) {
	o.once.Do(func() {
		defer func() {
			if !o.done {
				o.panicked = true
				o.value = recover()
			}
		}()
		f()
		o.done = true
	})
	if o.panicked {
		panic(o.value)
	}
}
