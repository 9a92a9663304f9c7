package check

import (
	"reflect"
	"strings"
)

// Contains checks that a string contains a substring, or that a list
// (slice or array) contains an element equal to part.
func (c *Checker) Contains(name string, whole, part any) {
	if s, ok := whole.(string); ok {
		sub, ok := part.(string)
		c.report(name, ok && strings.Contains(s, sub), "expected text containing %s, got %s", plain(part), plain(whole))
		return
	}
	c.report(name, indexFrom(whole, part, 0) >= 0, "expected a list containing %s, got %s", plain(part), plain(whole))
}

// Order checks that the wanted items appear in events in the given order
// (other events may come between them). events is a slice or array of any
// element type, such as a []string log of what happened.
func (c *Checker) Order(name string, events any, want ...any) {
	if !isList(reflect.ValueOf(events)) {
		c.fail(name, "expected a list of events, got %s", plain(events))
	}
	from := 0
	for i, w := range want {
		at := indexFrom(events, w, from)
		if at < 0 {
			if i == 0 || indexFrom(events, w, 0) < 0 {
				c.fail(name, "expected %s among the events, got %s", plain(w), plain(events))
			}
			c.fail(name, "expected %s after %s, got %s", plain(w), plain(want[i-1]), plain(events))
		}
		from = at + 1
	}
	c.pass(name)
}

// indexFrom returns the index of the first element of list at or after
// from that equals x, or -1.
func indexFrom(list, x any, from int) int {
	v := reflect.ValueOf(list)
	if !isList(v) {
		return -1
	}
	for i := from; i < v.Len(); i++ {
		if same(v.Index(i).Interface(), x) {
			return i
		}
	}
	return -1
}
