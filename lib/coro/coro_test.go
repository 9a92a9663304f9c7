package coro_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
)

func TestStateNames(t *testing.T) {
	tests := []struct {
		state coro.State
		want  string
	}{
		{coro.Created, "not started"},
		{coro.Suspended, "suspended"},
		{coro.Running, "running"},
		{coro.Done, "done"},
		{coro.State(42), "unknown state"},
	}
	for _, tt := range tests {
		if got := tt.state.String(); got != tt.want {
			t.Errorf("State(%d).String() = %q, want %q", int(tt.state), got, tt.want)
		}
	}
}

func TestStatesThroughLife(t *testing.T) {
	var inside coro.State
	var co *coro.Coroutine
	co = coro.New(func(c *coro.Co) any {
		inside = co.State()
		c.Yield(1)
		return 2
	})
	var seen []string
	seen = append(seen, co.String())
	co.Next()
	seen = append(seen, inside.String(), co.String())
	co.Next()
	seen = append(seen, co.String())
	want := []string{"coroutine (not started)", "running", "coroutine (suspended)", "coroutine (done)"}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("states = %q, want %q", seen, want)
	}
	if !co.Done() || co.Result() != 2 || co.Err() != nil {
		t.Errorf("after return: Done=%v Result=%v Err=%v, want true 2 <nil>", co.Done(), co.Result(), co.Err())
	}
}

func TestResumeErrors(t *testing.T) {
	tests := []struct {
		name     string
		resume   func(co *coro.Coroutine) (any, bool, error)
		prepare  func(co *coro.Coroutine)
		wantErr  error
		wantDone bool
	}{
		{
			name:    "first Send must be nil",
			resume:  func(co *coro.Coroutine) (any, bool, error) { return co.Send(1) },
			wantErr: coro.ErrNotStarted,
		},
		{
			name:     "Next after return",
			prepare:  func(co *coro.Coroutine) { co.Next(); co.Next() },
			resume:   (*coro.Coroutine).Next,
			wantErr:  coro.ErrFinished,
			wantDone: true,
		},
		{
			name:     "Throw after return",
			prepare:  func(co *coro.Coroutine) { co.Next(); co.Next() },
			resume:   func(co *coro.Coroutine) (any, bool, error) { return co.Throw(errors.New("x")) },
			wantErr:  coro.ErrFinished,
			wantDone: true,
		},
		{
			name:    "Throw nil",
			prepare: func(co *coro.Coroutine) { co.Next() },
			resume:  func(co *coro.Coroutine) (any, bool, error) { return co.Throw(nil) },
			wantErr: coro.ErrThrowNil,
		},
		{
			name:     "Send after Close",
			prepare:  func(co *coro.Coroutine) { co.Next(); co.Close() },
			resume:   func(co *coro.Coroutine) (any, bool, error) { return co.Send(5) },
			wantErr:  coro.ErrFinished,
			wantDone: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			co := coro.New(func(c *coro.Co) any { c.Yield("x"); return "r" })
			if tt.prepare != nil {
				tt.prepare(co)
			}
			out, done, err := tt.resume(co)
			if !errors.Is(err, tt.wantErr) || done != tt.wantDone || out != nil {
				t.Errorf("got (%v, %v, %v), want (<nil>, %v, %v)", out, done, err, tt.wantDone, tt.wantErr)
			}
		})
	}
}

func TestResumeFromInsideBody(t *testing.T) {
	var co *coro.Coroutine
	var sendErr, closeErr error
	co = coro.New(func(c *coro.Co) any {
		_, _, sendErr = co.Send(nil)
		closeErr = co.Close()
		return "fine"
	})
	out, done, err := co.Next()
	if out != "fine" || !done || err != nil {
		t.Fatalf("Next = (%v, %v, %v), want (fine, true, <nil>)", out, done, err)
	}
	if !errors.Is(sendErr, coro.ErrRunning) || !errors.Is(closeErr, coro.ErrRunning) {
		t.Errorf("Send, Close inside the body = %v, %v; want ErrRunning twice", sendErr, closeErr)
	}
}

func TestThrowIntoUnstartedDoesNotRunBody(t *testing.T) {
	ran := false
	co := coro.New(func(c *coro.Co) any { ran = true; return nil })
	errBoom := errors.New("boom")
	_, done, err := co.Throw(errBoom)
	if ran || !done || !errors.Is(err, errBoom) || !errors.Is(co.Err(), errBoom) {
		t.Errorf("ran=%v done=%v err=%v Err()=%v; want false true boom boom", ran, done, err, co.Err())
	}
}

func TestThrowRecoveredWithRecover(t *testing.T) {
	errBoom := errors.New("boom")
	co := coro.New(func(c *coro.Co) any {
		caught := func() (err error) {
			defer func() {
				if th, ok := recover().(*coro.Thrown); ok {
					err = th
				}
			}()
			c.Yield(1)
			return nil
		}()
		return c.Yield(caught.Error())
	})
	co.Next()
	out, done, err := co.Throw(errBoom)
	if out != "boom" || done || err != nil {
		t.Errorf("Throw = (%v, %v, %v), want (boom, false, <nil>)", out, done, err)
	}
	if out, done, _ := co.Send("last"); out != "last" || !done {
		t.Errorf("Send after catching = (%v, %v), want (last, true)", out, done)
	}
}

