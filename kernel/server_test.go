package kernel_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/kerneltest"
	"github.com/gokernel/gokernel/kernel/wire"
)

var busyIdle = []string{"status:busy", "status:idle"}

func TestKernelInfo(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	for _, channel := range []string{kerneltest.Shell, kerneltest.Control} {
		t.Run(channel, func(t *testing.T) {
			res := k.request(t, channel, "kernel_info_request", map[string]any{})
			if res.Reply.Header.MsgType != "kernel_info_reply" || res.Reply.Header.Version != "5.4" || res.Reply.Header.Session != k.srv.Session() {
				t.Errorf("reply header = %+v", res.Reply.Header)
			}
			var c struct {
				Status, ProtocolVersion, Implementation string
				LanguageInfo                            map[string]string `json:"language_info"`
				HelpLinks                               []map[string]string
			}
			if err := res.Content(&c); err != nil {
				t.Fatal(err)
			}
			goVersion := strings.TrimPrefix(runtime.Version(), "go")
			want := map[string]string{"name": "go", "version": goVersion, "mimetype": "text/x-go",
				"file_extension": ".go", "codemirror_mode": "go", "pygments_lexer": "go"}
			if fmt.Sprint(c.LanguageInfo) != fmt.Sprint(want) {
				t.Errorf("language_info = %v, want %v", c.LanguageInfo, want)
			}
			raw := content(t, res)
			if raw["protocol_version"] != "5.4" || raw["implementation"] != "gokernel" || raw["status"] != "ok" || raw["banner"] == "" {
				t.Errorf("kernel_info_reply = %v", raw)
			}
			if links, _ := raw["help_links"].([]any); len(links) != 3 {
				t.Errorf("help_links = %v", raw["help_links"])
			}
			if !equalTypes(res.Types(), busyIdle) {
				t.Errorf("iopub = %v, want %v", res.Types(), busyIdle)
			}
		})
	}
}

func TestHeartbeat(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	for _, payload := range []string{"ping", "", strings.Repeat("x", 5000)} {
		got, err := k.client.Heartbeat(k.ctx, []byte(payload))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != payload {
			t.Errorf("heartbeat echoed %d bytes, sent %d", len(got), len(payload))
		}
	}
}

// TestHeartbeatSurvivesBadPeer: a DEALER that sends the REP heartbeat a
// message without the REQ envelope must not stop the heartbeat.
func TestHeartbeatSurvivesBadPeer(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	bad := zmq4.NewDealer(context.Background())
	defer bad.Close()
	if err := bad.Dial(k.cfg.Endpoint(connfile.HB)); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := bad.Send(zmq4.NewMsgString("no envelope")); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		if got, err := k.client.Heartbeat(k.ctx, []byte("still")); err != nil || string(got) != "still" {
			t.Fatalf("heartbeat after a bad peer = %q, %v", got, err)
		}
	}
}

