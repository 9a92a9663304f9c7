package supervisor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/gokernel/gokernel/kernel/execproto"
)

// crashKeep is how much of the crash pipe's text is kept.
const crashKeep = 256 << 10

// Reasons the supervisor kills an executor.
const (
	killInterrupt = "interrupt"
	killMemory    = "memory"
	killRestart   = "restart"
	killClose     = "close"
)

// proc is one executor process and the goroutines that serve its pipes.
// All of them end when the process has exited; dead is closed then.
type proc struct {
	logger *slog.Logger
	cmd    *exec.Cmd
	pid    int

	wmu sync.Mutex // serializes request frames
	req *os.File

	events         *os.File
	stdout, stderr *pump
	crash          *pump
	crashText      []byte // guarded by crash.mu (written by its deliver)

	sink     *sink
	fence    *fence               // holds printed text until the stamps release it
	cell     atomic.Pointer[cell] // the running cell, for input requests
	reported atomic.Bool          // a cell has reported this process's death

	mu         sync.Mutex
	waiters    map[uint64]chan execproto.Event
	killReason string
	nextID     atomic.Uint64

	ready  chan struct{}
	exited chan struct{}    // closed when the process has been reaped
	dead   chan struct{}    // closed when, also, every goroutine has ended
	state  *os.ProcessState // set before dead is closed
	wg     sync.WaitGroup
}

// startProc starts an executor and waits until it is ready.
func startProc(ctx context.Context, cfg *Config, k *sink) (*proc, error) {
	var files []*os.File // every pipe end, closed on failure
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	pipe := func() (r, w *os.File, err error) {
		r, w, err = os.Pipe()
		if err == nil {
			files = append(files, r, w)
		}
		return r, w, err
	}
	var ends [5][2]*os.File // stdout, crash, stderr, requests, events
	for i := range ends {
		r, w, err := pipe()
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("executor pipes: %w", err)
		}
		ends[i] = [2]*os.File{r, w}
	}
	stdoutR, stdoutW := ends[0][0], ends[0][1]
	crashR, crashW := ends[1][0], ends[1][1]
	stderrR, stderrW := ends[2][0], ends[2][1]
	reqR, reqW := ends[3][0], ends[3][1]
	evR, evW := ends[4][0], ends[4][1]

	// os.Pipe makes both ends non-blocking and the child would inherit
	// that; the Go runtime's raw writes of crash text to fd 2 do not retry
	// on EAGAIN, so the child gets blocking ends.
	for _, f := range []*os.File{stdoutW, crashW, stderrW, reqR, evW} {
		if err := syscall.SetNonblock(int(f.Fd()), false); err != nil {
			closeAll()
			return nil, fmt.Errorf("executor pipes: %w", err)
		}
	}
	cmd := exec.Command(cfg.Path, cfg.Args...)
	cmd.Env = append(os.Environ(), cfg.Env...)
	if cfg.MemoryLimit > 0 {
		cmd.Env = append(cmd.Env, MemoryLimitEnv+"="+strconv.FormatInt(cfg.MemoryLimit, 10))
	}
	cmd.Stdout, cmd.Stderr = stdoutW, crashW
	cmd.ExtraFiles = []*os.File{stderrW, reqR, evW}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		closeAll()
		return nil, fmt.Errorf("start executor %s: %w", cfg.Path, err)
	}
	for _, f := range []*os.File{stdoutW, crashW, stderrW, reqR, evW} {
		f.Close()
	}

	p := &proc{
		logger:  cfg.Logger.With("executor", cmd.Process.Pid),
		cmd:     cmd,
		pid:     cmd.Process.Pid,
		req:     reqW,
		events:  evR,
		sink:    k,
		fence:   &fence{sink: k},
		waiters: map[uint64]chan execproto.Event{},
		ready:   make(chan struct{}),
		exited:  make(chan struct{}),
		dead:    make(chan struct{}),
	}
	var err error
	if p.stdout, err = newPump(stdoutR, func(b []byte) { p.fence.take(streamStdout, b) }); err == nil {
		if p.stderr, err = newPump(stderrR, func(b []byte) { p.fence.take(streamStderr, b) }); err == nil {
			p.crash, err = newPump(crashR, p.keepCrash)
		}
	}
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		closeAll()
		return nil, err
	}
	p.wg.Add(4)
	go func() { defer p.wg.Done(); p.stdout.run() }()
	go func() { defer p.wg.Done(); p.stderr.run() }()
	go func() { defer p.wg.Done(); p.crash.run() }()
	events := make(chan struct{})
	go func() { defer p.wg.Done(); defer close(events); p.readEvents() }()
	go p.wait(events)
	if cfg.MemoryLimit > 0 {
		p.wg.Add(1)
		go func() { defer p.wg.Done(); watchMemory(p, cfg.MemoryLimit) }()
	}

	timeout, cancel := context.WithTimeout(ctx, cfg.StartTimeout)
	defer cancel()
	select {
	case <-p.ready:
		return p, nil
	case <-p.dead:
		return nil, fmt.Errorf("executor exited before it was ready (%s): %s", p.state, p.crashOutput())
	case <-timeout.Done():
		p.kill(killClose)
		<-p.dead
		return nil, fmt.Errorf("wait for executor to be ready: %w", timeout.Err())
	}
}

