package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var ds []time.Duration
		for _, n := range ns {
			ds = append(ds, time.Duration(n)*time.Millisecond)
		}
		return ds
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // 100 .. 1, unsorted
	}
	tests := []struct {
		ds   []time.Duration
		p    int
		want time.Duration
	}{
		{nil, 50, 0},
		{ms(7), 50, 7 * time.Millisecond},
		{ms(7), 99, 7 * time.Millisecond},
		{ms(3, 1, 2), 50, 2 * time.Millisecond},
		{ms(4, 1, 3, 2), 50, 2 * time.Millisecond},
		{ms(hundred...), 50, 50 * time.Millisecond},
		{ms(hundred...), 99, 99 * time.Millisecond},
		{ms(hundred...), 100, 100 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := percentile(tt.ds, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %d) = %v, want %v", tt.ds, tt.p, got, tt.want)
		}
	}
}

func TestWriteBenchTable(t *testing.T) {
	rs := []*benchResult{
		{kernel: "gokernel", coldStart: 50 * time.Millisecond, p50: time.Millisecond, p99: 2 * time.Millisecond,
			linesWall: 200 * time.Millisecond, linesMsgs: 10, linesGot: 1000, interrupt: 20 * time.Millisecond, survived: true, rss: 60e6,
			notes: []string{"a note"}},
		{kernel: "python3", coldStart: 500 * time.Millisecond, p50: 4 * time.Millisecond,
			failed: errors.New("boom")},
	}
	var b bytes.Buffer
	writeBenchTable(&b, rs, 1000)
	want := `| measure | gokernel | python3 | gokernel / python3 | target |
| --- | --- | --- | --- | --- |
| cold start to kernel_info | 50.0 ms | 500.0 ms | 0.10 | ≤ 0.2× ipykernel |
| execute ` + "`1+1`" + ` p50 | 1.0 ms | 4.0 ms | 0.25 | ≤ 0.5× ipykernel |
| execute ` + "`1+1`" + ` p99 | 2.0 ms | failed |  |  |
| print 1000 lines: wall | 200.0 ms | failed |  | < 500 ms |
| print 1000 lines: stream messages | 10 | failed |  | ≤ 50 |
| print 1000 lines: lines received | 1000 | 0 |  | 1000 |
| interrupt endless loop | 20.0 ms | failed |  | < 500 ms |
| RSS, kernel + children | 60.0 MB | failed |  |  |

note (gokernel): a note

failed (python3): boom
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

// writeProc makes a fake /proc entry.
func writeProc(t *testing.T, root string, pid, ppid int, comm string, rssKB int) {
	t.Helper()
	dir := filepath.Join(root, itoa(pid))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stat := itoa(pid) + " (" + comm + ") S " + itoa(ppid) + " 1 1 0 -1\n"
	status := "Name:\t" + comm + "\nVmRSS:\t  " + itoa(rssKB) + " kB\nThreads:\t1\n"
	if err := os.WriteFile(filepath.Join(dir, "stat"), []byte(stat), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "status"), []byte(status), 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestTreeRSS(t *testing.T) {
	root := t.TempDir()
	writeProc(t, root, 100, 1, "kernel", 1000)
	writeProc(t, root, 101, 100, "executor (child) x", 2000) // a name with spaces and parentheses
	writeProc(t, root, 102, 101, "sh", 30)
	writeProc(t, root, 200, 1, "unrelated", 5000)
	if err := os.MkdirAll(filepath.Join(root, "self"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := treeRSS(root, 100)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(3030 * 1024); got != want {
		t.Errorf("treeRSS = %d, want %d", got, want)
	}
	if _, err := treeRSS(root, 999); err == nil {
		t.Error("no error for a missing process")
	}
}

func TestTreeRSSSelf(t *testing.T) {
	got, err := treeRSS("/proc", os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if got <= 0 {
		t.Errorf("RSS of this test process = %d", got)
	}
}

// TestBenchEndToEnd installs the real kernel into a temporary prefix and
// benchmarks it with small counts; it checks the table, not the times.
func TestBenchEndToEnd(t *testing.T) {
	bin := buildKernel(t)
	prefix := t.TempDir()
	runBin(t, bin, nil, 0, "install", "--prefix", prefix)
	env := []string{"JUPYTER_PATH=" + filepath.Join(prefix, "share", "jupyter")}
	out := runBin(t, bin, env, 0, "bench", "--kernels", "gokernel", "--n", "3", "--lines", "1000")
	for _, want := range []string{
		"| measure | gokernel | target |",
		"| cold start to kernel_info | ",
		"| print 1000 lines: lines received | 1000 | 1000 |",
		"| interrupt endless loop | ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"failed (gokernel)", "| failed |", "unusable"} {
		if strings.Contains(out, bad) {
			t.Errorf("bench output says %q:\n%s", bad, out)
		}
	}
}
