package execproto

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

// stopGrace is how long Serve waits for running handlers when it stops.
const stopGrace = time.Second

// StampInterval is how often the executor sends a streams event while
// the stream counts change.
const StampInterval = 20 * time.Millisecond

// Server is the executor's side of the protocol: it reads requests, runs
// them against a Session and writes events. Create it before the Session,
// so that the session's display callback and standard input can be wired
// to Output and Stdin.
type Server struct {
	in io.Reader

	wmu    sync.Mutex // serializes event frames
	out    io.Writer
	counts func() (stdout, stderr int64)
	sent   [2]int64 // the counts of the last event sent, guarded by wmu

	mu          sync.Mutex
	cellID      uint64 // the execute request running, 0 when none
	cellCtx     context.Context
	cancel      context.CancelFunc
	interrupted bool

	stdin *stdinReader
}

// NewServer returns a server reading requests from in and writing events
// to out.
func NewServer(in io.Reader, out io.Writer) *Server {
	s := &Server{in: in, out: out}
	s.stdin = &stdinReader{srv: s, replies: make(chan Request, 1)}
	return s
}

// CountStreams gives the server the counts of bytes the session has
// written to its stdout and stderr pipes (see CountingWriter); every
// event is stamped with them. Call it before Serve.
func (s *Server) CountStreams(counts func() (stdout, stderr int64)) {
	s.counts = counts
}

// send stamps one event with the stream counts and writes it.
func (s *Server) send(ev Event) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.counts != nil {
		ev.StdoutBytes, ev.StderrBytes = s.counts()
		s.sent = [2]int64{ev.StdoutBytes, ev.StderrBytes}
	}
	return WriteFrame(s.out, ev)
}

// stamp sends a streams event when the counts changed since the last
// event.
func (s *Server) stamp() error {
	o, e := s.counts()
	s.wmu.Lock()
	same := s.sent == [2]int64{o, e}
	s.wmu.Unlock()
	if same {
		return nil
	}
	return s.send(Event{Type: EvStreams})
}

// stamps sends streams events every StampInterval until ctx ends.
func (s *Server) stamps(ctx context.Context) {
	t := time.NewTicker(StampInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.stamp(); err != nil {
				return
			}
		}
	}
}

// Output sends a rich output (display_data, update_display_data,
// clear_output, execute_result) of the running cell. Text a cell printed
// through the counted writers before calling Output reaches the notebook
// before it, and text printed after it after it.
func (s *Server) Output(o engine.Output) error {
	s.mu.Lock()
	id := s.cellID
	s.mu.Unlock()
	return s.send(Event{Type: EvOutput, ID: id, Output: &o})
}

// Stdin is the reader cells read standard input from: a read with no
// buffered data asks the notebook for a line (input_request).
func (s *Server) Stdin() io.Reader { return s.stdin }

// Interrupt cancels the running cell, if any.
func (s *Server) Interrupt() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.interrupted = true
		s.cancel()
	}
}

// currentCell returns the running execute request and its context.
func (s *Server) currentCell() (uint64, context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cellID, s.cellCtx
}

// Serve announces the executor as ready, then serves requests until in
// ends or a shutdown request arrives. ctx is the parent of every cell's
// context. Each request is handled on its own goroutine, so a running cell
// does not hold up interrupt, complete, inspect or is_complete.
func (s *Server) Serve(ctx context.Context, sess Session) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := s.send(Event{Type: EvReady, PID: os.Getpid()}); err != nil {
		return fmt.Errorf("announce ready: %w", err)
	}
	var wg sync.WaitGroup
	if s.counts != nil {
		wg.Add(1)
		go func() { defer wg.Done(); s.stamps(ctx) }()
	}
	err := s.loop(ctx, sess, &wg)
	cancel()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(stopGrace):
		if err == nil {
			err = errors.New("serve: a cell did not stop after shutdown")
		}
	}
	return err
}

// loop reads and dispatches requests.
func (s *Server) loop(ctx context.Context, sess Session, wg *sync.WaitGroup) error {
	for {
		var req Request
		if err := ReadFrame(s.in, &req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("read request: %w", err)
		}
		switch req.Type {
		case ReqShutdown:
			return nil
		case ReqInterrupt:
			s.Interrupt()
		case ReqInputReply:
			s.stdin.deliver(req)
		case ReqExecute:
			s.startCell(ctx, sess, req, wg)
		case ReqReplay:
			s.replay(ctx, sess, req)
		case ReqComplete, ReqInspect, ReqIsComplete:
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.answer(sess, req)
			}()
		default:
			if err := s.send(Event{Type: EvReply, ID: req.ID, Error: fmt.Sprintf("unknown request type %q", req.Type)}); err != nil {
				return err
			}
		}
	}
}

