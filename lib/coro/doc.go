// Package coro gives Go the coroutines of Python generators, stepped by hand
// with no event loop: the "Just Coroutines" part of the course.
//
// The model. [New] takes a body and returns a [Coroutine] handle; building it
// runs nothing (the state is "not started"). A driver resumes the body with
// [Coroutine.Next] or [Coroutine.Send]. The body runs until it calls
// [Co.Yield], which hands a value out to the driver and suspends the body in
// the middle of its work; the next Send resumes it, and Yield returns the
// value that was sent in. When the body returns, the coroutine is done and
// Send reports done=true together with the returned value (Python's
// StopIteration.value), which [Coroutine.Result] also keeps.
//
// Nesting needs nothing special: a function called by the body that calls
// c.Yield suspends the whole coroutine (Python's await / yield from). Its
// yields go straight out to the driver, and its return value goes back to
// the function that called it, never to the driver.
//
// [Coroutine.Throw] raises an error at the suspension point. [Co.Yield] lets
// it propagate: the body ends and the error reaches the driver. A body that
// wants to catch it suspends with [Co.YieldErr] instead, which returns the
// error as a value. [Coroutine.Close] unwinds a suspended body so that its
// deferred calls run (Python's GeneratorExit); resuming a finished coroutine
// returns [ErrFinished], never a crash. A body that panics ends the coroutine
// and the driver gets a [*PanicError] carrying the body's stack.
//
// Each switch is a real hand-off between two stacks built on [iter.Pull]
// (the runtime's coroutine switch): the driver and the body never run at the
// same time, so no locks are needed. Call Yield only from the body's own
// goroutine, never from a goroutine the body starts. Call Close when you
// abandon a suspended coroutine; if you forget, the garbage collector closes
// it once the handle is unreachable (then the body's deferred calls run on
// the runtime's cleanup goroutine, and the body must not keep its own
// *Coroutine handle alive).
package coro
