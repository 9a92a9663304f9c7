package loop_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
	"github.com/gokernel/gokernel/lib/loop"
)

// BenchmarkSleepHeap10k runs 10,000 tasks that each sleep 1 ms ten times,
// in heap mode with no pause, and reports resumes (task switches) per second.
func BenchmarkSleepHeap10k(b *testing.B) {
	const tasks, sleeps = 10000, 10
	var resumes int
	var spent time.Duration
	for b.Loop() {
		l := loop.New()
		l.Pause, l.SleepHeap, l.KeepTrace = 0, true, false
		for i := 0; i < tasks; i++ {
			l.Spawn(fmt.Sprint(i), func(c *coro.Co) any {
				for j := 0; j < sleeps; j++ {
					loop.Sleep(c, time.Millisecond)
				}
				return nil
			})
		}
		if _, err := l.Run(); err != nil {
			b.Fatal(err)
		}
		st := l.Stats()
		resumes += st.Iterations
		spent += st.Elapsed
	}
	b.ReportMetric(float64(resumes)/spent.Seconds(), "switches/s")
	b.ReportMetric(float64(resumes)/float64(b.N), "resumes/op")
}

// BenchmarkRoundRobin measures the bare loop: 100 tasks that yield 100
// times each, with the course's ready-queue policy and no pause.
func BenchmarkRoundRobin(b *testing.B) {
	var resumes int
	var spent time.Duration
	for b.Loop() {
		l := loop.New()
		l.Pause, l.KeepTrace = 0, false
		for i := 0; i < 100; i++ {
			l.Spawn(fmt.Sprint(i), func(c *coro.Co) any {
				for j := 0; j < 100; j++ {
					c.Yield(j)
				}
				return nil
			})
		}
		if _, err := l.Run(); err != nil {
			b.Fatal(err)
		}
		resumes += l.Stats().Iterations
		spent += l.Stats().Elapsed
	}
	b.ReportMetric(float64(resumes)/spent.Seconds(), "switches/s")
}
