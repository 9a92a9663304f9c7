package supervisor

import (
	"context"
	"sync"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/execproto"
)

// NoStdinMessage is the error a cell's read of standard input gets when
// the client does not accept input.
const NoStdinMessage = "this notebook client does not accept keyboard input (allow_stdin is false)"

// cell is one running Execute.
type cell struct {
	id     uint64
	ctx    context.Context // cancelled when the cell ends or is interrupted
	cancel context.CancelFunc
	input  engine.InputFunc
	sink   *sink
	p      *proc

	wg sync.WaitGroup // input goroutines

	mu          sync.Mutex
	finished    bool
	interrupted bool
	timer       *time.Timer // kills the executor if the interrupt is ignored
}

// askInput answers the executor's input request with the cell's input
// function, on a goroutine the cell waits for when it ends.
func (c *cell) askInput(p *proc, password bool) {
	if c.input == nil {
		p.sendInput(c.id, "", NoStdinMessage)
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.finished {
		p.sendInput(c.id, "", "the cell has ended")
		return
	}
	prompt := c.sink.takePrompt()
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		line, err := c.input(c.ctx, prompt, password)
		if err != nil {
			p.sendInput(c.id, "", "no input: "+err.Error())
			return
		}
		p.sendInput(c.id, line, "")
	}()
}

// interrupt asks the executor to cancel the cell and kills the executor
// if the cell is still running after grace.
func (c *cell) interrupt(grace time.Duration) {
	c.mu.Lock()
	if c.finished || c.interrupted {
		c.mu.Unlock()
		return
	}
	c.interrupted = true
	c.cancel()
	c.timer = time.AfterFunc(grace, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if !c.finished {
			c.p.logger.Info("cell ignored the interrupt; killing the executor")
			c.p.kill(killInterrupt)
		}
	})
	c.mu.Unlock()
	if err := c.p.send(execproto.Request{Type: execproto.ReqInterrupt}); err != nil {
		c.p.logger.Debug("send interrupt", "err", err)
	}
}

// finish marks the cell ended and waits for its input goroutines.
func (c *cell) finish() {
	c.mu.Lock()
	c.finished = true
	if c.timer != nil {
		c.timer.Stop()
	}
	c.mu.Unlock()
	c.cancel()
	c.wg.Wait()
}
