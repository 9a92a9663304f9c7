package kernel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/wire"
	"github.com/google/uuid"
)

// username is the username in the headers the kernel writes.
const username = "kernel"

// Server serves one kernel session over the five Jupyter sockets.
// Create it with New and start it with Run.
type Server struct {
	cfg      connfile.Config
	eng      engine.Engine
	log      *slog.Logger
	opts     options
	codec    *wire.Codec
	session  string
	handlers map[string]handler

	// Set by Run.
	shellOut, controlOut, stdinOut, iopubOut *outbox
	execQueue                                chan execItem
	execSeq                                  atomic.Int64 // execute_requests received on shell
	stop                                     chan struct{}
	stopOnce                                 sync.Once

	spawnMu     sync.Mutex // guards spawnClosed and the Add of spawned
	spawnClosed bool
	spawned     sync.WaitGroup

	inputs  inputWaiters
	state   sessionState
	running atomic.Bool // a cell is in eng.Execute
	started atomic.Bool // Run was called
}

// New returns a Server for the sockets of cfg, running cells with eng and
// logging to logger. Run takes ownership of eng: it closes it on return.
func New(cfg connfile.Config, eng engine.Engine, logger *slog.Logger, opts ...Option) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("new kernel server: %w", err)
	}
	if eng == nil {
		return nil, errors.New("new kernel server: nil engine")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	s := &Server{
		cfg:     cfg,
		eng:     eng,
		log:     logger,
		opts:    o,
		codec:   wire.NewCodec(cfg.Key, o.maxMessageSize),
		session: uuid.NewString(),
	}
	s.handlers = s.handlerTable()
	s.inputs.waiters = map[string]chan string{}
	return s, nil
}

// Session returns the kernel's session id, the session of every header it writes.
func (s *Server) Session() string { return s.session }

// Run binds the sockets and serves until ctx is cancelled or a client asks
// for shutdown (nil error). It closes the engine before it returns. A
// Server runs once; a second Run returns an error.
func (s *Server) Run(ctx context.Context) error {
	if !s.started.CompareAndSwap(false, true) {
		return errors.New("kernel server: Run called twice")
	}
	s.openHistory()
	defer s.closeHistory()
	socks, err := bind(context.WithoutCancel(ctx), s.cfg, s.opts.maxMessageSize, s.opts.sendTimeout, s.log)
	if err != nil {
		_ = s.eng.Close()
		return err
	}
	s.log.Info("kernel listening", "transport", s.cfg.Transport, "ip", s.cfg.IP, "shell_port", s.cfg.ShellPort)
	s.shellOut = newOutbox("shell", socks.shell, s.log)
	s.controlOut = newOutbox("control", socks.control, s.log)
	s.stdinOut = newOutbox("stdin", socks.stdin, s.log)
	s.iopubOut = newOutbox("iopub", socks.iopub, s.log)
	s.execQueue = make(chan execItem, 4096)
	s.stop = make(chan struct{})

	var (
		flushStop     = make(chan struct{})
		flushDeadline time.Time
		writers       sync.WaitGroup
		readers       sync.WaitGroup
		worker        sync.WaitGroup
	)
	outs := []*outbox{s.shellOut, s.controlOut, s.stdinOut, s.iopubOut}
	for _, o := range outs {
		writers.Go(func() { o.run(flushStop, &flushDeadline) })
	}
	work, cancelWork := context.WithCancel(ctx)
	defer cancelWork()
	readers.Go(func() { s.readShell(work, socks) })
	readers.Go(func() { s.readControl(work, socks) })
	readers.Go(func() { s.readStdin(socks) })
	readers.Go(func() { s.heartbeat(socks) })
	worker.Go(func() { s.executeLoop(work) })
	s.publish(nil, "status", statusContent{"starting"})

	select {
	case <-ctx.Done():
		s.log.Info("kernel stopping", "reason", ctx.Err())
	case <-s.stop:
		s.log.Info("kernel stopping", "reason", "shutdown_request")
	}

	// Stop the work: cancel running cells and wait for the handlers. An
	// engine that ignores both for shutdownGrace is closed under them, which
	// must end its calls.
	cancelWork()
	if s.running.Load() {
		s.eng.Interrupt()
	}
	s.spawnMu.Lock()
	s.spawnClosed = true
	s.spawnMu.Unlock()
	idle := make(chan struct{})
	go func() { worker.Wait(); s.spawned.Wait(); close(idle) }()
	var closeErr error
	select {
	case <-idle:
		closeErr = s.eng.Close()
	case <-time.After(s.opts.shutdownGrace):
		s.log.Warn("engine still busy at shutdown: closing it")
		closeErr = s.eng.Close()
		<-idle
	}

	// Flush what the handlers queued, then close the sockets, which ends the readers.
	flushDeadline = time.Now().Add(s.opts.flushTimeout)
	close(flushStop)
	flushed := make(chan struct{})
	go func() { writers.Wait(); close(flushed) }()
	select {
	case <-flushed:
	case <-time.After(s.opts.flushTimeout + 100*time.Millisecond):
	}
	// zmq4's PUB socket queues a sent message and writes it on a goroutine
	// of its own, and it has no ZMQ_LINGER: give it a moment to write the
	// last messages (the final status idle) before the socket closes.
	time.Sleep(s.opts.linger)
	socks.close()
	<-flushed
	readers.Wait()

	if closeErr != nil {
		closeErr = fmt.Errorf("close engine: %w", closeErr)
	}
	return errors.Join(ctx.Err(), closeErr)
}

// requestStop makes Run return.
func (s *Server) requestStop() {
	s.stopOnce.Do(func() { close(s.stop) })
}

// spawn runs f on its own goroutine, unless Run is stopping.
func (s *Server) spawn(f func()) {
	s.spawnMu.Lock()
	defer s.spawnMu.Unlock()
	if s.spawnClosed {
		return
	}
	s.spawned.Go(f)
}
