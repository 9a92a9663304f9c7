package supervisor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

func TestPrintAndResult(t *testing.T) {
	s := newTest(t, testConfig())
	r := execCell(t, s, "fmt.Println(\"hello\")\n1 + 2", nil)
	if r.reply.Status != engine.StatusOK {
		t.Fatalf("status %q: %v", r.reply.Status, r.reply.Traceback)
	}
	if got := r.text("stdout"); got != "hello\n" {
		t.Errorf("stdout = %q, want %q", got, "hello\n")
	}
	res := r.results()
	if len(res) != 1 || res[0].Data["text/plain"] != "3" {
		t.Errorf("execute_result = %+v, want one with text/plain 3", res)
	}
}

func TestStdoutAndStderrStreams(t *testing.T) {
	s := newTest(t, testConfig())
	r := execCell(t, s, `fmt.Fprintln(os.Stderr, "to stderr"); fmt.Println("to stdout")`, nil)
	if r.text("stderr") != "to stderr\n" || r.text("stdout") != "to stdout\n" {
		t.Errorf("stderr %q, stdout %q", r.text("stderr"), r.text("stdout"))
	}
}

func TestManyLinesAreCoalesced(t *testing.T) {
	s := newTest(t, testConfig())
	const n = 100000
	r := execCell(t, s, fmt.Sprintf("for i := 0; i < %d; i++ { fmt.Println(i) }", n), nil)
	if r.reply.Status != engine.StatusOK {
		t.Fatalf("status %q: %v", r.reply.Status, r.reply.Traceback)
	}
	var want strings.Builder
	for i := range n {
		fmt.Fprintln(&want, i)
	}
	if got := r.text("stdout"); got != want.String() {
		t.Fatalf("stdout has %d bytes, want %d (content differs)", len(got), want.Len())
	}
	c := r.count(engine.Stream)
	t.Logf("%d lines arrived in %d stream messages", n, c)
	if c > 50 {
		t.Errorf("%d stream messages for %d lines, want at most 50", c, n)
	}
}

func TestOutputCap(t *testing.T) {
	cfg := testConfig()
	cfg.OutputLimit = 10000
	s := newTest(t, cfg)
	r := execCell(t, s, `for i := 0; i < 5000; i++ { fmt.Println("0123456789") }; 7`, nil)
	out := r.text("stdout")
	note := "... output truncated: the cell printed more than 9.8 KiB; the rest was dropped ...\n"
	if !strings.HasSuffix(out, note) {
		t.Fatalf("stdout does not end with the truncation note: %q", out[max(0, len(out)-200):])
	}
	// The cap cuts a line in half; the note starts on a line of its own.
	want := strings.Repeat("0123456789\n", 5000)[:cfg.OutputLimit] + "\n" + note
	if out != want {
		t.Errorf("stdout has %d bytes, want %d", len(out), len(want))
	}
	if res := r.results(); len(res) != 1 || res[0].Data["text/plain"] != "7" {
		t.Errorf("the cell's result is lost after truncation: %+v", res)
	}
	// The next cell has its own budget.
	if r := execCell(t, s, `fmt.Println("again")`, nil); r.text("stdout") != "again\n" {
		t.Errorf("next cell stdout = %q", r.text("stdout"))
	}
}

func TestPrintBeforeResultKeepsOrder(t *testing.T) {
	s := newTest(t, testConfig())
	for range 5 {
		r := execCell(t, s, `for i := 0; i < 3000; i++ { fmt.Println("line", i) }; fmt.Print("last"); 42`, nil)
		seenResult := false
		var before strings.Builder
		for _, o := range r.outputs {
			switch o.Type {
			case engine.ExecuteResult:
				seenResult = true
			case engine.Stream:
				if seenResult {
					t.Fatalf("stream output %q after the execute_result", o.Text)
				}
				before.WriteString(o.Text)
			}
		}
		if !seenResult || !strings.HasSuffix(before.String(), "line 2999\nlast") {
			t.Fatalf("result seen %v; text before it ends %q", seenResult, before.String()[max(0, before.Len()-30):])
		}
	}
}

