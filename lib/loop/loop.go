package loop

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
)

// ErrLoopRunning is returned when a task tries to run the loop it runs on.
var ErrLoopRunning = errors.New("loop: the loop is already running")

// Loop is a single-goroutine event loop over coroutine tasks. Set its
// exported fields before running it.
type Loop struct {
	// Order is the ready-queue policy (default PopEnd, the course's).
	Order Order
	// Pause is slept at the start of every iteration (New sets the
	// course's 1 ms; try 0 and 10 ms).
	Pause time.Duration
	// SleepHeap parks sleeping tasks in a heap of deadlines instead of
	// polling them.
	SleepHeap bool
	// KeepTrace records a Span per iteration for Trace (New sets it).
	KeepTrace bool
	// OnStep, if set, is called after every iteration with its Span,
	// for example to print what happened.
	OnStep func(Span)

	ready    deque // the ready queue
	sleeping sleepHeap
	tasks    []*Task // every task ever added, for Stats

	running    bool
	started    bool
	start      time.Time
	elapsed    time.Duration
	iterations int
	sleepSeq   int
	waiting    int // tasks parked in Wait
	spans      []Span
	results    []any   // results of tasks finished in the current run
	errs       []error // errors of tasks that failed in the current run
}

// New returns a loop with the course's settings: PopEnd order, a 1 ms pause
// per iteration, polling sleep, and a trace.
func New() *Loop {
	return &Loop{Order: PopEnd, Pause: time.Millisecond, KeepTrace: true}
}

// Spawn makes a task of body and appends it to the ready queue. It does not
// run anything; the loop does, when it is run.
func (l *Loop) Spawn(name string, body func(c *coro.Co) any) *Task {
	return l.Add(name, coro.New(body))
}

// Add appends an existing, not yet started coroutine to the ready queue as
// a task (the course's add_task).
func (l *Loop) Add(name string, co *coro.Coroutine) *Task {
	t := &Task{name: name, co: co, loop: l, heapIndex: -1}
	l.ready.PushBack(t)
	l.tasks = append(l.tasks, t)
	return t
}

// Run runs the loop until no task is ready, sleeping or waiting. It returns
// the results of the tasks that finished during this run, in the order they
// finished, and the errors of those that failed, joined.
func (l *Loop) Run() ([]any, error) {
	return l.RunContext(context.Background())
}

// RunContext is Run that also stops when ctx is done, returning ctx's error
// with whatever results were collected.
func (l *Loop) RunContext(ctx context.Context) ([]any, error) {
	err := l.runUntil(ctx, l.empty)
	results, errs := l.results, l.errs
	l.results, l.errs = nil, nil
	if err != nil {
		errs = append(errs, err)
	}
	return results, errors.Join(errs...)
}

// RunUntilComplete runs the loop until t is done and returns its result
// and error. Other tasks run too, and may be left unfinished.
func (l *Loop) RunUntilComplete(t *Task) (any, error) {
	if err := l.runUntil(context.Background(), t.Done); err != nil {
		return nil, err
	}
	return t.Result(), t.Err()
}

// Gather runs the loop until all of tasks are done and returns their
// results in the order given, and their errors joined.
func (l *Loop) Gather(tasks ...*Task) ([]any, error) {
	allDone := func() bool {
		for _, t := range tasks {
			if !t.Done() {
				return false
			}
		}
		return true
	}
	if err := l.runUntil(context.Background(), allDone); err != nil {
		return nil, err
	}
	results := make([]any, len(tasks))
	var errs []error
	for i, t := range tasks {
		results[i] = t.Result()
		if err := t.Err(); err != nil {
			errs = append(errs, fmt.Errorf("task %s: %w", t.name, err))
		}
	}
	return results, errors.Join(errs...)
}

