package sock

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// poller answers the loop's one question: which of these descriptors can be read, and which
// written? It uses epoll(7): the descriptors go into an epoll set, and epoll_wait lists the
// ready ones. (Beazley's loop calls select(2); epoll is the same question, asked faster.)
//
// To sleep until something is ready, the poller does not block its thread in epoll_wait: Go
// would hand the thread's processor to other goroutines only after a delay, which starves the
// load client and the pool workers of the same process. An epoll descriptor is itself readable
// when one of its descriptors is ready, so the poller lets Go's runtime park the loop's
// goroutine until the epoll descriptor becomes readable, and the thread is free meanwhile.
type poller struct {
	epfd       int
	file       *os.File        // epfd, known to Go's runtime poller
	raw        syscall.RawConn // to wait for epfd to become readable
	registered map[int]uint32  // descriptor -> events the epoll set watches for it
	events     []syscall.EpollEvent
}

func newPoller() (*poller, error) {
	epfd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("sock: epoll_create: %w", err)
	}
	if err := syscall.SetNonblock(epfd, true); err != nil {
		syscall.Close(epfd)
		return nil, fmt.Errorf("sock: epoll nonblock: %w", err)
	}
	file := os.NewFile(uintptr(epfd), "epoll")
	raw, err := file.SyscallConn()
	if err != nil {
		file.Close()
		return nil, fmt.Errorf("sock: epoll descriptor: %w", err)
	}
	return &poller{epfd: epfd, file: file, raw: raw, registered: map[int]uint32{}, events: make([]syscall.EpollEvent, 128)}, nil
}

// wait returns the readers that can be read and the writers that can be written, waiting until
// there is at least one.
func (p *poller) wait(readers, writers []int) (readable, writable []int, err error) {
	want := map[int]uint32{}
	for _, fd := range readers {
		want[fd] |= syscall.EPOLLIN
	}
	for _, fd := range writers {
		want[fd] |= syscall.EPOLLOUT
	}
	if err := p.update(want); err != nil {
		return nil, nil, err
	}

	var n int
	var waitErr error
	err = p.raw.Read(func(uintptr) bool {
		n, waitErr = syscall.EpollWait(p.epfd, p.events, 0) // only look, never block here
		if waitErr == syscall.EINTR {
			n, waitErr = 0, nil
		}
		return n > 0 || waitErr != nil // false: park until epfd is readable, then look again
	})
	if err = errors.Join(err, waitErr); err != nil {
		return nil, nil, fmt.Errorf("sock: epoll_wait: %w", err)
	}
	const failed = syscall.EPOLLHUP | syscall.EPOLLERR // a failed descriptor wakes its task, whose next call reports it
	for _, e := range p.events[:n] {
		fd := int(e.Fd)
		if e.Events&(syscall.EPOLLIN|failed) != 0 && want[fd]&syscall.EPOLLIN != 0 {
			readable = append(readable, fd)
		}
		if e.Events&(syscall.EPOLLOUT|failed) != 0 && want[fd]&syscall.EPOLLOUT != 0 {
			writable = append(writable, fd)
		}
		// The loop pops the waiting task: the descriptor leaves the set too, so that a socket
		// closed later and a new one with the same number are never confused.
		_ = syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_DEL, fd, nil)
		delete(p.registered, fd)
	}
	return readable, writable, nil
}

// update makes the epoll set watch exactly the events in want.
func (p *poller) update(want map[int]uint32) error {
	for fd := range p.registered {
		if _, ok := want[fd]; !ok {
			// A closed descriptor has left the set by itself: ignore the error.
			_ = syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_DEL, fd, nil)
			delete(p.registered, fd)
		}
	}
	for fd, events := range want {
		if fd < 0 {
			return fmt.Errorf("sock: wait on a closed socket")
		}
		old, ok := p.registered[fd]
		if ok && old == events {
			continue
		}
		ev := syscall.EpollEvent{Events: events, Fd: int32(fd)}
		op := syscall.EPOLL_CTL_ADD
		if ok {
			op = syscall.EPOLL_CTL_MOD
		}
		err := syscall.EpollCtl(p.epfd, op, fd, &ev)
		// The descriptor number may have been closed and reused since it was registered.
		if err == syscall.ENOENT {
			err = syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_ADD, fd, &ev)
		} else if err == syscall.EEXIST {
			err = syscall.EpollCtl(p.epfd, syscall.EPOLL_CTL_MOD, fd, &ev)
		}
		if err != nil {
			return fmt.Errorf("sock: epoll_ctl %d: %w", fd, err)
		}
		p.registered[fd] = events
	}
	return nil
}

func (p *poller) close() error { return p.file.Close() }

// wakePipe is a pipe whose read end the loop always watches: writing one byte into it from any
// goroutine wakes the loop from its wait (Beazley's socketpair).
type wakePipe struct {
	r, w int
}

func newWakePipe() (wakePipe, error) {
	var p [2]int
	if err := syscall.Pipe2(p[:], syscall.O_NONBLOCK|syscall.O_CLOEXEC); err != nil {
		return wakePipe{}, fmt.Errorf("sock: wake-up pipe: %w", err)
	}
	return wakePipe{r: p[0], w: p[1]}, nil
}

// poke writes one byte; a full pipe already wakes the loop, so EAGAIN is fine.
func (p wakePipe) poke() {
	_, _ = syscall.Write(p.w, []byte{1})
}

// drain reads every byte written so far.
func (p wakePipe) drain() {
	var buf [64]byte
	for {
		n, err := syscall.Read(p.r, buf[:])
		if n <= 0 || err != nil {
			return
		}
	}
}

func (p wakePipe) close() {
	syscall.Close(p.r)
	syscall.Close(p.w)
}
