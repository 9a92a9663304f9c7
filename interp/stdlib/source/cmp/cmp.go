// Package cmp is the interpreted version of the standard cmp package.
package cmp

// Ordered is a constraint that permits any ordered type: any type that
// supports the operators < <= >= >.
//
//gokernel:any
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less reports whether x is less than y. A NaN is less than any non-NaN,
// and -0.0 is not less than 0.0.
func Less[T Ordered](x, y T) bool {
	// x != x holds only for a NaN, so this needs no math package.
	return (x != x && y == y) || x < y
}

// Compare returns -1 if x is less than y, 0 if x equals y, +1 if x is
// greater than y. NaNs are less than any non-NaN and equal to each other,
// and -0.0 equals 0.0.
func Compare[T Ordered](x, y T) int {
	xNaN, yNaN := x != x, y != y
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		return -1
	case yNaN || x > y:
		return +1
	}
	return 0
}

// Or returns the first of its arguments that is not the zero value, or
// the zero value if there is none.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
