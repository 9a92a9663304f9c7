package loop

import (
	"fmt"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
)

// Sleeping is the value a sleeping task hands out to the loop: the time it
// wants to be woken at. A loop with SleepHeap parks the task until then;
// otherwise the loop just resumes it on its next turn.
type Sleeping struct {
	// Until is the deadline.
	Until time.Time
}

// String says how long is left, e.g. "sleeping, 250ms left".
func (s Sleeping) String() string {
	left := time.Until(s.Until)
	if left < 0 {
		left = 0
	}
	return fmt.Sprintf("sleeping, %v left", left.Round(time.Millisecond))
}

// Sleep suspends the calling task for at least d without blocking the loop,
// and returns the time that actually passed. It always yields at least once
// (so Sleep(c, 0) gives the other tasks a turn), then keeps yielding
// Sleeping until time.Since(start) reaches d: the course's polling sleep.
//
// If the task is cancelled, the ErrCancelled thrown in at the Yield
// propagates out of Sleep.
func Sleep(c *coro.Co, d time.Duration) time.Duration {
	start := time.Now()
	wake := Sleeping{Until: start.Add(d)}
	for {
		c.Yield(wake)
		if elapsed := time.Since(start); elapsed >= d {
			return elapsed
		}
	}
}

// Waiting is the value a task hands out to the loop while it waits for
// another task to finish; the loop parks it until then.
type Waiting struct {
	// Task is the task being waited for.
	Task *Task
}

// String names the task being waited for.
func (w Waiting) String() string { return "waiting for " + w.Task.Name() }

// Wait suspends the calling task until t is done and returns t's result and
// error (Python: await task). The loop does not resume the caller until then.
func Wait(c *coro.Co, t *Task) (any, error) {
	for !t.Done() {
		c.Yield(Waiting{Task: t})
	}
	return t.Result(), t.Err()
}
