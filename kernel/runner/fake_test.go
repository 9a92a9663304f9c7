package runner

import (
	"context"
	"errors"
	"sync"

	"github.com/gokernel/gokernel/kernel/engine"
)

// script is what the fake engine does for one cell's code.
type script func(ctx context.Context, interrupted <-chan struct{}, out func(engine.Output)) (engine.ExecuteReply, error)

// fakeEngine runs cells by looking their code up in a table.
type fakeEngine struct {
	scripts map[string]script

	mu          sync.Mutex
	requests    []engine.ExecuteRequest
	interrupted chan struct{} // closed by Interrupt, renewed per cell
}

func newFake(scripts map[string]script) *fakeEngine {
	return &fakeEngine{scripts: scripts}
}

func (f *fakeEngine) Execute(ctx context.Context, req engine.ExecuteRequest, out func(engine.Output), _ engine.InputFunc) (engine.ExecuteReply, error) {
	f.mu.Lock()
	f.requests = append(f.requests, req)
	f.interrupted = make(chan struct{})
	intr := f.interrupted
	f.mu.Unlock()
	s, ok := f.scripts[req.Code]
	if !ok {
		return engine.ExecuteReply{}, errors.New("fake engine: no script for " + req.Code)
	}
	return s(ctx, intr, out)
}

func (f *fakeEngine) Interrupt() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.interrupted != nil {
		select {
		case <-f.interrupted:
		default:
			close(f.interrupted)
		}
	}
}

func (f *fakeEngine) Complete(context.Context, string, int) (engine.CompleteReply, error) {
	return engine.CompleteReply{}, nil
}

func (f *fakeEngine) Inspect(context.Context, string, int, int) (engine.InspectReply, error) {
	return engine.InspectReply{}, nil
}

func (f *fakeEngine) IsComplete(context.Context, string) (engine.IsCompleteReply, error) {
	return engine.IsCompleteReply{Status: "complete"}, nil
}

func (f *fakeEngine) Restart(context.Context) error { return nil }
func (f *fakeEngine) Close() error                  { return nil }

// emit is a script that sends outputs and replies ok.
func emit(outputs ...engine.Output) script {
	return func(_ context.Context, _ <-chan struct{}, out func(engine.Output)) (engine.ExecuteReply, error) {
		for _, o := range outputs {
			out(o)
		}
		return engine.ExecuteReply{Status: engine.StatusOK}, nil
	}
}

// fail is a script that sends an error output and replies with the error.
func fail(name, value string) script {
	return func(_ context.Context, _ <-chan struct{}, out func(engine.Output)) (engine.ExecuteReply, error) {
		tb := []string{name + ": " + value}
		out(engine.Output{Type: engine.Error, EName: name, EValue: value, Traceback: tb})
		return engine.ExecuteReply{Status: engine.StatusError, EName: name, EValue: value, Traceback: tb}, nil
	}
}

// endless is a script that runs until interrupted, like `for {}`.
func endless(_ context.Context, intr <-chan struct{}, out func(engine.Output)) (engine.ExecuteReply, error) {
	out(engine.Output{Type: engine.Stream, Name: "stdout", Text: "looping\n"})
	<-intr
	tb := []string{"Interrupted: the cell was interrupted"}
	out(engine.Output{Type: engine.Error, EName: "Interrupted", EValue: "the cell was interrupted", Traceback: tb})
	return engine.ExecuteReply{Status: engine.StatusError, EName: "Interrupted", EValue: "the cell was interrupted", Traceback: tb}, nil
}

func stdout(s string) engine.Output {
	return engine.Output{Type: engine.Stream, Name: "stdout", Text: s}
}
func stderr(s string) engine.Output {
	return engine.Output{Type: engine.Stream, Name: "stderr", Text: s}
}

func display(id, text string) engine.Output {
	o := engine.Output{Type: engine.DisplayData, Data: map[string]any{"text/plain": text}, Metadata: map[string]any{}}
	if id != "" {
		o.Transient = map[string]any{"display_id": id}
	}
	return o
}

func updateDisplay(id, text string) engine.Output {
	o := display(id, text)
	o.Type = engine.UpdateDisplayData
	return o
}
