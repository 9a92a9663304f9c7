package kerneltest

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/gokernel/gokernel/kernel/engine"
)

// FakeEngine is an engine.Engine driven by a tiny script language instead of
// Go: each line of a cell is one command, so protocol tests can make a cell
// print, fail, block or read input on demand.
//
//	print:TEXT    stream TEXT+"\n" on stdout     stderr:TEXT  the same on stderr
//	result:TEXT   execute_result text/plain      display:ID:TEXT  display_data with display_id ID
//	update:ID:TEXT update_display_data           clear         clear_output (wait false)
//	error:TEXT    error output, cell fails        input:PROMPT  read a line, print "got: LINE"
//	password:PROMPT  the same, with password true
//	block         wait until Interrupt (cell fails with KeyboardInterrupt) or ctx ends
//
// Any other line is echoed as an execute_result. Completion returns the
// words of Words that start with the identifier before the cursor;
// inspection finds any identifier; a cell is incomplete when it ends in
// "{" and invalid when it contains "}{". The zero value is ready to use.
type FakeEngine struct {
	// Words are the completion candidates; nil means fmt, func, for.
	Words []string

	mu         sync.Mutex
	interrupt  chan struct{} // closed by Interrupt; replaced per blocking cell
	blocked    chan struct{} // receives when a cell starts blocking
	restarts   int
	interrupts int
	closed     bool
	executed   []engine.ExecuteRequest
}

// Blocked returns a channel that receives a value each time a cell starts
// to block, so a test knows the cell is running.
func (e *FakeEngine) Blocked() <-chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.blockedChan()
}

func (e *FakeEngine) blockedChan() chan struct{} {
	if e.blocked == nil {
		e.blocked = make(chan struct{}, 16)
	}
	return e.blocked
}

// Stats reports how many times the engine was restarted and interrupted,
// and whether it is closed.
func (e *FakeEngine) Stats() (restarts, interrupts int, closed bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.restarts, e.interrupts, e.closed
}

// Executed returns the requests Execute received, in order.
func (e *FakeEngine) Executed() []engine.ExecuteRequest {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]engine.ExecuteRequest(nil), e.executed...)
}

// Execute runs the script in req.Code.
func (e *FakeEngine) Execute(ctx context.Context, req engine.ExecuteRequest, out func(engine.Output), input engine.InputFunc) (engine.ExecuteReply, error) {
	e.mu.Lock()
	e.executed = append(e.executed, req)
	e.mu.Unlock()
	fail := func(ename, evalue string) (engine.ExecuteReply, error) {
		tb := []string{ename + ": " + evalue}
		out(engine.Output{Type: engine.Error, EName: ename, EValue: evalue, Traceback: tb})
		return engine.ExecuteReply{Status: engine.StatusError, EName: ename, EValue: evalue, Traceback: tb}, nil
	}
	for line := range strings.Lines(req.Code) {
		line = strings.TrimRight(line, "\n")
		cmd, arg, _ := strings.Cut(line, ":")
		switch cmd {
		case "print":
			out(engine.Output{Type: engine.Stream, Name: "stdout", Text: arg + "\n"})
		case "stderr":
			out(engine.Output{Type: engine.Stream, Name: "stderr", Text: arg + "\n"})
		case "result":
			out(engine.Output{Type: engine.ExecuteResult, Data: map[string]any{"text/plain": arg}})
		case "display", "update":
			id, text, _ := strings.Cut(arg, ":")
			typ := engine.DisplayData
			if cmd == "update" {
				typ = engine.UpdateDisplayData
			}
			out(engine.Output{Type: typ, Data: map[string]any{"text/plain": text}, Transient: map[string]any{"display_id": id}})
		case "clear":
			out(engine.Output{Type: engine.ClearOutput})
		case "error":
			return fail("FakeError", arg)
		case "input", "password":
			if input == nil {
				return fail("StdinNotImplemented", "this client does not accept input")
			}
			v, err := input(ctx, arg, cmd == "password")
			if err != nil {
				return fail("InputError", err.Error())
			}
			out(engine.Output{Type: engine.Stream, Name: "stdout", Text: "got: " + v + "\n"})
		case "block":
			e.mu.Lock()
			stop := make(chan struct{})
			e.interrupt = stop
			blocked := e.blockedChan()
			e.mu.Unlock()
			blocked <- struct{}{}
			select {
			case <-stop:
				return fail("KeyboardInterrupt", "interrupted")
			case <-ctx.Done():
				return fail("Cancelled", ctx.Err().Error())
			}
		case "":
		default:
			out(engine.Output{Type: engine.ExecuteResult, Data: map[string]any{"text/plain": line}})
		}
	}
	rep := engine.ExecuteReply{Status: engine.StatusOK}
	if len(req.UserExpressions) > 0 {
		rep.UserExpressions = map[string]any{}
		for name, expr := range req.UserExpressions {
			rep.UserExpressions[name] = map[string]any{"status": "ok", "data": map[string]any{"text/plain": expr}, "metadata": map[string]any{}}
		}
	}
	return rep, nil
}

