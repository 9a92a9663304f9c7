package supervisor

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

// kernelBin is the kernel binary built once for the end-to-end tests.
var kernelBin string

func TestMain(m *testing.M) {
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
	return m.Run()
}

// testConfig is a configuration running the test binary's executor.
func testConfig() Config {
	return Config{Path: kernelBin, Args: []string{"executor"}}
}

// newTest starts a supervisor that the test closes.
func newTest(t testing.TB, cfg Config) *Supervisor {
	t.Helper()
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