// crashCases are cells that end the executor process, with a phrase of
// the runtime's crash text that must reach the explanation.
var crashCases = []struct {
	name  string
	code  string
	crash string
}{
	{"goroutine panic", `go func() { panic("boom") }(); time.Sleep(10 * time.Second)`, "panic: boom"},
	{"goroutine nil map", `go func() { var m map[string]int; m["a"] = 1 }(); time.Sleep(10 * time.Second)`, "assignment to entry in nil map"},
	{"goroutine os.Exit", `go func() { os.Exit(3) }(); time.Sleep(10 * time.Second)`, "os.Exit(3)"},
	{"concurrent map writes", "m := map[int]int{}\nfor i := 0; i < 4; i++ { go func() { for j := 0; ; j++ { m[j%100] = j } }() }\ntime.Sleep(10 * time.Second)", "fatal error: concurrent map"},
}

func TestCrashRestartsExecutor(t *testing.T) {
	cfg := testConfig()
	cfg.Explain = explainForTest
	s := newTest(t, cfg)
	for _, tc := range crashCases {
		t.Run(tc.name, func(t *testing.T) {
			execCell(t, s, "keep := 1\nfunc kept() int { return 7 }", nil)
			before := s.PID()
			r := execCell(t, s, tc.code, nil)
			if r.reply.Status != engine.StatusError || !r.reply.Restarted {
				t.Fatalf("status %q restarted %v, want error and restarted: %v", r.reply.Status, r.reply.Restarted, r.reply.Traceback)
			}
			if r.reply.EName != "Crashed" || !strings.Contains(strings.Join(r.reply.Traceback, "\n"), tc.crash) {
				t.Errorf("error %s: %s %q; want the crash text %q", r.reply.EName, r.reply.EValue, r.reply.Traceback, tc.crash)
			}
			// The declarations come back; the variable does not count as one.
			tb := r.reply.Traceback
			if want := fmt.Sprintf(RestoredNotice, "kept"); len(tb) == 0 || tb[len(tb)-1] != want {
				t.Errorf("traceback does not end with %q: %q", want, tb)
			}
			if errs := r.errors(); len(errs) != 1 || errs[0].EName != r.reply.EName {
				t.Errorf("want one error output, got %+v", errs)
			}
			if s.PID() == before {
				t.Errorf("executor pid %d unchanged after a crash", before)
			}
			if !processGone(before) {
				t.Errorf("crashed executor %d still exists", before)
			}
			next := execCell(t, s, "40 + 2", nil)
			if next.reply.Status != engine.StatusOK || len(next.results()) != 1 || next.results()[0].Data["text/plain"] != "42" {
				t.Errorf("next cell: %+v %+v", next.reply, next.outputs)
			}
			// Variables are back to their zero values; functions survive.
			for code, want := range map[string]string{"keep": "0", "kept()": "7"} {
				r := execCell(t, s, code, nil)
				if res := r.results(); r.reply.Status != engine.StatusOK || len(res) != 1 || res[0].Data["text/plain"] != want {
					t.Errorf("%s after the restart: %+v %+v, want %s", code, r.reply, r.outputs, want)
				}
			}
		})
	}
}

// TestInfiniteRecursion accepts either way of stopping it: the front end
// may catch the recursion before Go's stack limit (no restart), or the
// runtime's "goroutine stack exceeds" ends the executor (restart).
func TestInfiniteRecursion(t *testing.T) {
	cfg := testConfig()
	cfg.Explain = explainForTest
	s := newTest(t, cfg)
	r := execCell(t, s, "func down(n int) int { return down(n+1) + 1 }\ndown(0)", nil)
	all := strings.ToLower(r.reply.EName + r.reply.EValue + strings.Join(r.reply.Traceback, "\n"))
	if r.reply.Status != engine.StatusError || !strings.Contains(all, "stack") {
		t.Errorf("reply %+v, want an error about the stack", r.reply)
	}
	t.Logf("restarted: %v", r.reply.Restarted)
	if next := execCell(t, s, "1", nil); next.reply.Status != engine.StatusOK {
		t.Errorf("next cell: %+v", next.reply)
	}
}