// runUntil runs iterations until stop reports true or no task is left.
func (l *Loop) runUntil(ctx context.Context, stop func() bool) error {
	if l.running {
		return ErrLoopRunning
	}
	l.running = true
	l.results, l.errs = nil, nil
	if !l.started {
		l.started, l.start = true, time.Now()
	}
	began := time.Now()
	defer func() {
		l.running = false
		l.elapsed += time.Since(began)
	}()
	for !stop() {
		if l.empty() {
			return fmt.Errorf("loop: nothing left to run, but the awaited tasks are not done (waiting on a task of another loop?)")
		}
		if l.ready.Len() == 0 && len(l.sleeping) == 0 {
			return fmt.Errorf("loop: deadlock: %d tasks wait for tasks that can never finish", l.waiting)
		}
		if err := l.step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// empty reports whether no task is left at all: none ready, sleeping or
// waiting for another task.
func (l *Loop) empty() bool {
	return l.ready.Len() == 0 && len(l.sleeping) == 0 && l.waiting == 0
}

// step is one loop iteration: wake due sleepers, take a task, resume it
// once, and put it back, park it, or drop it.
func (l *Loop) step(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("loop stopped: %w", err)
	}
	if l.Pause > 0 {
		time.Sleep(l.Pause)
	}
	l.wakeSleepers()
	if l.ready.Len() == 0 {
		if err := l.sleepUntilNextDeadline(ctx); err != nil {
			return err
		}
		l.wakeSleepers()
	}

	t := l.take()
	l.iterations++
	span := Span{Task: t.name, Iteration: l.iterations, Start: time.Since(l.start)}
	var out any
	var done bool
	var err error
	if t.cancelPending {
		t.cancelPending = false
		out, done, err = t.co.Throw(ErrCancelled)
	} else {
		out, done, err = t.co.Next()
	}
	t.resumes++
	span.End, span.Out, span.Done, span.Err = time.Since(l.start), out, done, err

	switch {
	case done:
		l.finish(t, out, err)
	case l.park(t, out):
	default:
		l.putBack(t)
	}
	if l.KeepTrace {
		l.spans = append(l.spans, span)
	}
	if l.OnStep != nil {
		l.OnStep(span)
	}
	return nil
}

// take removes the next task from the ready queue, as Order says.
func (l *Loop) take() *Task {
	if l.Order == PopFront {
		return l.ready.PopFront()
	}
	return l.ready.PopBack()
}

// putBack returns a task to the ready queue, as Order says.
func (l *Loop) putBack(t *Task) {
	if l.Order == PopFront {
		l.ready.PushBack(t)
		return
	}
	l.ready.PushFront(t)
}

// park keeps a task off the ready queue if it handed out a request the
// loop handles: Sleeping (with SleepHeap) or Waiting. It reports whether
// it did.
func (l *Loop) park(t *Task, out any) bool {
	switch req := out.(type) {
	case Sleeping:
		if !l.SleepHeap {
			return false
		}
		l.sleepSeq++
		t.wake, t.sleepSeq = req.Until, l.sleepSeq
		heap.Push(&l.sleeping, t)
		return true
	case Waiting:
		if req.Task.Done() || req.Task == t {
			return false
		}
		l.waiting++
		t.waitingOn = req.Task
		req.Task.waiters = append(req.Task.waiters, t)
		return true
	}
	return false
}

// finish records a finished task and makes the tasks waiting for it ready.
func (l *Loop) finish(t *Task, result any, err error) {
	t.finishedAt = l.iterations
	if err != nil {
		l.errs = append(l.errs, fmt.Errorf("task %s: %w", t.name, err))
	} else {
		l.results = append(l.results, result)
	}
	for _, w := range t.waiters {
		l.waiting--
		w.waitingOn = nil
		l.putBack(w)
	}
	t.waiters = nil
}

// wakeSleepers moves every task whose deadline has passed to the ready
// queue, earliest first.
func (l *Loop) wakeSleepers() {
	now := time.Now()
	for len(l.sleeping) > 0 && !l.sleeping[0].wake.After(now) {
		l.putBack(heap.Pop(&l.sleeping).(*Task))
	}
}

// sleepUntilNextDeadline blocks until the earliest sleeper is due (nothing
// else can be ready: the loop is idle) or ctx is done.
func (l *Loop) sleepUntilNextDeadline(ctx context.Context) error {
	if len(l.sleeping) == 0 {
		return nil
	}
	timer := time.NewTimer(time.Until(l.sleeping[0].wake))
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("loop stopped: %w", ctx.Err())
	}
}

// Trace returns the recorded spans, one per iteration, oldest first.
func (l *Loop) Trace() []Span {
	return append([]Span(nil), l.spans...)
}

// Stats returns the iteration count, resumes per task name and time spent
// running.
func (l *Loop) Stats() Stats {
	s := Stats{Iterations: l.iterations, Resumes: make(map[string]int), Elapsed: l.elapsed}
	for _, t := range l.tasks {
		s.Resumes[t.name] += t.resumes
	}
	return s
}

// Tasks returns every task added to the loop, in the order they were added.
func (l *Loop) Tasks() []*Task {
	return append([]*Task(nil), l.tasks...)
}

// Close stops every unfinished task: a suspended body is unwound so that
// its deferred calls run. Use it when you stop running a loop early.
func (l *Loop) Close() error {
	var errs []error
	for _, t := range l.tasks {
		if err := t.co.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close task %s: %w", t.name, err))
		}
	}
	l.ready, l.sleeping, l.waiting = deque{}, nil, 0
	return errors.Join(errs...)
}
