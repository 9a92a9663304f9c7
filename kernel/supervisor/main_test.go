package supervisor

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

// kernelBin is the kernel binary built once for the end-to-end tests.
var kernelBin string

func TestMain(m *testing.M) {
	if code, ok := fakeExecutorMain(); ok {
		os.Exit(code)
	}
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "supervisor-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	kernelBin = filepath.Join(dir, "kernel")
	build := exec.Command("go", "build", "-o", kernelBin, "github.com/gokernel/gokernel/cmd/kernel")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build kernel:", err)
		return 1
	}
	before := runtime.NumGoroutine()
	code := m.Run()
	if code == 0 && !goroutinesBackTo(before) {
		buf := make([]byte, 1<<20)
		fmt.Fprintf(os.Stderr, "goroutines left behind:\n%s\n", buf[:runtime.Stack(buf, true)])
		return 1
	}
	return code
}

// goroutinesBackTo waits up to 10 s for the number of goroutines to drop
// to n.
func goroutinesBackTo(n int) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if runtime.NumGoroutine() <= n {
			return true
		}
	}
	return false
}

// statSources stats every Go source and module file below root.
func statSources(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || d.Name() == "go.mod" || d.Name() == "go.sum") {
			_, err = os.Stat(path)
		}
		return err
	})
}

// testConfig is a configuration running the test binary's executor.
func testConfig() Config {
	return Config{Path: kernelBin, Args: []string{"executor"}}
}

// newTest starts a supervisor that the test closes.
func newTest(t testing.TB, cfg Config) *Supervisor {
	t.Helper()
	// go test caches results by what tests read; the binary is built by a
	// child process, so stat its sources to make them count.
	if err := statSources("../.."); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := New(ctx, cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// run is the result of one cell.
type run struct {
	reply   engine.ExecuteReply
	outputs []engine.Output
}

// text returns all stream text of one stream.
func (r run) text(name string) string {
	var s string
	for _, o := range r.outputs {
		if o.Type == engine.Stream && o.Name == name {
			s += o.Text
		}
	}
	return s
}

// exec runs one cell with a generous bound.
func execCell(t testing.TB, s *Supervisor, code string, input engine.InputFunc) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var r run
	reply, err := s.Execute(ctx, engine.ExecuteRequest{Code: code, ExecutionCount: 1}, func(o engine.Output) {
		r.outputs = append(r.outputs, o)
	}, input)
	if err != nil {
		t.Fatalf("Execute(%q): %v", code, err)
	}
	r.reply = reply
	return r
}

// results returns the execute_result outputs.
func (r run) results() []engine.Output { return r.of(engine.ExecuteResult) }

// errors returns the error outputs.
func (r run) errors() []engine.Output { return r.of(engine.Error) }

func (r run) of(typ string) []engine.Output {
	var l []engine.Output
	for _, o := range r.outputs {
		if o.Type == typ {
			l = append(l, o)
		}
	}
	return l
}

// count returns how many outputs of a type there are.
func (r run) count(typ string) int { return len(r.of(typ)) }

// explainForTest names a crash by the first line of the runtime's text,
// so that tests see what reached the supervisor. (The words a student
// reads come from interp.ExplainCrash, tested on the same real crash
// texts in interp/testdata/crash; package kernel must not import interp.)
func explainForTest(c Crash) (string, string, []string) {
	first, _, _ := strings.Cut(c.Output, "\n")
	if c.MemoryLimit > 0 || first == "" {
		return plainExplain(c)
	}
	return "Crashed", fmt.Sprintf("exit %d: %s", c.ExitCode, first), strings.Split(strings.TrimSpace(c.Output), "\n")
}

// processGone reports whether pid no longer exists (it was also reaped).
func processGone(pid int) bool {
	return syscall.Kill(pid, 0) == syscall.ESRCH
}

// processStopped reports whether pid is stopped by a signal (state T in
// /proc/PID/stat). SIGSTOP is delivered asynchronously: until this holds, the
// process may still run for a moment.
func processStopped(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the command name, which is in parentheses.
	i := bytes.LastIndexByte(b, ')')
	return i >= 0 && i+2 < len(b) && b[i+2] == 'T'
}

// waitFor polls cond for up to 30 s.
func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 30 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
