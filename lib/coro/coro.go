package coro

import (
	"iter"
	"runtime"
	"runtime/debug"
)

// Coroutine is the driver's handle on a body that runs in steps. Create it
// with New; resume it with Next, Send and Throw; stop it with Close.
// A Coroutine is not safe for use by several goroutines at once.
type Coroutine struct {
	s *shared
}

// shared is everything the body's side can reach. The body never holds the
// *Coroutine, so an abandoned handle can be collected and its cleanup can
// close the body.
type shared struct {
	next  func() (any, bool)
	stop  func()
	yield func(any) bool

	state  State
	in     any   // the value Send hands to the suspended Yield
	thrown error // the error Throw raises at the suspended Yield

	closing      bool // Close is unwinding the body
	ignoredClose bool // the body yielded again during Close

	result any
	err    error
}

// Co is the body's side of a coroutine: the suspend primitive. The body
// receives it from New and passes it down to any function that needs to
// suspend the whole coroutine.
type Co struct {
	s *shared
}

// New returns a coroutine that will run body. Nothing runs until the first
// Next or Send; the state is Created ("not started").
func New(body func(c *Co) any) *Coroutine {
	s := &shared{state: Created}
	c := &Co{s: s}
	s.next, s.stop = iter.Pull(func(yield func(any) bool) {
		s.yield = yield
		s.run(body, c)
	})
	co := &Coroutine{s: s}
	runtime.AddCleanup(co, (*shared).abandon, s)
	return co
}

// run calls the body and records how it ended. It runs on the body's side.
func (s *shared) run(body func(c *Co) any, c *Co) {
	s.state = Running
	defer func() {
		r := recover()
		s.state = Done
		switch v := r.(type) {
		case nil:
			if s.closing {
				s.result, s.err = nil, ErrClosed
			}
		case closeSignal:
			s.err = ErrClosed
		case *Thrown:
			s.err = v.Err
		default:
			s.err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	s.result = body(c)
}

// Yield hands v out to the driver and suspends the coroutine until the next
// resume. It returns the value the driver passes to Send (nil for Next).
// If the driver calls Throw instead, Yield panics with a *Thrown: unless the
// body recovers it, the coroutine ends and the error reaches the driver.
// Use YieldErr to receive a thrown error as a value instead.
func (c *Co) Yield(v any) any {
	in, err := c.YieldErr(v)
	if err != nil {
		panic(&Thrown{Err: err})
	}
	return in
}

// YieldErr is Yield for a body that wants to catch errors thrown in by the
// driver: it returns the sent value, or the error given to Throw.
func (c *Co) YieldErr(v any) (any, error) {
	s := c.s
	if s.state != Running {
		panic(&Thrown{Err: ErrNotInBody})
	}
	if s.closing {
		s.ignoredClose = true
		panic(closeSignal{})
	}
	s.state = Suspended
	if !s.yield(v) {
		// Close (or the garbage collector) stopped us: unwind the body.
		s.state = Running
		s.closing = true
		panic(closeSignal{})
	}
	s.state = Running
	in, err := s.in, s.thrown
	s.in, s.thrown = nil, nil
	return in, err
}

// Next resumes the coroutine with nothing sent in; it is Send(nil).
func (co *Coroutine) Next() (out any, done bool, err error) {
	return co.Send(nil)
}

// Send resumes the coroutine, which sees v as the return value of its
// suspended Yield, and runs it until it yields again or ends.
//
//   - It yielded: out is the yielded value, done is false.
//   - It returned: out is the returned value (also kept in Result), done is true.
//   - It failed: done is true and err is the thrown error that it did not
//     catch, or a *PanicError.
//
// A finished coroutine returns ErrFinished; a first Send with a value other
// than nil returns ErrNotStarted.
func (co *Coroutine) Send(v any) (out any, done bool, err error) {
	defer runtime.KeepAlive(co) // the cleanup must not run while the body does
	s := co.s
	switch s.state {
	case Running:
		return nil, false, ErrRunning
	case Done:
		return nil, true, ErrFinished
	case Created:
		if v != nil {
			return nil, false, ErrNotStarted
		}
	}
	s.in = v
	return s.resume()
}

// Throw raises err inside the coroutine at the point where it is suspended,
// and runs it until it yields again or ends, with the same results as Send.
// If the body does not catch err, Throw returns done=true and err itself.
// Throwing into a coroutine that has not started ends it without running
// the body.
func (co *Coroutine) Throw(err error) (out any, done bool, _ error) {
	defer runtime.KeepAlive(co)
	s := co.s
	if err == nil {
		return nil, s.state == Done, ErrThrowNil
	}
	switch s.state {
	case Running:
		return nil, false, ErrRunning
	case Done:
		return nil, true, ErrFinished
	case Created:
		s.state, s.err = Done, err
		s.stop()
		return nil, true, err
	}
	s.thrown = err
	return s.resume()
}

// resume switches to the body and reports what it did.
func (s *shared) resume() (any, bool, error) {
	out, ok := s.next()
	if ok {
		return out, false, nil
	}
	if s.err != nil {
		return nil, true, s.err
	}
	return s.result, true, nil
}

// Close stops the coroutine. A suspended body is unwound from its Yield so
// that its deferred calls run; a coroutine that never started is marked
// done without running. Any later resume returns ErrFinished. Close returns
// nil, or what went wrong during the unwinding (a *PanicError from a
// deferred call, or ErrIgnoredClose). Closing a finished coroutine does
// nothing.
func (co *Coroutine) Close() error {
	defer runtime.KeepAlive(co)
	return co.s.close()
}

func (s *shared) close() error {
	switch s.state {
	case Running:
		return ErrRunning
	case Done:
		return nil
	case Created:
		s.state, s.err = Done, ErrClosed
		s.stop()
		return nil
	}
	s.stop() // the suspended yield returns false and YieldErr unwinds
	if s.ignoredClose {
		return ErrIgnoredClose
	}
	if s.err == ErrClosed {
		return nil
	}
	return s.err
}

// abandon is the cleanup for an unreachable handle: it closes the body so
// that its stack is freed and its deferred calls run.
func (s *shared) abandon() {
	_ = s.close()
}

// State returns the coroutine's state.
func (co *Coroutine) State() State { return co.s.state }

// Done reports whether the coroutine has finished.
func (co *Coroutine) Done() bool { return co.s.state == Done }

// Result returns the value the body returned, or nil while it has not
// returned (Python's StopIteration.value).
func (co *Coroutine) Result() any { return co.s.result }

// Err returns why the coroutine ended without returning: the thrown error
// it did not catch, a *PanicError, or ErrClosed. It is nil otherwise.
func (co *Coroutine) Err() error { return co.s.err }

// String describes the coroutine and its state, e.g. "coroutine (suspended)".
func (co *Coroutine) String() string { return "coroutine (" + co.s.state.String() + ")" }