func TestExecute(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	f := false
	tests := []struct {
		name      string
		req       map[string]any
		wantTypes []string
		wantCount float64 // execution_count of the reply
		wantReply map[string]any
	}{
		{"stream", map[string]any{"code": "print:hi"},
			[]string{"status:busy", "execute_input", "stream", "status:idle"}, 1, map[string]any{"status": "ok"}},
		{"result", map[string]any{"code": "result:42"},
			[]string{"status:busy", "execute_input", "execute_result", "status:idle"}, 2, map[string]any{"status": "ok"}},
		{"display, update, clear", map[string]any{"code": "display:d1:a\nupdate:d1:b\nclear\nstderr:e"},
			[]string{"status:busy", "execute_input", "display_data", "update_display_data", "clear_output", "stream", "status:idle"}, 3, map[string]any{"status": "ok"}},
		{"error", map[string]any{"code": "print:before\nerror:boom"},
			[]string{"status:busy", "execute_input", "stream", "error", "status:idle"}, 4,
			map[string]any{"status": "error", "ename": "FakeError", "evalue": "boom"}},
		{"silent: no input, no result, no count", map[string]any{"code": "print:s\nresult:1", "silent": true},
			[]string{"status:busy", "stream", "status:idle"}, 4, map[string]any{"status": "ok"}},
		{"store_history false: no count", map[string]any{"code": "result:7", "store_history": &f},
			[]string{"status:busy", "execute_input", "execute_result", "status:idle"}, 4, map[string]any{"status": "ok"}},
		{"counting resumes", map[string]any{"code": ""},
			[]string{"status:busy", "execute_input", "status:idle"}, 5, map[string]any{"status": "ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := k.request(t, kerneltest.Shell, "execute_request", tt.req)
			if !equalTypes(res.Types(), tt.wantTypes) {
				t.Errorf("iopub = %v, want %v", res.Types(), tt.wantTypes)
			}
			c := content(t, res)
			if c["execution_count"] != tt.wantCount {
				t.Errorf("execution_count = %v, want %v", c["execution_count"], tt.wantCount)
			}
			for key, want := range tt.wantReply {
				if c[key] != want {
					t.Errorf("reply %s = %v, want %v", key, c[key], want)
				}
			}
			if c["status"] == "ok" {
				if _, ok := c["user_expressions"].(map[string]any); !ok {
					t.Errorf("reply has no user_expressions dict: %v", c)
				}
				if p, ok := c["payload"].([]any); !ok || len(p) != 0 {
					t.Errorf("reply payload = %v, want []", c["payload"])
				}
			}
			for _, in := range res.Outputs("execute_input") {
				if in["code"] != tt.req["code"] || in["execution_count"] != tt.wantCount {
					t.Errorf("execute_input = %v", in)
				}
			}
			for _, r := range res.Outputs("execute_result") {
				if r["execution_count"] != tt.wantCount {
					t.Errorf("execute_result count = %v, want %v", r["execution_count"], tt.wantCount)
				}
			}
			for _, m := range res.IOPub {
				if m.ParentHeader.MsgID != res.Reply.ParentHeader.MsgID {
					t.Errorf("iopub %s has parent %s", m.Header.MsgType, m.ParentHeader.MsgID)
				}
			}
		})
	}
	t.Run("outputs", func(t *testing.T) {
		res := k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:hi\ndisplay:d9:x\nerror:bad"})
		s := res.Outputs("stream")[0]
		if s["name"] != "stdout" || s["text"] != "hi\n" {
			t.Errorf("stream = %v", s)
		}
		d := res.Outputs("display_data")[0]
		if fmt.Sprint(d["data"]) != "map[text/plain:x]" || fmt.Sprint(d["transient"]) != "map[display_id:d9]" {
			t.Errorf("display_data = %v", d)
		}
		e := res.Outputs("error")[0]
		if e["ename"] != "FakeError" || e["evalue"] != "bad" || fmt.Sprint(e["traceback"]) != "[FakeError: bad]" {
			t.Errorf("error = %v", e)
		}
	})
	t.Run("user_expressions", func(t *testing.T) {
		res := k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "", "user_expressions": map[string]string{"a": "x+1"}})
		ue := content(t, res)["user_expressions"].(map[string]any)
		if fmt.Sprint(ue["a"]) != "map[data:map[text/plain:x+1] metadata:map[] status:ok]" {
			t.Errorf("user_expressions = %v", ue)
		}
	})
	t.Run("engine sees the request", func(t *testing.T) {
		ex := k.eng.Executed()
		first := ex[0]
		if first.Code != "print:hi" || first.ExecutionCount != 1 || !first.StoreHistory || !first.AllowStdin || first.Silent {
			t.Errorf("first request = %+v", first)
		}
		if silent := ex[4]; !silent.Silent || silent.StoreHistory {
			t.Errorf("silent request = %+v, want Silent and not StoreHistory", silent)
		}
	})
}

// queueBehind sends execute requests behind a blocking cell and makes sure
// the kernel has read them: shell is read in order, so once a later
// complete_request is answered, the execute requests are queued.
func queueBehind(t *testing.T, k *kernelUnderTest, stopOnError bool, codes ...string) (block *wire.Message, queued []*wire.Message) {
	t.Helper()
	block, err := k.client.Send(kerneltest.Shell, "execute_request", map[string]any{"code": "block", "stop_on_error": stopOnError})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-k.eng.Blocked():
	case <-k.ctx.Done():
		t.Fatal("cell never started")
	}
	for _, code := range codes {
		m, err := k.client.Send(kerneltest.Shell, "execute_request", map[string]any{"code": code})
		if err != nil {
			t.Fatal(err)
		}
		queued = append(queued, m)
	}
	// Answered while the cell blocks: complete is not queued behind execute.
	res := k.request(t, kerneltest.Shell, "complete_request", map[string]any{"code": "fm", "cursor_pos": 2})
	if m := content(t, res)["matches"]; fmt.Sprint(m) != "[fmt]" {
		t.Errorf("complete while blocked: matches = %v", m)
	}
	if k.client.ReplyFor(block.Header.MsgID) != nil {
		t.Fatal("blocking cell finished early")
	}
	return block, queued
}

