package coro

// State is where a coroutine is in its life.
type State int

// The states of a coroutine, in the order it passes through them.
const (
	// Created: built by New, the body has not started yet.
	Created State = iota
	// Suspended: the body is paused inside Yield, waiting for Send.
	Suspended
	// Running: the body is executing (seen only from inside the body).
	Running
	// Done: the body returned, panicked, let a thrown error through, or was closed.
	Done
)

// String returns the name the course uses for the state.
func (s State) String() string {
	switch s {
	case Created:
		return "not started"
	case Suspended:
		return "suspended"
	case Running:
		return "running"
	case Done:
		return "done"
	}
	return "unknown state"
}
