package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/install"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

// notebookRow is one step of TestNotebookEndToEnd: a request the client
// sends (an execute_request for code, else msgType with content) and what
// it must receive back.
type notebookRow struct {
	name    string
	code    string         // a cell to execute; empty: send msgType
	msgType string         // complete_request, inspect_request, ...
	content map[string]any // the request's content besides code
	// during, if set, is a cell that is running when the request is sent:
	// the request's reply must arrive before the cell's execute_reply.
	during string
	check  func(t *testing.T, r notebookReply)
}

// notebookReply is what a row's request brought back.
type notebookReply struct {
	*kerneltest.Result
	content map[string]any // the reply's content
}

// str follows keys through nested maps of the reply content and returns
// the string found there, or "".
func (r notebookReply) str(keys ...string) string {
	s, _ := dig(r.content, keys...).(string)
	return s
}

// dig follows keys through nested maps.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// stdout joins the stdout stream of the request.
func (r notebookReply) stdout() string {
	var b strings.Builder
	for _, o := range r.Outputs("stream") {
		if o["name"] == "stdout" {
			b.WriteString(o["text"].(string))
		}
	}
	return b.String()
}

// matches lists the reply's completion matches.
func (r notebookReply) matches() []string {
	var out []string
	for _, m := range r.content["matches"].([]any) {
		out = append(out, m.(string))
	}
	return out
}

// one returns the only iopub output of msgType, failing the test when
// there is not exactly one.
func (r notebookReply) one(t *testing.T, msgType string) map[string]any {
	t.Helper()
	outs := r.Outputs(msgType)
	if len(outs) != 1 {
		t.Fatalf("%d %s outputs, want 1; iopub %v; errors %v", len(outs), msgType, r.Types(), r.Outputs("error"))
	}
	return outs[0]
}

// wantStatus checks the reply's status.
func wantStatus(t *testing.T, r notebookReply, status string) {
	t.Helper()
	if got := r.str("status"); got != status {
		t.Fatalf("status %q, want %q; reply %v; iopub %v", got, status, r.content, r.Types())
	}
}

// timeitLine is the shape of IPython's %timeit report.
var timeitLine = regexp.MustCompile(`^[0-9.]+ [nµm]?s ± [0-9.]+ [nµm]?s per loop \(mean ± std\. dev\. of 7 runs, [0-9,]+ loops? each\)\n$`)