func TestStopOnErrorAbortsQueuedCells(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	block, queued := queueBehind(t, k, true, "print:b", "print:c")

	// Interrupt, answered while the cell blocks; the cell then fails.
	res := k.request(t, kerneltest.Control, "interrupt_request", map[string]any{})
	if c := content(t, res); c["status"] != "ok" || res.Reply.Header.MsgType != "interrupt_reply" {
		t.Errorf("interrupt_reply = %v", c)
	}
	blocked, err := k.client.Wait(k.ctx, block.Header.MsgID)
	if err != nil {
		t.Fatal(err)
	}
	if c := content(t, blocked); c["status"] != "error" || c["ename"] != "KeyboardInterrupt" {
		t.Errorf("interrupted cell reply = %v", c)
	}
	for _, m := range queued {
		r, err := k.client.Wait(k.ctx, m.Header.MsgID)
		if err != nil {
			t.Fatal(err)
		}
		if c := content(t, r); c["status"] != "aborted" {
			t.Errorf("queued cell reply = %v, want aborted", c)
		}
		if !equalTypes(r.Types(), busyIdle) {
			t.Errorf("aborted cell iopub = %v, want only %v", r.Types(), busyIdle)
		}
	}
	if n := len(k.eng.Executed()); n != 1 {
		t.Errorf("engine ran %d cells, want 1 (the others aborted)", n)
	}
	// A request sent after the error reply runs normally.
	res = k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:after"})
	if c := content(t, res); c["status"] != "ok" {
		t.Errorf("cell after abort = %v", c)
	}
	if _, interrupts, _ := k.eng.Stats(); interrupts != 1 {
		t.Errorf("engine interrupted %d times, want 1", interrupts)
	}
}

func TestStopOnErrorFalseRunsQueuedCells(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	_, queued := queueBehind(t, k, false, "print:b")
	k.request(t, kerneltest.Control, "interrupt_request", map[string]any{})
	r, err := k.client.Wait(k.ctx, queued[0].Header.MsgID)
	if err != nil {
		t.Fatal(err)
	}
	if c := content(t, r); c["status"] != "ok" {
		t.Errorf("queued cell after a failure with stop_on_error false = %v, want ok", c)
	}
}

func TestCodeIntelligence(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	tests := []struct {
		msgType string
		req     map[string]any
		want    map[string]string // reply fields, printed with fmt
	}{
		{"complete_request", map[string]any{"code": "x := f", "cursor_pos": 6},
			map[string]string{"status": "ok", "matches": "[fmt for func]", "cursor_start": "5", "cursor_end": "6", "metadata": "map[]"}},
		{"complete_request", map[string]any{"code": "fu()", "cursor_pos": 2},
			map[string]string{"status": "ok", "matches": "[func]", "cursor_start": "0", "cursor_end": "2"}},
		{"complete_request", map[string]any{"code": "zz", "cursor_pos": 2},
			map[string]string{"status": "ok", "matches": "[]"}},
		{"complete_request", map[string]any{"code": "panic", "cursor_pos": 5},
			map[string]string{"status": "error", "ename": "CompleteError"}},
		{"inspect_request", map[string]any{"code": "fmt.Println", "cursor_pos": 3, "detail_level": 0},
			map[string]string{"status": "ok", "found": "true", "data": "map[text/plain:doc of fmt]"}},
		{"inspect_request", map[string]any{"code": " ", "cursor_pos": 1},
			map[string]string{"status": "ok", "found": "false", "data": "map[]", "metadata": "map[]"}},
		{"is_complete_request", map[string]any{"code": "func f() {"},
			map[string]string{"status": "incomplete", "indent": "\t"}},
		{"is_complete_request", map[string]any{"code": "x := 1"},
			map[string]string{"status": "complete", "indent": "<nil>"}},
		{"is_complete_request", map[string]any{"code": "}{"},
			map[string]string{"status": "invalid"}},
	}
	for _, tt := range tests {
		t.Run(tt.msgType+" "+fmt.Sprint(tt.req["code"]), func(t *testing.T) {
			res := k.request(t, kerneltest.Shell, tt.msgType, tt.req)
			if want := strings.TrimSuffix(tt.msgType, "_request") + "_reply"; res.Reply.Header.MsgType != want {
				t.Errorf("reply type %s, want %s", res.Reply.Header.MsgType, want)
			}
			c := content(t, res)
			for key, want := range tt.want {
				if got := fmt.Sprint(c[key]); got != want {
					t.Errorf("%s = %q, want %q", key, got, want)
				}
			}
			if !equalTypes(res.Types(), busyIdle) {
				t.Errorf("iopub = %v", res.Types())
			}
		})
	}
}

