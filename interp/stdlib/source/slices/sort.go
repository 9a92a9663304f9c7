package slices

// Sort sorts s in increasing order; NaNs come first.
func Sort[S ~[]E, E ordered](s S) {
	compare := func(a, b E) int { return compareOrdered(a != a, b != b, a < b, a > b) }
	p := order(len(s), func(i, j int) int { return compare(s[i], s[j]) })
	sorted := make([]E, len(s))
	for k, i := range p {
		sorted[k] = s[i]
	}
	copy(s, sorted)
}

// SortFunc sorts s by cmp, which returns a negative number when a < b,
// a positive number when a > b and zero when they are equal.
func SortFunc[S ~[]E, E any](s S, cmp func(a, b E) int) {
	p := order(len(s), func(i, j int) int { return cmp(s[i], s[j]) })
	sorted := make([]E, len(s))
	for k, i := range p {
		sorted[k] = s[i]
	}
	copy(s, sorted)
}

// SortStableFunc is SortFunc keeping equal elements in their order.
func SortStableFunc[S ~[]E, E any](s S, cmp func(a, b E) int) {
	p := order(len(s), func(i, j int) int { return cmp(s[i], s[j]) })
	sorted := make([]E, len(s))
	for k, i := range p {
		sorted[k] = s[i]
	}
	copy(s, sorted)
}

// IsSorted reports whether s is in increasing order.
func IsSorted[S ~[]E, E ordered](s S) bool {
	compare := func(a, b E) int { return compareOrdered(a != a, b != b, a < b, a > b) }
	for i := len(s) - 1; i > 0; i-- {
		if compare(s[i], s[i-1]) < 0 {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether s is in increasing order by cmp.
func IsSortedFunc[S ~[]E, E any](s S, cmp func(a, b E) int) bool {
	for i := len(s) - 1; i > 0; i-- {
		if cmp(s[i], s[i-1]) < 0 {
			return false
		}
	}
	return true
}

// Min returns the smallest element of s; it panics if s is empty. A NaN
// anywhere makes the result NaN.
func Min[S ~[]E, E ordered](s S) E {
	if len(s) < 1 {
		panic("slices.Min: empty list")
	}
	m := s[0]
	for i := 1; i < len(s); i++ {
		if v := s[i]; v != v || (m == m && v < m) {
			m = v
		}
	}
	return m
}

// MinFunc returns the first minimal element of s by cmp; it panics if s
// is empty.
func MinFunc[S ~[]E, E any](s S, cmp func(a, b E) int) E {
	if len(s) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := s[0]
	for i := 1; i < len(s); i++ {
		if cmp(s[i], m) < 0 {
			m = s[i]
		}
	}
	return m
}

// Max returns the largest element of s; it panics if s is empty. A NaN
// anywhere makes the result NaN.
func Max[S ~[]E, E ordered](s S) E {
	if len(s) < 1 {
		panic("slices.Max: empty list")
	}
	m := s[0]
	for i := 1; i < len(s); i++ {
		if v := s[i]; v != v || (m == m && v > m) {
			m = v
		}
	}
	return m
}

// MaxFunc returns the first maximal element of s by cmp; it panics if s
// is empty.
func MaxFunc[S ~[]E, E any](s S, cmp func(a, b E) int) E {
	if len(s) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := s[0]
	for i := 1; i < len(s); i++ {
		if cmp(s[i], m) > 0 {
			m = s[i]
		}
	}
	return m
}

// BinarySearch looks for target in the sorted slice s and returns where
// it is (or would be inserted) and whether it is there.
func BinarySearch[S ~[]E, E ordered](s S, target E) (int, bool) {
	compare := func(a, b E) int { return compareOrdered(a != a, b != b, a < b, a > b) }
	lo, hi := 0, len(s)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if compare(s[h], target) < 0 {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < len(s) && compare(s[lo], target) == 0
}

// BinarySearchFunc is BinarySearch with cmp comparing an element with
// the target.
func BinarySearchFunc[S ~[]E, E, T any](s S, target T, cmp func(E, T) int) (int, bool) {
	lo, hi := 0, len(s)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cmp(s[h], target) < 0 {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < len(s) && cmp(s[lo], target) == 0
}

// order returns the permutation that sorts n elements stably, given
// cmp on their indices: insertion sort on short runs, then merges
// through a buffer. It is not generic on purpose: yaegi v0.16.1 cannot
// instantiate a generic helper from a generic function for every element
// type, so each generic sort calls this and permutes its elements itself.
func order(n int, cmp func(i, j int) int) []int {
	const run = 12
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for lo := 0; lo < n; lo += run {
		hi := lo + run
		if hi > n {
			hi = n
		}
		for i := lo + 1; i < hi; i++ {
			for j := i; j > lo && cmp(p[j], p[j-1]) < 0; j-- {
				p[j], p[j-1] = p[j-1], p[j]
			}
		}
	}
	if n <= run {
		return p
	}
	src, dst := p, make([]int, n)
	for width := run; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := lo+width, lo+2*width
			if mid > n {
				mid = n
			}
			if hi > n {
				hi = n
			}
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if cmp(src[j], src[i]) < 0 {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	return src
}

// compareOrdered is cmp.Compare from the facts about two ordered values:
// whether each is a NaN (x != x), and how they compare. Generic
// functions here compute the facts themselves instead of calling
// cmp.Compare: yaegi v0.16.1 cannot instantiate a generic function from
// inside another one for every type argument.
func compareOrdered(xNaN, yNaN, less, greater bool) int {
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || less:
		return -1
	case yNaN || greater:
		return +1
	}
	return 0
}
