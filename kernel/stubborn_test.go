package kernel_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

// stubbornEngine runs cells that ignore cancellation and interrupts; only
// Close ends them.
type stubbornEngine struct {
	kerneltest.FakeEngine
	once    sync.Once
	closed  chan struct{}
	running chan struct{}
}

func (e *stubbornEngine) Execute(context.Context, engine.ExecuteRequest, func(engine.Output), engine.InputFunc) (engine.ExecuteReply, error) {
	e.running <- struct{}{}
	<-e.closed
	return engine.ExecuteReply{Status: engine.StatusError, EName: "Closed"}, nil
}

func (e *stubbornEngine) Close() error {
	e.once.Do(func() { close(e.closed) })
	return e.FakeEngine.Close()
}

func TestShutdownClosesAStubbornEngine(t *testing.T) {
	eng := &stubbornEngine{closed: make(chan struct{}), running: make(chan struct{}, 1)}
	cfg := freeConfig(t, "secret")
	srv, err := kernel.New(cfg, eng, testLogger(t), kernel.WithShutdownGrace(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Run(runCtx) }()
	c, err := kerneltest.Connect(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Send(kerneltest.Shell, "execute_request", map[string]any{"code": "anything"}); err != nil {
		t.Fatal(err)
	}
	<-eng.running
	stop()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatal("Run waits forever for a cell that ignores cancellation")
	}
	if _, _, closed := eng.Stats(); !closed {
		t.Error("engine not closed")
	}
	c.Close()
	checkNoGoroutines(t)
}
