package stdlib

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSlicesScenarios(t *testing.T) {
	checkScenarios(t, "slices_scenarios_test.go", []string{"cmp", "fmt", "math", "slices", "strings", "time"}, map[string]func() string{
		"scenarioSlicesEqualCompare":      scenarioSlicesEqualCompare,
		"scenarioSlicesIndexContains":     scenarioSlicesIndexContains,
		"scenarioSlicesInsert":            scenarioSlicesInsert,
		"scenarioSlicesDelete":            scenarioSlicesDelete,
		"scenarioSlicesReplace":           scenarioSlicesReplace,
		"scenarioSlicesCompactClone":      scenarioSlicesCompactClone,
		"scenarioSlicesGrowClipRev":       scenarioSlicesGrowClipRev,
		"scenarioSlicesConcatRepeat":      scenarioSlicesConcatRepeat,
		"scenarioSlicesSort":              scenarioSlicesSort,
		"scenarioSlicesSortFunc":          scenarioSlicesSortFunc,
		"scenarioSlicesSortLarge":         scenarioSlicesSortLarge,
		"scenarioSlicesMinMax":            scenarioSlicesMinMax,
		"scenarioSlicesBinarySearch":      scenarioSlicesBinarySearch,
		"scenarioSlicesIterators":         scenarioSlicesIterators,
		"scenarioSlicesCollectSorted":     scenarioSlicesCollectSorted,
		"scenarioSlicesChunk":             scenarioSlicesChunk,
		"scenarioSlicesPanics":            scenarioSlicesPanics,
		"scenarioSlicesStringsIterSeq":    scenarioSlicesStringsIterSeq,
		"scenarioSlicesOfStructs":         scenarioSlicesOfStructs,
		"scenarioSlicesNamedTypes":        scenarioSlicesNamedTypes,
		"scenarioSlicesCompiledTypes":     scenarioSlicesCompiledTypes,
		"scenarioSlicesEveryFuncDuration": scenarioSlicesEveryFuncDuration,
	})
}

// catch runs f and returns the value it panicked with, or "no panic".
func catch(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("panic: ", r)
		}
	}()
	f()
	return "no panic"
}

func scenarioSlicesEqualCompare() string {
	a, b, c := []int{1, 2, 3}, []int{1, 2, 3}, []int{1, 2}
	f := []float64{1, math.NaN()}
	eq := func(x int, y string) bool { return fmt.Sprint(x) == y }
	cf := func(x int, y string) int { return strings.Compare(fmt.Sprint(x), y) }
	return fmt.Sprint(
		slices.Equal[[]int, int](a, b), slices.Equal[[]int, int](a, c), slices.Equal[[]int, int](nil, []int{}),
		slices.Equal[[]float64, float64](f, f),
		slices.EqualFunc[[]int, []string, int, string](a, []string{"1", "2", "3"}, eq),
		slices.EqualFunc[[]int, []string, int, string](a, []string{"1", "2", "4"}, eq),
		slices.Compare[[]int, int](a, b), slices.Compare[[]int, int](a, c), slices.Compare[[]int, int](c, a),
		slices.Compare[[]int, int]([]int{1, 5}, a), slices.Compare[[]float64, float64](f, []float64{1, 2}),
		slices.CompareFunc[[]int, []string, int, string](a, []string{"1", "3"}, cf),
	)
}

func scenarioSlicesIndexContains() string {
	s := []string{"go", "py", "rs", "py"}
	isUpper := func(x string) bool { return strings.ToUpper(x) == x }
	long := func(x string) bool { return len(x) > 1 }
	return fmt.Sprint(
		slices.Index[[]string, string](s, "py"), slices.Index[[]string, string](s, "c"),
		slices.IndexFunc[[]string, string](s, isUpper), slices.IndexFunc[[]string, string](s, long),
		slices.Contains[[]string, string](s, "rs"), slices.Contains[[]string, string](nil, "rs"),
		slices.ContainsFunc[[]string, string](s, isUpper), slices.ContainsFunc[[]string, string](s, long),
	)
}

func scenarioSlicesInsert() string {
	s := []int{1, 2, 3}
	r1 := slices.Insert[[]int, int](s, 1, 10, 11)
	r2 := slices.Insert[[]int, int](s, 3, 4)
	r3 := slices.Insert[[]int, int](s, 0)
	roomy := make([]int, 3, 10)
	copy(roomy, []int{7, 8, 9})
	r4 := slices.Insert[[]int, int](roomy, 1, 5, 6)
	alias := []int{1, 2, 3, 0, 0}[:3]
	r5 := slices.Insert[[]int, int](alias, 1, alias[1:]...)
	var nilS []int
	r6 := slices.Insert[[]int, int](nilS, 0)
	return fmt.Sprint(r1, r2, r3, r4, roomy[:5], r5, s, r6 == nil)
}

