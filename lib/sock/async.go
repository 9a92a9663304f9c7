package sock

import (
	"errors"
)

// AsyncSocket is a Socket bound to a Loop whose Accept, Recv and Send suspend the running task
// until they can complete, so a handler written with it reads like blocking code (Beazley's
// socket wrapper used with `yield from`). Its methods must be called from a task of the loop.
type AsyncSocket struct {
	loop *Loop
	sock *Socket
}

// Async wraps s for use inside the loop's tasks.
func (l *Loop) Async(s *Socket) *AsyncSocket { return &AsyncSocket{loop: l, sock: s} }

// Socket is the wrapped non-blocking socket.
func (a *AsyncSocket) Socket() *Socket { return a.sock }

// Accept waits for a connection and returns it, wrapped for the same loop.
func (a *AsyncSocket) Accept() (*AsyncSocket, error) {
	for {
		a.loop.WaitRead(a.sock)
		c, err := a.sock.Accept()
		if errors.Is(err, ErrWouldBlock) {
			continue // another task took it first
		}
		if err != nil {
			return nil, err
		}
		return a.loop.Async(c), nil
	}
}

// Recv waits until data has arrived and reads it into buf; io.EOF means the peer has closed.
func (a *AsyncSocket) Recv(buf []byte) (int, error) {
	for {
		a.loop.WaitRead(a.sock)
		n, err := a.sock.Recv(buf)
		if errors.Is(err, ErrWouldBlock) {
			continue
		}
		return n, err
	}
}

// Send writes as much of data as the socket takes, waiting first if it takes nothing now. (A
// socket can almost always be written, so Send tries before it waits; Recv and Accept wait first,
// as in the talk, so that a busy client cannot keep the loop to itself.)
func (a *AsyncSocket) Send(data []byte) (int, error) {
	for {
		n, err := a.sock.Send(data)
		if !errors.Is(err, ErrWouldBlock) {
			return n, err
		}
		a.loop.WaitWrite(a.sock)
	}
}

// SendAll sends all of data, suspending as often as needed.
func (a *AsyncSocket) SendAll(data []byte) error {
	for len(data) > 0 {
		n, err := a.Send(data)
		if err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// Close closes the socket.
func (a *AsyncSocket) Close() error { return a.sock.Close() }
