package loop_test

import (
	"fmt"
	"time"

	"github.com/gokernel/gokernel/lib/coro"
	"github.com/gokernel/gokernel/lib/loop"
)

// The course's round robin (02 item 1), printed as it runs: the loop takes
// the task at the end, resumes it once, and puts it back at the front.
func Example() {
	ticker := func(n int) func(c *coro.Co) any {
		return func(c *coro.Co) any {
			for i := 0; i < n; i++ {
				c.Yield(fmt.Sprintf("tick %d", i))
			}
			return fmt.Sprintf("%d ticks", n)
		}
	}
	l := loop.New()
	l.Pause = 0
	l.OnStep = func(s loop.Span) {
		if s.Done {
			fmt.Printf("iteration %d: %s is complete\n", s.Iteration, s.Task)
			return
		}
		fmt.Printf("iteration %d: %s handed out %v\n", s.Iteration, s.Task, s.Out)
	}
	l.Spawn("A", ticker(1))
	l.Spawn("B", ticker(2))
	results, err := l.Run()
	fmt.Println(results, err)
	// Output:
	// iteration 1: B handed out tick 0
	// iteration 2: A handed out tick 0
	// iteration 3: B handed out tick 1
	// iteration 4: A is complete
	// iteration 5: B is complete
	// [1 ticks 2 ticks] <nil>
}

// Beazley's countdowns (course 04 item 7): a deque, run front to back.
func ExampleOrder() {
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
	l.OnStep = func(s loop.Span) {
		if s.Done {
			fmt.Print("done ")
		} else {
			fmt.Print(s.Out, " ")
		}
	}
	l.Spawn("3", countdown(3))
	l.Spawn("2", countdown(2))
	l.Run()
	fmt.Println()
	// Output:
	// 3 2 2 1 1 done done
}

// Eight Fibonacci tasks that each sleep (course 02 items 2 and 4). With the
// sleep heap every task is resumed twice: once to start, once to finish.
func ExampleSleep() {
	fib := func(n int) func(c *coro.Co) any {
		return func(c *coro.Co) any {
			a, b := 0, 1
			for i := 0; i < n-1; i++ {
				a, b = b, a+b
			}
			loop.Sleep(c, 20*time.Millisecond)
			return b
		}
	}
	l := loop.New()
	l.SleepHeap = true
	for _, n := range []int{3, 5, 7, 10, 4, 6, 9, 10} {
		l.Spawn(fmt.Sprintf("fib(%d)", n), fib(n))
	}
	results, _ := l.Run()
	fmt.Println("results:", results)
	fmt.Println("iterations:", l.Stats().Iterations)
	// Output:
	// results: [55 34 8 3 55 13 5 2]
	// iterations: 16
}

// Gather runs the loop until the given tasks are done and returns their
// results in the order asked for.
func ExampleLoop_Gather() {
	l := loop.New()
	l.SleepHeap = true
	slow := l.Spawn("slow", func(c *coro.Co) any { loop.Sleep(c, 20*time.Millisecond); return "slow" })
	fast := l.Spawn("fast", func(c *coro.Co) any { loop.Sleep(c, time.Millisecond); return "fast" })
	fmt.Println(l.Gather(slow, fast))
	fmt.Println("finished first:", fast.FinishedAt() < slow.FinishedAt())
	// Output:
	// [slow fast] <nil>
	// finished first: true
}

// Cancel throws ErrCancelled into a task where it is suspended; its
// deferred calls run.
func ExampleTask_Cancel() {
	l := loop.New()
	l.SleepHeap = true
	sleeper := l.Spawn("sleeper", func(c *coro.Co) any {
		defer fmt.Println("sleeper cleans up")
		loop.Sleep(c, time.Hour)
		return "rested"
	})
	l.Spawn("impatient", func(c *coro.Co) any {
		loop.Sleep(c, time.Millisecond)
		sleeper.Cancel()
		return nil
	})
	fmt.Println(l.RunUntilComplete(sleeper))
	// Output:
	// sleeper cleans up
	// <nil> loop: task cancelled
}
