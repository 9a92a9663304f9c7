package fib

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"sync"

	"github.com/gokernel/gokernel/lib/sock"
)

// Version selects how a Server serves its clients (see the package doc).
type Version int

// The server versions, in the order of the talk.
const (
	Sequential Version = iota
	GoroutinePerConn
	WorkerPool
	Scheduler
	SchedulerPool
)

// Versions lists every version, for loops over all of them.
func Versions() []Version {
	return []Version{Sequential, GoroutinePerConn, WorkerPool, Scheduler, SchedulerPool}
}

// String is the version's name.
func (v Version) String() string {
	switch v {
	case Sequential:
		return "Sequential"
	case GoroutinePerConn:
		return "GoroutinePerConn"
	case WorkerPool:
		return "WorkerPool"
	case Scheduler:
		return "Scheduler"
	case SchedulerPool:
		return "SchedulerPool"
	}
	return fmt.Sprintf("Version(%d)", int(v))
}

// DefaultWorkers is the pool size Start uses: the talk's pool of 4.
const DefaultWorkers = 4

// Server is a running Fibonacci server. Close stops it.
type Server struct {
	version Version
	addr    string

	// The net-based versions.
	ln    net.Listener
	mu    sync.Mutex
	conns map[net.Conn]bool // open client connections, closed by Close
	wg    sync.WaitGroup    // the accept loop and the per-connection goroutines
	jobs  chan job          // WorkerPool: requests for the workers
	work  sync.WaitGroup    // WorkerPool: the workers

	// The sock-based versions.
	loop    *sock.Loop
	pool    *sock.Pool
	lsock   *sock.Socket
	loopErr chan error

	once     sync.Once
	closeErr error
}

// Start starts a server of the given version on addr, a loopback address such as
// "127.0.0.1:25000" or "127.0.0.1:0" (a free port). The pool versions use DefaultWorkers workers.
func Start(version Version, addr string) (*Server, error) {
	return StartWorkers(version, addr, DefaultWorkers)
}

// StartWorkers is Start with the pool size of WorkerPool and SchedulerPool.
func StartWorkers(version Version, addr string, workers int) (*Server, error) {
	if workers < 1 {
		return nil, fmt.Errorf("fib: %d workers", workers)
	}
	s := &Server{version: version, conns: map[net.Conn]bool{}}
	switch version {
	case Sequential, GoroutinePerConn, WorkerPool:
		return s, s.startNet(addr, workers)
	case Scheduler, SchedulerPool:
		return s, s.startLoop(addr, workers)
	}
	return nil, fmt.Errorf("fib: unknown version %v", version)
}

// startNet listens with the net package and runs the accept loop of the version on a goroutine.
func (s *Server) startNet(addr string, workers int) error {
	if err := sock.CheckLoopback(addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp4", addr)
	if err != nil {
		return fmt.Errorf("fib: listen %s: %w", addr, err)
	}
	s.ln, s.addr = ln, ln.Addr().String()
	switch s.version {
	case Sequential:
		s.wg.Go(s.acceptSequential)
	case GoroutinePerConn:
		s.wg.Go(s.acceptPerConn)
	case WorkerPool:
		s.jobs = make(chan job)
		for range workers {
			s.work.Go(s.worker)
		}
		s.wg.Go(s.acceptWithPool)
	}
	return nil
}

// startLoop listens with a non-blocking socket and runs a sock.Loop on a goroutine.
func (s *Server) startLoop(addr string, workers int) error {
	ln, err := sock.Listen(addr)
	if err != nil {
		return err
	}
	loop, err := sock.NewLoop()
	if err != nil {
		ln.Close()
		return err
	}
	s.lsock, s.loop, s.addr = ln, loop, ln.LocalAddr()
	if s.version == Scheduler {
		loop.Spawn(func() { s.schedulerServer(ln) })
	} else {
		s.pool = sock.NewPool(workers)
		loop.Spawn(func() { s.asyncServer(loop.Async(ln)) })
	}
	s.loopErr = make(chan error, 1)
	go func() { s.loopErr <- loop.Run() }()
	return nil
}

// Version is the server's version.
func (s *Server) Version() Version { return s.version }

// Addr is the address the server listens on, e.g. "127.0.0.1:41234".
func (s *Server) Addr() string { return s.addr }

// Close stops the server: it stops accepting, closes every client connection, waits for its
// goroutines (a fib being computed finishes first) and frees the port. Close may be called more
// than once.
func (s *Server) Close() error {
	s.once.Do(func() { s.closeErr = s.close() })
	return s.closeErr
}

func (s *Server) close() error {
	if s.loop != nil {
		err := s.loop.Close()
		if runErr := <-s.loopErr; runErr != nil && !errors.Is(runErr, sock.ErrClosed) {
			err = errors.Join(err, runErr)
		}
		if s.pool != nil {
			s.pool.Close()
		}
		return errors.Join(err, s.lsock.Close())
	}
	err := s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.conns = nil // connections accepted from now on are closed at once
	s.mu.Unlock()
	s.wg.Wait()
	if s.jobs != nil {
		close(s.jobs) // every sender has returned: the workers may stop
		s.work.Wait()
	}
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}

// track registers a client connection so that Close can close it; false if the server is
// closing already.
func (s *Server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns == nil {
		return false
	}
	s.conns[c] = true
	return true
}

func (s *Server) untrack(c net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	c.Close()
}

// serveLines reads request lines from c and writes reply(line) for each, until the client
// disconnects or the server closes the connection.
func (s *Server) serveLines(c net.Conn, reply func(line string) string) {
	defer s.untrack(c)
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		if _, err := c.Write([]byte(reply(line))); err != nil {
			return
		}
	}
}
