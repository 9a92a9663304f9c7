package stdlib

import (
	"runtime"
	"testing"
	"time"
)

// TestPullLeavesNoGoroutine checks that the goroutine behind an
// interpreted iter.Pull ends when the sequence is stopped early or read
// to the end.
func TestPullLeavesNoGoroutine(t *testing.T) {
	s := newSession(t)
	if _, err := s.value([]string{"iter"}, "0"); err != nil {
		t.Fatal(err)
	}
	const src = `func pullMany() int {
	n := 0
	for i := 0; i < 50; i++ {
		next, stop := iter.Pull[int](func(yield func(int) bool) {
			for j := 1; ; j++ {
				if !yield(j) {
					return
				}
			}
		})
		v, _ := next()
		n += v
		stop()
	}
	for i := 0; i < 50; i++ {
		next, _ := iter.Pull[int](func(yield func(int) bool) { yield(1) })
		for {
			v, ok := next()
			if !ok {
				break
			}
			n += v
		}
	}
	return n
}`
	if _, err := s.eval(src); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	got, err := s.value(nil, "pullMany()")
	if err != nil || got != "100" {
		t.Fatalf("pullMany() = %s, %v; want 100", got, err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left behind", runtime.NumGoroutine()-before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
