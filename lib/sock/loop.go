package sock

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Loop is the hand-written event loop: a ready queue of tasks, two maps from descriptor to the
// task that waits to read or write it, and a poller (epoll) when nothing is ready. All tasks of a
// loop run one at a time, switched to by the goroutine that calls Run.
type Loop struct {
	// Owned by the goroutine in Run.
	ready     []*task        // tasks that can run now, oldest first
	readWait  map[int]*task  // descriptor -> task that wants to read it
	writeWait map[int]*task  // descriptor -> task that wants to write it
	parked    map[*task]bool // tasks waiting for a future
	current   *task          // the task running now
	errs      []error        // panics of finished tasks
	stats     loopStats

	poller *poller
	wake   wakePipe

	mu      sync.Mutex
	sockets map[*Socket]int // sockets opened through Listen/Accept, closed by Close
	inbox   []*task         // tasks made ready from outside the loop: Spawn, finished futures
	poked   bool            // a byte is in the wake-up pipe
	closed  bool            // Close was called
	running bool            // Run is running
	stopped chan struct{}   // closed when Run returns
}

// NewLoop makes an empty loop. Close releases it.
func NewLoop() (*Loop, error) {
	wake, err := newWakePipe()
	if err != nil {
		return nil, err
	}
	poller, err := newPoller()
	if err != nil {
		wake.close()
		return nil, err
	}
	return &Loop{
		readWait:  map[int]*task{},
		writeWait: map[int]*task{},
		parked:    map[*task]bool{},
		sockets:   map[*Socket]int{},
		poller:    poller,
		wake:      wake,
	}, nil
}

// Spawn adds a task that runs fn. It may be called before Run, from inside a task, or from any
// other goroutine.
func (l *Loop) Spawn(fn func()) {
	l.stats.spawned.Add(1)
	l.enqueue(&task{fn: fn})
}

// enqueue puts t into the inbox and wakes the loop if it waits in the poller.
func (l *Loop) enqueue(t *task) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	l.inbox = append(l.inbox, t)
	if !l.poked {
		l.poked = true
		l.wake.poke()
	}
}

// WaitRead suspends the running task until s can be read (Beazley's `yield 'recv', sock`).
// As with Beazley's wait dictionaries, one task at a time may wait to read a socket.
func (l *Loop) WaitRead(s *Socket) {
	l.mustCurrent("WaitRead").suspend(request{kind: waitRead, sock: s})
}

// WaitWrite suspends the running task until s can be written (`yield 'send', sock`).
func (l *Loop) WaitWrite(s *Socket) {
	l.mustCurrent("WaitWrite").suspend(request{kind: waitWrite, sock: s})
}

// WaitFuture suspends the running task until the pool job behind f has finished, and returns its
// result. The loop keeps serving the other tasks meanwhile.
func (l *Loop) WaitFuture(f *Future) (any, error) {
	t := l.mustCurrent("WaitFuture")
	t.suspend(request{kind: waitFuture, future: f})
	if t.cancelled {
		return nil, ErrClosed // the loop is closing: do not wait for the job
	}
	return f.Result()
}

// mustCurrent is the running task; the Wait calls make sense only inside one.
func (l *Loop) mustCurrent(op string) *task {
	if l.current == nil {
		panic("sock: Loop." + op + " called outside a task of the loop")
	}
	return l.current
}

// Run runs the loop until no task is left, nothing is waited for, or Close is called. It returns
// the panics of tasks, if any, joined.
func (l *Loop) Run() error {
	l.mu.Lock()
	if l.closed || l.running {
		l.mu.Unlock()
		return fmt.Errorf("sock: Run: loop closed or already running: %w", ErrClosed)
	}
	l.running = true
	l.stopped = make(chan struct{})
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		l.running = false
		close(l.stopped)
		l.mu.Unlock()
	}()

	for !l.isClosed() {
		l.takeInbox()
		if len(l.ready) == 0 {
			if len(l.readWait) == 0 && len(l.writeWait) == 0 && len(l.parked) == 0 {
				break // nothing left to do
			}
			// Let the goroutines we have just woken (pool workers) run before we wait.
			runtime.Gosched()
			if l.inboxEmpty() {
				if err := l.poll(); err != nil {
					return err
				}
			}
			continue
		}
		t := l.ready[0]
		l.ready = l.ready[1:]
		l.resume(t)
	}
	return errors.Join(l.errs...)
}

