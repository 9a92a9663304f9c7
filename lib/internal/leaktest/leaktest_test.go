package leaktest

import (
	"runtime"
	"testing"
	"time"
)

// fakeT records failures instead of stopping the calling test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatalf(string, ...any) {
	f.failed = true
	runtime.Goexit()
}

func TestWaitPassesWhenGoroutinesStop(t *testing.T) {
	before := runtime.NumGoroutine()
	done := make(chan struct{})
	go func() { <-done }()
	close(done)
	Wait(t, before)
}

func TestWaitFailsOnALeak(t *testing.T) {
	before := runtime.NumGoroutine()
	stop := make(chan struct{})
	defer close(stop)
	go func() { <-stop }()
	f := &fakeT{TB: t}
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		wait(f, before, 100*time.Millisecond)
	}()
	<-finished
	if !f.failed {
		t.Fatal("Wait did not fail with a goroutine left running")
	}
}