// notebookRows are the notebook features of issue 5, in the order a
// student meets them; later rows use what earlier cells defined.
func notebookRows() []notebookRow {
	const unicodeCell = "é := 1\nfmt.Pr" // "é" is 2 bytes, 1 code point
	return []notebookRow{
		{name: "complete package member in a fresh kernel", msgType: "complete_request",
			content: map[string]any{"code": "fmt.Pr", "cursor_pos": 6},
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "ok")
				if m := r.matches(); !slices.Contains(m, "Printf") || !slices.Contains(m, "Println") {
					t.Errorf("matches %v lack Printf, Println", m)
				}
				if r.content["cursor_start"] != 4.0 || r.content["cursor_end"] != 6.0 {
					t.Errorf("cursor %v..%v, want 4..6", r.content["cursor_start"], r.content["cursor_end"])
				}
				types, _ := dig(r.content, "metadata", "_jupyter_types_experimental").([]any)
				var found bool
				for _, ty := range types {
					if dig(ty, "text") == "Println" && dig(ty, "type") == "function" && strings.Contains(fmt.Sprint(dig(ty, "signature")), "a ...any") {
						found = true
					}
				}
				if !found {
					t.Errorf("_jupyter_types_experimental has no Println function with its signature: %v", types)
				}
			}},
		{name: "define a struct variable", code: "type person struct{ Name string }\ns := person{Name: \"Ada\"}\nx := 1",
			check: func(t *testing.T, r notebookReply) { wantStatus(t, r, "ok") }},
		{name: "complete a user variable's field", msgType: "complete_request",
			content: map[string]any{"code": "s.Na", "cursor_pos": 4},
			check: func(t *testing.T, r notebookReply) {
				if m := r.matches(); !slices.Equal(m, []string{"Name"}) {
					t.Errorf("matches %v, want [Name]", m)
				}
			}},
		{name: "complete a keyword", msgType: "complete_request",
			content: map[string]any{"code": "fu", "cursor_pos": 2},
			check: func(t *testing.T, r notebookReply) {
				if m := r.matches(); !slices.Contains(m, "func") {
					t.Errorf("matches %v lack func", m)
				}
			}},
		{name: "complete with the cursor in code points after é", msgType: "complete_request",
			content: map[string]any{"code": unicodeCell, "cursor_pos": len([]rune(unicodeCell))},
			check: func(t *testing.T, r notebookReply) {
				end := float64(len([]rune(unicodeCell)))
				if r.content["cursor_start"] != end-2 || r.content["cursor_end"] != end {
					t.Errorf("cursor %v..%v, want %v..%v (code points)", r.content["cursor_start"], r.content["cursor_end"], end-2, end)
				}
				if m := r.matches(); !slices.Contains(m, "Println") {
					t.Errorf("matches %v lack Println", m)
				}
			}},
		{name: "complete while a cell runs", msgType: "complete_request", during: "time.Sleep(2 * time.Second)",
			content: map[string]any{"code": "fmt.Sp", "cursor_pos": 6},
			check: func(t *testing.T, r notebookReply) {
				if m := r.matches(); !slices.Contains(m, "Sprintf") {
					t.Errorf("matches %v lack Sprintf", m)
				}
			}},
		{name: "inspect a standard-library function", msgType: "inspect_request",
			content: map[string]any{"code": "fmt.Println", "cursor_pos": 11, "detail_level": 0},
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "ok")
				if r.content["found"] != true {
					t.Fatalf("not found: %v", r.content)
				}
				for _, mime := range []string{"text/plain", "text/markdown"} {
					if s := r.str("data", mime); !strings.Contains(s, "func fmt.Println(a ...any) (n int, err error)") {
						t.Errorf("%s lacks the signature: %q", mime, s)
					}
				}
			}},
		{name: "define a function", code: "func double(n int) int {\n\treturn 2 * n\n}",
			check: func(t *testing.T, r notebookReply) { wantStatus(t, r, "ok") }},
		{name: "inspect a user function with detail 1 shows its source", msgType: "inspect_request",
			content: map[string]any{"code": "double", "cursor_pos": 6, "detail_level": 1},
			check: func(t *testing.T, r notebookReply) {
				if s := r.str("data", "text/plain"); !strings.Contains(s, "return 2 * n") {
					t.Errorf("text/plain lacks the source: %q", s)
				}
			}},
		{name: "is_complete open brace", msgType: "is_complete_request",
			content: map[string]any{"code": "for i := 0; i < 3; i++ {"},
			check: func(t *testing.T, r notebookReply) {
				if r.str("status") != "incomplete" || r.str("indent") == "" {
					t.Errorf("reply %v, want incomplete with an indent", r.content)
				}
			}},
		{name: "is_complete syntax error", msgType: "is_complete_request",
			content: map[string]any{"code": "x := )"},
			check: func(t *testing.T, r notebookReply) {
				if r.str("status") != "invalid" {
					t.Errorf("reply %v, want invalid", r.content)
				}
			}},
		{name: "%time", code: "%time t := 1",
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "ok")
				if !strings.Contains(r.stdout(), "Wall time:") {
					t.Errorf("stdout %q lacks Wall time:", r.stdout())
				}
			}},
		{name: "%timeit", code: "%timeit double(3)",
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "ok")
				if !timeitLine.MatchString(r.stdout()) {
					t.Errorf("stdout %q is not IPython's %%timeit line", r.stdout())
				}
			}},
		{name: "!echo streams", code: "!echo hi",
			check: func(t *testing.T, r notebookReply) {
				if r.stdout() != "hi\n" {
					t.Errorf("stdout %q, want hi", r.stdout())
				}
			}},
		{name: "%%bash exit status", code: "%%bash\nexit 3",
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "error")
				if e := r.one(t, "error"); !strings.Contains(fmt.Sprint(e["evalue"]), "3") {
					t.Errorf("error %v does not give the exit status 3", e)
				}
			}},
		{name: "%who", code: "%who",
			check: func(t *testing.T, r notebookReply) {
				if out := r.stdout(); !regexp.MustCompile(`\bx\b`).MatchString(out) || !strings.Contains(out, "s") {
					t.Errorf("%%who printed %q, want x and s", out)
				}
			}},
		{name: "unknown magic", code: "%foo",
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "error")
				e := r.one(t, "error")
				tb := fmt.Sprint(e["evalue"], e["traceback"])
				for _, want := range []string{"%foo", "%time", "%timeit", "%who"} {
					if !strings.Contains(tb, want) {
						t.Errorf("error %q lacks %s", tb, want)
					}
				}
			}},
		{name: "%%html", code: "%%html\n<i>hi</i>",
			check: func(t *testing.T, r notebookReply) {
				if d := r.one(t, "display_data"); dig(d, "data", "text/html") != "<i>hi</i>" {
					t.Errorf("display_data %v", d)
				}
			}},
		{name: "display.HTML", code: `display.HTML("<b>x</b>")`,
			check: func(t *testing.T, r notebookReply) {
				if d := r.one(t, "display_data"); dig(d, "data", "text/html") != "<b>x</b>" {
					t.Errorf("display_data %v", d)
				}
				if n := len(r.Outputs("execute_result")); n != 0 {
					t.Errorf("%d execute_results, want none", n)
				}
			}},
		{name: "display handle Update", code: "hd := display.Text(\"0\")\ndisplay.Update(hd, \"1\")",
			check: func(t *testing.T, r notebookReply) {
				d, u := r.one(t, "display_data"), r.one(t, "update_display_data")
				id := dig(d, "transient", "display_id")
				if id == nil || id == "" || dig(u, "transient", "display_id") != id || dig(u, "data", "text/plain") != "1" {
					t.Errorf("display_data %v, update_display_data %v: want the same display_id and 1", d, u)
				}
			}},
		{name: "display.Clear", code: "display.Clear(false)",
			check: func(t *testing.T, r notebookReply) {
				if c := r.one(t, "clear_output"); c["wait"] != false {
					t.Errorf("clear_output %v, want wait false", c)
				}
			}},
		{name: "chart as last expression", code: `plot.New("t").LineY("a", []float64{1, 2, 3})`,
			check: func(t *testing.T, r notebookReply) {
				res := r.one(t, "execute_result")
				if svg, _ := dig(res, "data", "image/svg+xml").(string); !strings.Contains(svg, "<svg") {
					t.Errorf("execute_result image/svg+xml %.200q lacks <svg", svg)
				}
			}},
		{name: "value with an HTML method", code: "type bold string\nfunc (b bold) HTML() string { return \"<b>\" + string(b) + \"</b>\" }\nhi := bold(\"hi\")\nhi",
			check: func(t *testing.T, r notebookReply) {
				if res := r.one(t, "execute_result"); dig(res, "data", "text/html") != "<b>hi</b>" || dig(res, "data", "text/plain") == nil {
					t.Errorf("execute_result %v, want text/html <b>hi</b> and text/plain", res)
				}
			}},
		{name: "image.Image as PNG", code: "image.NewRGBA(image.Rect(0, 0, 2, 2))",
			check: func(t *testing.T, r notebookReply) {
				res := r.one(t, "execute_result")
				b64, _ := dig(res, "data", "image/png").(string)
				png, err := base64.StdEncoding.DecodeString(b64)
				if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
					t.Errorf("image/png %.80q is not a base64 PNG: %v", b64, err)
				}
			}},
		{name: "user_expressions %who", code: "y := 2",
			content: map[string]any{"user_expressions": map[string]any{"who": "%who"}},
			check: func(t *testing.T, r notebookReply) {
				wantStatus(t, r, "ok")
				who := dig(r.content, "user_expressions", "who")
				text, _ := dig(who, "data", "text/plain").(string)
				if dig(who, "status") != "ok" || !strings.Contains(text, "x") || !strings.Contains(text, "y") {
					t.Errorf("user_expressions.who = %v, want x and y listed", who)
				}
			}},
	}
}