// answer serves one code-intelligence request.
func (s *Server) answer(sess Session, req Request) {
	ev := Event{Type: EvReply, ID: req.ID}
	switch req.Type {
	case ReqComplete:
		r := sess.Complete(req.Code, req.Cursor)
		ev.Complete = &r
	case ReqInspect:
		r := sess.Inspect(req.Code, req.Cursor, req.DetailLevel)
		ev.Inspect = &r
	case ReqIsComplete:
		r := sess.IsComplete(req.Code)
		ev.IsComplete = &r
	}
	_ = s.send(ev) // a broken event pipe ends the loop on its own
}

// startCell runs an execute request on its own goroutine.
func (s *Server) startCell(ctx context.Context, sess Session, req Request, wg *sync.WaitGroup) {
	s.mu.Lock()
	if s.cellID != 0 {
		s.mu.Unlock()
		_ = s.send(Event{Type: EvReply, ID: req.ID, Error: "a cell is already running"})
		return
	}
	cctx, cancel := context.WithCancel(ctx)
	s.cellID, s.cellCtx, s.cancel, s.interrupted = req.ID, cctx, cancel, false
	s.mu.Unlock()
	s.stdin.reset()

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer cancel()
		reply := s.runCell(ctx, cctx, sess, req)
		s.mu.Lock()
		s.cellID, s.cellCtx, s.cancel = 0, nil, nil
		s.mu.Unlock()
		_ = s.send(Event{Type: EvReply, ID: req.ID, Execute: &reply})
	}()
}

// runCell executes a cell and its user expressions.
func (s *Server) runCell(ctx, cctx context.Context, sess Session, req Request) engine.ExecuteReply {
	reply := engine.ExecuteReply{Status: engine.StatusOK}
	val, err := sess.Execute(cctx, req.Code, req.Count)
	s.mu.Lock()
	interrupted := s.interrupted
	s.mu.Unlock()
	switch {
	case err != nil:
		ce := AsCellError(err)
		if interrupted && ce.Name != "Interrupted" {
			ce = Interrupted()
		}
		reply.Status, reply.EName, reply.EValue, reply.Traceback = engine.StatusError, ce.Name, ce.Value, ce.Traceback
	case val.Data != nil:
		_ = s.Output(engine.Output{Type: engine.ExecuteResult, Data: val.Data, Metadata: nonNil(val.Metadata)})
	}
	if len(req.UserExpressions) > 0 {
		reply.UserExpressions = make(map[string]any, len(req.UserExpressions))
		for name, expr := range req.UserExpressions {
			reply.UserExpressions[name] = userExpression(ctx, sess, expr)
		}
	}
	return reply
}

// userExpression evaluates one user expression into the reply's shape.
func userExpression(ctx context.Context, sess Session, expr string) map[string]any {
	v, err := sess.UserExpression(ctx, expr)
	if err != nil {
		ce := AsCellError(err)
		return map[string]any{"status": "error", "ename": ce.Name, "evalue": ce.Value, "traceback": nonNilLines(ce.Traceback)}
	}
	data := v.Data
	if data == nil {
		data = map[string]any{}
	}
	return map[string]any{"status": "ok", "data": data, "metadata": nonNil(v.Metadata)}
}

// AsCellError returns err as a *CellError, wrapping other errors.
func AsCellError(err error) *CellError {
	var ce *CellError
	if errors.As(err, &ce) {
		return ce
	}
	return &CellError{Name: "Error", Value: err.Error(), Traceback: []string{"Error: " + err.Error()}}
}

func nonNil(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func nonNilLines(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// replay restores earlier cells' declarations. It runs on the reading
// goroutine: the supervisor sends it to a fresh executor before any cell.
func (s *Server) replay(ctx context.Context, sess Session, req Request) {
	ev := Event{Type: EvReply, ID: req.ID}
	r, ok := sess.(Replayer)
	if !ok {
		ev.Error = "this session cannot replay declarations"
	} else if restored, err := r.Replay(ctx, req.Cells); err != nil {
		ev.Error = "replay: " + err.Error()
	} else {
		ev.Replay = &ReplayResult{Restored: restored}
	}
	_ = s.send(ev)
}
