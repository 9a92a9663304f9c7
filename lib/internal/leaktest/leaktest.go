// Package leaktest checks, in the toolkit's tests, that everything a test
// started has stopped: the goroutine count falls back to where it was.
package leaktest

import (
	"runtime"
	"testing"
	"time"
)

// Wait fails the test, with every goroutine's stack, if the goroutine count
// has not fallen back to want within 10 s.
func Wait(t testing.TB, want int) {
	t.Helper()
	wait(t, want, 10*time.Second)
}

// wait is Wait with the time limit given.
func wait(t testing.TB, want int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left, want %d:\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Check records the goroutine count now and, when the test ends, waits for
// it to fall back (see Wait).
func Check(t testing.TB) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() { Wait(t, before) })
}
