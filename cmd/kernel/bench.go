package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/gokernel/gokernel/install"
)

func init() {
	commands["bench"] = command{
		summary: "measure installed kernels as a Jupyter client (vs ipykernel)",
		run: func(args []string) int {
			return runBench(args, os.Stdout, os.Stderr, osEnv())
		},
	}
}

const benchUsage = `Usage: kernel bench [--kernels gokernel,python3] [--n 200] [--lines 100000]

Starts each installed kernelspec as Jupyter does and measures it over the
protocol: cold start (process start to kernel_info answered), the round
trip of a trivial execute (p50, p99 over --n runs), a cell printing --lines
lines (wall time, stream messages), the latency of interrupting an endless
loop, and the resident memory of the kernel and its children. Prints a
Markdown table, with the ratio of the first kernel to the second and the
targets of gokernel's issue 3.

Options:`

// benchCode is what the benchmark runs, per kernel language.
type benchCode struct {
	trivial string
	lines   func(n int) []string // candidates, first that runs wins
	endless string
}

var benchCodes = map[string]benchCode{
	"go": {
		trivial: "1+1",
		lines: func(n int) []string {
			return []string{
				fmt.Sprintf("for i := range %d {\n\tfmt.Println(i)\n}", n),
				fmt.Sprintf("for i := 0; i < %d; i++ {\n\tfmt.Println(i)\n}", n),
			}
		},
		endless: "for {\n}",
	},
	"python": {
		trivial: "1+1",
		lines:   func(n int) []string { return []string{fmt.Sprintf("for i in range(%d):\n    print(i)", n)} },
		endless: "while True:\n    pass",
	},
}

// benchResult is what bench measured for one kernel.
type benchResult struct {
	kernel    string
	coldStart time.Duration
	p50, p99  time.Duration
	linesWall time.Duration
	linesMsgs int
	linesGot  int
	interrupt time.Duration
	survived  bool // the kernel ran a cell after the interrupt
	rss       int64
	notes     []string
	failed    error
}

func runBench(args []string, stdout, stderr io.Writer, env install.Env) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, benchUsage)
		fs.PrintDefaults()
	}
	kernels := fs.String("kernels", "gokernel,python3", "comma-separated kernelspec `names`; ratios compare the first with the second")
	n := fs.Int("n", 200, "trivial executes to time")
	lines := fs.Int("lines", 100000, "lines the output test prints")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 || *n < 1 || *lines < 1 {
		fs.Usage()
		return 2
	}
	dir, err := os.MkdirTemp("", "gokernel-bench-")
	if err != nil {
		fmt.Fprintf(stderr, "kernel bench: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	// Ctrl-C stops the benchmark; the kernels are shut down on the way out.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var results []*benchResult
	for _, name := range strings.Split(*kernels, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		fmt.Fprintf(stderr, "bench: %s ...\n", name)
		r := benchOne(ctx, name, dir, env, *n, *lines)
		if r.failed != nil {
			fmt.Fprintf(stderr, "bench: %s: %v\n", name, r.failed)
		}
		results = append(results, r)
		if ctx.Err() != nil {
			break
		}
	}
	fmt.Fprintf(stdout, "kernel bench: %s/%s, %d CPUs, n=%d, %d lines, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), *n, *lines, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	writeBenchTable(stdout, results, *lines)
	for _, r := range results {
		if r.failed != nil {
			return 1
		}
	}
	return 0
}

// benchOne measures one kernel; a failure stops its measurements and is
// kept in the result.
func benchOne(ctx context.Context, name, dir string, env install.Env, n, lines int) *benchResult {
	r := &benchResult{kernel: name}
	k, cold, err := startKernel(ctx, name, dir, env)
	if err != nil {
		r.failed = err
		return r
	}
	defer k.stop()
	r.coldStart = cold
	code, ok := benchCodes[k.spec.Language]
	if !ok {
		r.failed = fmt.Errorf("no benchmark code for language %q", k.spec.Language)
		return r
	}
	if err := r.roundTrips(ctx, k, code.trivial, n); err != nil {
		r.failed = err
		return r
	}
	if err := r.output(ctx, k, code.lines(lines), lines); err != nil {
		r.failed = err
		return r
	}
	if err := r.interruptLoop(ctx, k, code); err != nil {
		r.failed = err
	}
	if rss, err := k.rss(); err == nil {
		r.rss = rss
	} else {
		r.notes = append(r.notes, "rss: "+err.Error())
	}
	return r
}

func (r *benchResult) roundTrips(ctx context.Context, k *benchKernel, code string, n int) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	const warmup = 5
	times := make([]time.Duration, 0, n)
	for i := range warmup + n {
		start := time.Now()
		res, err := k.execute(ctx, code)
		if err != nil {
			return fmt.Errorf("execute %q: %w", code, err)
		}
		if st := replyStatus(res); st != "ok" {
			return fmt.Errorf("execute %q: %s", code, st)
		}
		if i >= warmup {
			times = append(times, time.Since(start))
		}
	}
	r.p50, r.p99 = percentile(times, 50), percentile(times, 99)
	return nil
}

func (r *benchResult) output(ctx context.Context, k *benchKernel, candidates []string, lines int) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	for i, code := range candidates {
		start := time.Now()
		res, err := k.execute(ctx, code)
		if err != nil {
			return fmt.Errorf("print %d lines: %w", lines, err)
		}
		wall := time.Since(start)
		if st := replyStatus(res); st != "ok" {
			if i+1 < len(candidates) {
				r.notes = append(r.notes, fmt.Sprintf("%q failed (%s); timed the next form", firstLine(code), st))
				continue
			}
			return fmt.Errorf("print %d lines: %s", lines, st)
		}
		r.linesWall = wall
		for _, s := range res.Outputs("stream") {
			r.linesMsgs++
			text, _ := s["text"].(string)
			r.linesGot += strings.Count(text, "\n")
		}
		return nil
	}
	return nil
}