func scenarioSlicesDelete() string {
	s := []int{0, 1, 2, 3, 4, 5}
	r := slices.Delete[[]int, int](s, 1, 3)
	full := s[:6]
	r2 := slices.Delete[[]int, int]([]int{1, 2}, 1, 1)
	d := []string{"a", "bb", "c", "dd"}
	r3 := slices.DeleteFunc[[]string, string](d, func(x string) bool { return len(x) == 2 })
	return fmt.Sprintf("%v %v %v %q %q", r, full, r2, r3, d)
}

func scenarioSlicesReplace() string {
	s := []int{0, 1, 2, 3, 4}
	r1 := slices.Replace[[]int, int](s, 1, 3, 7)
	after1 := s[:5]
	s2 := []int{0, 1, 2, 3, 4}
	r2 := slices.Replace[[]int, int](s2, 1, 2, 7, 8, 9)
	s3 := make([]int, 5, 10)
	r3 := slices.Replace[[]int, int](s3, 1, 2, 7, 8, 9)
	s4 := []int{0, 1, 2}
	r4 := slices.Replace[[]int, int](s4, 1, 1, 5)
	s5 := []int{0, 1, 2, 3}
	r5 := slices.Replace[[]int, int](s5, 2, 4)
	return fmt.Sprint(r1, after1, r2, r3, r4, r5, s5)
}

func scenarioSlicesCompactClone() string {
	s := []int{1, 1, 2, 2, 2, 3, 1}
	r := slices.Compact[[]int, int](s)
	w := []string{"a", "A", "b", "B", "b"}
	r2 := slices.CompactFunc[[]string, string](w, strings.EqualFold)
	var nilS []int
	c := slices.Clone[[]int, int](r)
	c[0] = 99
	return fmt.Sprintf("%v %v %q %q %v %v %v %v", r, s, r2, w, c, r,
		slices.Clone[[]int, int](nilS) == nil, slices.Clone[[]int, int]([]int{}) == nil)
}

func scenarioSlicesGrowClipRev() string {
	s := make([]int, 2, 3)
	g := slices.Grow[[]int, int](s, 5)
	g0 := slices.Grow[[]int, int](s, 1)
	c := slices.Clip[[]int, int](g)
	r := []string{"a", "b", "c", "d"}
	slices.Reverse[[]string, string](r)
	e := []int{}
	slices.Reverse[[]int, int](e)
	return fmt.Sprint(len(g), cap(g) >= 7, len(g0), cap(g0), len(c), cap(c), r, e)
}

func scenarioSlicesConcatRepeat() string {
	a := slices.Concat[[]int, int]([]int{1}, nil, []int{2, 3})
	b := slices.Concat[[]int, int]()
	c := slices.Concat[[]int, int](nil, []int{})
	d := slices.Repeat[[]string, string]([]string{"x", "y"}, 3)
	e := slices.Repeat[[]int, int](nil, 4)
	return fmt.Sprint(a, b == nil, c == nil, d, len(e), e == nil)
}

func scenarioSlicesSort() string {
	i := []int{5, 2, 8, 1, 9, 3}
	slices.Sort[[]int, int](i)
	s := []string{"pear", "apple", "fig"}
	slices.Sort[[]string, string](s)
	f := []float64{3, math.NaN(), -1, math.Inf(1), 0}
	slices.Sort[[]float64, float64](f)
	return fmt.Sprint(i, s, f,
		slices.IsSorted[[]int, int](i), slices.IsSorted[[]int, int]([]int{2, 1}),
		slices.IsSorted[[]float64, float64](f), slices.IsSorted[[]int, int](nil))
}

type person struct {
	name string
	age  int
}

func scenarioSlicesSortFunc() string {
	people := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 41}}
	byAge := func(a, b person) int { return cmp.Compare[int](a.age, b.age) }
	stable := slices.Clone[[]person, person](people)
	slices.SortStableFunc[[]person, person](stable, byAge)
	total := slices.Clone[[]person, person](people)
	slices.SortFunc[[]person, person](total, func(a, b person) int {
		return cmp.Or[int](cmp.Compare[int](b.age, a.age), strings.Compare(a.name, b.name))
	})
	return fmt.Sprint(stable, total,
		slices.IsSortedFunc[[]person, person](stable, byAge), slices.IsSortedFunc[[]person, person](people, byAge))
}