func TestStdin(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	for _, tt := range []struct{ cmd, prompt, value string }{
		{"input", "Name? ", "Ada"},
		{"password", "Secret: ", "hunter2"},
	} {
		t.Run(tt.cmd, func(t *testing.T) {
			exec, err := k.client.Send(kerneltest.Shell, "execute_request", map[string]any{"code": tt.cmd + ":" + tt.prompt, "allow_stdin": true})
			if err != nil {
				t.Fatal(err)
			}
			in, err := k.client.NextInput(k.ctx)
			if err != nil {
				t.Fatal(err)
			}
			var c struct {
				Prompt   string `json:"prompt"`
				Password bool   `json:"password"`
			}
			if err := in.DecodeContent(&c); err != nil {
				t.Fatal(err)
			}
			if in.Header.MsgType != "input_request" || c.Prompt != tt.prompt || c.Password != (tt.cmd == "password") {
				t.Errorf("input_request %s = %+v", in.Header.MsgType, c)
			}
			if in.ParentHeader.MsgID != exec.Header.MsgID {
				t.Errorf("input_request parent %s, want the execute_request %s", in.ParentHeader.MsgID, exec.Header.MsgID)
			}
			if _, err := k.client.SendReply(kerneltest.Stdin, "input_reply", in, map[string]any{"value": tt.value}); err != nil {
				t.Fatal(err)
			}
			res, err := k.client.Wait(k.ctx, exec.Header.MsgID)
			if err != nil {
				t.Fatal(err)
			}
			if out := res.Outputs("stream"); len(out) != 1 || out[0]["text"] != "got: "+tt.value+"\n" {
				t.Errorf("stream = %v", out)
			}
		})
	}
	t.Run("allow_stdin false", func(t *testing.T) {
		res := k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "input:x", "allow_stdin": false, "stop_on_error": false})
		if c := content(t, res); c["ename"] != "StdinNotImplemented" {
			t.Errorf("reply = %v, want StdinNotImplemented", c)
		}
	})
}

func TestHistory(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	f := false
	for _, code := range []string{"print:a", "result:b", "print:a", "result:c"} {
		k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": code})
	}
	k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:not stored", "store_history": &f})
	k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:silent", "silent": true})
	tests := []struct {
		name string
		req  map[string]any
		want string
	}{
		{"tail", map[string]any{"hist_access_type": "tail", "n": 2}, "[[1 3 print:a] [1 4 result:c]]"},
		{"tail all", map[string]any{"hist_access_type": "tail", "n": 10}, "[[1 1 print:a] [1 2 result:b] [1 3 print:a] [1 4 result:c]]"},
		{"tail with output", map[string]any{"hist_access_type": "tail", "n": 1, "output": true}, "[[1 4 [result:c c]]]"},
		{"range current session", map[string]any{"hist_access_type": "range", "session": 0, "start": 2, "stop": 4}, "[[1 2 result:b] [1 3 print:a]]"},
		{"range session 1 to end", map[string]any{"hist_access_type": "range", "session": 1, "start": 3}, "[[1 3 print:a] [1 4 result:c]]"},
		{"range other session", map[string]any{"hist_access_type": "range", "session": -1, "start": 1}, "[]"},
		{"search glob", map[string]any{"hist_access_type": "search", "pattern": "print:*"}, "[[1 1 print:a] [1 3 print:a]]"},
		{"search unique", map[string]any{"hist_access_type": "search", "pattern": "print:*", "unique": true}, "[[1 3 print:a]]"},
		{"search ? and n", map[string]any{"hist_access_type": "search", "pattern": "result:?", "n": 1}, "[[1 4 result:c]]"},
		{"search literal", map[string]any{"hist_access_type": "search", "pattern": "result:b"}, "[[1 2 result:b]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := k.request(t, kerneltest.Shell, "history_request", tt.req)
			c := content(t, res)
			if c["status"] != "ok" || fmt.Sprint(c["history"]) != tt.want {
				t.Errorf("history = %v (status %v), want %s", c["history"], c["status"], tt.want)
			}
		})
	}
	res := k.request(t, kerneltest.Shell, "history_request", map[string]any{"hist_access_type": "sideways"})
	if c := content(t, res); c["status"] != "error" {
		t.Errorf("bad hist_access_type: %v", c)
	}
}

