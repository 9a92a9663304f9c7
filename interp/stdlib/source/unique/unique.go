// Package unique is the interpreted version of the standard unique
// package: canonical handles for comparable values.
//
// The compiled package drops values that no handle refers to any more;
// this one keeps every value it has seen for the life of the session.
package unique

import (
	"sync"
)

// Handle is a handle for a value of type T: two handles are equal if and
// only if the values that made them are equal.
type Handle[T comparable] struct {
	canonical any // the interned *T; handles of equal values share it
	value     T   // a copy, so that Value needs no type assertion (which
	// yaegi v0.16.1 cannot compile for a cell-defined T)
}

// Value returns a copy of the value that made the handle.
func (h Handle[T]) Value() T {
	return h.value
}

// table maps each value (as an interface, so its type is part of the
// key) to its canonical *T. It is the package's purpose to be global.
var table sync.Map

// Make returns the handle of value.
func Make[T comparable](value T) Handle[T] {
	p, _ := table.LoadOrStore(any(value), &value)
	return Handle[T]{canonical: p, value: value}
}