func scenarioSlicesSortLarge() string {
	s := make([]int, 500)
	x := 7
	for i := range s {
		x = (x*1103515245 + 12345) % 2147483648
		s[i] = x % 1000
	}
	a := slices.Clone[[]int, int](s)
	slices.Sort[[]int, int](a)
	b := slices.Clone[[]int, int](s)
	slices.SortFunc[[]int, int](b, func(p, q int) int { return q - p })
	return fmt.Sprint(a[:10], a[490:], b[:5], slices.IsSorted[[]int, int](a), len(a))
}

func scenarioSlicesMinMax() string {
	i := []int{4, 1, 9, 1, 9}
	f := []float64{1, math.NaN(), 3}
	type pt struct{ x, y int }
	ps := []pt{{1, 0}, {3, 1}, {3, 2}, {0, 3}, {0, 4}}
	byX := func(a, b pt) int { return a.x - b.x }
	return fmt.Sprint(slices.Min[[]int, int](i), slices.Max[[]int, int](i),
		slices.Min[[]float64, float64](f), slices.Max[[]float64, float64](f),
		slices.Max[[]string, string]([]string{"b", "c", "a"}),
		slices.MinFunc[[]pt, pt](ps, byX), slices.MaxFunc[[]pt, pt](ps, byX))
}

func scenarioSlicesBinarySearch() string {
	s := []int{10, 20, 20, 30}
	var out []string
	for _, t := range []int{5, 10, 20, 25, 30, 35} {
		i, ok := slices.BinarySearch[[]int, int](s, t)
		out = append(out, fmt.Sprint(t, ":", i, ok))
	}
	type kv struct {
		k string
		v int
	}
	kvs := []kv{{"a", 1}, {"c", 3}, {"e", 5}}
	find := func(e kv, t string) int { return strings.Compare(e.k, t) }
	i, ok := slices.BinarySearchFunc[[]kv, kv, string](kvs, "c", find)
	j, ok2 := slices.BinarySearchFunc[[]kv, kv, string](kvs, "d", find)
	k, ok3 := slices.BinarySearch[[]int, int](nil, 1)
	return fmt.Sprint(out, i, ok, j, ok2, k, ok3)
}

func scenarioSlicesIterators() string {
	var b strings.Builder
	s := []string{"a", "b", "c"}
	slices.All[[]string, string](s)(func(i int, v string) bool {
		fmt.Fprintf(&b, "%d=%s ", i, v)
		return true
	})
	slices.Backward[[]string, string](s)(func(i int, v string) bool {
		fmt.Fprintf(&b, "%d=%s ", i, v)
		return i > 1
	})
	slices.Values[[]string, string](s)(func(v string) bool {
		b.WriteString(v)
		return v != "b"
	})
	return b.String()
}

func scenarioSlicesCollectSorted() string {
	src := []int{3, 1, 2}
	c := slices.Collect[int](slices.Values[[]int, int](src))
	a := slices.AppendSeq[[]int, int]([]int{9}, slices.Values[[]int, int](src))
	s := slices.Sorted[int](slices.Values[[]int, int](src))
	desc := func(a, b int) int { return b - a }
	sf := slices.SortedFunc[int](slices.Values[[]int, int](src), desc)
	ss := slices.SortedStableFunc[string](slices.Values[[]string, string]([]string{"bb", "a", "cc", "d"}),
		func(a, b string) int { return len(a) - len(b) })
	e := slices.Collect[int](slices.Values[[]int, int](nil))
	return fmt.Sprint(c, a, s, sf, ss, e == nil, src)
}

func scenarioSlicesChunk() string {
	var b strings.Builder
	s := []int{1, 2, 3, 4, 5}
	slices.Chunk[[]int, int](s, 2)(func(c []int) bool {
		fmt.Fprint(&b, c, len(c), cap(c), " ")
		return true
	})
	slices.Chunk[[]int, int](s, 10)(func(c []int) bool {
		fmt.Fprint(&b, c, " ")
		return true
	})
	slices.Chunk[[]int, int](s, 1)(func(c []int) bool {
		fmt.Fprint(&b, c)
		return c[0] < 2
	})
	slices.Chunk[[]int, int](nil, 3)(func(c []int) bool {
		b.WriteString("never")
		return true
	})
	return b.String()
}

