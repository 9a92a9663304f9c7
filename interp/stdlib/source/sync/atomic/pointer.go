// Package atomic is the interpreted part of the standard sync/atomic
// package: the generic Pointer type. Everything else is the compiled
// package, re-exported by the generated zz_exports.go.
package atomic

import (
	"sync"
)

// Pointer is an atomic pointer of type *T. The zero value is a nil
// pointer. Its operations are atomic with respect to each other (a mutex
// makes them so; interpreted values cannot use the CPU's atomic
// instructions directly).
type Pointer[T any] struct {
	mu sync.Mutex
	p  *T
}

// Load atomically loads and returns the pointer.
func (x *Pointer[T]) Load() *T {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.p
}

// Store atomically stores val.
func (x *Pointer[T]) Store(val *T) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.p = val
}

// Swap atomically stores new and returns the previous pointer.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	x.mu.Lock()
	defer x.mu.Unlock()
	old = x.p
	x.p = new
	return old
}

// CompareAndSwap stores new if the pointer is old, and reports whether
// it did.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.p != old {
		return false
	}
	x.p = new
	return true
}