// keepCrash keeps the start of the crash pipe's text.
func (p *proc) keepCrash(b []byte) {
	if room := crashKeep - len(p.crashText); room > 0 {
		p.crashText = append(p.crashText, b[:min(room, len(b))]...)
	}
}

// crashOutput returns the crash pipe's text (call after dead is closed).
func (p *proc) crashOutput() string {
	p.crash.mu.Lock()
	defer p.crash.mu.Unlock()
	return string(p.crashText)
}

// wait reaps the process, then lets the pipe goroutines finish: the event
// pipe ends by itself, the output pipes are drained and closed (a
// grandchild may still hold them open).
func (p *proc) wait(events <-chan struct{}) {
	err := p.cmd.Wait()
	if err != nil && p.cmd.ProcessState == nil {
		p.logger.Error("wait for executor", "err", err)
	}
	p.state = p.cmd.ProcessState
	close(p.exited)
	<-events
	for _, pp := range []*pump{p.stdout, p.stderr, p.crash} {
		pp.drain()
		pp.f.Close()
	}
	p.req.Close()
	p.wg.Wait()
	p.fence.releaseAll() // the executor is gone: no event can follow
	p.events.Close()
	p.logger.Debug("executor ended", "state", p.state.String())
	close(p.dead)
}

// readEvents handles events until the event pipe ends.
func (p *proc) readEvents() {
	for {
		var ev execproto.Event
		if err := execproto.ReadFrame(p.events, &ev); err != nil {
			if !errors.Is(err, io.EOF) {
				p.logger.Warn("read executor event", "err", err)
			}
			return
		}
		if ev.Type != execproto.EvReady {
			p.syncTo(ev)
		}
		switch ev.Type {
		case execproto.EvStreams: // the stamps were all it carried
		case execproto.EvReady:
			close(p.ready)
		case execproto.EvReply:
			p.mu.Lock()
			ch := p.waiters[ev.ID]
			delete(p.waiters, ev.ID)
			p.mu.Unlock()
			if ch != nil {
				ch <- ev
			}
		case execproto.EvOutput:
			if ev.Output != nil {
				p.sink.output(*ev.Output)
			}
		case execproto.EvInputRequest:
			c := p.cell.Load()
			if c == nil || c.id != ev.ID {
				p.sendInput(ev.ID, "", "no cell is running")
				continue
			}
			c.askInput(p, ev.Password)
		default:
			p.logger.Warn("unknown executor event", "type", ev.Type)
		}
	}
}

