package execproto

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
)

// Relay is a pipe whose write end stands in for a stream file (the
// executor's os.Stdout and os.Stderr), so that bytes written to the file
// directly, not through a CountingWriter, are copied to one and counted
// too. Sync copies everything already written, so an event stamped after
// Sync counts every byte written to the file before it.
type Relay struct {
	// W is the write end: the file cells and libraries write to.
	W *os.File

	r   *os.File
	rc  syscall.RawConn
	out io.Writer

	mu   sync.Mutex // serializes reads of r and their copies
	buf  []byte
	done chan struct{}
}

// NewRelay makes the pipe and starts copying what is written to W to out,
// until Close.
func NewRelay(out io.Writer) (*Relay, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("relay pipe: %w", err)
	}
	// Processes the cells start may inherit W: give it blocking mode.
	if err := syscall.SetNonblock(int(w.Fd()), false); err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("relay pipe: %w", err)
	}
	rc, err := r.SyscallConn()
	if err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("relay pipe raw conn: %w", err)
	}
	l := &Relay{W: w, r: r, rc: rc, out: out, buf: make([]byte, 32<<10), done: make(chan struct{})}
	go l.run()
	return l, nil
}

// run copies until the read end is closed.
func (l *Relay) run() {
	defer close(l.done)
	_ = l.rc.Read(func(fd uintptr) bool {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.copyLocked(fd)
	})
}

// copyLocked copies until the pipe is empty. It reports true when the
// pipe has ended and false when a read would block.
func (l *Relay) copyLocked(fd uintptr) bool {
	for {
		n, err := syscall.Read(int(fd), l.buf)
		if n > 0 {
			_, _ = l.out.Write(l.buf[:n]) // a broken stream pipe: the executor is ending
			continue
		}
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EAGAIN):
			return false
		default:
			return true
		}
	}
}

// Sync copies everything written to W so far.
func (l *Relay) Sync() {
	_ = l.rc.Control(func(fd uintptr) {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.copyLocked(fd)
	})
}

// Close copies what is left, stops copying and closes both ends.
func (l *Relay) Close() error {
	l.Sync()
	err := l.r.Close()
	<-l.done
	if werr := l.W.Close(); err == nil {
		err = werr
	}
	if err != nil {
		return fmt.Errorf("close relay: %w", err)
	}
	return nil
}
