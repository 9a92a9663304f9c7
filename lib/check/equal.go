package check

import (
	"fmt"
	"math"
	"reflect"
	"strings"
)

// Equal checks that got equals want: numbers by value, lists element by
// element, everything else with reflect.DeepEqual.
func (c *Checker) Equal(name string, got, want any) {
	c.report(name, same(got, want), "expected %s, got %s", show(want, got), show(got, want))
}

// NotEqual checks that got differs from other.
func (c *Checker) NotEqual(name string, got, other any) {
	c.report(name, !same(got, other), "expected anything but %s, got it", show(other, got))
}

// True checks that cond holds.
func (c *Checker) True(name string, cond bool) {
	c.report(name, cond, "expected true, got false")
}

// False checks that cond does not hold.
func (c *Checker) False(name string, cond bool) {
	c.report(name, !cond, "expected false, got true")
}

// same compares as a student would: numbers by value, lists and maps
// element by element, the rest with reflect.DeepEqual.
func same(a, b any) bool {
	if x, ok := number(a); ok {
		y, ok := number(b)
		return ok && x == y
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if isList(va) && isList(vb) {
		if va.Len() != vb.Len() {
			return false
		}
		for i := 0; i < va.Len(); i++ {
			if !same(va.Index(i).Interface(), vb.Index(i).Interface()) {
				return false
			}
		}
		return true
	}
	if va.Kind() == reflect.Map && vb.Kind() == reflect.Map && va.Type() != vb.Type() {
		if va.Len() != vb.Len() {
			return false
		}
		for _, k := range va.MapKeys() {
			w := mapIndex(vb, k)
			if !w.IsValid() || !same(va.MapIndex(k).Interface(), w.Interface()) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// mapIndex looks k up in m, converting the key to m's key type if needed.
func mapIndex(m, k reflect.Value) reflect.Value {
	if k.Type().ConvertibleTo(m.Type().Key()) {
		return m.MapIndex(k.Convert(m.Type().Key()))
	}
	return reflect.Value{}
}

func isList(v reflect.Value) bool {
	return v.IsValid() && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array)
}

// number returns v as a float64 if its kind is a number (a time.Duration
// counts, as nanoseconds).
func number(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return 0, false
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		return f, !math.IsNaN(f)
	}
	return 0, false
}

// show prints v for a message: strings quoted, and the Go type added when
// the two values would otherwise print the same.
func show(v, other any) string {
	s := plain(v)
	if s == plain(other) && reflect.TypeOf(v) != reflect.TypeOf(other) {
		return fmt.Sprintf("%s (%T)", s, v)
	}
	return s
}

func plain(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case string:
		return fmt.Sprintf("%q", x)
	case error:
		return fmt.Sprintf("error %q", x.Error())
	}
	s := fmt.Sprintf("%v", v)
	if strings.TrimSpace(s) == "" {
		return fmt.Sprintf("%#v", v)
	}
	return s
}
