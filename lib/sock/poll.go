package sock

import (
	"fmt"
	"syscall"
)

// fdSetSize is the largest descriptor number plus one that select(2) can watch.
const fdSetSize = 1024

// bitsPerWord is the number of descriptors one word of syscall.FdSet holds.
const bitsPerWord = 64

// selectFds waits until at least one of the readers can be read or one of the writers can be
// written, and returns those that can. It is select(2), the call Beazley's loop makes when no
// task is ready; it waits without a time limit.
func selectFds(readers, writers []int) (readable, writable []int, err error) {
	var rset, wset syscall.FdSet
	maxFd := -1
	for _, fd := range readers {
		if err := addFd(&rset, fd); err != nil {
			return nil, nil, err
		}
		maxFd = max(maxFd, fd)
	}
	for _, fd := range writers {
		if err := addFd(&wset, fd); err != nil {
			return nil, nil, err
		}
		maxFd = max(maxFd, fd)
	}
	for {
		_, err := syscall.Select(maxFd+1, &rset, &wset, nil, nil)
		if err == syscall.EINTR { // Go's runtime signals its threads; just ask again
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("sock: select: %w", err)
		}
		break
	}
	for _, fd := range readers {
		if hasFd(&rset, fd) {
			readable = append(readable, fd)
		}
	}
	for _, fd := range writers {
		if hasFd(&wset, fd) {
			writable = append(writable, fd)
		}
	}
	return readable, writable, nil
}

// addFd puts fd into set.
func addFd(set *syscall.FdSet, fd int) error {
	if fd < 0 || fd >= fdSetSize {
		return fmt.Errorf("sock: descriptor %d cannot be watched by select (limit %d)", fd, fdSetSize)
	}
	set.Bits[fd/bitsPerWord] |= 1 << (uint(fd) % bitsPerWord)
	return nil
}

// hasFd reports whether fd is in set.
func hasFd(set *syscall.FdSet, fd int) bool {
	return set.Bits[fd/bitsPerWord]&(1<<(uint(fd)%bitsPerWord)) != 0
}

// wakePipe is a pipe whose read end the loop always watches: writing one byte into it from any
// goroutine makes the loop's select(2) return.
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
