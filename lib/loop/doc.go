// Package loop is the hand-written event loop of the course's "Handwritten
// Loop" video: tasks are coroutines (package coro), and one loop resumes
// them one at a time on a single goroutine.
//
// The model. Spawn wraps a body in a Task and appends it to the ready queue.
// Each loop iteration takes one task from the ready queue, resumes it once
// (it runs until its next Yield or until it returns), and puts it back; a
// finished task is dropped and its result kept. The course's policy is the
// default: take from the END of the list and put back at the FRONT (Python's
// tasks.pop() and tasks.insert(0, task)), so the last task added runs first.
// Order PopFront gives Beazley's deque instead (popleft() and append()).
//
// Sleep does not block the loop: it notes a deadline and keeps yielding a
// Sleeping value until the deadline has passed, so the loop polls it on every
// rotation (the course's sleep). Pause is the delay the loop adds to every
// iteration (the course's time.sleep(0.001)). With SleepHeap set, the loop
// instead parks a task that yields Sleeping in a heap of deadlines
// (container/heap) and, when nothing is ready, sleeps until the earliest
// one: each sleeping task is resumed once more, when its time has come.
//
// Run runs until no task is left; RunUntilComplete and Gather until given
// tasks are done. Cancel throws ErrCancelled into a task at its suspension
// point. The loop records a trace of which task ran when (Trace; Lifetimes
// turns it into one bar per task) for a timeline chart, and counts
// iterations and resumes (Stats).
//
// A Loop is not safe for concurrent use: tasks and the code that runs the
// loop share one goroutine, which is the point of the exercise.
package loop
