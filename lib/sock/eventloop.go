package sock

import (
	"fmt"
)

// EventLoop is the loop interface of Beazley's asyncio keynote: server code written against it
// runs unchanged on any implementation. GoLoop and Loop implement it.
type EventLoop interface {
	// Listen opens a listening connection on a loopback address.
	Listen(addr string) (Conn, error)
	// Accept waits for a client on ln.
	Accept(ln Conn) (Conn, error)
	// Recv waits for data on c and returns up to max bytes; io.EOF when the peer has closed.
	Recv(c Conn, max int) ([]byte, error)
	// SendAll sends all of data on c.
	SendAll(c Conn, data []byte) error
	// CreateTask starts fn as a new task of the loop.
	CreateTask(fn func())
	// Run runs the tasks until none is left or Close is called.
	Run() error
	// Close stops every task and closes every connection the loop opened.
	Close() error
}

// Conn is a connection or listener of an EventLoop.
type Conn interface {
	// LocalAddr is the local address, e.g. "127.0.0.1:41234".
	LocalAddr() string
	// Close closes the connection.
	Close() error
}

// Listen opens a non-blocking listening socket that the loop closes on Close.
func (l *Loop) Listen(addr string) (Conn, error) {
	s, err := Listen(addr)
	if err != nil {
		return nil, err
	}
	l.track(s)
	return s, nil
}

// Accept waits, inside a task, for a client on ln (a *Socket from Listen).
func (l *Loop) Accept(ln Conn) (Conn, error) {
	s, err := socketOf(ln)
	if err != nil {
		return nil, err
	}
	c, err := l.Async(s).Accept()
	if err != nil {
		return nil, err
	}
	l.track(c.sock)
	return c.sock, nil
}

// Recv waits, inside a task, for data on c and returns up to max bytes.
func (l *Loop) Recv(c Conn, max int) ([]byte, error) {
	s, err := socketOf(c)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, max)
	n, err := l.Async(s).Recv(buf)
	return buf[:n], err
}

// SendAll sends, inside a task, all of data on c.
func (l *Loop) SendAll(c Conn, data []byte) error {
	s, err := socketOf(c)
	if err != nil {
		return err
	}
	return l.Async(s).SendAll(data)
}

// CreateTask is Spawn under the interface's name.
func (l *Loop) CreateTask(fn func()) { l.Spawn(fn) }

// track remembers s so that Close closes it; sockets closed meanwhile are forgotten then.
func (l *Loop) track(s *Socket) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		s.Close()
		return
	}
	for t := range l.sockets {
		if t.Fd() < 0 {
			delete(l.sockets, t)
		}
	}
	l.sockets[s] = s.Fd()
}

// socketOf is the Socket behind a Conn of a Loop.
func socketOf(c Conn) (*Socket, error) {
	s, ok := c.(*Socket)
	if !ok {
		return nil, fmt.Errorf("sock: %T is not a connection of this loop", c)
	}
	return s, nil
}
