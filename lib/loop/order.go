package loop

// Order is the ready-queue policy: which end the loop takes a task from and
// where it puts the task back after resuming it. New tasks are always
// appended at the end.
type Order int

const (
	// PopEnd takes the task at the end and puts it back at the front, as the
	// course's list does with tasks.pop() and tasks.insert(0, task). The last
	// task added runs first.
	PopEnd Order = iota
	// PopFront takes the task at the front and puts it back at the end, as
	// Beazley's deque does with popleft() and append(). Tasks run in the
	// order they were added.
	PopFront
)

// String names the policy.
func (o Order) String() string {
	switch o {
	case PopEnd:
		return "pop end, put back at front"
	case PopFront:
		return "pop front, put back at end"
	}
	return "unknown order"
}
