package fib

import "net"

// acceptLoop accepts clients until Close closes the listener and hands each one to handle. The
// versions differ only in handle.
func (s *Server) acceptLoop(handle func(c net.Conn)) {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return // Close closed the listener
		}
		if !s.track(c) {
			c.Close()
			return
		}
		handle(c)
	}
}

// acceptSequential is the first server of the talk: the handler runs inside the accept loop,
// so the next client is accepted only when the current one has gone.
func (s *Server) acceptSequential() {
	s.acceptLoop(func(c net.Conn) {
		s.serveLines(c, answer) // no `go`: everyone else waits
	})
}

// acceptPerConn gives every client its own goroutine (the talk's thread per client).
func (s *Server) acceptPerConn() {
	s.acceptLoop(func(c net.Conn) {
		s.wg.Go(func() { s.serveLines(c, answer) })
	})
}

// job is one fib computation sent to the workers, with the channel for its reply.
type job struct {
	n     int
	reply chan int
}

// worker computes fib for the jobs it takes from the channel, until the channel is closed.
func (s *Server) worker() {
	for j := range s.jobs {
		j.reply <- Fib(j.n)
	}
}

// acceptWithPool gives every client its own goroutine, but fib runs on the workers: the
// goroutine sends a job and waits for its reply (the talk's pool.submit(fib, n).result()).
func (s *Server) acceptWithPool() {
	s.acceptLoop(func(c net.Conn) {
		s.wg.Go(func() { s.serveLines(c, s.answerOnPool) })
	})
}

// answerOnPool is answer with fib computed by a worker.
func (s *Server) answerOnPool(line string) string {
	n, err := parseRequest(line)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	j := job{n: n, reply: make(chan int, 1)}
	s.jobs <- j
	return formatReply(<-j.reply)
}
