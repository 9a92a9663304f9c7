package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/internal/golden"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/notebook"
)

// build makes a notebook of code cells (a markdown cell first) with ids
// c0, c1, ...
func build(sources ...string) *notebook.Notebook {
	nb := notebook.New()
	nb.Cells = append(nb.Cells, &notebook.Cell{ID: "md", Type: notebook.Markdown, Source: "# Title"})
	for i, s := range sources {
		nb.Cells = append(nb.Cells, &notebook.Cell{ID: fmt.Sprintf("c%d", i), Type: notebook.Code, Source: s,
			ExecutionCount: 99, Outputs: []*notebook.Output{{Type: notebook.Stream, Name: "stdout", Text: "stale\n"}}})
	}
	return nb
}

// timings hides the seconds in progress lines.
var timings = regexp.MustCompile(`\d+\.\d\ds`)

// TestRunOutputs runs a notebook through a fake engine that produces
// every kind of output and compares the written notebook and the progress
// lines with golden files.
func TestRunOutputs(t *testing.T) {
	eng := newFake(map[string]script{
		"streams":  emit(stdout("a\n"), stdout("b"), stdout("c\n"), stderr("warn\n"), stdout("d\n")),
		"result":   emit(stdout("before\n"), engine.Output{Type: engine.ExecuteResult, Data: map[string]any{"text/plain": "42"}, Metadata: map[string]any{}}),
		"show":     emit(display("bar", "0%"), display("", "plain"), display("bar", "0% again")),
		"progress": emit(updateDisplay("bar", "100%"), updateDisplay("unknown", "ignored"), stdout("updated\n")),
		"clear":    emit(stdout("gone\n"), engine.Output{Type: engine.ClearOutput}, stdout("kept\n")),
		"clearwait": emit(stdout("1\n"), engine.Output{Type: engine.ClearOutput, Wait: true},
			stdout("2\n"), engine.Output{Type: engine.ClearOutput, Wait: true}, updateDisplay("bar", "still updates"), stdout("3\n")),
	})
	nb := build("streams", "   \n", "result", "show", "progress", "clear", "clearwait")
	var progress bytes.Buffer
	res, err := Run(context.Background(), eng, nb, Options{
		Progress:     &progress,
		LanguageInfo: map[string]any{"name": "go"},
		KernelSpec:   map[string]any{"name": "gokernel", "display_name": "Go (gokernel)"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Executed != 6 || len(res.Failed) != 0 {
		t.Errorf("result = %+v", res)
	}
	for i, req := range eng.requests {
		if req.ExecutionCount != i+1 || !req.StoreHistory || req.Silent {
			t.Errorf("request %d = %+v", i, req)
		}
	}
	b, err := notebook.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "outputs.golden.ipynb", b)
	golden.Check(t, "outputs.progress.golden", timings.ReplaceAll(progress.Bytes(), []byte("T")))
}

func TestRunStopsAtError(t *testing.T) {
	eng := newFake(map[string]script{
		"ok":            emit(stdout("fine\n")),
		"x := 1\nbad()": fail("CompileError", "cell2.go:2:1: undefined: bad"),
		"after":         emit(stdout("must not run\n")),
	})
	nb := build("ok", "x := 1\nbad()", "after")
	var progress bytes.Buffer
	res, err := Run(context.Background(), eng, nb, Options{Progress: &progress})
	var cellErr *CellError
	if !errors.As(err, &cellErr) {
		t.Fatalf("err = %v, want a *CellError", err)
	}
	if cellErr.Index != 2 || cellErr.Count != 2 || cellErr.ID != "c1" || cellErr.FirstLine != "x := 1" || cellErr.EName != "CompileError" {
		t.Errorf("cell error = %+v", cellErr)
	}
	for _, want := range []string{"In [2] (cell 3, id c1) `x := 1` failed: CompileError: cell2.go:2:1: undefined: bad"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if res.Executed != 2 || len(eng.requests) != 2 {
		t.Errorf("executed %d cells, engine saw %d", res.Executed, len(eng.requests))
	}
	b, err := notebook.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "error.golden.ipynb", b)
	golden.Check(t, "error.progress.golden", timings.ReplaceAll(progress.Bytes(), []byte("T")))
}

func TestRunAllowErrors(t *testing.T) {
	eng := newFake(map[string]script{
		"bad1":  fail("panic", "one"),
		"ok":    emit(stdout("fine\n")),
		"bad2":  fail("panic", "two"),
		"after": emit(stdout("ran\n")),
	})
	nb := build("bad1", "ok", "bad2", "after")
	res, err := Run(context.Background(), eng, nb, Options{AllowErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Executed != 4 || len(res.Failed) != 2 || res.Failed[0].EValue != "one" || res.Failed[1].EValue != "two" {
		t.Errorf("result = %+v", res)
	}
	last := nb.Cells[4]
	if last.ExecutionCount != 4 || len(last.Outputs) != 1 || last.Outputs[0].Text != "ran\n" {
		t.Errorf("last cell = %+v", last)
	}
	// Exactly one error output per failing cell.
	if n := len(nb.Cells[1].Outputs); n != 1 {
		t.Errorf("failing cell has %d outputs", n)
	}
}

// TestRunErrorOnlyInReply: an engine that reports a failure only in its
// reply still leaves an error output in the notebook.
func TestRunErrorOnlyInReply(t *testing.T) {
	tests := []struct {
		name  string
		reply engine.ExecuteReply
		want  string
	}{
		{"error", engine.ExecuteReply{Status: engine.StatusError, EName: "E", EValue: "v"}, "E"},
		{"aborted", engine.ExecuteReply{Status: engine.StatusAborted}, "Aborted"},
		{"error without name", engine.ExecuteReply{Status: engine.StatusError}, "Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := newFake(map[string]script{"x": func(context.Context, <-chan struct{}, func(engine.Output)) (engine.ExecuteReply, error) {
				return tt.reply, nil
			}})
			nb := build("x")
			_, err := Run(context.Background(), eng, nb, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			outs := nb.Cells[1].Outputs
			if len(outs) != 1 || outs[0].Type != notebook.Error || outs[0].EName != tt.want || len(outs[0].Traceback) == 0 {
				t.Errorf("outputs = %+v", outs)
			}
		})
	}
}

func TestRunTimeout(t *testing.T) {
	eng := newFake(map[string]script{"for {}": endless, "after": emit()})
	nb := build("for {}", "after")
	var progress bytes.Buffer
	_, err := Run(context.Background(), eng, nb, Options{Timeout: 50 * time.Millisecond, Progress: &progress})
	var cellErr *CellError
	if !errors.As(err, &cellErr) || !cellErr.TimedOut {
		t.Fatalf("err = %v, want a timed-out *CellError", err)
	}
	if !strings.Contains(err.Error(), "timed out") || !strings.Contains(err.Error(), "50ms") {
		t.Errorf("message %q does not say the cell timed out", err)
	}
	if !strings.Contains(progress.String(), "TIMEOUT") {
		t.Errorf("progress %q", progress.String())
	}
	outs := nb.Cells[1].Outputs
	if len(outs) != 2 || outs[0].Text != "looping\n" || outs[1].EName != "Interrupted" {
		t.Errorf("outputs = %+v", outs)
	}
	if len(eng.requests) != 1 {
		t.Errorf("ran %d cells after a timeout", len(eng.requests))
	}
}

// TestRunGrace: an engine that ignores Interrupt gets its context
// cancelled after the grace period, and the run fails.
func TestRunGrace(t *testing.T) {
	stubborn := func(ctx context.Context, _ <-chan struct{}, _ func(engine.Output)) (engine.ExecuteReply, error) {
		<-ctx.Done()
		return engine.ExecuteReply{}, ctx.Err()
	}
	eng := newFake(map[string]script{"x": stubborn})
	_, err := Run(context.Background(), eng, build("x"), Options{Timeout: 10 * time.Millisecond, Grace: 10 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "did not stop") || !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestRunContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	started := func(c context.Context, intr <-chan struct{}, out func(engine.Output)) (engine.ExecuteReply, error) {
		cancel() // Ctrl-C while the cell runs
		return endless(c, intr, out)
	}
	eng := newFake(map[string]script{"x": started, "after": emit()})
	_, err := Run(ctx, eng, build("x", "after"), Options{})
	if !errors.Is(err, context.Canceled) || len(eng.requests) != 1 {
		t.Errorf("err = %v after %d cells", err, len(eng.requests))
	}
}

func TestRunEngineFailure(t *testing.T) {
	eng := newFake(map[string]script{}) // every cell: engine error
	_, err := Run(context.Background(), eng, build("x"), Options{AllowErrors: true})
	if err == nil || !strings.Contains(err.Error(), "no script") || !strings.Contains(err.Error(), "In [1] (cell 2, id c0)") {
		t.Errorf("err = %v", err)
	}
}

func TestFirstLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"\n\n  x := 1\ny", "x := 1"},
		{strings.Repeat("é", 70), strings.Repeat("é", 57) + "..."},
	}
	for _, tt := range tests {
		if got := firstLine(tt.in); got != tt.want {
			t.Errorf("firstLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