func TestMemoryCeiling(t *testing.T) {
	cfg := testConfig()
	cfg.Explain = explainForTest
	cfg.MemoryLimit = 200 << 20
	s := newTest(t, cfg)
	r := execCell(t, s, `var keep [][]byte
for i := 0; i < 400; i++ {
	b := make([]byte, 10<<20)
	for j := 0; j < len(b); j += 4096 { b[j] = 1 }
	keep = append(keep, b)
}
len(keep)`, nil)
	if r.reply.Status != engine.StatusError || !r.reply.Restarted || r.reply.EName != "ExecutorDied" {
		t.Fatalf("reply %+v, want MemoryLimit error and restart", r.reply)
	}
	if !strings.Contains(r.reply.EValue, "more than 200 MiB") {
		t.Errorf("evalue %q does not say the limit", r.reply.EValue)
	}
	if next := execCell(t, s, "1", nil); next.reply.Status != engine.StatusOK {
		t.Errorf("next cell: %+v", next.reply)
	}
}

func TestPanicKeepsState(t *testing.T) {
	s := newTest(t, testConfig())
	execCell(t, s, "x := 41", nil)
	pid := s.PID()
	for _, code := range []string{`var m map[string]int; m["a"] = 1`, `s := []int{1, 2, 3}; i := 5; s[i]`, `panic("plain")`} {
		r := execCell(t, s, code, nil)
		if r.reply.Status != engine.StatusError || r.reply.Restarted {
			t.Errorf("%s: status %q restarted %v, want error without restart", code, r.reply.Status, r.reply.Restarted)
		}
	}
	r := execCell(t, s, "x + 1", nil)
	if res := r.results(); len(res) != 1 || res[0].Data["text/plain"] != "42" {
		t.Errorf("state lost after a panic: %+v %+v", r.reply, r.outputs)
	}
	if s.PID() != pid {
		t.Errorf("executor restarted after plain panics")
	}
}

func TestInterrupt(t *testing.T) {
	s := newTest(t, testConfig())
	for _, code := range []string{
		"for {}",
		"select {}",
		"time.Sleep(time.Hour)",
		"ch := make(chan int)\n<-ch",
		"func spin() { for {} }\nspin()",
	} {
		t.Run(code, func(t *testing.T) {
			started := make(chan struct{})
			var once sync.Once
			done := make(chan run, 1)
			go func() {
				var r run
				reply, err := s.Execute(context.Background(), engine.ExecuteRequest{Code: "fmt.Println(\"started\")\n" + code}, func(o engine.Output) {
					r.outputs = append(r.outputs, o)
					if o.Type == engine.Stream {
						once.Do(func() { close(started) })
					}
				}, nil)
				if err != nil {
					t.Errorf("Execute: %v", err)
				}
				r.reply = reply
				done <- r
			}()
			select {
			case <-started:
			case <-time.After(30 * time.Second):
				t.Fatal("cell did not start")
			}
			s.Interrupt()
			var r run
			select {
			case r = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("no reply 30 s after the interrupt")
			}
			if r.reply.Status != engine.StatusError || r.reply.EName != "Interrupted" {
				t.Errorf("reply %+v, want Interrupted", r.reply)
			}
			t.Logf("restarted: %v", r.reply.Restarted)
			if next := execCell(t, s, "2 * 21", nil); next.reply.Status != engine.StatusOK {
				t.Errorf("kernel unusable after interrupt: %+v", next.reply)
			}
		})
	}
}

