package loop_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
	"github.com/gokernel/gokernel/lib/loop"
)

func TestOrderNames(t *testing.T) {
	tests := []struct {
		o    loop.Order
		want string
	}{
		{loop.PopEnd, "pop end, put back at front"},
		{loop.PopFront, "pop front, put back at end"},
		{loop.Order(9), "unknown order"},
	}
	for _, tt := range tests {
		if got := tt.o.String(); got != tt.want {
			t.Errorf("Order(%d) = %q, want %q", int(tt.o), got, tt.want)
		}
	}
}

func TestCancelSleepingTask(t *testing.T) {
	for _, heapMode := range []bool{false, true} {
		l := loop.New()
		l.Pause, l.SleepHeap = 0, heapMode
		cleaned := false
		sleeper := l.Spawn("sleeper", func(c *coro.Co) any {
			defer func() { cleaned = true }()
			loop.Sleep(c, time.Hour)
			return "woke up"
		})
		l.Spawn("canceller", func(c *coro.Co) any {
			c.Yield(nil) // let the sleeper start sleeping
			return sleeper.Cancel()
		})
		results, err := l.Gather(sleeper)
		if !errors.Is(err, loop.ErrCancelled) || !errors.Is(sleeper.Err(), loop.ErrCancelled) {
			t.Errorf("heap=%v: Gather error %v, task error %v; want ErrCancelled", heapMode, err, sleeper.Err())
		}
		if results[0] != nil || !cleaned {
			t.Errorf("heap=%v: result %v, cleanup ran %v; want nil, true", heapMode, results[0], cleaned)
		}
		if sleeper.Cancel() {
			t.Errorf("heap=%v: Cancel of a finished task reported true", heapMode)
		}
	}
}

func TestCancelBeforeStartDoesNotRun(t *testing.T) {
	l := loop.New()
	ran := false
	task := l.Spawn("never", func(c *coro.Co) any { ran = true; return nil })
	if !task.Cancel() {
		t.Fatal("Cancel of a new task reported false")
	}
	_, err := l.RunUntilComplete(task)
	if ran || !errors.Is(err, loop.ErrCancelled) {
		t.Errorf("ran=%v err=%v; want false, ErrCancelled", ran, err)
	}
}

func TestTaskCatchesCancel(t *testing.T) {
	l := loop.New()
	l.Pause = 0
	task := l.Spawn("stubborn", func(c *coro.Co) any {
		if _, err := c.YieldErr("waiting"); err != nil {
			return "caught " + err.Error()
		}
		return "not cancelled"
	})
	l.Spawn("canceller", func(c *coro.Co) any { c.Yield(nil); return task.Cancel() })
	got, err := l.RunUntilComplete(task)
	if err != nil || got != "caught loop: task cancelled" {
		t.Errorf("RunUntilComplete = (%v, %v), want (caught loop: task cancelled, <nil>)", got, err)
	}
}

func TestWaitParksTheWaiter(t *testing.T) {
	l := loop.New()
	l.Pause, l.SleepHeap = 0, true
	worker := l.Spawn("worker", func(c *coro.Co) any {
		for i := 0; i < 5; i++ {
			c.Yield(i)
		}
		return 42
	})
	waiter := l.Spawn("waiter", func(c *coro.Co) any {
		v, err := loop.Wait(c, worker)
		if err != nil {
			return err
		}
		return v.(int) + 1
	})
	got, err := l.RunUntilComplete(waiter)
	if err != nil || got != 43 {
		t.Fatalf("waiter = (%v, %v), want (43, <nil>)", got, err)
	}
	if waiter.Resumes() != 2 {
		t.Errorf("waiter resumed %d times, want 2 (parked while waiting)", waiter.Resumes())
	}
}

func TestCancelWaitingTask(t *testing.T) {
	l := loop.New()
	l.Pause = 0
	blocker := l.Spawn("blocker", func(c *coro.Co) any { loop.Sleep(c, time.Hour); return nil })
	waiter := l.Spawn("waiter", func(c *coro.Co) any { loop.Wait(c, blocker); return "done" })
	l.Spawn("canceller", func(c *coro.Co) any {
		c.Yield(nil)
		waiter.Cancel()
		blocker.Cancel()
		return nil
	})
	_, err := l.Run()
	if !errors.Is(err, loop.ErrCancelled) || !errors.Is(waiter.Err(), loop.ErrCancelled) {
		t.Errorf("Run error %v, waiter error %v; want ErrCancelled", err, waiter.Err())
	}
}

func TestDeadlockIsAnError(t *testing.T) {
	other := loop.New()
	foreign := other.Spawn("elsewhere", func(c *coro.Co) any { return nil })
	l := loop.New()
	l.Spawn("stuck", func(c *coro.Co) any { loop.Wait(c, foreign); return nil })
	_, err := l.Run()
	if err == nil || !strings.Contains(err.Error(), "deadlock") {
		t.Errorf("Run = %v, want a deadlock error", err)
	}
	if _, err := l.RunUntilComplete(foreign); err == nil {
		t.Error("RunUntilComplete of another loop's task returned no error")
	}
	if err := l.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
}

func TestPanickingTaskDoesNotStopOthers(t *testing.T) {
	l := loop.New()
	l.Pause = 0
	bad := l.Spawn("bad", func(c *coro.Co) any { c.Yield(nil); panic("oops") })
	good := l.Spawn("good", func(c *coro.Co) any { c.Yield(nil); c.Yield(nil); return "fine" })
	results, err := l.Run()
	var pe *coro.PanicError
	if !errors.As(err, &pe) || !errors.As(bad.Err(), &pe) {
		t.Errorf("Run error %v, bad task error %v; want *coro.PanicError", err, bad.Err())
	}
	if len(results) != 1 || results[0] != "fine" || good.Err() != nil {
		t.Errorf("results %v, good error %v; want [fine], <nil>", results, good.Err())
	}
	if !strings.Contains(err.Error(), "task bad") {
		t.Errorf("error %q does not name the task", err)
	}
}

