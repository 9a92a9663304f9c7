package magic

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// failAfter bounds every wait in these tests; it is a failure bound, not
// a measurement.
const failAfter = 30 * time.Second

// watchWriter records what is written and tells a channel when a marker
// has arrived.
type watchWriter struct {
	mu     sync.Mutex
	buf    strings.Builder
	marker string
	seen   chan struct{}
	once   sync.Once
}

func newWatchWriter(marker string) *watchWriter {
	return &watchWriter{marker: marker, seen: make(chan struct{})}
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.marker) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// execResult is what a cell run in the background returned.
type execResult struct {
	value map[string]any
	err   error
}

// runAsync runs a cell on its own goroutine; the channel gets the result.
func runAsync(ctx context.Context, m *Magics, cell string) <-chan execResult {
	done := make(chan execResult, 1)
	go func() {
		v, err := m.Execute(ctx, cell)
		done <- execResult{v, err}
	}()
	return done
}

// waitFor fails t unless ch is closed in time.
func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(failAfter):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// waitResult fails t unless the cell ends in time.
func waitResult(t *testing.T, done <-chan execResult) execResult {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(failAfter):
		t.Fatal("timed out waiting for the cell to end")
		return execResult{}
	}
}

// TestBashStreamsLive checks that output reaches the notebook while the
// command still runs: the script prints, then waits for a file that the
// test creates only after the first line has arrived.
func TestBashStreamsLive(t *testing.T) {
	for _, tc := range []struct{ name, cell string }{
		{"cell magic", "%%bash\necho started\nwhile [ ! -e \"$GK_GATE\" ]; do sleep 0.01; done\necho finished\n"},
		{"shell line", "!echo started; while [ ! -e \"$GK_GATE\" ]; do sleep 0.01; done; echo finished"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gate := filepath.Join(t.TempDir(), "gate")
			t.Setenv("GK_GATE", gate)
			out := newWatchWriter("started\n")
			m := New(&fakeSession{t: &transcript{}}, Env{Stdout: out})
			done := runAsync(context.Background(), m, tc.cell)
			waitFor(t, out.seen, "the first line")
			if got := out.String(); strings.Contains(got, "finished") {
				t.Fatalf("script ended before the gate opened: %q", got)
			}
			if err := os.WriteFile(gate, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			r := waitResult(t, done)
			if r.err != nil {
				t.Fatal(r.err)
			}
			if got := out.String(); got != "started\nfinished\n" {
				t.Errorf("output %q", got)
			}
		})
	}
}

// TestInterruptKillsProcessGroup cancels a cell whose command waits for a
// long sleep running in the background: the cell ends with an Interrupted
// error and the background sleep is gone too.
func TestInterruptKillsProcessGroup(t *testing.T) {
	for _, tc := range []struct{ name, cell string }{
		{"cell magic", "%%bash\nsleep 100 &\necho \"pid $!\"\nwait\n"},
		{"shell line", "!sleep 100 & echo \"pid $!\"; wait"},
		{"plain sleep", "!echo \"pid $$\"; exec sleep 100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := newWatchWriter("\n")
			m := New(&fakeSession{t: &transcript{}}, Env{Stdout: out})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := runAsync(ctx, m, tc.cell)
			waitFor(t, out.seen, "the pid line")
			pid, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(out.String(), "pid ")))
			if err != nil {
				t.Fatalf("bad pid line %q: %v", out.String(), err)
			}
			cancel()
			r := waitResult(t, done)
			var me *Error
			if !errors.As(r.err, &me) || me.Name != "Interrupted" || !errors.Is(r.err, context.Canceled) {
				t.Fatalf("error %v, want Interrupted wrapping context.Canceled", r.err)
			}
			waitGone(t, pid)
		})
	}
}

// waitGone fails t unless process pid ends (or is a zombie waiting for
// its reaper) within the failure bound.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(failAfter)
	for time.Now().Before(deadline) {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return
		}
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err == nil {
			// The state follows the parenthesised command name.
			if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && strings.HasPrefix(string(stat[i+1:]), " Z") {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("process %d still runs after the interrupt", pid)
}

// TestShellInheritsDirAndEnv checks that ! lines see %cd and %env.
func TestShellInheritsDirAndEnv(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(t.TempDir())
	t.Setenv("GK_MAGIC_VAR", "")
	tr := &transcript{}
	m := New(&fakeSession{t: tr}, Env{Stdout: stream{tr, ""}})
	if _, err := m.Execute(context.Background(), "%cd "+dir+"\n%env GK_MAGIC_VAR=set\n!pwd; echo $GK_MAGIC_VAR"); err != nil {
		t.Fatal(err)
	}
	want := dir + "\nenv: GK_MAGIC_VAR=set\n" + dir + "\nset\n"
	if got := tr.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCancelledCellRunsNothing checks that no step starts once the cell's
// context is done.
func TestCancelledCellRunsNothing(t *testing.T) {
	tr := &transcript{}
	m := New(&fakeSession{t: tr}, Env{Stdout: stream{tr, ""}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := m.Execute(ctx, "x := 1\n!echo ran\n")
	var me *Error
	if !errors.As(err, &me) || me.Name != "Interrupted" {
		t.Fatalf("error %v, want Interrupted", err)
	}
	if got := tr.String(); got != "" {
		t.Errorf("steps ran: %q", got)
	}
}
