package slices

import (
	"iter"
)

// All returns an iterator over the index-value pairs of s, in order.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

// Backward returns an iterator over the index-value pairs of s, from the
// last to the first.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Values returns an iterator over the elements of s, in order.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

// AppendSeq appends the values of seq to s and returns the result.
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

// Collect returns the values of seq in a new slice (nil when empty).
func Collect[E any](seq iter.Seq[E]) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

// Sorted, SortedFunc and SortedStableFunc repeat the same body on
// purpose: a shared generic helper, called as helper[E](...), is what
// yaegi v0.16.1 fails to instantiate for compiled or composite element
// types (the scenarios with time.Duration and structs catch it).

// Sorted collects the values of seq and sorts them.
func Sorted[E ordered](seq iter.Seq[E]) []E {
	compare := func(a, b E) int { return compareOrdered(a != a, b != b, a < b, a > b) }
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	p := order(len(s), func(i, j int) int { return compare(s[i], s[j]) })
	if s == nil {
		return nil
	}
	r := make([]E, len(s))
	for k, i := range p {
		r[k] = s[i]
	}
	return r
}

// SortedFunc collects the values of seq and sorts them by cmp.
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	p := order(len(s), func(i, j int) int { return cmp(s[i], s[j]) })
	if s == nil {
		return nil
	}
	r := make([]E, len(s))
	for k, i := range p {
		r[k] = s[i]
	}
	return r
}

// SortedStableFunc collects the values of seq and sorts them stably by
// cmp.
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	p := order(len(s), func(i, j int) int { return cmp(s[i], s[j]) })
	if s == nil {
		return nil
	}
	r := make([]E, len(s))
	for k, i := range p {
		r[k] = s[i]
	}
	return r
}

// Chunk returns an iterator over consecutive sub-slices of up to n
// elements of s, each with its capacity clipped; it panics if n < 1.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(Slice) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
