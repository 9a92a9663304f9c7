package loop_test

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
	"github.com/gokernel/gokernel/lib/loop"
)

// count is the course's counting primitive: it suspends num times, handing
// out its position, then returns.
func count(c *coro.Co, num int) any {
	for i := 0; i < num; i++ {
		c.Yield(fmt.Sprintf("count: %d", i))
	}
	return "returned from count"
}

// doAFewThings is the course's task: num rounds, round i awaits count(i+2).
func doAFewThings(num int) func(c *coro.Co) any {
	return func(c *coro.Co) any {
		for i := 0; i < num; i++ {
			count(c, i+2)
		}
		return nil
	}
}

// TestRoundRobin reproduces course 02 item 1 exactly. The golden file is the
// output of the course's Python loop (pop(), insert(0, task)) for the same
// three tasks: iteration, task, value handed out or "done".
func TestRoundRobin(t *testing.T) {
	l := loop.New()
	l.Pause = 0
	first := l.Spawn("first", doAFewThings(2))
	second := l.Spawn("second", doAFewThings(4))
	third := l.Spawn("third", doAFewThings(3))
	if _, err := l.Run(); err != nil {
		t.Fatal(err)
	}

	var got strings.Builder
	for _, s := range l.Trace() {
		if s.Done {
			fmt.Fprintf(&got, "%d %s done\n", s.Iteration, s.Task)
		} else {
			fmt.Fprintf(&got, "%d %s %v\n", s.Iteration, s.Task, s.Out)
		}
	}
	want, err := os.ReadFile("testdata/roundrobin.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("trace differs from the course's loop:\ngot:\n%s\nwant:\n%s", got.String(), want)
	}

	if st := l.Stats(); st.Iterations != 31 {
		t.Errorf("iterations = %d, want 31", st.Iterations)
	}
	finished := []int{first.FinishedAt(), third.FinishedAt(), second.FinishedAt()}
	if !slices.Equal(finished, []int{18, 25, 31}) {
		t.Errorf("2-, 3- and 4-round tasks finished at %v, want [18 25 31]", finished)
	}
	resumes := l.Stats().Resumes
	if resumes["first"] != 6 || resumes["second"] != 15 || resumes["third"] != 10 {
		t.Errorf("resumes = %v, want first 6, second 15, third 10", resumes)
	}
}

// TestCountdown reproduces course 04 item 7 (Beazley's deque round robin).
func TestCountdown(t *testing.T) {
	countdown := func(n int) func(c *coro.Co) any {
		return func(c *coro.Co) any {
			for ; n > 0; n-- {
				c.Yield(n)
			}
			return nil
		}
	}
	l := loop.New()
	l.Order, l.Pause = loop.PopFront, 0
	var words []string
	l.OnStep = func(s loop.Span) {
		if s.Done {
			words = append(words, "done")
		} else {
			words = append(words, fmt.Sprint(s.Out))
		}
	}
	for _, n := range []int{10, 5, 20} {
		l.Spawn(fmt.Sprint("countdown ", n), countdown(n))
	}
	if _, err := l.Run(); err != nil {
		t.Fatal(err)
	}
	const want = "10 5 20 9 4 19 8 3 18 7 2 17 6 1 16 5 done 15 4 14 3 13 2 12 1 11 done 10 9 8 7 6 5 4 3 2 1 done"
	if got := strings.Join(words, " "); got != want {
		t.Errorf("countdown:\n got %s\nwant %s", got, want)
	}
}

// fib is the course's task for items 2-4: an iterative Fibonacci number,
// then a sleep of d.
func fib(n int, d time.Duration) func(c *coro.Co) any {
	return func(c *coro.Co) any {
		if n == 0 {
			return 0
		}
		a, b := 0, 1
		for i := 0; i < n-1; i++ {
			a, b = b, a+b
		}
		loop.Sleep(c, d)
		return b
	}
}

var fibInputs = []int{3, 5, 7, 10, 4, 6, 9, 10}

// TestSleepHeap is course 02 item 4: with a sleep heap each task is resumed
// at most 3 times and results arrive in reverse submission order.
func TestSleepHeap(t *testing.T) {
	l := loop.New()
	l.SleepHeap = true
	for i, n := range fibInputs {
		l.Spawn(fmt.Sprintf("task %d: fib(%d)", i, n), fib(n, 50*time.Millisecond))
	}
	results, err := l.Run()
	if err != nil {
		t.Fatal(err)
	}
	if want := []any{55, 34, 8, 3, 55, 13, 5, 2}; !reflect.DeepEqual(results, want) {
		t.Errorf("results = %v, want %v", results, want)
	}
	st := l.Stats()
	if st.Iterations > 30 {
		t.Errorf("iterations = %d, want at most 30", st.Iterations)
	}
	for name, r := range st.Resumes {
		if r > 3 {
			t.Errorf("%s resumed %d times, want at most 3", name, r)
		}
	}
}

// TestPollingSleep is course 02 items 2 and 3: with polling, every task is
// resumed again and again while it sleeps, and all results come back.
func TestPollingSleep(t *testing.T) {
	l := loop.New() // 1 ms pause, polling
	for i, n := range fibInputs {
		l.Spawn(fmt.Sprintf("task %d: fib(%d)", i, n), fib(n, 30*time.Millisecond))
	}
	results, err := l.Run()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]int, len(results))
	for i, r := range results {
		got[i] = r.(int)
	}
	slices.Sort(got)
	if want := []int{2, 3, 5, 8, 13, 34, 55, 55}; !slices.Equal(got, want) {
		t.Errorf("sorted results = %v, want %v", got, want)
	}
	for name, r := range l.Stats().Resumes {
		if r < 3 {
			t.Errorf("%s resumed %d times; a polled 30 ms sleep with a 1 ms pause needs more", name, r)
		}
	}
	// The course's Sleep hands out a Sleeping value on each poll.
	for _, s := range l.Trace() {
		if _, ok := s.Out.(loop.Sleeping); !ok && !s.Done {
			t.Errorf("iteration %d handed out %v (%T), want loop.Sleeping", s.Iteration, s.Out, s.Out)
		}
	}
}