// syncTo shows the printed text up to the event's stamps. The stamped
// bytes were written before the event, so they are in the pipes or
// already read: draining the pipes (serialized with the pumps) makes sure
// all of them have been read, with no blocking read. Text read past the
// stamps stays held for a later event.
func (p *proc) syncTo(ev execproto.Event) {
	p.stdout.drain()
	p.stderr.drain()
	p.fence.releaseTo(ev.StdoutBytes, ev.StderrBytes)
}

// syncStreams shows everything the executor has written to its stdout
// and stderr pipes so far, stamped or not (at the end of a cell, so that
// text written around the counting writers is not held back).
func (p *proc) syncStreams() {
	p.stdout.drain()
	p.stderr.drain()
	p.fence.releaseAll()
}

// send writes one request.
func (p *proc) send(req execproto.Request) error {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	return execproto.WriteFrame(p.req, req)
}

// sendInput answers an input request.
func (p *proc) sendInput(id uint64, line, errText string) {
	if err := p.send(execproto.Request{ID: id, Type: execproto.ReqInputReply, Input: line, InputError: errText}); err != nil {
		p.logger.Debug("send input reply", "err", err)
	}
}

// call sends a request and waits for its reply, the death of the process
// or the end of ctx.
func (p *proc) call(ctx context.Context, req execproto.Request) (execproto.Event, error) {
	req.ID = p.nextID.Add(1)
	ch := p.expect(req.ID)
	defer p.forget(req.ID)
	if err := p.send(req); err != nil {
		return execproto.Event{}, fmt.Errorf("send %s request: %w", req.Type, err)
	}
	select {
	case ev := <-ch:
		if ev.Error != "" {
			return ev, fmt.Errorf("executor: %s", ev.Error)
		}
		return ev, nil
	case <-p.dead:
		return execproto.Event{}, errors.New("the Go session stopped before it answered")
	case <-ctx.Done():
		return execproto.Event{}, ctx.Err()
	}
}

// expect registers a waiter for the reply to id.
func (p *proc) expect(id uint64) chan execproto.Event {
	ch := make(chan execproto.Event, 1)
	p.mu.Lock()
	p.waiters[id] = ch
	p.mu.Unlock()
	return ch
}

// forget drops the waiter for id.
func (p *proc) forget(id uint64) {
	p.mu.Lock()
	delete(p.waiters, id)
	p.mu.Unlock()
}

// kill ends the process, remembering the first reason given.
func (p *proc) kill(reason string) {
	p.mu.Lock()
	if p.killReason == "" {
		p.killReason = reason
	}
	p.mu.Unlock()
	_ = p.cmd.Process.Kill()
}

// reason returns why the supervisor killed the process ("" if it did not).
func (p *proc) reason() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.killReason
}

// isDead reports whether the process has ended.
func (p *proc) isDead() bool {
	select {
	case <-p.dead:
		return true
	default:
		return false
	}
}

// crashInfo describes the ended process (call after dead is closed).
func (p *proc) crashInfo(memoryLimit int64) Crash {
	c := Crash{Output: p.crashOutput(), ExitCode: p.state.ExitCode()}
	if ws, ok := p.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		c.Signal = ws.Signal().String()
	}
	if p.reason() == killMemory {
		c.MemoryLimit = memoryLimit
	}
	return c
}

// stop asks the executor to shut down, kills it if it has not within
// grace, and waits until it and its goroutines are gone.
func (p *proc) stop(ctx context.Context) {
	p.mu.Lock()
	if p.killReason == "" {
		p.killReason = killClose
	}
	p.mu.Unlock()
	if err := p.send(execproto.Request{Type: execproto.ReqShutdown}); err == nil {
		select {
		case <-p.dead:
			return
		case <-ctx.Done():
		}
	}
	p.kill(killClose)
	<-p.dead
}
