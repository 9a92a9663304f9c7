package stdlib

import "testing"

func TestScratch(t *testing.T) {
	s := newSession(t)
	if _, err := s.value([]string{"slices", "cmp", "strings"}, "0"); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{
		`type person struct { name string; age int }`,
		`func b1() []person { return slices.Clone[[]person, person]([]person{{"a", 1}}) }`,
		`func b2() int { p := []person{{"a", 1}}; byAge := func(a, b person) int { return cmp.Compare[int](a.age, b.age) }; slices.SortStableFunc[[]person, person](p, byAge); return 0 }`,
		`func b3() int { return cmp.Or[int](cmp.Compare[int](1, 2), 3) }`,
		`func b4() int { f := func(a, b int) int { return cmp.Or[int](cmp.Compare[int](b, a), 0) }; return f(1,2) }`,
		`func b5() int { f := func(a, b person) int { return cmp.Compare[int](b.age, a.age) }; return f(person{}, person{}) }`,
		`func b6() int { f := func(a, b int) int { return cmp.Or[int](a, b) }; return f(1,2) }`,
		`func b7() int { f := func(a, b int) int { x := cmp.Compare[int](b, a); return x }; return f(1,2) }`,
	} {
		_, err := s.eval(src)
		t.Logf("%s: %v", src, err)
	}
}