func TestInterruptKillsStuckExecutor(t *testing.T) {
	cfg := testConfig()
	cfg.InterruptGrace = 200 * time.Millisecond
	s := newTest(t, cfg)
	pid := s.PID()
	done := make(chan engine.ExecuteReply, 1)
	go func() {
		reply, _ := s.Execute(context.Background(), engine.ExecuteRequest{Code: "time.Sleep(time.Hour)"}, func(engine.Output) {}, nil)
		done <- reply
	}()
	// A stopped executor cannot honour the interrupt request.
	waitFor(t, func() bool { return s.running() })
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return processStopped(pid) })
	s.Interrupt()
	select {
	case reply := <-done:
		if reply.EName != "Interrupted" || !reply.Restarted {
			t.Errorf("reply %+v, want Interrupted with restart", reply)
		}
		if tb := reply.Traceback; tb[len(tb)-1] != RestartNotice {
			t.Errorf("no restart notice: %q", tb)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no reply after interrupt of a stuck executor")
	}
	if s.PID() == pid || !processGone(pid) {
		t.Errorf("stuck executor %d not replaced", pid)
	}
}

func TestContextCancelInterrupts(t *testing.T) {
	s := newTest(t, testConfig())
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	reply, err := s.Execute(ctx, engine.ExecuteRequest{Code: "time.Sleep(time.Hour)"}, func(engine.Output) {}, nil)
	if err != nil || reply.EName != "Interrupted" {
		t.Errorf("reply %+v err %v, want Interrupted", reply, err)
	}
}

func TestStdin(t *testing.T) {
	s := newTest(t, testConfig())
	var prompts []string
	input := func(ctx context.Context, prompt string, password bool) (string, error) {
		prompts = append(prompts, prompt)
		return fmt.Sprintf("Ada%d", len(prompts)), nil
	}
	r := execCell(t, s, `var name string
fmt.Print("Name: ")
fmt.Scanln(&name)
fmt.Println("hello", name)
fmt.Print("Again: ")
fmt.Scanln(&name)
fmt.Println("hello", name)`, input)
	if r.reply.Status != engine.StatusOK {
		t.Fatalf("reply %+v", r.reply)
	}
	if got := r.text("stdout"); got != "hello Ada1\nhello Ada2\n" {
		t.Errorf("stdout %q", got)
	}
	if strings.Join(prompts, "|") != "Name: |Again: " {
		t.Errorf("prompts %q, want the unfinished stdout lines", prompts)
	}
}

func TestStdinNotAllowed(t *testing.T) {
	s := newTest(t, testConfig())
	r := execCell(t, s, "var name string\n_, err := fmt.Scanln(&name)\nfmt.Println(err)", nil)
	if got := r.text("stdout"); got != NoStdinMessage+"\n" {
		t.Errorf("stdout %q, want %q", got, NoStdinMessage)
	}
}

func TestStdinInputError(t *testing.T) {
	s := newTest(t, testConfig())
	input := func(ctx context.Context, prompt string, password bool) (string, error) {
		return "", errors.New("client went away")
	}
	r := execCell(t, s, "var name string\n_, err := fmt.Scanln(&name)\nfmt.Println(err)", input)
	if got := r.text("stdout"); !strings.Contains(got, "client went away") {
		t.Errorf("stdout %q, want the input error", got)
	}
}

