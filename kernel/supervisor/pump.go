package supervisor

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
)

// pump reads one pipe from the executor and hands what it reads to
// deliver. Reads happen under mu, both in the pump's own goroutine and in
// drain, so that after drain returns every byte written to the pipe before
// the call has been delivered.
type pump struct {
	f       *os.File
	rc      syscall.RawConn
	deliver func([]byte)

	mu  sync.Mutex
	buf []byte
	eof bool
}

// newPump wraps the read end of a pipe (non-blocking, as os.Pipe makes it).
func newPump(f *os.File, deliver func([]byte)) (*pump, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, fmt.Errorf("pipe raw conn: %w", err)
	}
	return &pump{f: f, rc: rc, deliver: deliver, buf: make([]byte, 32<<10)}, nil
}

// run reads until the pipe ends or is closed.
func (p *pump) run() {
	_ = p.rc.Read(func(fd uintptr) bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.readLocked(fd)
	})
}

// readLocked reads until the pipe is empty. It reports true when the pipe
// has ended (end of file or an error) and false when it would block.
func (p *pump) readLocked(fd uintptr) bool {
	if p.eof {
		return true
	}
	for {
		n, err := syscall.Read(int(fd), p.buf)
		if n > 0 {
			p.deliver(p.buf[:n])
			continue
		}
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EAGAIN):
			return false
		default: // n == 0: end of file; or a real error
			p.eof = true
			return true
		}
	}
}

// drain delivers everything already in the pipe.
func (p *pump) drain() {
	_ = p.rc.Control(func(fd uintptr) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.readLocked(fd)
	})
}
