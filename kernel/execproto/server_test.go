package execproto

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

// fakeSession runs a few fixed cells.
type fakeSession struct {
	srv *Server
}

func (f fakeSession) Execute(ctx context.Context, code string, count int) (Value, error) {
	switch code {
	case "result":
		return Value{Data: map[string]any{"text/plain": fmt.Sprint(count)}}, nil
	case "fail":
		return Value{}, &CellError{Name: "panic", Value: "boom", Traceback: []string{"panic: boom"}}
	case "plain error":
		return Value{}, errors.New("broken")
	case "display":
		_ = f.srv.Output(engine.Output{Type: engine.DisplayData, Data: map[string]any{"text/plain": "shown"}})
		return Value{}, nil
	case "block":
		<-ctx.Done()
		return Value{}, ctx.Err()
	case "read":
		b, err := io.ReadAll(io.LimitReader(f.srv.Stdin(), 6))
		if err != nil {
			return Value{}, err
		}
		return Value{Data: map[string]any{"text/plain": string(b)}}, nil
	}
	return Value{}, nil
}

func (f fakeSession) UserExpression(ctx context.Context, expr string) (Value, error) {
	if expr == "bad" {
		return Value{}, errors.New("undefined: bad")
	}
	return Value{Data: map[string]any{"text/plain": expr}}, nil
}

func (fakeSession) Complete(code string, cursor int) engine.CompleteReply {
	return engine.CompleteReply{Matches: []string{code + "!"}, CursorEnd: cursor}
}

func (fakeSession) Inspect(code string, cursor, detailLevel int) engine.InspectReply {
	return engine.InspectReply{Found: true, Data: map[string]any{"text/plain": code}}
}

func (fakeSession) IsComplete(code string) engine.IsCompleteReply {
	return engine.IsCompleteReply{Status: "incomplete", Indent: "\t"}
}

// conn is the supervisor's end of a Server running on pipes.
type conn struct {
	t      *testing.T
	req    *io.PipeWriter
	events *io.PipeReader
	done   chan error
}

func startServer(t *testing.T) *conn {
	reqR, reqW := io.Pipe()
	evR, evW := io.Pipe()
	srv := NewServer(reqR, evW)
	c := &conn{t: t, req: reqW, events: evR, done: make(chan error, 1)}
	go func() {
		err := srv.Serve(context.Background(), fakeSession{srv: srv})
		evW.Close()
		c.done <- err
	}()
	if ev := c.next(); ev.Type != EvReady {
		t.Fatalf("first event %+v, want ready", ev)
	}
	t.Cleanup(func() {
		reqW.Close()
		go io.Copy(io.Discard, evR) // let a final reply be written
		select {
		case err := <-c.done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("Serve did not return after its input ended")
		}
	})
	return c
}

func (c *conn) send(r Request) {
	c.t.Helper()
	if err := WriteFrame(c.req, r); err != nil {
		c.t.Fatal(err)
	}
}

func (c *conn) next() Event {
	c.t.Helper()
	var ev Event
	if err := ReadFrame(c.events, &ev); err != nil {
		c.t.Fatalf("read event: %v", err)
	}
	return ev
}

func TestServeExecute(t *testing.T) {
	c := startServer(t)
	c.send(Request{ID: 1, Type: ReqExecute, Code: "result", Count: 7, UserExpressions: map[string]string{"a": "x", "b": "bad"}})
	out := c.next()
	if out.Type != EvOutput || out.ID != 1 || out.Output.Type != engine.ExecuteResult || out.Output.Data["text/plain"] != "7" {
		t.Fatalf("want execute_result 7, got %+v", out)
	}
	rep := c.next()
	if rep.Type != EvReply || rep.ID != 1 || rep.Execute.Status != engine.StatusOK {
		t.Fatalf("reply %+v", rep)
	}
	if a := rep.Execute.UserExpressions["a"].(map[string]any); a["status"] != "ok" {
		t.Errorf("user expression a = %+v", a)
	}
	if b := rep.Execute.UserExpressions["b"].(map[string]any); b["status"] != "error" || b["evalue"] != "undefined: bad" {
		t.Errorf("user expression b = %+v", b)
	}

	for _, tc := range []struct{ code, ename, evalue string }{
		{"fail", "panic", "boom"},
		{"plain error", "Error", "broken"},
	} {
		c.send(Request{ID: 2, Type: ReqExecute, Code: tc.code})
		rep := c.next()
		if rep.Execute == nil || rep.Execute.Status != engine.StatusError || rep.Execute.EName != tc.ename || rep.Execute.EValue != tc.evalue {
			t.Errorf("%s: reply %+v", tc.code, rep.Execute)
		}
	}

	c.send(Request{ID: 3, Type: ReqExecute, Code: "display"})
	if ev := c.next(); ev.Type != EvOutput || ev.ID != 3 || ev.Output.Type != engine.DisplayData {
		t.Errorf("display event %+v", ev)
	}
	if ev := c.next(); ev.Type != EvReply || ev.ID != 3 {
		t.Errorf("reply %+v", ev)
	}
}

