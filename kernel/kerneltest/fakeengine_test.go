package kerneltest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/wire"
)

func TestFakeEngineExecute(t *testing.T) {
	tests := []struct {
		code       string
		input      bool
		wantStatus string
		wantOut    string // outputs as type=text, joined by |
	}{
		{"print:hi\nstderr:oops", false, "ok", "stream=hi\n|stream=oops\n"},
		{"result:42", false, "ok", "execute_result=map[text/plain:42]"},
		{"display:d:a\nupdate:d:b\nclear", false, "ok", "display_data=map[text/plain:a]|update_display_data=map[text/plain:b]|clear_output="},
		{"print:a\nerror:bad\nprint:never", false, "error", "stream=a\n|error=bad"},
		{"input:name?", true, "ok", "stream=got: line for name?\n"},
		{"input:name?", false, "error", "error=this client does not accept input"},
		{"x + 1", false, "ok", "execute_result=map[text/plain:x + 1]"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.code, "\n", ";"), func(t *testing.T) {
			var e FakeEngine
			var outs []string
			out := func(o engine.Output) {
				text := o.Text
				switch o.Type {
				case engine.ExecuteResult, engine.DisplayData, engine.UpdateDisplayData:
					text = fmt.Sprint(o.Data)
				case engine.Error:
					text = o.EValue
				}
				outs = append(outs, o.Type+"="+text)
			}
			var input engine.InputFunc
			if tt.input {
				input = func(_ context.Context, prompt string, _ bool) (string, error) { return "line for " + prompt, nil }
			}
			rep, err := e.Execute(context.Background(), engine.ExecuteRequest{Code: tt.code}, out, input)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Status != tt.wantStatus || strings.Join(outs, "|") != tt.wantOut {
				t.Errorf("status %s, outputs %q; want %s, %q", rep.Status, strings.Join(outs, "|"), tt.wantStatus, tt.wantOut)
			}
		})
	}
}

func TestFakeEngineBlockAndInterrupt(t *testing.T) {
	var e FakeEngine
	done := make(chan engine.ExecuteReply, 1)
	go func() {
		rep, _ := e.Execute(context.Background(), engine.ExecuteRequest{Code: "block"}, func(engine.Output) {}, nil)
		done <- rep
	}()
	<-e.Blocked()
	e.Interrupt()
	if rep := <-done; rep.EName != "KeyboardInterrupt" {
		t.Errorf("interrupted reply = %+v", rep)
	}
	if err := e.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if restarts, interrupts, closed := e.Stats(); restarts != 1 || interrupts != 1 || !closed {
		t.Errorf("stats = %d, %d, %v", restarts, interrupts, closed)
	}
}

func TestResultTypes(t *testing.T) {
	msg := func(msgType, content string) *wire.Message {
		return &wire.Message{Header: wire.Header{MsgType: msgType}, Content: []byte(content)}
	}
	r := Result{IOPub: []*wire.Message{
		msg("status", `{"execution_state":"busy"}`),
		msg("stream", `{"name":"stdout","text":"x"}`),
		msg("status", `{"execution_state":"idle"}`),
	}}
	if got := fmt.Sprint(r.Types()); got != "[status:busy stream status:idle]" {
		t.Errorf("Types = %s", got)
	}
	if got := r.Outputs("stream"); len(got) != 1 || got[0]["text"] != "x" {
		t.Errorf("Outputs = %v", got)
	}
	if !endsIdle(r.IOPub) || endsIdle(r.IOPub[:2]) {
		t.Error("endsIdle wrong")
	}
}
