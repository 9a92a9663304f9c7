package coro

import (
	"errors"
	"fmt"
	"strings"
)

// ErrFinished is returned by Send, Next and Throw on a coroutine that is
// already done (Python: "cannot reuse already awaited coroutine").
var ErrFinished = errors.New("coro: the coroutine is finished and cannot be resumed")

// ErrRunning is returned when the body tries to resume or close its own
// coroutine (Python: "generator already executing").
var ErrRunning = errors.New("coro: the coroutine is already running")

// ErrNotStarted is returned by a first Send with a value other than nil:
// no Yield is waiting yet to receive it (Python: "can't send non-None value
// to a just-started generator"). Start a coroutine with Next or Send(nil).
var ErrNotStarted = errors.New("coro: the coroutine has not started, so the first Send must be nil (use Next)")

// ErrClosed is what Err reports for a coroutine that was stopped by Close.
var ErrClosed = errors.New("coro: the coroutine was closed")

// ErrIgnoredClose is returned by Close when the body recovered from the
// close and tried to Yield again (Python: "generator ignored GeneratorExit").
var ErrIgnoredClose = errors.New("coro: the body ignored Close and tried to yield again")

// ErrThrowNil is returned by Throw(nil), which leaves the coroutine as it is.
var ErrThrowNil = errors.New("coro: Throw needs an error, not nil")

// ErrNotInBody is what Yield raises when it is called while its coroutine
// is not running, for example from another goroutine or after the body ended.
var ErrNotInBody = errors.New("coro: Yield called outside the running body")

// PanicError is the error a driver gets when the body panics. The
// coroutine is done afterwards.
type PanicError struct {
	// Value is the value the body passed to panic.
	Value any
	// Stack is the body's goroutine stack at the panic.
	Stack []byte
}

// Error describes the panic, followed by the body's stack.
func (e *PanicError) Error() string {
	return fmt.Sprintf("coro: the body panicked: %v\n\n%s", e.Value, strings.TrimSpace(string(e.Stack)))
}

// Unwrap returns the panic value if it is an error, so errors.Is and
// errors.As see, for example, a runtime error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Thrown is the panic value that Yield raises at the suspension point when
// the driver calls Throw. A body can recover it; if it does not, the
// coroutine ends and Throw returns Err to the driver.
type Thrown struct {
	// Err is the error the driver threw.
	Err error
}

// Error returns the thrown error's message.
func (t *Thrown) Error() string { return t.Err.Error() }

// Unwrap returns the thrown error.
func (t *Thrown) Unwrap() error { return t.Err }

// closeSignal is the panic value that unwinds a body on Close.
type closeSignal struct{}