func explode(c *coro.Co) any {
	c.Yield(nil)
	var s []int
	return s[3] // index out of range, on purpose
}

func TestPanicReachesDriverWithStack(t *testing.T) {
	co := coro.New(explode)
	co.Next()
	out, done, err := co.Next()
	var pe *coro.PanicError
	if !errors.As(err, &pe) || out != nil || !done {
		t.Fatalf("Next = (%v, %v, %v), want a *PanicError and done", out, done, err)
	}
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Errorf("errors.As(err, runtime.Error) = false for %v", err)
	}
	if !strings.Contains(string(pe.Stack), "coro_test.explode") {
		t.Errorf("stack does not name the body function explode:\n%s", pe.Stack)
	}
	if !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("message %q does not say what panicked", err.Error())
	}
	if co.State() != coro.Done || co.Err() != err {
		t.Errorf("after panic: state %v, Err %v", co.State(), co.Err())
	}
}

func TestCloseUnstartedDoesNotRunBody(t *testing.T) {
	ran := false
	co := coro.New(func(c *coro.Co) any { ran = true; return nil })
	if err := co.Close(); err != nil || ran || co.State() != coro.Done {
		t.Errorf("Close = %v, ran=%v, state=%v; want <nil>, false, done", err, ran, co.State())
	}
	if !errors.Is(co.Err(), coro.ErrClosed) {
		t.Errorf("Err after Close = %v, want ErrClosed", co.Err())
	}
	if err := co.Close(); err != nil {
		t.Errorf("second Close = %v, want <nil>", err)
	}
}

func TestCloseErrors(t *testing.T) {
	tests := []struct {
		name string
		body func(c *coro.Co) any
		want error
	}{
		{
			name: "body ignores close and yields again",
			body: func(c *coro.Co) any {
				defer func() {
					recover()
					c.Yield("still here") // panics again: recorded as ignored
				}()
				c.Yield(1)
				return nil
			},
			want: coro.ErrIgnoredClose,
		},
		{
			name: "deferred call panics while closing",
			body: func(c *coro.Co) any {
				defer func() { panic("cleanup failed") }()
				c.Yield(1)
				return nil
			},
			want: new(coro.PanicError),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			co := coro.New(tt.body)
			co.Next()
			err := co.Close()
			var pe *coro.PanicError
			if _, isPanic := tt.want.(*coro.PanicError); isPanic {
				if !errors.As(err, &pe) {
					t.Errorf("Close = %v, want a *PanicError", err)
				}
			} else if !errors.Is(err, tt.want) {
				t.Errorf("Close = %v, want %v", err, tt.want)
			}
			if co.State() != coro.Done {
				t.Errorf("state after Close = %v, want done", co.State())
			}
		})
	}
}

func TestYieldOutsideBodyPanics(t *testing.T) {
	var saved *coro.Co
	co := coro.New(func(c *coro.Co) any { saved = c; return nil })
	co.Next()
	defer func() {
		th, ok := recover().(*coro.Thrown)
		if !ok || !errors.Is(th, coro.ErrNotInBody) {
			t.Errorf("recovered %v, want *Thrown with ErrNotInBody", th)
		}
	}()
	saved.Yield(1)
}

func TestCoroutineInsideCoroutine(t *testing.T) {
	outer := coro.New(func(c *coro.Co) any {
		inner := coro.New(func(ic *coro.Co) any {
			ic.Yield("inner 1")
			return "inner result"
		})
		v, _, _ := inner.Next()
		c.Yield(v)
		r, _, _ := inner.Next()
		return r
	})
	var got []any
	for {
		out, done, err := outer.Next()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out)
		if done {
			break
		}
	}
	if len(got) != 2 || got[0] != "inner 1" || got[1] != "inner result" {
		t.Errorf("got %v, want [inner 1 inner result]", got)
	}
}

// waitGoroutines waits until the goroutine count drops to want, running the
// garbage collector so that cleanups of abandoned handles run.
func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines remain, want %d", runtime.NumGoroutine(), want)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

func TestCloseFreesBody(t *testing.T) {
	before := runtime.NumGoroutine()
	var cos []*coro.Coroutine
	for i := 0; i < 100; i++ {
		co := coro.New(func(c *coro.Co) any {
			for {
				c.Yield(nil)
			}
		})
		co.Next()
		cos = append(cos, co)
	}
	if runtime.NumGoroutine() < before+100 {
		t.Logf("suspended bodies are not counted as goroutines (%d)", runtime.NumGoroutine())
	}
	for _, co := range cos {
		if err := co.Close(); err != nil {
			t.Fatal(err)
		}
	}
	waitGoroutines(t, before)
}

func TestAbandonedCoroutineIsClosed(t *testing.T) {
	before := runtime.NumGoroutine()
	cleaned := make(chan int, 100)
	for i := 0; i < 100; i++ {
		co := coro.New(func(c *coro.Co) any {
			defer func() { cleaned <- i }()
			for {
				c.Yield(nil)
			}
		})
		co.Next() // suspended, then dropped
	}
	waitGoroutines(t, before)
	timeout := time.After(20 * time.Second)
	for i := 0; i < 100; i++ {
		select {
		case <-cleaned:
		case <-timeout:
			t.Fatalf("only %d of 100 abandoned bodies ran their defers", i)
		}
	}
}
