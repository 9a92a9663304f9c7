package kernel_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

// TestHistoryFile: a second kernel on the same history file continues the
// session numbering and sees the first kernel's cells; a torn line in the
// file is skipped.
func TestHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gokernel", "history.jsonl")
	run := func(codes ...string) *kernelUnderTest {
		k := start(t, freeConfig(t, "secret"), kernel.WithHistoryFile(path))
		for _, code := range codes {
			k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": code})
		}
		return k
	}
	first := run("print:a", "result:b")
	first.request(t, kerneltest.Control, "shutdown_request", map[string]any{"restart": false})
	if err := first.waitRun(t); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"session":1,"line":3,"inp` + "\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()

	second := run("print:c")
	tests := []struct {
		req  map[string]any
		want string
	}{
		{map[string]any{"hist_access_type": "tail", "n": 10}, "[[1 1 print:a] [1 2 result:b] [2 1 print:c]]"},
		{map[string]any{"hist_access_type": "tail", "n": 1, "output": true}, "[[2 1 [print:c <nil>]]]"},
		{map[string]any{"hist_access_type": "range", "session": -1, "start": 1, "output": true}, "[[1 1 [print:a <nil>]] [1 2 [result:b b]]]"},
		{map[string]any{"hist_access_type": "range", "session": 0, "start": 1}, "[[2 1 print:c]]"},
		{map[string]any{"hist_access_type": "search", "pattern": "print:*"}, "[[1 1 print:a] [2 1 print:c]]"},
	}
	for _, tt := range tests {
		res := second.request(t, kerneltest.Shell, "history_request", tt.req)
		if got := fmt.Sprint(content(t, res)["history"]); got != tt.want {
			t.Errorf("%v: history = %s, want %s", tt.req, got, tt.want)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), `"line":0`); n != 2 {
		t.Errorf("file marks %d session starts, want 2:\n%s", n, data)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v (%v), want 0600", fi.Mode(), err)
	}
}

// TestHistoryFileUnusable: a history file that cannot be opened leaves
// history in memory; the kernel still serves.
func TestHistoryFileUnusable(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	k := start(t, freeConfig(t, "secret"), kernel.WithHistoryFile(filepath.Join(blocker, "history.jsonl")))
	k.request(t, kerneltest.Shell, "execute_request", map[string]any{"code": "print:x"})
	res := k.request(t, kerneltest.Shell, "history_request", map[string]any{"hist_access_type": "tail", "n": 5})
	if got := fmt.Sprint(content(t, res)["history"]); got != "[[1 1 print:x]]" {
		t.Errorf("history = %s", got)
	}
}