func TestCodeIntelligenceWhileCellRuns(t *testing.T) {
	s := newTest(t, testConfig())
	done := make(chan engine.ExecuteReply, 1)
	go func() {
		reply, _ := s.Execute(context.Background(), engine.ExecuteRequest{Code: "time.Sleep(time.Hour)"}, func(engine.Output) {}, nil)
		done <- reply
	}()
	waitFor(t, func() bool { return s.running() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if r, err := s.IsComplete(ctx, "func f() {"); err != nil || r.Status == "" {
		t.Errorf("IsComplete while running: %+v %v", r, err)
	}
	if r, err := s.Complete(ctx, "fmt.Pri", 7); err != nil || r.Matches == nil {
		t.Errorf("Complete while running: %+v %v", r, err)
	}
	if r, err := s.Inspect(ctx, "fmt.Println", 5, 0); err != nil || r.Data == nil {
		t.Errorf("Inspect while running: %+v %v", r, err)
	}
	s.Interrupt()
	<-done
}

func TestUserExpressions(t *testing.T) {
	s := newTest(t, testConfig())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reply, err := s.Execute(ctx, engine.ExecuteRequest{Code: "y := 6", UserExpressions: map[string]string{"double": "y * 2", "bad": "nosuch"}}, func(engine.Output) {}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ok, _ := reply.UserExpressions["double"].(map[string]any)
	bad, _ := reply.UserExpressions["bad"].(map[string]any)
	if ok["status"] != "ok" || ok["data"].(map[string]any)["text/plain"] != "12" {
		t.Errorf("double = %+v", ok)
	}
	if bad["status"] != "error" {
		t.Errorf("bad = %+v", bad)
	}
}

func TestRestart(t *testing.T) {
	s := newTest(t, testConfig())
	execCell(t, s, "z := 1", nil)
	pid := s.PID()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if s.PID() == pid || !processGone(pid) {
		t.Errorf("old executor %d still there after Restart", pid)
	}
	if r := execCell(t, s, "z", nil); r.reply.Status != engine.StatusError {
		t.Errorf("state survived Restart: %+v", r.reply)
	}
	r := execCell(t, s, "1", nil)
	if r.reply.Status != engine.StatusOK || r.reply.Restarted {
		t.Errorf("cell after Restart: %+v", r.reply)
	}
}

func TestDeathBetweenCellsIsReported(t *testing.T) {
	cfg := testConfig()
	cfg.Explain = explainForTest
	s := newTest(t, cfg)
	pid := s.PID()
	execCell(t, s, `go func() { time.Sleep(100 * time.Millisecond); panic("later") }()`, nil)
	waitFor(t, func() bool { return processGone(pid) })
	r := execCell(t, s, "5", nil)
	if r.reply.Status != engine.StatusOK || !r.reply.Restarted {
		t.Fatalf("reply %+v, want ok and restarted", r.reply)
	}
	if out := r.text("stdout"); !strings.Contains(out, "panic: later") || !strings.Contains(out, RestartNotice) {
		t.Errorf("notice %q", out)
	}
}

func TestCloseLeavesNoProcess(t *testing.T) {
	s, err := New(context.Background(), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	pid := s.PID()
	done := make(chan engine.ExecuteReply, 1)
	go func() {
		reply, _ := s.Execute(context.Background(), engine.ExecuteRequest{Code: "for {}"}, func(engine.Output) {}, nil)
		done <- reply
	}()
	waitFor(t, func() bool { return s.running() })
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !processGone(pid) {
		t.Errorf("executor %d alive after Close", pid)
	}
	select {
	case reply := <-done:
		if reply.Status != engine.StatusError {
			t.Errorf("running cell reply %+v, want error", reply)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Execute did not return after Close")
	}
	if _, err := s.Execute(context.Background(), engine.ExecuteRequest{Code: "1"}, func(engine.Output) {}, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Execute after Close: %v, want ErrClosed", err)
	}
}

func TestInterruptWhileWaitingForInput(t *testing.T) {
	s := newTest(t, testConfig())
	asked := make(chan struct{})
	input := func(ctx context.Context, prompt string, password bool) (string, error) {
		close(asked)
		<-ctx.Done() // the user never answers
		return "", ctx.Err()
	}
	done := make(chan engine.ExecuteReply, 1)
	go func() {
		reply, _ := s.Execute(context.Background(), engine.ExecuteRequest{Code: "var v string\nfmt.Scanln(&v)\ntime.Sleep(time.Hour)"}, func(engine.Output) {}, input)
		done <- reply
	}()
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		t.Fatal("no input request")
	}
	s.Interrupt()
	select {
	case reply := <-done:
		if reply.EName != "Interrupted" {
			t.Errorf("reply %+v, want Interrupted", reply)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no reply after interrupting a cell waiting for input")
	}
}
