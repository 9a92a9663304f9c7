package sock

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// EchoPrefix is what the echo server puts before the data it sends back.
const EchoPrefix = "Got:"

// ServeEcho is the echo server of the keynote, written once against EventLoop: accept clients on
// ln forever and give each a task that sends back EchoPrefix plus whatever it receives. log, when
// not nil, receives "connected" and "closed" lines. It returns when ln is closed.
func ServeEcho(l EventLoop, ln Conn, log func(line string)) {
	if log == nil {
		log = func(string) {}
	}
	for {
		c, err := l.Accept(ln)
		if err != nil {
			return
		}
		log("connected " + c.LocalAddr())
		l.CreateTask(func() { echoClient(l, c, log) })
	}
}

// echoClient serves one client until it closes the connection.
func echoClient(l EventLoop, c Conn, log func(string)) {
	defer c.Close()
	for {
		data, err := l.Recv(c, 1024)
		if err != nil || len(data) == 0 {
			break
		}
		if err := l.SendAll(c, append([]byte(EchoPrefix), data...)); err != nil {
			break
		}
	}
	log("closed " + c.LocalAddr())
}

// EchoServer is ServeEcho running on a loop of its own, on a goroutine that Close stops.
type EchoServer struct {
	loop     EventLoop
	ln       Conn
	done     chan error
	once     sync.Once
	closeErr error
}

// StartEcho starts ServeEcho on loop, listening on addr (e.g. "127.0.0.1:0"), and runs the loop
// on a new goroutine. The server owns the loop: Close closes both.
func StartEcho(loop EventLoop, addr string, log func(line string)) (*EchoServer, error) {
	ln, err := loop.Listen(addr)
	if err != nil {
		loop.Close()
		return nil, err
	}
	s := &EchoServer{loop: loop, ln: ln, done: make(chan error, 1)}
	loop.CreateTask(func() { ServeEcho(loop, ln, log) })
	go func() { s.done <- loop.Run() }()
	return s, nil
}

// Addr is the address the server listens on.
func (s *EchoServer) Addr() string { return s.ln.LocalAddr() }

// Close stops the loop, closes every connection and frees the port.
func (s *EchoServer) Close() error {
	s.once.Do(func() {
		err := s.loop.Close()
		if runErr := <-s.done; runErr != nil && !errors.Is(runErr, ErrClosed) {
			err = errors.Join(err, runErr)
		}
		s.closeErr = err
	})
	return s.closeErr
}

// EchoResult is the outcome of EchoBenchmark.
type EchoResult struct {
	Messages  int     // round trips completed
	Seconds   float64 // time they took
	PerSecond float64 // Messages / Seconds
}

// String formats the result as the keynote prints it.
func (r EchoResult) String() string {
	return fmt.Sprintf("%d messages in %.3f s: %.0f messages/s", r.Messages, r.Seconds, r.PerSecond)
}

// EchoBenchmark is the keynote's benchmark client: over one connection to an echo server at
// addr, send one byte and wait for the reply, count times. It stops early, without error, when
// maxTime has passed, and with ctx's error when ctx ends.
func EchoBenchmark(ctx context.Context, addr string, count int, maxTime time.Duration) (EchoResult, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return EchoResult{}, fmt.Errorf("sock: benchmark dial: %w", err)
	}
	defer c.Close()
	start := time.Now()
	if err := c.SetDeadline(start.Add(maxTime)); err != nil {
		return EchoResult{}, fmt.Errorf("sock: benchmark deadline: %w", err)
	}
	stop := context.AfterFunc(ctx, func() { c.SetDeadline(time.Unix(1, 0)) }) // unblock at once
	defer stop()

	msg := []byte{'x'}
	reply := make([]byte, len(EchoPrefix)+1)
	n := 0
	for ; n < count; n++ {
		if _, err = c.Write(msg); err != nil {
			break
		}
		if _, err = io.ReadFull(c, reply); err != nil {
			break
		}
	}
	r := EchoResult{Messages: n, Seconds: time.Since(start).Seconds()}
	if r.Seconds > 0 {
		r.PerSecond = float64(n) / r.Seconds
	}
	switch {
	case err == nil:
		return r, nil
	case ctx.Err() != nil:
		return r, ctx.Err()
	case errors.Is(err, os.ErrDeadlineExceeded):
		return r, nil // maxTime reached
	default:
		return r, fmt.Errorf("sock: benchmark round trip %d: %w", n+1, err)
	}
}
