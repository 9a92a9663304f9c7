package sock

import (
	"errors"
	"fmt"
	"sync"
)

// ErrClosed is the result of operations on a closed loop or pool.
var ErrClosed = errors.New("sock: closed")

// Future is the result of a job submitted to a Pool, available once the job has run.
type Future struct {
	mu        sync.Mutex
	done      bool
	value     any
	err       error
	callbacks []func()
	finished  chan struct{}
}

func newFuture() *Future { return &Future{finished: make(chan struct{})} }

// set stores the result and runs the callbacks, on the goroutine that finished the job.
func (f *Future) set(value any, err error) {
	f.mu.Lock()
	if f.done {
		f.mu.Unlock()
		return
	}
	f.done, f.value, f.err = true, value, err
	callbacks := f.callbacks
	f.callbacks = nil
	close(f.finished)
	f.mu.Unlock()
	for _, cb := range callbacks {
		cb()
	}
}

// Done reports whether the job has finished.
func (f *Future) Done() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.done
}

// Result waits for the job and returns its value and error (the job's panic, or ErrClosed when
// the pool closed before the job ran).
func (f *Future) Result() (any, error) {
	<-f.finished
	return f.value, f.err
}

// AddDoneCallback arranges for fn to run once the job has finished: at once, on the caller's
// goroutine, if it already has; otherwise on the worker that finishes it.
func (f *Future) AddDoneCallback(fn func()) {
	f.mu.Lock()
	if !f.done {
		f.callbacks = append(f.callbacks, fn)
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	fn()
}

// Pool runs submitted jobs on a fixed number of worker goroutines, in submission order. It plays
// the part of Python's ProcessPoolExecutor in the course; Go needs no separate processes because
// goroutines run in parallel.
type Pool struct {
	mu     sync.Mutex
	cond   *sync.Cond
	queue  []job
	closed bool
	wg     sync.WaitGroup
}

// job is one submitted function and its future.
type job struct {
	fn     func() any
	future *Future
}

// NewPool starts a pool of workers goroutines (at least one). Close stops them.
func NewPool(workers int) *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	for range max(workers, 1) {
		p.wg.Go(p.work)
	}
	return p
}

// Submit queues fn and returns its future at once; it never blocks, so a loop may call it.
func (p *Pool) Submit(fn func() any) *Future {
	f := newFuture()
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		f.set(nil, ErrClosed)
		return f
	}
	p.queue = append(p.queue, job{fn: fn, future: f})
	p.cond.Signal()
	p.mu.Unlock()
	return f
}

// work is one worker: take the oldest job, run it, repeat until the pool closes.
func (p *Pool) work() {
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.closed {
			p.cond.Wait()
		}
		if p.closed {
			p.mu.Unlock()
			return
		}
		j := p.queue[0]
		p.queue = p.queue[1:]
		p.mu.Unlock()
		j.future.set(run(j.fn))
	}
}

// run calls fn and turns a panic into an error, so one bad job cannot kill the process.
func run(fn func() any) (value any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sock: pool job panicked: %v", r)
		}
	}()
	return fn(), nil
}

// Close stops the pool: queued jobs that have not started fail with ErrClosed, and Close waits
// for the running ones to finish. Close may be called more than once.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	pending := p.queue
	p.queue = nil
	p.cond.Broadcast()
	p.mu.Unlock()
	for _, j := range pending {
		j.future.set(nil, ErrClosed)
	}
	p.wg.Wait()
	return nil
}
