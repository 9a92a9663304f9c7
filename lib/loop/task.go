package loop

import (
	"errors"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
)

// ErrCancelled is the error thrown into a cancelled task at its suspension
// point, and the error the task ends with unless it catches it.
var ErrCancelled = errors.New("loop: task cancelled")

// Task is a coroutine scheduled on a Loop, with its name and, once it is
// done, its result or error.
type Task struct {
	name string
	co   *coro.Coroutine
	loop *Loop

	resumes    int
	finishedAt int // the iteration in which it finished, 0 while running

	cancelPending bool
	wake          time.Time // deadline while in the sleep heap
	sleepSeq      int       // tie-break for equal deadlines
	heapIndex     int       // position in the sleep heap, -1 if not in it
	waitingOn     *Task     // the task it waits for, while parked
	waiters       []*Task   // tasks parked until this one is done
}

// Name returns the name given to Spawn or Add.
func (t *Task) Name() string { return t.name }

// Done reports whether the task has finished.
func (t *Task) Done() bool { return t.co.Done() }

// Result returns what the task's body returned (nil until it is done).
func (t *Task) Result() any { return t.co.Result() }

// Err returns the error the task ended with: ErrCancelled, an error thrown
// in that it did not catch, a *coro.PanicError, or coro.ErrClosed after
// Loop.Close. Nil otherwise.
func (t *Task) Err() error { return t.co.Err() }

// Resumes returns how many times the loop has resumed the task.
func (t *Task) Resumes() int { return t.resumes }

// FinishedAt returns the loop iteration in which the task finished, or 0.
func (t *Task) FinishedAt() int { return t.finishedAt }

// State returns the state of the task's coroutine.
func (t *Task) State() coro.State { return t.co.State() }

// String describes the task, e.g. "task first (suspended)".
func (t *Task) String() string { return "task " + t.name + " (" + t.co.State().String() + ")" }

// Cancel asks the loop to throw ErrCancelled into the task the next time it
// resumes it; a sleeping or waiting task is made ready at once. A task that
// has not started ends without running. Cancel reports false if the task is
// already done.
func (t *Task) Cancel() bool {
	if t.Done() {
		return false
	}
	t.cancelPending = true
	l := t.loop
	if t.heapIndex >= 0 {
		l.sleeping.remove(t)
		l.putBack(t)
	}
	if t.waitingOn != nil {
		t.waitingOn.removeWaiter(t)
		t.waitingOn = nil
		l.waiting--
		l.putBack(t)
	}
	return true
}

func (t *Task) removeWaiter(w *Task) {
	for i, x := range t.waiters {
		if x == w {
			t.waiters = append(t.waiters[:i], t.waiters[i+1:]...)
			return
		}
	}
}
