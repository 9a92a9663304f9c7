package interp

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// notebookCells is a session like a course notebook's after a while:
// types, methods, funcs and variables over a few dozen cells.
func notebookCells() []string {
	cells := slices.Clone(completionCells)
	for i := range 30 {
		cells = append(cells, fmt.Sprintf(
			"type T%d struct{ A, B int; Name string }\nfunc (t T%d) Sum() int { return t.A + t.B }\nfunc f%d(n int) int { return n * %d }\nv%d := T%d{A: %d}", i, i, i, i, i, i, i))
	}
	return cells
}

// completionRequests are what a student presses Tab on.
var completionRequests = []string{
	"fmt.Pr",
	"p.",
	"strings.NewReader(\"x\").Re",
	"x := 1\nfor i := range 3 {\n\tv1.",
	"cou",
	"str",
}

// reportPercentiles adds the p50 and p99 of ds to b's output.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
}

// timeCompletions runs b.N completion requests and reports their
// latency percentiles.
func timeCompletions(b *testing.B, s *Session) {
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		code := completionRequests[i%len(completionRequests)]
		t0 := time.Now()
		if c := s.Complete(code, len([]rune(code))); len(c.Matches) == 0 {
			b.Fatalf("no completion for %q", code)
		}
		ds = append(ds, time.Since(t0))
	}
	reportPercentiles(b, ds)
}

// BenchmarkComplete is completion latency in an idle session of a few
// dozen cells.
func BenchmarkComplete(b *testing.B) {
	s := newTestSession(b, notebookCells()...)
	timeCompletions(b, s)
}

// BenchmarkCompleteDuringCell is completion latency while a cell runs.
func BenchmarkCompleteDuringCell(b *testing.B) {
	s := newTestSession(b, notebookCells()...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = s.Execute(ctx, "for {\n\ttime.Sleep(time.Millisecond)\n}", 1000)
	}()
	defer func() { cancel(); <-done }()
	timeCompletions(b, s)
}

// BenchmarkInspect is inspect latency for a std name (its doc read from
// the Go source), a toolkit name and a user's name.
func BenchmarkInspect(b *testing.B) {
	s := newTestSession(b, notebookCells()...)
	for _, code := range []string{"fmt.Println", "coro.New", "f3"} {
		b.Run(code, func(b *testing.B) {
			ds := make([]time.Duration, 0, b.N)
			for range b.N {
				t0 := time.Now()
				if in := s.Inspect(code, len(code), 0); !in.Found {
					b.Fatalf("%s not found", code)
				}
				ds = append(ds, time.Since(t0))
			}
			reportPercentiles(b, ds)
		})
	}
}
