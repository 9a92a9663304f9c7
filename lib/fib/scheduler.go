package fib

import (
	"bytes"
	"errors"

	"github.com/gokernel/gokernel/lib/sock"
)

// schedulerServer is the accept task of the Scheduler version (the talk's generator server):
// suspend until the listening socket is readable, accept, spawn a task for the client, repeat.
func (s *Server) schedulerServer(ln *sock.Socket) {
	for {
		s.loop.WaitRead(ln) // yield 'recv', sock
		c, err := ln.Accept()
		if errors.Is(err, sock.ErrWouldBlock) {
			continue
		}
		if err != nil {
			return
		}
		s.loop.Spawn(func() { s.schedulerHandler(c) })
	}
}

// schedulerHandler serves one client on the loop: wait to read, read, compute fib right here
// (which stalls every other task), wait to write, write.
func (s *Server) schedulerHandler(c *sock.Socket) {
	defer c.Close()
	var pending []byte
	buf := make([]byte, 100)
	for {
		s.loop.WaitRead(c) // yield 'recv', client
		n, err := c.Recv(buf)
		if errors.Is(err, sock.ErrWouldBlock) {
			continue
		}
		if err != nil {
			return // io.EOF: the client has gone
		}
		var lines []string
		lines, pending = takeLines(append(pending, buf[:n]...))
		for _, line := range lines {
			if !s.sendAll(c, []byte(answer(line))) {
				return
			}
		}
	}
}

// sendAll writes data to c, suspending until c is writable before each send.
func (s *Server) sendAll(c *sock.Socket, data []byte) bool {
	for len(data) > 0 {
		s.loop.WaitWrite(c) // yield 'send', client
		n, err := c.Send(data)
		if errors.Is(err, sock.ErrWouldBlock) {
			continue
		}
		if err != nil {
			return false
		}
		data = data[n:]
	}
	return true
}

// asyncServer is the accept task of the SchedulerPool version, written with AsyncSocket: it
// reads like the sequential server, but every call suspends instead of blocking.
func (s *Server) asyncServer(ln *sock.AsyncSocket) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		s.loop.Spawn(func() { s.asyncHandler(c) })
	}
}

// asyncHandler serves one client: fib goes to the pool, and the task waits for the future
// while the loop serves the others; the finished job wakes the loop.
func (s *Server) asyncHandler(c *sock.AsyncSocket) {
	defer c.Close()
	var pending []byte
	buf := make([]byte, 100)
	for {
		n, err := c.Recv(buf)
		if err != nil {
			return
		}
		var lines []string
		lines, pending = takeLines(append(pending, buf[:n]...))
		for _, line := range lines {
			if c.SendAll([]byte(s.answerOnLoopPool(line))) != nil {
				return
			}
		}
	}
}

// answerOnLoopPool is answer with fib computed on the pool while the task waits for the future.
func (s *Server) answerOnLoopPool(line string) string {
	n, err := parseRequest(line)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	result, err := s.loop.WaitFuture(s.pool.Submit(func() any { return Fib(n) }))
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	return formatReply(result.(int))
}

// takeLines splits the complete lines off data (a recv may hold part of a line, or several) and
// returns them with the incomplete rest.
func takeLines(data []byte) (lines []string, rest []byte) {
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return lines, data
		}
		lines = append(lines, string(data[:i]))
		data = data[i+1:]
	}
}