func TestComm(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	res := k.request(t, kerneltest.Shell, "comm_info_request", map[string]any{})
	if c := content(t, res); c["status"] != "ok" || fmt.Sprint(c["comms"]) != "map[]" {
		t.Errorf("comm_info_reply = %v", c)
	}
	open, err := k.client.Send(kerneltest.Shell, "comm_open", map[string]any{"comm_id": "c1", "target_name": "jupyter.widget", "data": map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	closeMsg, err := k.client.WaitIOPub(k.ctx, open.Header.MsgID, "comm_close")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		CommID string `json:"comm_id"`
	}
	if err := closeMsg.DecodeContent(&c); err != nil || c.CommID != "c1" {
		t.Errorf("comm_close content %s (%v)", closeMsg.Content, err)
	}
	for _, msgType := range []string{"comm_msg", "comm_close"} {
		m, err := k.client.Send(kerneltest.Shell, msgType, map[string]any{"comm_id": "c1", "data": map[string]any{}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.client.WaitIOPub(k.ctx, m.Header.MsgID, "status"); err != nil {
			t.Fatal(err)
		}
	}
	// The kernel still answers.
	k.request(t, kerneltest.Shell, "kernel_info_request", map[string]any{})
}

func TestUnknownMessageType(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	for _, channel := range []string{kerneltest.Shell, kerneltest.Control} {
		res := k.request(t, channel, "frobnicate_request", map[string]any{})
		c := content(t, res)
		if res.Reply.Header.MsgType != "frobnicate_reply" || c["status"] != "error" || c["ename"] != "UnknownMessageType" {
			t.Errorf("%s: %s %v", channel, res.Reply.Header.MsgType, c)
		}
		if !equalTypes(res.Types(), busyIdle) {
			t.Errorf("%s: iopub = %v", channel, res.Types())
		}
	}
}

// dropped sends frames on control and then a good request; control is
// served in order, so when the good one is answered the bad one was seen.
// It returns the iopub messages and reply whose parent is badID.
func dropped(t *testing.T, k *kernelUnderTest, frames [][]byte, badID string) {
	t.Helper()
	if err := k.client.SendFrames(kerneltest.Control, frames); err != nil {
		t.Fatal(err)
	}
	k.request(t, kerneltest.Control, "kernel_info_request", map[string]any{})
	if badID == "" {
		return
	}
	if r := k.client.ReplyFor(badID); r != nil {
		t.Errorf("dropped message was answered: %s", r.Content)
	}
	if pub := k.client.IOPubFor(badID); len(pub) != 0 {
		t.Errorf("dropped message caused %d iopub messages", len(pub))
	}
}

func TestBadSignatureDropped(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	m, err := wire.NewMessage("intruder", "x", "kernel_info_request", nil, map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	frames, err := wire.NewCodec("wrong key", 0).Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	dropped(t, k, frames, m.Header.MsgID)

	unsigned, err := wire.NewCodec("", 0).Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	dropped(t, k, unsigned, m.Header.MsgID)
}

func TestReplayDropped(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	m, err := wire.NewMessage(k.client.Session(), "test", "kernel_info_request", nil, map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	frames, err := k.client.SendMessage(kerneltest.Control, m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.client.Wait(k.ctx, m.Header.MsgID); err != nil {
		t.Fatal(err)
	}
	dropped(t, k, frames, "")
	if pub := k.client.IOPubFor(m.Header.MsgID); len(pub) != 2 {
		t.Errorf("replayed message was processed again: %d iopub messages, want 2", len(pub))
	}
}

func TestUnsigned(t *testing.T) {
	k := start(t, freeConfig(t, ""))
	res := k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "result:1"})
	if c := content(t, res); c["status"] != "ok" {
		t.Errorf("execute_reply = %v", c)
	}
}

func TestMalformedFramesDoNotKillTheServer(t *testing.T) {
	k := start(t, freeConfig(t, "secret"), kernel.WithMaxMessageSize(4096))
	signed := func(header, content string) [][]byte {
		sig := wire.NewSigner("secret").Sign([]byte(header), []byte("{}"), []byte("{}"), []byte(content))
		return [][]byte{[]byte(wire.Delimiter), []byte(sig), []byte(header), []byte("{}"), []byte("{}"), []byte(content)}
	}
	tests := []struct {
		name   string
		frames [][]byte
	}{
		{"one empty frame", [][]byte{{}}},
		{"no delimiter", [][]byte{[]byte("hello"), []byte("world")}},
		{"too few frames", [][]byte{[]byte(wire.Delimiter), []byte("sig"), []byte("{}")}},
		{"garbage after delimiter", [][]byte{[]byte(wire.Delimiter), {0xff, 0xfe}, {0}, {1}, {2}, {3}}},
		{"header not JSON", signed(`{"msg_id":`, "{}")},
		{"header without msg_type", signed(`{"msg_id":"x"}`, "{}")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dropped(t, k, tt.frames, "")
			if _, err := k.client.Heartbeat(k.ctx, []byte("alive")); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("bad content gets an error reply", func(t *testing.T) {
		hdr := wire.NewHeader(k.client.Session(), "test", "complete_request")
		h := fmt.Sprintf(`{"msg_id":%q,"msg_type":"complete_request","session":"s","username":"u","date":"","version":"5.4"}`, hdr.MsgID)
		if err := k.client.SendFrames(kerneltest.Control, signed(h, `{"code":`)); err != nil {
			t.Fatal(err)
		}
		k.request(t, kerneltest.Control, "kernel_info_request", map[string]any{})
		r := k.client.ReplyFor(hdr.MsgID)
		if r == nil {
			t.Fatal("no error reply to a request with bad content")
		}
		if r.Header.MsgType != "complete_reply" || !strings.Contains(string(r.Content), `"BadMessage"`) {
			t.Errorf("reply %s: %s", r.Header.MsgType, r.Content)
		}
	})
}

func TestShutdown(t *testing.T) {
	tests := []struct {
		name    string
		channel string
		restart bool
	}{
		{"control", kerneltest.Control, false},
		{"control restart ends Run too", kerneltest.Control, true},
		{"shell", kerneltest.Shell, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := start(t, freeConfig(t, "secret"))
			res := k.request(t, tt.channel, "shutdown_request", map[string]any{"restart": tt.restart})
			if c := content(t, res); c["status"] != "ok" || c["restart"] != tt.restart || res.Reply.Header.MsgType != "shutdown_reply" {
				t.Errorf("shutdown_reply %s = %v", res.Reply.Header.MsgType, c)
			}
			if err := k.waitRun(t); err != nil {
				t.Errorf("Run after shutdown = %v, want nil", err)
			}
			if restarts, _, closed := k.eng.Stats(); !closed || restarts != 0 {
				t.Errorf("engine closed %v, restarts %d; want closed, no restart", closed, restarts)
			}
		})
	}
}

func TestShutdownWhileCellRuns(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	exec, err := k.client.Send(kerneltest.Shell, "execute_request", map[string]any{"code": "block"})
	if err != nil {
		t.Fatal(err)
	}
	<-k.eng.Blocked()
	k.request(t, kerneltest.Control, "shutdown_request", map[string]any{"restart": false})
	if err := k.waitRun(t); err != nil {
		t.Errorf("Run = %v", err)
	}
	if _, interrupts, closed := k.eng.Stats(); interrupts != 1 || !closed {
		t.Errorf("interrupts %d, closed %v; want the running cell interrupted and the engine closed", interrupts, closed)
	}
	// The interrupted cell's reply and idle were flushed before the sockets closed.
	res, err := k.client.Wait(k.ctx, exec.Header.MsgID)
	if err != nil {
		t.Fatalf("the running cell got no reply before shutdown: %v", err)
	}
	if c := content(t, res); c["status"] != "error" {
		t.Errorf("interrupted cell reply = %v", c)
	}
}

func TestRestartInPlace(t *testing.T) {
	k := start(t, freeConfig(t, "secret"), kernel.WithRestartInPlace())
	k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:1"})
	k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:2"})
	res := k.request(t, kerneltest.Control, "shutdown_request", map[string]any{"restart": true})
	if c := content(t, res); c["status"] != "ok" || c["restart"] != true {
		t.Errorf("shutdown_reply = %v", c)
	}
	if restarts, _, closed := k.eng.Stats(); restarts != 1 || closed {
		t.Errorf("restarts %d, closed %v; want 1 restart, still open", restarts, closed)
	}
	res = k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:3"})
	if c := content(t, res); c["execution_count"] != 1.0 {
		t.Errorf("execution_count after restart = %v, want 1", c["execution_count"])
	}
	res = k.request(t, kerneltest.Shell, "history_request", map[string]any{"hist_access_type": "tail", "n": 10})
	if h := fmt.Sprint(content(t, res)["history"]); h != "[[1 1 print:1] [1 2 print:2] [2 1 print:3]]" {
		t.Errorf("history after restart = %s", h)
	}
	res = k.request(t, kerneltest.Shell, "history_request", map[string]any{"hist_access_type": "range", "session": -1, "start": 1})
	if h := fmt.Sprint(content(t, res)["history"]); h != "[[1 1 print:1] [1 2 print:2]]" {
		t.Errorf("history of the previous session = %s", h)
	}
	// Without restart, Run still ends.
	k.request(t, kerneltest.Control, "shutdown_request", map[string]any{"restart": false})
	if err := k.waitRun(t); err != nil {
		t.Errorf("Run = %v", err)
	}
}

func TestIPC(t *testing.T) {
	dir := t.TempDir()
	cfg := connfile.Config{Transport: "ipc", IP: filepath.Join(dir, "kernel"), ShellPort: 1, IOPubPort: 2,
		StdinPort: 3, ControlPort: 4, HBPort: 5, Key: "secret", SignatureScheme: "hmac-sha256"}
	k := start(t, cfg)
	res := k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:over ipc"})
	if out := res.Outputs("stream"); len(out) != 1 || out[0]["text"] != "over ipc\n" {
		t.Errorf("stream = %v", out)
	}
	if got, err := k.client.Heartbeat(k.ctx, []byte("ipc")); err != nil || string(got) != "ipc" {
		t.Errorf("heartbeat over ipc = %q, %v", got, err)
	}
}

func TestPortInUse(t *testing.T) {
	cfg := freeConfig(t, "secret")
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", cfg.ControlPort))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	eng := &kerneltest.FakeEngine{}
	srv, err := kernel.New(cfg, eng, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	err = srv.Run(ctx)
	if err == nil {
		t.Fatal("Run succeeded on a port in use")
	}
	if !errors.Is(err, syscall.EADDRINUSE) || !strings.Contains(err.Error(), fmt.Sprintf("control channel, port %d", cfg.ControlPort)) {
		t.Errorf("error %q does not say which port is in use", err)
	}
	if _, _, closed := eng.Stats(); !closed {
		t.Error("engine not closed after Run failed")
	}
	checkNoGoroutines(t)
}

func TestNewRejectsBadConfig(t *testing.T) {
	if _, err := kernel.New(connfile.Config{Transport: "udp"}, &kerneltest.FakeEngine{}, nil); err == nil {
		t.Error("New accepted transport udp")
	}
	if _, err := kernel.New(freeConfig(t, ""), nil, nil); err == nil {
		t.Error("New accepted a nil engine")
	}
}

// TestNoClientDoesNotBlock runs a kernel nobody connects to: publishing its
// starting status and stopping must not wait for a peer.
func TestNoClientDoesNotBlock(t *testing.T) {
	srv, err := kernel.New(freeConfig(t, "secret"), &kerneltest.FakeEngine{}, testLogger(t), kernel.WithSendTimeout(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	time.Sleep(50 * time.Millisecond) // let Run bind; not a timing assertion
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(wait):
		t.Fatal("Run blocked with no client connected")
	}
	checkNoGoroutines(t)
}