func (e *FakeEngine) words() []string {
	if e.Words == nil {
		return []string{"fmt", "for", "func"}
	}
	return e.Words
}

// identBefore returns the identifier that ends at cursor (a rune offset,
// as Jupyter counts) and where it starts.
func identBefore(code string, cursor int) (string, int) {
	r := []rune(code)
	if cursor > len(r) || cursor < 0 {
		cursor = len(r)
	}
	start := cursor
	for start > 0 && (r[start-1] == '_' || r[start-1] >= 'a' && r[start-1] <= 'z' || r[start-1] >= 'A' && r[start-1] <= 'Z' || r[start-1] >= '0' && r[start-1] <= '9') {
		start--
	}
	return string(r[start:cursor]), start
}

// Complete returns the Words that start with the identifier at the cursor.
func (e *FakeEngine) Complete(_ context.Context, code string, cursor int) (engine.CompleteReply, error) {
	prefix, start := identBefore(code, cursor)
	if prefix == "panic" {
		return engine.CompleteReply{}, errors.New("fake completion failure")
	}
	var matches []string
	for _, w := range e.words() {
		if strings.HasPrefix(w, prefix) {
			matches = append(matches, w)
		}
	}
	return engine.CompleteReply{Matches: matches, CursorStart: start, CursorEnd: start + len([]rune(prefix))}, nil
}

// Inspect finds the identifier at the cursor and documents it.
func (e *FakeEngine) Inspect(_ context.Context, code string, cursor, _ int) (engine.InspectReply, error) {
	name, _ := identBefore(code, cursor)
	if name == "" {
		return engine.InspectReply{}, nil
	}
	return engine.InspectReply{Found: true, Data: map[string]any{"text/plain": "doc of " + name}}, nil
}

// IsComplete says incomplete for a trailing "{", invalid for "}{".
func (e *FakeEngine) IsComplete(_ context.Context, code string) (engine.IsCompleteReply, error) {
	switch {
	case strings.Contains(code, "}{"):
		return engine.IsCompleteReply{Status: "invalid"}, nil
	case strings.HasSuffix(strings.TrimSpace(code), "{"):
		return engine.IsCompleteReply{Status: "incomplete", Indent: "\t"}, nil
	}
	return engine.IsCompleteReply{Status: "complete"}, nil
}

// Interrupt stops a blocking cell.
func (e *FakeEngine) Interrupt() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.interrupts++
	if e.interrupt != nil {
		close(e.interrupt)
		e.interrupt = nil
	}
}

// Restart counts restarts.
func (e *FakeEngine) Restart(context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.restarts++
	return nil
}

// Close marks the engine closed.
func (e *FakeEngine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	return nil
}

var _ engine.Engine = (*FakeEngine)(nil)
