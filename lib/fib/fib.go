package fib

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxN is the largest n the servers compute (fib(42) takes a few seconds); a larger n gets an
// error line, so that no request can keep a server busy for minutes.
const MaxN = 42

// Fib is the talk's naive recursive Fibonacci: fib(1) = fib(2) = 1, fib(0) = 0.
func Fib(n int) int {
	if n <= 2 {
		return min(n, 1)
	}
	return Fib(n-1) + Fib(n-2)
}

// parseRequest reads n from one request line.
func parseRequest(line string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		return 0, fmt.Errorf("not a number: %q", strings.TrimSpace(line))
	}
	if n < 0 || n > MaxN {
		return 0, fmt.Errorf("n must be between 0 and %d", MaxN)
	}
	return n, nil
}

// answer computes the reply line to one request line, newline included.
func answer(line string) string {
	n, err := parseRequest(line)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	return formatReply(Fib(n))
}

// formatReply is the reply line for a result.
func formatReply(result int) string { return strconv.Itoa(result) + "\n" }

// PickN returns the smallest n from 20 up whose Fib(n) takes at least minTime on this machine
// (one measurement each), and how long it took: the n of a "long request". Each step up takes
// about 1.6 times longer, so the result lands between minTime and about 1.6 × minTime, noise
// aside. PickN(100*time.Millisecond) answers the course's "0.1–0.5 s" (about 38 compiled).
func PickN(minTime time.Duration) (n int, took time.Duration) {
	for n = 20; n < MaxN; n++ {
		start := time.Now()
		Fib(n)
		if took = time.Since(start); took >= minTime {
			return n, took
		}
	}
	return n, took
}
