// Package slices is the interpreted version of the standard slices
// package: every function has the standard signature and behaviour.
//
// It is written for yaegi v0.16.1: no range over integers or functions and
// no min, max or clear built-ins. Sorting is a stable merge sort, which is
// a valid result for every unstable sort as well.
package slices

// Equal reports whether s1 and s2 have the same length and equal
// elements. NaNs are not equal to anything.
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc is Equal with eq deciding whether two elements are equal.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if !eq(s1[i], s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares s1 and s2 element by element with cmp.Compare; the
// first difference decides, and a shorter slice that is a prefix of the
// other is less.
func Compare[S ~[]E, E ordered](s1, s2 S) int {
	compare := func(a, b E) int { return compareOrdered(a != a, b != b, a < b, a > b) }
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := compare(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	return compareLen(len(s1), len(s2))
}

// CompareFunc is Compare with f comparing two elements.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, f func(E1, E2) int) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := f(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	return compareLen(len(s1), len(s2))
}

func compareLen(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return +1
	}
	return 0
}

// Index returns the index of the first element equal to v, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first element satisfying f, or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index[S, E](s, v) >= 0
}

// ContainsFunc reports whether some element of s satisfies f.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc[S, E](s, f) >= 0
}

// Insert inserts v at index i of s and returns the result; it panics if
// i > len(s). When s has room, the insertion happens in place.
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:]
	m := len(v)
	if m == 0 {
		return s
	}
	n := len(s)
	if n+m > cap(s) {
		r := make(S, n+m)
		copy(r, s[:i])
		copy(r[i:], v)
		copy(r[i+m:], s[i:])
		return r
	}
	vs := make([]E, m) // v may alias s
	copy(vs, v)
	s = s[:n+m]
	copy(s[i+m:], s[i:n])
	copy(s[i:], vs)
	return s
}

// Delete removes s[i:j] and returns the result, zeroing the elements
// left over at the end. It panics if s[i:j] is not a valid slice of s.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	zero[S, E](s[len(s):n])
	return s
}

// DeleteFunc removes the elements for which del returns true, zeroing
// the elements left over at the end.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := IndexFunc[S, E](s, del)
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	zero[S, E](s[i:])
	return s[:i]
}

// Replace replaces s[i:j] by v and returns the result, zeroing elements
// left over at the end when the result is shorter. It panics if s[i:j]
// is not a valid slice of s.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j]
	if i == j {
		return Insert[S, E](s, i, v...)
	}
	n := len(s)
	tot := i + len(v) + (n - j)
	if tot > cap(s) {
		r := make(S, tot)
		copy(r, s[:i])
		copy(r[i:], v)
		copy(r[i+len(v):], s[j:])
		return r
	}
	vs := make([]E, len(v)) // v may alias s
	copy(vs, v)
	tail := make([]E, n-j)
	copy(tail, s[j:])
	r := s[:tot]
	copy(r[i:], vs)
	copy(r[i+len(vs):], tail)
	if tot < n {
		zero[S, E](s[tot:n])
	}
	return r
}

// Clone returns a copy of s; the copy of a nil slice is nil.
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(s[:0:0], s...)
}

// Compact replaces runs of equal elements by one copy, zeroing the
// elements left over at the end.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	k := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[i-1] {
			s[k] = s[i]
			k++
		}
	}
	zero[S, E](s[k:])
	return s[:k]
}

// CompactFunc is Compact with eq deciding equality; of each run it keeps
// the first element.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	k := 1
	for i := 1; i < len(s); i++ {
		if !eq(s[k-1], s[i]) {
			s[k] = s[i]
			k++
		}
	}
	zero[S, E](s[k:])
	return s[:k]
}

// Grow makes room for n more elements without reallocating; it panics if
// n is negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip removes the unused capacity of s.
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat returns the slices joined into a new slice, nil when empty.
func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	if size == 0 {
		return nil
	}
	r := make(S, 0, size)
	for _, s := range slices {
		r = append(r, s...)
	}
	return r
}

// Repeat returns x repeated count times in a new slice; it panics if
// count is negative or the length overflows.
func Repeat[S ~[]E, E any](x S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	const maxInt = int(^uint(0) >> 1)
	if len(x) > 0 && count > maxInt/len(x) {
		panic("the result of (len(x) * count) overflows")
	}
	r := make(S, 0, len(x)*count)
	for i := 0; i < count; i++ {
		r = append(r, x...)
	}
	return r
}

// zero sets every element of s to its zero value (the clear built-in).
// Helpers take S, not []E: yaegi v0.16.1 fails to pass an S where a []E
// is expected when E is a composite type.
func zero[S ~[]E, E any](s S) {
	var z E
	for i := range s {
		s[i] = z
	}
}

// ordered is cmp.Ordered for this package's own signatures: the
// interpreter sees it as interface{} (see the gokernel:any directive in
// interp/stdlib/library.go), so that compiled named types such as
// time.Duration can be type arguments. Callers are type-checked against
// the real slices package.
//
//gokernel:any
type ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}