func scenarioSlicesPanics() string {
	return strings.Join([]string{
		catch(func() { _ = slices.Min[[]int, int](nil) }),
		catch(func() { _ = slices.Max[[]int, int]([]int{}) }),
		catch(func() { _ = slices.MinFunc[[]int, int](nil, func(a, b int) int { return a - b }) }),
		catch(func() { _ = slices.MaxFunc[[]int, int](nil, func(a, b int) int { return a - b }) }),
		catch(func() { _ = slices.Grow[[]int, int](nil, -1) }),
		catch(func() { _ = slices.Repeat[[]int, int]([]int{1}, -1) }),
		catch(func() { _ = slices.Chunk[[]int, int]([]int{1}, 0) }),
		fmt.Sprint(catch(func() { _ = slices.Insert[[]int, int]([]int{1}, 2, 5) }) != "no panic"),
		fmt.Sprint(catch(func() { _ = slices.Delete[[]int, int]([]int{1, 2}, 1, 3) }) != "no panic"),
		fmt.Sprint(catch(func() { _ = slices.Replace[[]int, int]([]int{1, 2}, 2, 1) }) != "no panic"),
	}, "\n")
}

func scenarioSlicesStringsIterSeq() string {
	lines := slices.Collect[string](strings.Lines("a\nb\nc"))
	fields := slices.Collect[string](strings.FieldsSeq("  x y  z "))
	split := slices.Collect[string](strings.SplitSeq("1,2,3", ","))
	after := slices.Collect[string](strings.SplitAfterSeq("1,2,3", ","))
	ff := slices.Collect[string](strings.FieldsFuncSeq("a1b2c", func(r rune) bool { return r >= '0' && r <= '9' }))
	return fmt.Sprintf("%q %q %q %q %q", lines, fields, split, after, ff)
}

func scenarioSlicesOfStructs() string {
	ps := []person{{"b", 2}, {"a", 1}, {"c", 1}}
	byAge := func(a, b person) int { return a.age - b.age }
	slices.SortFunc[[]person, person](ps, byAge)
	ps = slices.Insert[[]person, person](ps, 1, person{"d", 0})
	ps = slices.Compact[[]person, person](ps)
	ps = slices.CompactFunc[[]person, person](ps, func(a, b person) bool { return a.age == b.age })
	c := slices.Clone[[]person, person](ps)
	c = slices.Delete[[]person, person](c, 0, 1)
	c = slices.DeleteFunc[[]person, person](c, func(p person) bool { return p.name == "zz" })
	c = slices.Replace[[]person, person](c, 0, 1, person{"e", 5}, person{"f", 6})
	slices.Reverse[[]person, person](c)
	arr := [][2]int{{2, 1}, {1, 2}}
	slices.SortStableFunc[[][2]int, [2]int](arr, func(a, b [2]int) int { return a[0] - b[0] })
	ptrs := []*person{&ps[0], &ps[1]}
	slices.SortFunc[[]*person, *person](ptrs, func(a, b *person) int { return strings.Compare(b.name, a.name) })
	mx := slices.MaxFunc[[]person, person](ps, byAge)
	ix := slices.IndexFunc[[]person, person](ps, func(p person) bool { return p.age == 1 })
	col := slices.Collect[person](slices.Values[[]person, person](ps))
	sf := slices.SortedFunc[person](slices.Values[[]person, person](ps), byAge)
	cc := slices.Concat[[]person, person](ps, c)
	rp := slices.Repeat[[]person, person](ps[:1], 2)
	gr := slices.Grow[[]person, person](ps, 3)
	eq := slices.Equal[[]person, person](ps, c)
	return fmt.Sprint(ps, c, arr, *ptrs[0], mx, ix, col, sf, cc, rp, gr, eq)
}

type scores []int

func (s scores) Total() int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

type celsius float64

func scenarioSlicesNamedTypes() string {
	s := scores{3, 1, 2}
	slices.Sort[scores, int](s)
	c := slices.Clone[scores, int](s)
	c = slices.Insert[scores, int](c, 0, 10)
	temps := []celsius{21.5, -3, 12}
	slices.Sort[[]celsius, celsius](temps)
	hi := slices.Max[[]celsius, celsius](temps)
	i, found := slices.BinarySearch[[]celsius, celsius](temps, 12)
	return fmt.Sprint(s, s.Total(), c, c.Total(), temps, hi, i, found)
}

func scenarioSlicesCompiledTypes() string {
	lat := []time.Duration{30 * time.Millisecond, 5 * time.Millisecond, time.Second}
	slices.Sort[[]time.Duration, time.Duration](lat)
	slowest := slices.Max[[]time.Duration, time.Duration](lat)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ts := []time.Time{base.Add(time.Hour), base, base.Add(time.Minute)}
	slices.SortFunc[[]time.Time, time.Time](ts, func(a, b time.Time) int { return a.Compare(b) })
	var out []string
	for _, t := range ts {
		out = append(out, t.Format("15:04"))
	}
	bs := slices.Collect[time.Weekday](slices.Values[[]time.Weekday, time.Weekday]([]time.Weekday{time.Friday, time.Monday}))
	return fmt.Sprint(lat, slowest, out, bs, slices.Index[[]time.Duration, time.Duration](lat, time.Second))
}