func TestServeInterruptAndQueriesWhileRunning(t *testing.T) {
	c := startServer(t)
	c.send(Request{ID: 1, Type: ReqExecute, Code: "block"})
	c.send(Request{ID: 2, Type: ReqExecute, Code: "result"})
	if ev := c.next(); ev.ID != 2 || ev.Error == "" {
		t.Errorf("second execute while one runs: %+v, want an error reply", ev)
	}
	c.send(Request{ID: 3, Type: ReqComplete, Code: "fmt.Pr", Cursor: 6})
	if ev := c.next(); ev.ID != 3 || ev.Complete == nil || ev.Complete.Matches[0] != "fmt.Pr!" {
		t.Errorf("complete while running: %+v", ev)
	}
	c.send(Request{ID: 4, Type: ReqInspect, Code: "x"})
	if ev := c.next(); ev.ID != 4 || ev.Inspect == nil || !ev.Inspect.Found {
		t.Errorf("inspect while running: %+v", ev)
	}
	c.send(Request{ID: 5, Type: ReqIsComplete, Code: "{"})
	if ev := c.next(); ev.ID != 5 || ev.IsComplete == nil || ev.IsComplete.Status != "incomplete" {
		t.Errorf("is_complete while running: %+v", ev)
	}
	c.send(Request{Type: ReqInterrupt})
	ev := c.next()
	if ev.ID != 1 || ev.Execute == nil || ev.Execute.EName != "Interrupted" {
		t.Errorf("interrupted cell reply %+v", ev)
	}
	c.send(Request{ID: 6, Type: "frobnicate"})
	if ev := c.next(); ev.ID != 6 || !strings.Contains(ev.Error, "frobnicate") {
		t.Errorf("unknown request: %+v", ev)
	}
}

func TestServeStdin(t *testing.T) {
	c := startServer(t)
	c.send(Request{ID: 1, Type: ReqExecute, Code: "read"})
	for _, line := range []string{"abc", "de"} {
		ev := c.next()
		if ev.Type != EvInputRequest || ev.ID != 1 {
			t.Fatalf("want input_request, got %+v", ev)
		}
		c.send(Request{ID: 1, Type: ReqInputReply, Input: line})
	}
	if ev := c.next(); ev.Type != EvOutput || ev.Output.Data["text/plain"] != "abc\nde" {
		t.Errorf("read %+v, want the two lines", ev.Output)
	}
	c.next() // reply

	c.send(Request{ID: 2, Type: ReqExecute, Code: "read"})
	if ev := c.next(); ev.Type != EvInputRequest {
		t.Fatalf("want input_request, got %+v", ev)
	}
	c.send(Request{ID: 2, Type: ReqInputReply, InputError: "no stdin here"})
	if ev := c.next(); ev.Execute == nil || ev.Execute.EValue != "no stdin here" {
		t.Errorf("reply %+v, want the input error", ev.Execute)
	}
}

func TestServeShutdown(t *testing.T) {
	c := startServer(t)
	c.send(Request{Type: ReqShutdown})
	select {
	case err := <-c.done:
		c.done <- err // for the cleanup
	case <-time.After(30 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
}

func TestStdinOutsideCellIsEOF(t *testing.T) {
	srv := NewServer(strings.NewReader(""), io.Discard)
	if n, err := srv.Stdin().Read(make([]byte, 4)); n != 0 || !errors.Is(err, io.EOF) {
		t.Errorf("Read = %d, %v; want io.EOF", n, err)
	}
}

// replaySession is a fakeSession that restores cells starting with "def ".
type replaySession struct{ fakeSession }

func (replaySession) Replay(ctx context.Context, cells []Cell) ([]string, error) {
	var names []string
	for _, c := range cells {
		if name, ok := strings.CutPrefix(c.Code, "def "); ok {
			names = append(names, name)
		}
	}
	return names, nil
}

func TestServeReplay(t *testing.T) {
	c := startServer(t)
	c.send(Request{ID: 1, Type: ReqReplay, Cells: []Cell{{Code: "def f"}}})
	if ev := c.next(); ev.ID != 1 || ev.Error == "" {
		t.Errorf("replay on a session without Replay: %+v, want an error reply", ev)
	}

	reqR, reqW := io.Pipe()
	evR, evW := io.Pipe()
	srv := NewServer(reqR, evW)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(context.Background(), replaySession{fakeSession{srv}}); evW.Close() }()
	c2 := &conn{t: t, req: reqW, events: evR}
	c2.next() // ready
	c2.send(Request{ID: 2, Type: ReqReplay, Cells: []Cell{{Code: "def f", Count: 1}, {Code: "x := 1", Count: 2}, {Code: "def T", Count: 3}}})
	ev := c2.next()
	if ev.Replay == nil || strings.Join(ev.Replay.Restored, ",") != "f,T" {
		t.Errorf("replay reply %+v", ev)
	}
	reqW.Close()
	go io.Copy(io.Discard, evR)
	if err := <-done; err != nil {
		t.Error(err)
	}
}
