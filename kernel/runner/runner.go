package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/notebook"
)

// Options configures Run.
type Options struct {
	// Timeout bounds each cell; a cell that runs longer is interrupted and
	// reported as failed. Zero means no bound.
	Timeout time.Duration
	// Grace is how long Run waits for a cell to stop after interrupting
	// it before giving up on the engine (default 30 s).
	Grace time.Duration
	// AllowErrors keeps running after a failing cell.
	AllowErrors bool
	// Progress receives one line per cell ("[2/7] cell ab12 ... 0.12s");
	// nil discards them.
	Progress io.Writer
	// LanguageInfo, when set, becomes metadata.language_info.
	LanguageInfo map[string]any
	// KernelSpec, when set, becomes metadata.kernelspec of a notebook
	// that has none.
	KernelSpec map[string]any
}

// Result sums up a run.
type Result struct {
	Executed int          // code cells run
	Failed   []*CellError // cells that failed, in order (more than one only with AllowErrors)
}

// CellError describes a cell that failed: raised an error, was aborted or
// ran past its timeout.
type CellError struct {
	Index     int    // position of the cell in the notebook, from 0
	Count     int    // its execution count (In [Count])
	ID        string // the cell's id
	FirstLine string // first non-empty line of its source
	EName     string
	EValue    string
	Traceback []string
	TimedOut  bool
}

// Error names the cell as a user finds it (In [N], position, id, first
// line) and says what went wrong.
func (e *CellError) Error() string {
	what := e.EName + ": " + e.EValue
	if e.TimedOut {
		what = "timed out: " + what
	}
	return fmt.Sprintf("In [%d] (cell %d, id %s) `%s` failed: %s", e.Count, e.Index+1, e.ID, e.FirstLine, what)
}

// Run executes the code cells of nb in order through eng and stores their
// outputs and execution counts in nb. It stops at the first failing cell
// and returns its *CellError, unless opts.AllowErrors is set; an error of
// the engine itself, or ctx ending, always stops the run. Empty cells are
// skipped, as nbclient skips them.
func Run(ctx context.Context, eng engine.Engine, nb *notebook.Notebook, opts Options) (Result, error) {
	if opts.Grace <= 0 {
		opts.Grace = 30 * time.Second
	}
	if opts.Progress == nil {
		opts.Progress = io.Discard
	}
	if nb.Metadata == nil {
		nb.Metadata = map[string]any{}
	}
	if opts.LanguageInfo != nil {
		nb.Metadata["language_info"] = opts.LanguageInfo
	}
	if _, ok := nb.Metadata["kernelspec"]; !ok && opts.KernelSpec != nil {
		nb.Metadata["kernelspec"] = opts.KernelSpec
	}
	var todo []int
	for i, c := range nb.Cells {
		if c.Type != notebook.Code {
			continue
		}
		c.Outputs, c.ExecutionCount = nil, 0
		if strings.TrimSpace(c.Source) != "" {
			todo = append(todo, i)
		}
	}
	r := &run{eng: eng, opts: opts, displays: map[string][]displayed{}}
	var res Result
	for n, i := range todo {
		cell := nb.Cells[i]
		fmt.Fprintf(opts.Progress, "[%d/%d] cell %s ... ", n+1, len(todo), cell.ID)
		start := time.Now()
		cellErr, err := r.cell(ctx, i, cell, n+1)
		took := time.Since(start).Seconds()
		res.Executed++
		switch {
		case err != nil:
			fmt.Fprintf(opts.Progress, "engine failure after %.2fs\n", took)
			return res, fmt.Errorf("In [%d] (cell %d, id %s): %w", n+1, i+1, cell.ID, err)
		case cellErr != nil:
			fmt.Fprintf(opts.Progress, "%s after %.2fs\n", failure(cellErr), took)
			res.Failed = append(res.Failed, cellErr)
			if !opts.AllowErrors {
				return res, cellErr
			}
		default:
			fmt.Fprintf(opts.Progress, "%.2fs\n", took)
		}
	}
	return res, nil
}

func failure(e *CellError) string {
	if e.TimedOut {
		return "TIMEOUT"
	}
	return "ERROR " + e.EName
}

// run is the state of one Run: the engine and where each display id was
// shown.
type run struct {
	eng      engine.Engine
	opts     Options
	displays map[string][]displayed
}

// displayed is one output shown with a display id.
type displayed struct {
	cell   int
	output *notebook.Output
}

// cell executes one cell as execution count n.
func (r *run) cell(ctx context.Context, index int, cell *notebook.Cell, n int) (*CellError, error) {
	cell.ExecutionCount = n
	col := &collector{run: r, index: index, cell: cell, count: n}

	// The timeout interrupts the cell; ctx (Ctrl-C) does the same. The
	// engine then has Grace to return before its context is cancelled.
	cellCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	var timedOut, interrupted bool
	var timeout <-chan time.Time
	if r.opts.Timeout > 0 {
		t := time.NewTimer(r.opts.Timeout)
		defer t.Stop()
		timeout = t.C
	}
	type result struct {
		reply engine.ExecuteReply
		err   error
	}
	done := make(chan result, 1)
	go func() {
		req := engine.ExecuteRequest{Code: cell.Source, StoreHistory: true, ExecutionCount: n}
		reply, err := r.eng.Execute(cellCtx, req, col.add, nil)
		done <- result{reply, err}
	}()
	var grace <-chan time.Time
	ctxDone := ctx.Done()
	for {
		select {
		case res := <-done:
			col.finish()
			if res.err != nil {
				return nil, res.err
			}
			if interrupted && !timedOut {
				return nil, fmt.Errorf("run interrupted: %w", context.Cause(ctx))
			}
			return col.result(res.reply, timedOut, r.opts.Timeout), nil
		case <-timeout:
			timedOut, timeout = true, nil
			r.eng.Interrupt()
			grace = time.After(r.opts.Grace)
		case <-ctxDone:
			interrupted, ctxDone = true, nil
			r.eng.Interrupt()
			grace = time.After(r.opts.Grace)
		case <-grace:
			cancel()
			res := <-done // the engine must honour a cancelled context
			if res.err == nil {
				res.err = errors.New("cell did not stop after an interrupt")
			}
			return nil, fmt.Errorf("cell did not stop %v after an interrupt: %w", r.opts.Grace, res.err)
		}
	}
}