func TestRunContextStops(t *testing.T) {
	l := loop.New()
	l.SleepHeap = true
	l.Spawn("long", func(c *coro.Co) any { loop.Sleep(c, time.Hour); return nil })
	ctx, cancel := context.WithCancel(context.Background())
	l.Spawn("stopper", func(c *coro.Co) any { cancel(); return nil })
	_, err := l.RunContext(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("RunContext = %v, want context.Canceled", err)
	}
	if err := l.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
}

func TestRunInsideTaskIsAnError(t *testing.T) {
	l := loop.New()
	var inner error
	l.Spawn("nested", func(c *coro.Co) any { _, inner = l.Run(); return nil })
	if _, err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(inner, loop.ErrLoopRunning) {
		t.Errorf("Run inside a task = %v, want ErrLoopRunning", inner)
	}
}

func TestCloseRunsDefers(t *testing.T) {
	l := loop.New()
	cleaned := 0
	for i := 0; i < 3; i++ {
		l.Spawn("t", func(c *coro.Co) any {
			defer func() { cleaned++ }()
			loop.Sleep(c, time.Hour)
			return nil
		})
	}
	l.Spawn("stopper", func(c *coro.Co) any { return nil })
	ctx, cancel := context.WithCancel(context.Background())
	l.OnStep = func(loop.Span) {
		if l.Stats().Iterations == 4 {
			cancel()
		}
	}
	l.RunContext(ctx)
	if err := l.Close(); err != nil || cleaned != 3 {
		t.Errorf("Close = %v, %d defers ran; want <nil>, 3", err, cleaned)
	}
	for _, task := range l.Tasks() {
		if !task.Done() {
			t.Errorf("%v not done after Close", task)
		}
	}
}

func TestTraceSpans(t *testing.T) {
	l := loop.New()
	l.Pause = 0
	l.Spawn("a", func(c *coro.Co) any { c.Yield(1); return "a" })
	l.Spawn("b", func(c *coro.Co) any { c.Yield(2); return "b" })
	if _, err := l.Run(); err != nil {
		t.Fatal(err)
	}
	spans := l.Trace()
	var names []string
	for i, s := range spans {
		names = append(names, s.Task)
		if s.Iteration != i+1 || s.End < s.Start || (i > 0 && s.Start < spans[i-1].End) {
			t.Errorf("span %d = %+v: iterations must count from 1 and times must not overlap", i, s)
		}
	}
	if got := strings.Join(names, " "); got != "b a b a" {
		t.Errorf("tasks in trace = %q, want %q", got, "b a b a")
	}
	if !spans[2].Done || spans[2].Out != "b" || spans[0].Done || spans[0].Out != 2 {
		t.Errorf("spans %+v: want b to hand out 2, then finish with b", spans)
	}
	if st := l.Stats(); st.Iterations != 4 || st.Elapsed <= 0 {
		t.Errorf("stats %+v, want 4 iterations and elapsed > 0", st)
	}
}

func TestSleepingAndWaitingStrings(t *testing.T) {
	s := loop.Sleeping{Until: time.Now().Add(-time.Second)}.String()
	if s != "sleeping, 0s left" {
		t.Errorf("past Sleeping = %q", s)
	}
	l := loop.New()
	task := l.Spawn("x", func(c *coro.Co) any { return nil })
	if got := (loop.Waiting{Task: task}).String(); got != "waiting for x" {
		t.Errorf("Waiting = %q", got)
	}
	if task.State() != coro.Created {
		t.Errorf("new task state = %v, want not started", task.State())
	}
	if got := task.String(); got != "task x (not started)" {
		t.Errorf("Task = %q", got)
	}
}

func TestLifetimes(t *testing.T) {
	trace := []loop.Span{
		{Task: "a", Iteration: 1, Start: 0, End: 1, Out: 1},
		{Task: "b", Iteration: 2, Start: 1, End: 2, Out: 2},
		{Task: "a", Iteration: 3, Start: 5, End: 6, Out: "ra", Done: true},
		{Task: "b", Iteration: 4, Start: 6, End: 9, Err: loop.ErrCancelled, Done: true},
	}
	want := []loop.Span{
		{Task: "a", Iteration: 1, Start: 0, End: 6, Out: "ra", Done: true},
		{Task: "b", Iteration: 2, Start: 1, End: 9, Err: loop.ErrCancelled, Done: true},
	}
	if got := loop.Lifetimes(trace); !reflect.DeepEqual(got, want) {
		t.Errorf("Lifetimes =\n%+v\nwant\n%+v", got, want)
	}
}

// TestPauseIsSleptEveryIteration checks only a lower bound: time.Sleep
// never returns early, so n iterations take at least n pauses.
func TestPauseIsSleptEveryIteration(t *testing.T) {
	l := loop.New()
	l.Pause = 2 * time.Millisecond
	l.Spawn("a", func(c *coro.Co) any { c.Yield(nil); c.Yield(nil); return nil })
	l.Spawn("b", func(c *coro.Co) any { c.Yield(nil); return nil })
	if _, err := l.Run(); err != nil {
		t.Fatal(err)
	}
	st := l.Stats()
	if min := time.Duration(st.Iterations) * l.Pause; st.Iterations != 5 || st.Elapsed < min {
		t.Errorf("%d iterations in %v, want 5 iterations taking at least %v", st.Iterations, st.Elapsed, min)
	}
}
