package stdlib

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMapsScenarios(t *testing.T) {
	checkScenarios(t, "maps_scenarios_test.go", []string{"fmt", "maps", "slices", "strings", "time"}, map[string]func() string{
		"scenarioMapsIterators":     scenarioMapsIterators,
		"scenarioMapsCollect":       scenarioMapsCollect,
		"scenarioMapsCloneCopy":     scenarioMapsCloneCopy,
		"scenarioMapsEqual":         scenarioMapsEqual,
		"scenarioMapsDeleteFunc":    scenarioMapsDeleteFunc,
		"scenarioMapsEarlyBreak":    scenarioMapsEarlyBreak,
		"scenarioMapsStructValue":   scenarioMapsStructValue,
		"scenarioMapsCompiledTypes": scenarioMapsCompiledTypes,
	})
}

func scenarioMapsIterators() string {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	keys := slices.Sorted[string](maps.Keys[map[string]int, string, int](m))
	vals := slices.Sorted[int](maps.Values[map[string]int, string, int](m))
	var pairs []string
	maps.All[map[string]int, string, int](m)(func(k string, v int) bool {
		pairs = append(pairs, fmt.Sprint(k, "=", v))
		return true
	})
	slices.Sort[[]string, string](pairs)
	return fmt.Sprint(keys, vals, pairs)
}

func scenarioMapsCollect() string {
	m := maps.Collect[int, string](slices.All[[]string, string]([]string{"x", "y"}))
	maps.Insert[map[int]string, int, string](m, slices.All[[]string, string]([]string{"X"}))
	var nilSeq map[string]bool
	e := maps.Collect[string, bool](maps.All[map[string]bool, string, bool](nilSeq))
	return fmt.Sprint(m, e == nil, len(e))
}

func scenarioMapsCloneCopy() string {
	m := map[string][]int{"a": {1}}
	c := maps.Clone[map[string][]int, string, []int](m)
	c["b"] = []int{2}
	c["a"][0] = 9
	var nilMap map[int]int
	dst := map[string]int{"a": 1, "b": 2}
	maps.Copy[map[string]int, map[string]int, string, int](dst, map[string]int{"b": 20, "c": 30})
	return fmt.Sprint(m, c, maps.Clone[map[int]int, int, int](nilMap) == nil, dst)
}

func scenarioMapsEqual() string {
	a := map[string]int{"x": 1, "y": 2}
	b := map[string]int{"y": 2, "x": 1}
	c := map[string]int{"x": 1, "z": 2}
	s := map[string]string{"x": "1", "y": "2"}
	eq := func(v int, w string) bool { return fmt.Sprint(v) == w }
	return fmt.Sprint(maps.Equal[map[string]int, map[string]int, string, int](a, b),
		maps.Equal[map[string]int, map[string]int, string, int](a, c),
		maps.Equal[map[string]int, map[string]int, string, int](nil, map[string]int{}),
		maps.EqualFunc[map[string]int, map[string]string, string, int, string](a, s, eq),
		maps.EqualFunc[map[string]int, map[string]string, string, int, string](c, s, eq))
}

func scenarioMapsDeleteFunc() string {
	m := map[int]string{1: "one", 2: "two", 3: "three", 4: "four"}
	maps.DeleteFunc[map[int]string, int, string](m, func(k int, v string) bool { return k%2 == 0 || strings.HasPrefix(v, "th") })
	return fmt.Sprint(m)
}

func scenarioMapsEarlyBreak() string {
	m := map[int]int{1: 1, 2: 2, 3: 3}
	n := 0
	maps.Keys[map[int]int, int, int](m)(func(k int) bool {
		n++
		return false
	})
	return fmt.Sprint(n)
}

type point struct{ x, y int }

func scenarioMapsStructValue() string {
	m := map[point]point{{1, 2}: {3, 4}}
	c := maps.Clone[map[point]point, point, point](m)
	keys := slices.Collect[point](maps.Keys[map[point]point, point, point](c))
	return fmt.Sprint(c, keys, maps.Equal[map[point]point, map[point]point, point, point](m, c))
}

func scenarioMapsCompiledTypes() string {
	m := map[time.Weekday]time.Duration{time.Monday: time.Hour, time.Friday: time.Minute}
	days := slices.Sorted[time.Weekday](maps.Keys[map[time.Weekday]time.Duration, time.Weekday, time.Duration](m))
	total := time.Duration(0)
	maps.Values[map[time.Weekday]time.Duration, time.Weekday, time.Duration](m)(func(d time.Duration) bool {
		total += d
		return true
	})
	c := maps.Clone[map[time.Weekday]time.Duration, time.Weekday, time.Duration](m)
	maps.DeleteFunc[map[time.Weekday]time.Duration, time.Weekday, time.Duration](c, func(k time.Weekday, v time.Duration) bool { return v < time.Hour })
	same := maps.Equal[map[time.Weekday]time.Duration, map[time.Weekday]time.Duration, time.Weekday, time.Duration](m, c)
	return fmt.Sprint(days, total, c, same)
}
