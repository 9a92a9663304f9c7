package supervisor

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/execproto"
)

// fakeExecutorEnv makes the test binary act as an executor whose session
// is a Replayer, to test the supervisor's side of replay without the Go
// interpreter.
const fakeExecutorEnv = "SUPERVISOR_TEST_FAKE_EXECUTOR"

// runFakeExecutor serves fakeSession on the executor's pipes.
func runFakeExecutor() int {
	srv := execproto.NewServer(os.NewFile(4, "requests"), os.NewFile(5, "events"))
	if err := srv.Serve(context.Background(), &fakeSession{decls: map[string]bool{}}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// fakeSession understands three cells: "def NAME" declares NAME, "use
// NAME" fails unless NAME is declared, "crash" ends the process the way a
// panicking goroutine does.
type fakeSession struct {
	mu    sync.Mutex
	decls map[string]bool
}

func (f *fakeSession) Execute(ctx context.Context, code string, count int) (execproto.Value, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	verb, name, _ := strings.Cut(code, " ")
	switch verb {
	case "def":
		f.decls[name] = true
	case "use":
		if !f.decls[name] {
			return execproto.Value{}, &execproto.CellError{Name: "CompileError", Value: "undefined: " + name}
		}
	case "crash":
		fmt.Fprintln(os.Stderr, "panic: fake crash")
		os.Exit(2)
	}
	return execproto.Value{}, nil
}

func (f *fakeSession) Replay(ctx context.Context, cells []execproto.Cell) ([]string, error) {
	var names []string
	for _, c := range cells {
		if name, ok := strings.CutPrefix(c.Code, "def "); ok {
			f.decls[name] = true
			names = append(names, name)
		}
	}
	return names, nil
}

func (f *fakeSession) UserExpression(ctx context.Context, expr string) (execproto.Value, error) {
	return execproto.Value{}, nil
}

func (f *fakeSession) Complete(code string, cursor int) engine.CompleteReply {
	return engine.CompleteReply{Matches: []string{}}
}

func (f *fakeSession) Inspect(code string, cursor, detailLevel int) engine.InspectReply {
	return engine.InspectReply{Data: map[string]any{}}
}

func (f *fakeSession) IsComplete(code string) engine.IsCompleteReply {
	return engine.IsCompleteReply{Status: "complete"}
}

func fakeConfig() Config {
	return Config{Path: os.Args[0], Env: []string{fakeExecutorEnv + "=1"}}
}

func TestReplayAfterCrash(t *testing.T) {
	s := newTest(t, fakeConfig())
	for _, code := range []string{"def f", "def T", "use nothing", "x"} {
		execCell(t, s, code, nil)
	}
	r := execCell(t, s, "crash", nil)
	if !r.reply.Restarted {
		t.Fatalf("reply %+v, want restarted", r.reply)
	}
	want := fmt.Sprintf(RestoredNotice, "f, T")
	if tb := r.reply.Traceback; tb[len(tb)-1] != want {
		t.Errorf("last traceback line %q, want %q", tb[len(tb)-1], want)
	}
	if u := execCell(t, s, "use f", nil); u.reply.Status != engine.StatusOK {
		t.Errorf("declaration not restored: %+v", u.reply)
	}
}

func TestNoReplayAfterRestart(t *testing.T) {
	s := newTest(t, fakeConfig())
	execCell(t, s, "def f", nil)
	if err := s.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	if u := execCell(t, s, "use f", nil); u.reply.Status != engine.StatusError {
		t.Errorf("Restart kept a declaration: %+v", u.reply)
	}
	execCell(t, s, "def g", nil)
	r := execCell(t, s, "crash", nil)
	if want := fmt.Sprintf(RestoredNotice, "g"); r.reply.Traceback[len(r.reply.Traceback)-1] != want {
		t.Errorf("after Restart and a crash: %q, want %q", r.reply.Traceback, want)
	}
}

func TestReplayAfterDeathBetweenCells(t *testing.T) {
	s := newTest(t, fakeConfig())
	execCell(t, s, "def h", nil)
	pid := s.PID()
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	p.kill("") // an outside kill, as the system's OOM killer would
	<-p.dead
	r := execCell(t, s, "use h", nil)
	if r.reply.Status != engine.StatusOK || !r.reply.Restarted || s.PID() == pid {
		t.Errorf("reply %+v", r.reply)
	}
	if !strings.Contains(r.text("stdout"), fmt.Sprintf(RestoredNotice, "h")) {
		t.Errorf("notice %q", r.text("stdout"))
	}
}

// TestMain hook: see main_test.go.
func fakeExecutorMain() (int, bool) {
	if os.Getenv(fakeExecutorEnv) != "1" {
		return 0, false
	}
	return runFakeExecutor(), true
}
