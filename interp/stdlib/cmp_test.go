package stdlib

import (
	"cmp"
	"fmt"
	"math"
	"testing"
)

func TestCmp(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		expr string
		want any
	}{
		{"cmp.Compare[int](1, 2)", cmp.Compare(1, 2)},
		{"cmp.Compare[int](2, 2)", cmp.Compare(2, 2)},
		{"cmp.Compare[string](\"b\", \"a\")", cmp.Compare("b", "a")},
		{"cmp.Compare[float64](math.NaN(), 1)", cmp.Compare(nan, 1)},
		{"cmp.Compare[float64](math.NaN(), math.NaN())", cmp.Compare(nan, nan)},
		{"cmp.Compare[float64](1, math.NaN())", cmp.Compare(1, nan)},
		{"cmp.Less[float64](math.NaN(), 1)", cmp.Less(nan, 1)},
		{"cmp.Less[int](3, 1)", cmp.Less(3, 1)},
		{"cmp.Or[string](\"\", \"x\", \"y\")", cmp.Or("", "x", "y")},
		{"cmp.Or[int]()", cmp.Or[int]()},
	}
	s := newSession(t)
	for _, c := range cases {
		got, err := s.value([]string{"cmp", "math"}, c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if want := fmt.Sprintf("%#v", c.want); got != want {
			t.Errorf("%s = %s, want %s", c.expr, got, want)
		}
	}
}
