package check_test

import (
	"fmt"
	"os"
	"time"

	"github.com/gokernel/gokernel/lib/check"
)

// A homework check cell: each check prints one line.
func Example() {
	fib := func(n int) int {
		a, b := 0, 1
		for i := 0; i < n; i++ {
			a, b = b, a+b
		}
		return a
	}
	check.Equal("fib(10)", fib(10), 55)
	check.Ratio("loop vs baseline", 1020*time.Millisecond, 8100*time.Millisecond, 0, 0.2)
	check.Order("requests before replies", []string{"req 1", "req 2", "got 2", "got 1"}, "req 2", "got 1")
	// Output:
	// ✓ PASS fib(10)
	// ✓ PASS loop vs baseline
	// ✓ PASS requests before replies
}

// A failed check prints a FAIL line a student can act on, then panics so
// that the cell fails.
func ExampleChecker_Equal() {
	c := check.New(os.Stdout)
	defer func() {
		fmt.Println("the cell fails with:", recover())
	}()
	c.Equal("results in completion order", []int{55, 34, 8}, []int{55, 8, 34})
	// Output:
	// ✗ FAIL results in completion order: expected [55 8 34], got [55 34 8]
	// the cell fails with: FAIL results in completion order: expected [55 8 34], got [55 34 8]
}
