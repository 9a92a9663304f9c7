package sock

import (
	"fmt"
	"io"
	"net"
	"sync"
)

// GoLoop implements EventLoop with Go's own machinery: every task is a goroutine and every
// operation is a blocking call on a net.Conn. The waiting and waking that Loop does by hand is
// done by Go's runtime poller (epoll on Linux), and the tasks run in parallel.
type GoLoop struct {
	mu     sync.Mutex
	cond   *sync.Cond // signalled when a task ends or the loop closes
	tasks  int        // tasks still running
	closed bool
	conns  map[io.Closer]bool // listeners and connections to close on Close
}

// NewGoLoop makes an empty GoLoop.
func NewGoLoop() *GoLoop {
	l := &GoLoop{conns: map[io.Closer]bool{}}
	l.cond = sync.NewCond(&l.mu)
	return l
}

// goListener and goConn adapt the net types to Conn.
type goListener struct {
	ln   net.Listener
	loop *GoLoop
}

type goConn struct {
	c    net.Conn
	loop *GoLoop
}

// LocalAddr is the address the listener is bound to.
func (g goListener) LocalAddr() string { return g.ln.Addr().String() }

// LocalAddr is the local address of the connection.
func (g goConn) LocalAddr() string { return g.c.LocalAddr().String() }

// Close closes the listener; the loop forgets it.
func (g goListener) Close() error {
	g.loop.forget(g.ln)
	return g.ln.Close()
}

// Close closes the connection; the loop forgets it.
func (g goConn) Close() error {
	g.loop.forget(g.c)
	return g.c.Close()
}

// Listen opens a listener on a loopback address.
func (l *GoLoop) Listen(addr string) (Conn, error) {
	if err := CheckLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp4", addr)
	if err != nil {
		return nil, fmt.Errorf("sock: listen %s: %w", addr, err)
	}
	if err := l.track(ln); err != nil {
		return nil, err
	}
	return goListener{ln, l}, nil
}

// Accept blocks until a client connects to ln.
func (l *GoLoop) Accept(ln Conn) (Conn, error) {
	g, ok := ln.(goListener)
	if !ok {
		return nil, fmt.Errorf("sock: %T is not a listener of a GoLoop", ln)
	}
	c, err := g.ln.Accept()
	if err != nil {
		return nil, fmt.Errorf("sock: accept: %w", err)
	}
	if err := l.track(c); err != nil {
		return nil, err
	}
	return goConn{c, l}, nil
}

// Recv blocks until data arrives on c and returns up to max bytes.
func (l *GoLoop) Recv(c Conn, max int) ([]byte, error) {
	g, ok := c.(goConn)
	if !ok {
		return nil, fmt.Errorf("sock: %T is not a connection of a GoLoop", c)
	}
	buf := make([]byte, max)
	n, err := g.c.Read(buf)
	if n > 0 {
		return buf[:n], nil
	}
	return nil, err
}

// SendAll writes all of data to c.
func (l *GoLoop) SendAll(c Conn, data []byte) error {
	g, ok := c.(goConn)
	if !ok {
		return fmt.Errorf("sock: %T is not a connection of a GoLoop", c)
	}
	_, err := g.c.Write(data)
	return err
}

// CreateTask starts fn on a new goroutine at once; Close waits for it.
func (l *GoLoop) CreateTask(fn func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	l.tasks++
	go func() {
		defer l.taskDone()
		fn()
	}()
}

func (l *GoLoop) taskDone() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tasks--
	l.cond.Broadcast()
}

// Run waits until every task has ended or Close is called.
func (l *GoLoop) Run() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	for l.tasks > 0 && !l.closed {
		l.cond.Wait()
	}
	return nil
}

// forget drops c from the connections Close closes.
func (l *GoLoop) forget(c io.Closer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.conns, c)
}

// track remembers c so that Close closes it.
func (l *GoLoop) track(c io.Closer) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		c.Close()
		return ErrClosed
	}
	l.conns[c] = true
	return nil
}

// Close closes every listener and connection the loop opened, which ends the blocked calls of
// its tasks, and waits for the tasks to end.
func (l *GoLoop) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	for c := range l.conns {
		c.Close()
	}
	l.conns = map[io.Closer]bool{}
	l.cond.Broadcast()
	for l.tasks > 0 {
		l.cond.Wait()
	}
	return nil
}
