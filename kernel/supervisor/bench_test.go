package supervisor

import (
	"context"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
)

// BenchmarkExecuteTrivial measures one trivial cell's round trip through
// the supervisor, the pipes and the executor.
func BenchmarkExecuteTrivial(b *testing.B) {
	s := newTest(b, testConfig())
	ctx := context.Background()
	discard := func(engine.Output) {}
	for b.Loop() {
		r, err := s.Execute(ctx, engine.ExecuteRequest{Code: "1 + 1"}, discard, nil)
		if err != nil || r.Status != engine.StatusOK {
			b.Fatalf("%+v %v", r, err)
		}
	}
}

// BenchmarkExecutorStart measures starting an executor until it is ready
// to run cells.
func BenchmarkExecutorStart(b *testing.B) {
	cfg := testConfig().withDefaults()
	k := &sink{limit: cfg.OutputLimit, flushSize: cfg.FlushSize}
	ctx := context.Background()
	for b.Loop() {
		p, err := startProc(ctx, &cfg, k)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		p.stop(ctx)
		b.StartTimer()
	}
}

// BenchmarkPrintLines measures printing 10,000 lines, streamed and
// coalesced.
func BenchmarkPrintLines(b *testing.B) {
	s := newTest(b, testConfig())
	ctx := context.Background()
	discard := func(engine.Output) {}
	for b.Loop() {
		r, err := s.Execute(ctx, engine.ExecuteRequest{Code: "for i := 0; i < 10000; i++ { fmt.Println(i) }"}, discard, nil)
		if err != nil || r.Status != engine.StatusOK {
			b.Fatalf("%+v %v", r, err)
		}
	}
}