// resume runs t until it suspends or ends, and files it under what it now waits for.
func (l *Loop) resume(t *task) {
	l.current = t
	t.started = true
	l.stats.resumes.Add(1)
	req, ok := t.next()
	l.current = nil
	t.last = req
	if !ok { // the task returned
		l.stats.finished.Add(1)
		if t.err != nil {
			l.errs = append(l.errs, t.err)
		}
		return
	}
	if req.sock != nil && req.sock.Fd() < 0 {
		// Waiting on a closed socket: run again at once, and let the next call report it.
		l.ready = append(l.ready, t)
		return
	}
	switch req.kind {
	case waitRead:
		l.readWait[req.sock.Fd()] = t
	case waitWrite:
		l.writeWait[req.sock.Fd()] = t
	case waitFuture:
		l.parked[t] = true
		req.future.AddDoneCallback(func() { l.enqueue(t) })
	}
}

// takeInbox moves tasks made ready from outside into the ready queue.
func (l *Loop) takeInbox() {
	l.mu.Lock()
	inbox := l.inbox
	l.inbox = nil
	l.mu.Unlock()
	for _, t := range inbox {
		if t.next == nil {
			t.start()
		}
		delete(l.parked, t)
		l.ready = append(l.ready, t)
	}
}

// inboxEmpty reports whether no task waits in the inbox.
func (l *Loop) inboxEmpty() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.inbox) == 0
}

// poll waits until a descriptor that a task waits for, or the wake-up pipe, is ready, and
// makes the tasks whose descriptor is ready ready again (Beazley's select call).
func (l *Loop) poll() error {
	readers := []int{l.wake.r}
	for fd := range l.readWait {
		readers = append(readers, fd)
	}
	var writers []int
	for fd := range l.writeWait {
		writers = append(writers, fd)
	}
	l.stats.polls.Add(1)
	readable, writable, err := l.poller.wait(readers, writers)
	if err != nil {
		return err
	}
	for _, fd := range readable {
		if fd == l.wake.r {
			l.mu.Lock()
			l.wake.drain()
			l.poked = false
			l.mu.Unlock()
			continue
		}
		l.ready = append(l.ready, l.readWait[fd])
		delete(l.readWait, fd)
	}
	for _, fd := range writable {
		l.ready = append(l.ready, l.writeWait[fd])
		delete(l.writeWait, fd)
	}
	return nil
}

func (l *Loop) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// Close stops the loop: Run returns; the sockets that tasks wait on, and those opened through
// Listen and Accept, are closed; every suspended task is resumed once, its Wait call returning at
// once, so that its next socket operation fails and it can return (a task that waits again is
// unwound by a panic that runs its defers); tasks that never ran are dropped; the wake-up pipe is
// released. Close may be called from any goroutine except the loop's tasks, more than once.
func (l *Loop) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	l.wake.poke()
	running, stopped := l.running, l.stopped
	l.mu.Unlock()
	if running {
		<-stopped
	}

	// Run has returned: this goroutine now owns the loop's state.
	var all []*task
	all = append(all, l.ready...)
	for _, t := range l.readWait {
		all = append(all, t)
	}
	for _, t := range l.writeWait {
		all = append(all, t)
	}
	for t := range l.parked {
		all = append(all, t)
	}
	l.mu.Lock()
	all = append(all, l.inbox...)
	l.inbox = nil
	l.mu.Unlock()
	for _, t := range all {
		if t.last.sock != nil {
			t.last.sock.Close()
		}
	}
	for _, t := range all {
		switch {
		case t.next == nil: // never started
		case !t.started:
			t.stop() // its body never ran: nothing to unwind
		default:
			t.cancelled = true
			l.current = t
			t.next() // the Wait returns; the task ends by itself or unwinds at its next Wait
			l.current = nil
		}
	}
	l.ready, l.readWait, l.writeWait, l.parked = nil, map[int]*task{}, map[int]*task{}, map[*task]bool{}

	l.mu.Lock()
	defer l.mu.Unlock()
	for s := range l.sockets {
		s.Close()
	}
	l.sockets = map[*Socket]int{}
	l.wake.close()
	return l.poller.close()
}
