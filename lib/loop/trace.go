package loop

import "time"

// Span is one loop iteration: which task ran, from when to when (measured
// from the loop's first run), and what it handed out. A list of spans is
// plain data that a chart package can draw as a timeline.
type Span struct {
	// Task is the task's name.
	Task string
	// Iteration counts loop iterations from 1.
	Iteration int
	// Start and End bound the resume, measured from the loop's first run.
	Start, End time.Duration
	// Out is the value the task handed out, or its result if it finished.
	Out any
	// Done is true on the iteration in which the task finished.
	Done bool
	// Err is the error the task finished with, if any.
	Err error
}

// Stats counts what the loop did.
type Stats struct {
	// Iterations is the number of loop iterations (one resume each).
	Iterations int
	// Resumes is the number of resumes per task name.
	Resumes map[string]int
	// Elapsed is the time spent inside Run, RunUntilComplete and Gather.
	Elapsed time.Duration
}

// Lifetimes returns one span per task in the trace, from the start of its
// first resume to the end of its last: the bars of a timeline in which
// sleeping tasks overlap. Iteration is the task's first iteration, and
// Done, Out and Err come from its last. Tasks appear in the order they
// first ran.
func Lifetimes(trace []Span) []Span {
	var order []string
	life := make(map[string]*Span)
	for _, s := range trace {
		l, seen := life[s.Task]
		if !seen {
			first := s
			life[s.Task] = &first
			order = append(order, s.Task)
			continue
		}
		l.End, l.Out, l.Done, l.Err = s.End, s.Out, s.Done, s.Err
	}
	spans := make([]Span, len(order))
	for i, name := range order {
		spans[i] = *life[name]
	}
	return spans
}