// Every slices function with a compiled named element type; the nested
// calls inside the interpreted package are where yaegi used to fail.
func scenarioSlicesEveryFuncDuration() string {
	s := []time.Duration{3, 1, 2, 2}
	byVal := func(a, b time.Duration) int { return int(a - b) }
	eq := func(a, b time.Duration) bool { return a == b }
	isTwo := func(d time.Duration) bool { return d == 2 }
	// One append per line: yaegi cannot compile an explicit generic call
	// inside a composite literal.
	var out []any
	out = append(out, slices.Equal[[]time.Duration, time.Duration](s, s), slices.EqualFunc[[]time.Duration, []time.Duration, time.Duration, time.Duration](s, s, eq))
	out = append(out, slices.Compare[[]time.Duration, time.Duration](s, []time.Duration{3}), slices.CompareFunc[[]time.Duration, []time.Duration, time.Duration, time.Duration](s, s, byVal))
	out = append(out, slices.Index[[]time.Duration, time.Duration](s, 2), slices.IndexFunc[[]time.Duration, time.Duration](s, isTwo))
	out = append(out, slices.Contains[[]time.Duration, time.Duration](s, 1), slices.ContainsFunc[[]time.Duration, time.Duration](s, isTwo))
	out = append(out, slices.Insert[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s), 1, 9))
	out = append(out, slices.Delete[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s), 0, 1))
	out = append(out, slices.DeleteFunc[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s), isTwo))
	out = append(out, slices.Replace[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s), 0, 2, 7))
	out = append(out, slices.Replace[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s), 1, 1, 8))
	out = append(out, slices.Compact[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s)), slices.CompactFunc[[]time.Duration, time.Duration](slices.Clone[[]time.Duration, time.Duration](s), eq))
	out = append(out, len(slices.Grow[[]time.Duration, time.Duration](s, 4)), slices.Clip[[]time.Duration, time.Duration](s))
	out = append(out, slices.Concat[[]time.Duration, time.Duration](s, s), slices.Repeat[[]time.Duration, time.Duration](s[:1], 3))
	out = append(out, slices.IsSorted[[]time.Duration, time.Duration](s), slices.IsSortedFunc[[]time.Duration, time.Duration](s, byVal))
	out = append(out, slices.Min[[]time.Duration, time.Duration](s), slices.Max[[]time.Duration, time.Duration](s), slices.MinFunc[[]time.Duration, time.Duration](s, byVal), slices.MaxFunc[[]time.Duration, time.Duration](s, byVal))
	out = append(out, slices.Sorted[time.Duration](slices.Values[[]time.Duration, time.Duration](s)))
	out = append(out, slices.SortedFunc[time.Duration](slices.Values[[]time.Duration, time.Duration](s), byVal))
	out = append(out, slices.SortedStableFunc[time.Duration](slices.Values[[]time.Duration, time.Duration](s), byVal))
	out = append(out, slices.Collect[time.Duration](slices.Values[[]time.Duration, time.Duration](s)))
	out = append(out, slices.AppendSeq[[]time.Duration, time.Duration](nil, slices.Values[[]time.Duration, time.Duration](s)))
	sorted := slices.Clone[[]time.Duration, time.Duration](s)
	slices.Sort[[]time.Duration, time.Duration](sorted)
	i, found := slices.BinarySearch[[]time.Duration, time.Duration](sorted, 2)
	j, found2 := slices.BinarySearchFunc[[]time.Duration, time.Duration, time.Duration](sorted, 3, byVal)
	slices.SortFunc[[]time.Duration, time.Duration](s, func(a, b time.Duration) int { return int(b - a) })
	r := slices.Clone[[]time.Duration, time.Duration](s)
	slices.SortStableFunc[[]time.Duration, time.Duration](r, byVal)
	slices.Reverse[[]time.Duration, time.Duration](r)
	n := 0
	slices.All[[]time.Duration, time.Duration](s)(func(int, time.Duration) bool { n++; return true })
	slices.Backward[[]time.Duration, time.Duration](s)(func(int, time.Duration) bool { n++; return true })
	slices.Chunk[[]time.Duration, time.Duration](s, 3)(func([]time.Duration) bool { n++; return true })
	return fmt.Sprint(out, sorted, i, found, j, found2, s, r, n)
}
