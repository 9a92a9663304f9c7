package supervisor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/execproto"
)

// ErrClosed is returned by a Supervisor after Close.
var ErrClosed = errors.New("supervisor: closed")

// Supervisor runs cells in an executor process. It implements
// engine.Engine.
type Supervisor struct {
	cfg  Config
	sink *sink

	execMu  sync.Mutex // one cell at a time
	startMu sync.Mutex // one executor start at a time

	mu      sync.Mutex
	proc    *proc
	cell    *cell
	closed  bool
	notice  string           // why the executor died while no cell ran
	history []execproto.Cell // cells that ran without error, for replay
	histLen int              // bytes of code in history
}

// maxHistory bounds the bytes of cell source kept for replay.
const maxHistory = 4 << 20

var _ engine.Engine = (*Supervisor)(nil)

// New starts an executor and returns its supervisor.
func New(ctx context.Context, cfg Config) (*Supervisor, error) {
	cfg = cfg.withDefaults()
	if cfg.Path == "" {
		return nil, errors.New("supervisor: no executor path")
	}
	s := &Supervisor{cfg: cfg, sink: &sink{limit: cfg.OutputLimit, flushSize: cfg.FlushSize}}
	if _, err := s.executor(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// PID returns the process id of the current executor, or 0.
func (s *Supervisor) PID() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc == nil {
		return 0
	}
	return s.proc.pid
}

// executor returns the running executor, starting one if there is none.
func (s *Supervisor) executor(ctx context.Context) (*proc, error) {
	s.startMu.Lock()
	defer s.startMu.Unlock()
	s.mu.Lock()
	p, closed := s.proc, s.closed
	s.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	if p != nil && !p.isDead() {
		return p, nil
	}
	var why string
	if p != nil && p.cell.Load() == nil && !p.reported.Load() {
		<-p.dead
		why = s.deathText(p)
	}
	start := time.Now()
	np, err := startProc(ctx, &s.cfg, s.sink)
	if err != nil {
		return nil, err
	}
	s.cfg.Logger.Debug("executor ready", "pid", np.pid, "elapsed", time.Since(start))
	s.mu.Lock()
	s.proc = np // Close waits for startMu, so it sees np
	s.mu.Unlock()
	if why != "" {
		notice := why + s.restore(ctx, np) + "\n"
		s.mu.Lock()
		s.notice = notice
		s.mu.Unlock()
	}
	return np, nil
}

// restore replays the declarations of earlier cells into a fresh executor
// and returns the line that tells the student what survived.
func (s *Supervisor) restore(ctx context.Context, p *proc) string {
	s.mu.Lock()
	cells := append([]execproto.Cell(nil), s.history...)
	s.mu.Unlock()
	if len(cells) == 0 {
		return RestartNotice
	}
	ev, err := p.call(ctx, execproto.Request{Type: execproto.ReqReplay, Cells: cells})
	if err != nil || ev.Replay == nil {
		s.cfg.Logger.Debug("replay declarations", "err", err)
		return RestartNotice
	}
	if len(ev.Replay.Restored) == 0 {
		return RestartNotice
	}
	return fmt.Sprintf(RestoredNotice, strings.Join(ev.Replay.Restored, ", "))
}

// remember keeps a cell that ran without error for replay.
func (s *Supervisor) remember(code string, count int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.history = append(s.history, execproto.Cell{Code: code, Count: count})
	s.histLen += len(code)
	for s.histLen > maxHistory && len(s.history) > 0 {
		s.histLen -= len(s.history[0].Code)
		s.history = s.history[1:]
	}
}

// deathText says why an executor died between cells ("" when the
// supervisor stopped it on purpose).
func (s *Supervisor) deathText(p *proc) string {
	switch p.reason() {
	case killRestart, killClose:
		return ""
	case killInterrupt:
		return "The Go process of an interrupted cell did not stop and was stopped.\n"
	}
	_, evalue, tb := s.cfg.Explain(p.crashInfo(s.cfg.MemoryLimit))
	why := "The Go process stopped after the last cell: " + evalue + "\n"
	for _, l := range tb {
		why += l + "\n"
	}
	return why
}

// forget drops p as the current executor.
func (s *Supervisor) forget(p *proc) {
	s.mu.Lock()
	if s.proc == p {
		s.proc = nil
	}
	s.mu.Unlock()
}

// Execute runs one cell in the executor. When the executor dies during the
// cell, the reply explains why, a fresh executor is started and the reply
// says Restarted.
func (s *Supervisor) Execute(ctx context.Context, req engine.ExecuteRequest, out func(engine.Output), input engine.InputFunc) (engine.ExecuteReply, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	s.sink.begin(out)
	defer s.sink.end()

	p, err := s.executor(ctx)
	if err != nil {
		return engine.ExecuteReply{}, fmt.Errorf("execute: %w", err)
	}
	s.mu.Lock()
	notice := s.notice
	s.notice = ""
	s.mu.Unlock()
	if notice != "" {
		s.sink.output(engine.Output{Type: engine.Stream, Name: "stdout", Text: notice})
	}

	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := &cell{id: p.nextID.Add(1), ctx: cctx, cancel: cancel, input: input, sink: s.sink, p: p}
	replies := p.expect(c.id)
	defer p.forget(c.id)
	p.cell.Store(c)
	s.mu.Lock()
	s.cell = c
	s.mu.Unlock()
	stopTicker := s.tick()

	reply, died := s.await(ctx, p, c, replies, execproto.Request{
		ID: c.id, Type: execproto.ReqExecute, Code: req.Code, Count: req.ExecutionCount,
		UserExpressions: req.UserExpressions,
	})
	if died {
		p.reported.Store(true)
	}
	c.finish()
	p.cell.Store(nil)
	s.mu.Lock()
	s.cell = nil
	s.mu.Unlock()
	stopTicker()

	if died {
		reply = s.afterDeath(context.WithoutCancel(ctx), p)
	} else {
		p.syncStreams()
		if reply.Status == engine.StatusOK {
			s.remember(req.Code, req.ExecutionCount)
		}
	}
	if notice != "" {
		reply.Restarted = true
	}
	if reply.Status == engine.StatusError {
		s.sink.output(engine.Output{Type: engine.Error, EName: reply.EName, EValue: reply.EValue, Traceback: reply.Traceback})
	}
	return reply, nil
}

// await sends the execute request and waits for its reply or the death of
// the executor. The end of ctx interrupts the cell.
func (s *Supervisor) await(ctx context.Context, p *proc, c *cell, replies chan execproto.Event, req execproto.Request) (engine.ExecuteReply, bool) {
	if err := p.send(req); err != nil {
		s.cfg.Logger.Warn("send execute request", "err", err)
		p.kill(killClose)
		<-p.dead
		return engine.ExecuteReply{}, true
	}
	done := ctx.Done()
	for {
		select {
		case ev := <-replies:
			if ev.Execute != nil {
				return *ev.Execute, false
			}
			return errorReply("ExecutorError", ev.Error), false
		case <-p.dead:
			return engine.ExecuteReply{}, true
		case <-done:
			done = nil
			c.interrupt(s.cfg.InterruptGrace)
		}
	}
}

// afterDeath explains the death of p during a cell and starts a fresh
// executor.
func (s *Supervisor) afterDeath(ctx context.Context, p *proc) engine.ExecuteReply {
	var r engine.ExecuteReply
	reason := p.reason()
	switch reason {
	case killInterrupt:
		r = errorReply("Interrupted", fmt.Sprintf("the cell did not stop within %s of the interrupt, so its Go process was stopped", s.cfg.InterruptGrace))
	case killRestart:
		r = errorReply("Restarted", "the kernel was restarted while the cell ran")
	case killClose:
		r = errorReply("Stopped", "the kernel was shut down while the cell ran")
	default:
		r.Status = engine.StatusError
		r.EName, r.EValue, r.Traceback = s.cfg.Explain(p.crashInfo(s.cfg.MemoryLimit))
	}
	s.cfg.Logger.Info("executor died during a cell", "reason", reason, "ename", r.EName, "evalue", r.EValue)
	s.forget(p)
	r.Traceback = append(r.Traceback, "")
	r.Restarted = true
	if reason == killClose {
		r.Traceback = append(r.Traceback, RestartNotice)
		return r
	}
	np, err := s.executor(ctx)
	switch {
	case err != nil:
		r.Traceback = append(r.Traceback, RestartNotice)
		if !errors.Is(err, ErrClosed) {
			r.Traceback = append(r.Traceback, "Starting a new Go session failed: "+err.Error())
		}
	case reason == killRestart:
		r.Traceback = append(r.Traceback, RestartNotice)
	default:
		r.Traceback = append(r.Traceback, s.restore(ctx, np))
	}
	return r
}

// errorReply is an error ExecuteReply with a one-line traceback.
func errorReply(ename, evalue string) engine.ExecuteReply {
	return engine.ExecuteReply{Status: engine.StatusError, EName: ename, EValue: evalue, Traceback: []string{ename + ": " + evalue}}
}

// tick flushes printed text every FlushInterval until stop is called.
func (s *Supervisor) tick() (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(s.cfg.FlushInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s.sink.flush()
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// Interrupt cancels the running cell, if any, and returns at once.
func (s *Supervisor) Interrupt() {
	s.mu.Lock()
	c := s.cell
	s.mu.Unlock()
	if c != nil {
		c.interrupt(s.cfg.InterruptGrace)
	}
}

// Complete answers a complete_request, also while a cell runs.
func (s *Supervisor) Complete(ctx context.Context, code string, cursor int) (engine.CompleteReply, error) {
	ev, err := s.call(ctx, execproto.Request{Type: execproto.ReqComplete, Code: code, Cursor: cursor})
	if err != nil {
		return engine.CompleteReply{}, fmt.Errorf("complete: %w", err)
	}
	if ev.Complete == nil {
		return engine.CompleteReply{}, errors.New("complete: executor sent no completion")
	}
	return *ev.Complete, nil
}

// Inspect answers an inspect_request, also while a cell runs.
func (s *Supervisor) Inspect(ctx context.Context, code string, cursor, detailLevel int) (engine.InspectReply, error) {
	ev, err := s.call(ctx, execproto.Request{Type: execproto.ReqInspect, Code: code, Cursor: cursor, DetailLevel: detailLevel})
	if err != nil {
		return engine.InspectReply{}, fmt.Errorf("inspect: %w", err)
	}
	if ev.Inspect == nil {
		return engine.InspectReply{}, errors.New("inspect: executor sent no inspection")
	}
	return *ev.Inspect, nil
}

// IsComplete answers an is_complete_request, also while a cell runs.
func (s *Supervisor) IsComplete(ctx context.Context, code string) (engine.IsCompleteReply, error) {
	ev, err := s.call(ctx, execproto.Request{Type: execproto.ReqIsComplete, Code: code})
	if err != nil {
		return engine.IsCompleteReply{}, fmt.Errorf("is_complete: %w", err)
	}
	if ev.IsComplete == nil {
		return engine.IsCompleteReply{}, errors.New("is_complete: executor sent no answer")
	}
	return *ev.IsComplete, nil
}

// call sends a request to the current executor and waits for its reply.
func (s *Supervisor) call(ctx context.Context, req execproto.Request) (execproto.Event, error) {
	p, err := s.executor(ctx)
	if err != nil {
		return execproto.Event{}, err
	}
	return p.call(ctx, req)
}

// Restart kills the executor and starts a fresh one. A running cell ends
// with an error reply.
func (s *Supervisor) Restart(ctx context.Context) error {
	s.startMu.Lock()
	s.mu.Lock()
	p := s.proc
	s.proc, s.notice = nil, ""
	s.history, s.histLen = nil, 0
	s.mu.Unlock()
	s.startMu.Unlock()
	if p != nil {
		p.kill(killRestart)
		<-p.dead
	}
	if _, err := s.executor(ctx); err != nil {
		return fmt.Errorf("restart: %w", err)
	}
	return nil
}

// Close stops the executor and every goroutine of the supervisor. A
// running cell ends with an error reply.
func (s *Supervisor) Close() error {
	s.startMu.Lock()
	s.mu.Lock()
	p := s.proc
	s.proc, s.closed = nil, true
	s.mu.Unlock()
	s.startMu.Unlock()
	if p != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		p.stop(ctx)
	}
	return nil
}

// running reports whether a cell is running (for tests).
func (s *Supervisor) running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cell != nil
}
