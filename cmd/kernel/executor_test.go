package main

import (
	"context"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/supervisor"
)

// executorRun is what one cell produced through the supervisor.
type executorRun struct {
	reply   engine.ExecuteReply
	outputs []engine.Output
}

// text joins the text of one stream.
func (r executorRun) text(name string) string {
	var b strings.Builder
	for _, o := range r.outputs {
		if o.Type == engine.Stream && o.Name == name {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// of returns the outputs of one type.
func (r executorRun) of(typ string) []engine.Output {
	var out []engine.Output
	for _, o := range r.outputs {
		if o.Type == typ {
			out = append(out, o)
		}
	}
	return out
}

// executorHarness drives the real executor (this command built as a
// binary) through the supervisor, as `kernel serve` does.
type executorHarness struct {
	t     *testing.T
	s     *supervisor.Supervisor
	count int
	input engine.InputFunc // answers the cells' input requests
}

func newExecutorHarness(t *testing.T, bin string) *executorHarness {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := supervisor.New(ctx, supervisor.Config{Path: bin, Args: []string{"executor"}, Explain: explainCrash})
	if err != nil {
		t.Fatalf("start supervisor: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return &executorHarness{t: t, s: s}
}

// exec runs one cell; onOutput, if set, sees each output as it arrives.
func (h *executorHarness) exec(code string, userExpr map[string]string, onOutput func(engine.Output)) executorRun {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	h.count++
	var mu sync.Mutex
	var r executorRun
	reply, err := h.s.Execute(ctx, engine.ExecuteRequest{Code: code, ExecutionCount: h.count, UserExpressions: userExpr, StoreHistory: true}, func(o engine.Output) {
		mu.Lock()
		r.outputs = append(r.outputs, o)
		mu.Unlock()
		if onOutput != nil {
			onOutput(o)
		}
	}, h.input)
	if err != nil {
		h.t.Fatalf("Execute(%q): %v", code, err)
	}
	r.reply = reply
	return r
}

// ok runs a cell that must succeed.
func (h *executorHarness) ok(code string) executorRun {
	h.t.Helper()
	r := h.exec(code, nil, nil)
	if r.reply.Status != engine.StatusOK {
		h.t.Fatalf("cell %q: %s: %s %q", code, r.reply.EName, r.reply.EValue, r.reply.Traceback)
	}
	return r
}

// result returns the text/plain of a run's execute_result.
func result(r executorRun) string {
	res := r.of(engine.ExecuteResult)
	if len(res) != 1 {
		return ""
	}
	s, _ := res[0].Data["text/plain"].(string)
	return s
}

// TestExecutorEndToEnd runs cells through the supervisor and the real
// executor process: display, rich results, magics, closers on interrupt
// and the crash explanation with replayed declarations.
func TestExecutorEndToEnd(t *testing.T) {
	bin := buildKernel(t)

	t.Run("display", func(t *testing.T) {
		h := newExecutorHarness(t, bin)
		r := h.ok(`display.HTML("<b>x</b>")`)
		dd := r.of(engine.DisplayData)
		if len(dd) != 1 || dd[0].Data["text/html"] != "<b>x</b>" || len(r.of(engine.ExecuteResult)) != 0 {
			t.Errorf("display.HTML: outputs %+v", r.outputs)
		}
		r = h.ok("hd := display.Text(\"0\")\ndisplay.Update(hd, \"1\")\ndisplay.Clear(false)")
		dd, ud := r.of(engine.DisplayData), r.of(engine.UpdateDisplayData)
		if len(dd) != 1 || len(ud) != 1 || dd[0].Transient["display_id"] == nil || ud[0].Transient["display_id"] != dd[0].Transient["display_id"] || ud[0].Data["text/plain"] != "1" {
			t.Errorf("update: outputs %+v", r.outputs)
		}
		if len(r.of(engine.ClearOutput)) != 1 {
			t.Errorf("clear: outputs %+v", r.outputs)
		}
		r = h.ok(`plot.New("t").LineY("a", []float64{1, 2, 3})`)
		if res := r.of(engine.ExecuteResult); len(res) != 1 || !strings.Contains(res[0].Data["image/svg+xml"].(string), "<svg") {
			t.Errorf("chart result: outputs %+v", r.outputs)
		}
		r = h.ok("type Bold string\nfunc (b Bold) HTML() string { return \"<b>\" + string(b) + \"</b>\" }\nbb := Bold(\"hi\")\nbb")
		if res := r.of(engine.ExecuteResult); len(res) != 1 || res[0].Data["text/html"] != "<b>hi</b>" {
			t.Errorf("HTML method result: outputs %+v", r.outputs)
		}
	})

	t.Run("magics", func(t *testing.T) {
		h := newExecutorHarness(t, bin)
		if r := h.ok("%time x := 1"); !strings.Contains(r.text("stdout"), "Wall time:") {
			t.Errorf("%%time printed %q", r.text("stdout"))
		}
		if r := h.ok("!echo hi"); r.text("stdout") != "hi\n" {
			t.Errorf("!echo printed %q", r.text("stdout"))
		}
		r := h.exec("%%bash\nexit 3", nil, nil)
		if r.reply.Status != engine.StatusError || r.reply.EName != "ShellError" || len(r.reply.Traceback) != 1 || !strings.HasPrefix(r.reply.Traceback[0], "ShellError: ") {
			t.Errorf("%%%%bash exit 3: %+v", r.reply)
		}
		if r := h.ok("%who"); !strings.Contains(r.text("stdout"), "x") {
			t.Errorf("%%who printed %q", r.text("stdout"))
		}
		r = h.ok("x + 1")
		if result(r) != "2" {
			t.Errorf("x + 1 = %q after %%time x := 1", result(r))
		}
		// Completion: magic names first, Go after magic lines at the right place.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if c, err := h.s.Complete(ctx, "%ti", 3); err != nil || !slices.Contains(c.Matches, "%time") || c.CursorStart != 0 {
			t.Errorf("complete %%ti: %+v %v", c, err)
		}
		if c, err := h.s.Complete(ctx, "!echo hi\nfmt.Prin", 17); err != nil || !slices.Contains(c.Matches, "Println") || c.CursorStart != 13 || c.CursorEnd != 17 {
			t.Errorf("complete after a shell line: %+v %v", c, err)
		}
		r = h.exec("y := 2", map[string]string{"who": "%who"}, nil)
		who, _ := r.reply.UserExpressions["who"].(map[string]any)
		data, _ := who["data"].(map[string]any)
		if text, _ := data["text/plain"].(string); !strings.Contains(text, "x") || !strings.Contains(text, "y") {
			t.Errorf("user expression %%who = %+v", r.reply.UserExpressions)
		}
	})

	t.Run("reset asks", func(t *testing.T) {
		h := newExecutorHarness(t, bin)
		h.ok("z := 5")
		for _, tc := range []struct {
			answer string
			gone   bool
		}{{"n", false}, {"y", true}} {
			var asked string
			h.input = func(_ context.Context, prompt string, _ bool) (string, error) {
				asked = prompt
				return tc.answer, nil
			}
			h.ok("%reset")
			if !strings.Contains(asked, "Proceed (y/[n])?") {
				t.Errorf("%%reset asked %q, want the question as the prompt", asked)
			}
			after := h.exec("z", nil, nil)
			if gone := after.reply.Status == engine.StatusError; gone != tc.gone {
				t.Errorf("answer %q: z gone %v, want %v (%+v)", tc.answer, gone, tc.gone, after.reply)
			}
		}
	})

	t.Run("interrupt closes servers", func(t *testing.T) {
		h := newExecutorHarness(t, bin)
		addr := strings.Trim(result(h.ok("srv, _ := fib.Start(fib.GoroutinePerConn, \"127.0.0.1:0\")\nsrv.Addr()")), `"`)
		if c, err := net.Dial("tcp", addr); err != nil {
			t.Fatalf("the fib server at %q does not answer: %v", addr, err)
		} else {
			c.Close()
		}
		started := make(chan struct{})
		var once sync.Once
		done := make(chan executorRun, 1)
		go func() {
			done <- h.exec("fmt.Println(\"started\")\ntime.Sleep(time.Hour)", nil, func(o engine.Output) {
				if strings.Contains(o.Text, "started") {
					once.Do(func() { close(started) })
				}
			})
		}()
		select {
		case <-started:
		case <-time.After(30 * time.Second):
			t.Fatal("the blocking cell did not start within 30 s")
		}
		h.s.Interrupt()
		r := <-done
		if r.reply.Status != engine.StatusError || r.reply.EName != "Interrupted" {
			t.Errorf("interrupted cell: %+v", r.reply)
		}
		if !portFree(addr) {
			t.Errorf("the fib server's port %s is still taken after the interrupt", addr)
		}
	})

	t.Run("crash", func(t *testing.T) {
		h := newExecutorHarness(t, bin)
		h.ok("keep := 1\nfunc kept() int { return 7 }")
		r := h.exec("go func() {\n\tpanic(\"boom\")\n}()\ntime.Sleep(10 * time.Second)", nil, nil)
		tb := strings.Join(r.reply.Traceback, "\n")
		if r.reply.Status != engine.StatusError || !r.reply.Restarted || r.reply.EName != "GoroutinePanic" {
			t.Fatalf("crash reply %s: %s %q", r.reply.EName, r.reply.EValue, r.reply.Traceback)
		}
		if !strings.Contains(tb, "panic in the goroutine started at cell[2] line 1:") || !strings.Contains(tb, "boom") {
			t.Errorf("the explanation lacks the goroutine's cell line and value: %q", tb)
		}
		if strings.Contains(tb, "yaegi") || strings.Contains(tb, "goroutine 1") || strings.Contains(tb, "/usr/local/go") {
			t.Errorf("the explanation keeps interpreter frames: %q", tb)
		}
		t.Logf("crash traceback:\n%s", tb)
		last := r.reply.Traceback[len(r.reply.Traceback)-1]
		if !strings.HasPrefix(last, "The Go session was restarted") || !strings.Contains(last, "kept") || strings.Contains(last, "keep,") || strings.HasSuffix(last, "keep.") {
			t.Errorf("restart notice %q: want kept restored and keep not listed", last)
		}
		if got := result(h.ok("keep")); got != "0" {
			t.Errorf("keep = %q after the crash, want its zero value 0", got)
		}
		if got := result(h.ok("kept()")); got != "7" {
			t.Errorf("kept() = %q after the crash, want 7 (declaration replayed)", got)
		}
	})
}

// portFree reports whether addr can be listened on again within 10 s.
func portFree(addr string) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ln, err := net.Listen("tcp", addr); err == nil {
			ln.Close()
			return true
		}
	}
	return false
}