// notebookKernel starts the kernel installed in prefix as Jupyter does
// (kernelspec argv, connection file) and stops it when the test ends.
func notebookKernel(t *testing.T, prefix string) *benchKernel {
	t.Helper()
	env := install.Env{Getenv: func(k string) string {
		if k == "JUPYTER_PATH" {
			return filepath.Join(prefix, "share", "jupyter")
		}
		return ""
	}, Home: t.TempDir(), GOOS: "linux"}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	k, _, err := startKernel(ctx, "gokernel", t.TempDir(), env)
	if err != nil {
		t.Fatalf("start kernel: %v", err)
	}
	t.Cleanup(k.stop)
	return k
}

// request sends row's request (after starting its during cell) and
// returns the reply.
func (row notebookRow) request(t *testing.T, c *kerneltest.Client) notebookReply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	msgType, content := row.msgType, map[string]any{}
	if row.code != "" {
		msgType = "execute_request"
		content = executeContent(row.code)
	}
	for k, v := range row.content {
		content[k] = v
	}
	var runningID string
	if row.during != "" {
		m, err := c.Send(kerneltest.Shell, "execute_request", executeContent(row.during))
		if err != nil {
			t.Fatal(err)
		}
		runningID = m.Header.MsgID
		if _, err := c.WaitIOPub(ctx, runningID, "execute_input"); err != nil {
			t.Fatalf("the running cell did not start: %v", err)
		}
	}
	res, err := c.Request(ctx, kerneltest.Shell, msgType, content)
	if err != nil {
		t.Fatalf("%s: %v", msgType, err)
	}
	if runningID != "" {
		if c.ReplyFor(runningID) != nil {
			t.Errorf("the %s reply came after the running cell's execute_reply", msgType)
		}
		if _, err := c.Wait(ctx, runningID); err != nil {
			t.Fatalf("the running cell: %v", err)
		}
	}
	r := notebookReply{Result: res}
	if err := res.Content(&r.content); err != nil {
		t.Fatalf("decode %s reply: %v", msgType, err)
	}
	return r
}

