package sock

import (
	"fmt"
	"iter"
)

// waitKind says what a suspended task waits for.
type waitKind int

const (
	waitRead   waitKind = iota // "want to read this descriptor"
	waitWrite                  // "want to write this descriptor"
	waitFuture                 // "wake me when this job is done"
)

// request is what a task hands to the loop when it suspends: Beazley's ('recv', sock) tuple.
type request struct {
	kind   waitKind
	sock   *Socket
	future *Future
}

// task is one coroutine of the loop. It runs fn; each Wait call inside fn suspends it.
type task struct {
	fn    func()
	next  func() (request, bool) // resume until the next suspension; false when fn has returned
	stop  func()                 // abandon a suspended task: its Wait call unwinds fn
	yield func(request) bool     // the suspension primitive, valid while the task runs
	err   error                  // the panic that ended fn, if any

	started   bool    // resumed at least once
	last      request // what it waits for now
	cancelled bool    // the loop is closing: its Wait calls return at once, then unwind
}

// stopTask is the panic value that unwinds a task that keeps waiting while the loop closes
// (see Loop.Close).
type stopTask struct{}

// start turns fn into a coroutine that has not run yet.
func (t *task) start() {
	body := func(yield func(request) bool) {
		t.yield = yield
		defer func() {
			if r := recover(); r != nil {
				if _, stopped := r.(stopTask); !stopped {
					t.err = fmt.Errorf("sock: task panicked: %v", r)
				}
			}
		}()
		t.fn()
	}
	t.next, t.stop = iter.Pull(body)
}

// suspend hands req to the loop and returns when the loop resumes the task.
func (t *task) suspend(req request) {
	if t.cancelled || !t.yield(req) {
		panic(stopTask{}) // the loop is closing and the task waits again: unwind fn, running its defers
	}
}
