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