// TestNotebookEndToEnd drives the real kernel binary, installed as a
// kernelspec, over ZeroMQ through the notebook features of issue 5, then
// restarts it as jupyter_client does and checks execution counts and
// history of the new session.
func TestNotebookEndToEnd(t *testing.T) {
	bin := buildKernel(t)
	prefix := t.TempDir()
	runBin(t, bin, nil, 0, "install", "--prefix", prefix)
	t.Setenv("GOKERNEL_HISTORY", filepath.Join(t.TempDir(), "history.jsonl"))

	k := notebookKernel(t, prefix)
	for _, row := range notebookRows() {
		t.Run(row.name, func(t *testing.T) {
			row.check(t, row.request(t, k.client))
		})
	}
	if errs := k.client.DecodeErrors(); len(errs) != 0 {
		t.Errorf("the client could not decode: %v", errs)
	}

	t.Run("restart", func(t *testing.T) {
		testNotebookRestart(t, k, prefix)
	})
}

// testNotebookRestart restarts the kernel the way jupyter_client does
// (shutdown_request with restart true, then a new process on the same
// history) and checks that counts start at 1 and history holds the new
// session's cells after the old session's.
func testNotebookRestart(t *testing.T, k *benchKernel, prefix string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	before := notebookRow{code: "before := 1"}.request(t, k.client)
	if n, _ := before.content["execution_count"].(float64); n < 2 {
		t.Fatalf("execution_count %v before the restart, want the session's count", before.content["execution_count"])
	}
	res, err := k.client.Request(ctx, kerneltest.Control, "shutdown_request", map[string]any{"restart": true})
	if err != nil {
		t.Fatalf("shutdown_request: %v", err)
	}
	var reply struct {
		Status  string `json:"status"`
		Restart bool   `json:"restart"`
	}
	if err := res.Content(&reply); err != nil || reply.Status != "ok" || !reply.Restart {
		t.Fatalf("shutdown_reply %+v, %v", reply, err)
	}
	select {
	case <-k.exited:
	case <-ctx.Done():
		t.Fatal("the kernel did not exit after shutdown_request")
	}

	k2 := notebookKernel(t, prefix)
	for i, code := range []string{"a := 1", "a + 1"} {
		r := notebookRow{code: code}.request(t, k2.client)
		if r.content["execution_count"] != float64(i+1) {
			t.Errorf("cell %q after restart: execution_count %v, want %d", code, r.content["execution_count"], i+1)
		}
	}
	hist := notebookRow{msgType: "history_request", content: map[string]any{
		"hist_access_type": "range", "session": 0, "start": 1, "output": false, "raw": true}}.request(t, k2.client)
	if got := fmt.Sprint(hist.content["history"]); !regexp.MustCompile(`^\[\[\d+ 1 a := 1\] \[\d+ 2 a \+ 1\]\]$`).MatchString(got) {
		t.Errorf("history of the new session = %s, want its two cells", got)
	}
	old := notebookRow{msgType: "history_request", content: map[string]any{
		"hist_access_type": "range", "session": -1, "start": 1, "output": false, "raw": true}}.request(t, k2.client)
	if got := fmt.Sprint(old.content["history"]); !strings.Contains(got, "before := 1") {
		t.Errorf("history of the session before the restart = %.300s, want before := 1 in it", got)
	}
	if _, err := os.Stat(os.Getenv("GOKERNEL_HISTORY")); err != nil {
		t.Errorf("history file: %v", err)
	}
}