func (r *benchResult) interruptLoop(ctx context.Context, k *benchKernel, code benchCode) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	m, err := k.client.Send("shell", "execute_request", executeContent(code.endless))
	if err != nil {
		return fmt.Errorf("start endless loop: %w", err)
	}
	if _, err := k.client.WaitIOPub(ctx, m.Header.MsgID, "execute_input"); err != nil {
		return fmt.Errorf("endless loop never started: %w", err)
	}
	time.Sleep(300 * time.Millisecond) // let it spin
	if rep := k.client.ReplyFor(m.Header.MsgID); rep != nil {
		return fmt.Errorf("the endless loop %q ended by itself: %s", firstLine(code.endless), rep.Content)
	}
	start := time.Now()
	if err := k.interrupt(); err != nil {
		return fmt.Errorf("interrupt: %w", err)
	}
	if _, err := k.client.Wait(ctx, m.Header.MsgID); err != nil {
		return fmt.Errorf("interrupted loop: %w", err)
	}
	r.interrupt = time.Since(start)
	res, err := k.execute(ctx, code.trivial)
	r.survived = err == nil && replyStatus(res) == "ok"
	return nil
}

// percentile returns the p-th percentile (nearest rank) of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100 // ceil(p/100 * n)
	return s[max(rank, 1)-1]
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// writeBenchTable prints the results as a Markdown table: one column per
// kernel, then the first kernel's ratio to the second and the target.
func writeBenchTable(w io.Writer, rs []*benchResult, lines int) {
	header := []string{"measure"}
	for _, r := range rs {
		header = append(header, r.kernel)
	}
	ratios := len(rs) >= 2
	if ratios {
		header = append(header, rs[0].kernel+" / "+rs[1].kernel)
	}
	header = append(header, "target")
	rows := [][]string{header, make([]string, len(header))}
	for i := range rows[1] {
		rows[1][i] = "---"
	}
	type row struct {
		name   string
		value  func(*benchResult) string
		raw    func(*benchResult) float64 // for the ratio; nil: no ratio
		target string
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	table := []row{
		{"cold start to kernel_info", func(r *benchResult) string { return ms(r.coldStart) }, func(r *benchResult) float64 { return r.coldStart.Seconds() }, "≤ 0.2× ipykernel"},
		{"execute `1+1` p50", func(r *benchResult) string { return ms(r.p50) }, func(r *benchResult) float64 { return r.p50.Seconds() }, "≤ 0.5× ipykernel"},
		{"execute `1+1` p99", func(r *benchResult) string { return ms(r.p99) }, func(r *benchResult) float64 { return r.p99.Seconds() }, ""},
		{fmt.Sprintf("print %d lines: wall", lines), func(r *benchResult) string { return ms(r.linesWall) }, func(r *benchResult) float64 { return r.linesWall.Seconds() }, "< 500 ms"},
		{fmt.Sprintf("print %d lines: stream messages", lines), func(r *benchResult) string { return fmt.Sprint(r.linesMsgs) }, func(r *benchResult) float64 { return float64(r.linesMsgs) }, "≤ 50"},
		{fmt.Sprintf("print %d lines: lines received", lines), func(r *benchResult) string { return fmt.Sprint(r.linesGot) }, nil, fmt.Sprint(lines)},
		{"interrupt endless loop", func(r *benchResult) string {
			s := ms(r.interrupt)
			if r.interrupt > 0 && !r.survived {
				s += " (kernel unusable after)"
			}
			return s
		}, func(r *benchResult) float64 { return r.interrupt.Seconds() }, "< 500 ms"},
		{"RSS, kernel + children", func(r *benchResult) string { return fmt.Sprintf("%.1f MB", float64(r.rss)/1e6) }, func(r *benchResult) float64 { return float64(r.rss) }, ""},
	}
	for _, t := range table {
		cells := []string{t.name}
		for _, r := range rs {
			if r.failed != nil && t.raw != nil && t.raw(r) == 0 {
				cells = append(cells, "failed")
				continue
			}
			cells = append(cells, t.value(r))
		}
		if ratios {
			ratio := ""
			if t.raw != nil && t.raw(rs[1]) > 0 && t.raw(rs[0]) > 0 {
				ratio = fmt.Sprintf("%.2f", t.raw(rs[0])/t.raw(rs[1]))
			}
			cells = append(cells, ratio)
		}
		rows = append(rows, append(cells, t.target))
	}
	for _, row := range rows {
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
	for _, r := range rs {
		for _, n := range r.notes {
			fmt.Fprintf(w, "\nnote (%s): %s\n", r.kernel, n)
		}
		if r.failed != nil {
			fmt.Fprintf(w, "\nfailed (%s): %v\n", r.kernel, r.failed)
		}
	}
}
