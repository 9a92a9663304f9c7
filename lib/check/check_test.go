package check_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/check"
)

var errBoom = errors.New("boom")

// run calls fn on a Checker writing to a buffer and returns the printed
// text and the *Failure it panicked with, if any.
func run(fn func(c *check.Checker)) (out string, failure *check.Failure) {
	var buf bytes.Buffer
	func() {
		defer func() {
			if r := recover(); r != nil {
				failure = r.(*check.Failure)
			}
		}()
		fn(check.New(&buf))
	}()
	return buf.String(), failure
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		fn   func(c *check.Checker)
		want string // the printed line, without the newline
	}{
		{"equal ints", func(c *check.Checker) { c.Equal("fib", 55, 55) }, "✓ PASS fib"},
		{"int equals int64", func(c *check.Checker) { c.Equal("n", int64(3), 3) }, "✓ PASS n"},
		{"int equals float", func(c *check.Checker) { c.Equal("n", 3, 3.0) }, "✓ PASS n"},
		{"lists of different types", func(c *check.Checker) {
			c.Equal("results", []any{55, 34}, []int{55, 34})
		}, "✓ PASS results"},
		{"maps of different types", func(c *check.Checker) {
			c.Equal("counts", map[string]int{"a": 1}, map[string]int64{"a": 1})
		}, "✓ PASS counts"},
		{"unequal ints", func(c *check.Checker) { c.Equal("fib", 54, 55) },
			"✗ FAIL fib: expected 55, got 54"},
		{"unequal strings", func(c *check.Checker) { c.Equal("word", "peace", "war") },
			`✗ FAIL word: expected "war", got "peace"`},
		{"same print, different type", func(c *check.Checker) { c.Equal("n", "3", 3) },
			`✗ FAIL n: expected 3, got "3"`},
		{"lists differ", func(c *check.Checker) { c.Equal("order", []int{1, 2}, []int{2, 1}) },
			"✗ FAIL order: expected [2 1], got [1 2]"},
		{"lists differ in length", func(c *check.Checker) { c.Equal("order", []int{1}, []any{1, 2}) },
			"✗ FAIL order: expected [1 2], got [1]"},
		{"struct vs struct", func(c *check.Checker) {
			type p struct{ X int }
			c.Equal("point", p{1}, p{2})
		}, "✗ FAIL point: expected {2}, got {1}"},
		{"nil vs value", func(c *check.Checker) { c.Equal("result", nil, "x") },
			`✗ FAIL result: expected "x", got nil`},
		{"not equal", func(c *check.Checker) { c.NotEqual("changed", 1, 2) }, "✓ PASS changed"},
		{"not equal fails", func(c *check.Checker) { c.NotEqual("changed", 1, 1.0) },
			"✗ FAIL changed: expected anything but 1 (float64), got it"},
		{"true", func(c *check.Checker) { c.True("ok", true) }, "✓ PASS ok"},
		{"true fails", func(c *check.Checker) { c.True("ok", false) }, "✗ FAIL ok: expected true, got false"},
		{"false", func(c *check.Checker) { c.False("bad", false) }, "✓ PASS bad"},
		{"false fails", func(c *check.Checker) { c.False("bad", true) }, "✗ FAIL bad: expected false, got true"},
		{"no error", func(c *check.Checker) { c.NoError("get", nil) }, "✓ PASS get"},
		{"error", func(c *check.Checker) { c.NoError("get", errBoom) },
			`✗ FAIL get: expected no error, got error "boom"`},
		{"error is", func(c *check.Checker) { c.ErrorIs("deadline", errors.Join(errBoom), errBoom) }, "✓ PASS deadline"},
		{"error is: nil", func(c *check.Checker) { c.ErrorIs("deadline", nil, errBoom) },
			`✗ FAIL deadline: expected error "boom", got no error`},
		{"error is: other", func(c *check.Checker) { c.ErrorIs("deadline", io.EOF, errBoom) },
			`✗ FAIL deadline: expected error "boom", got error "EOF"`},
		{"panics", func(c *check.Checker) { c.Panics("crash", func() { panic("x") }) }, "✓ PASS crash"},
		{"does not panic", func(c *check.Checker) { c.Panics("crash", func() {}) },
			"✗ FAIL crash: expected a panic, but the function returned normally"},
		{"text contains", func(c *check.Checker) { c.Contains("title", "the war ends", "war") }, "✓ PASS title"},
		{"text lacks", func(c *check.Checker) { c.Contains("title", "peace", "war") },
			`✗ FAIL title: expected text containing "war", got "peace"`},
		{"list contains", func(c *check.Checker) { c.Contains("ids", []string{"a", "b"}, "b") }, "✓ PASS ids"},
		{"list lacks", func(c *check.Checker) { c.Contains("ids", []int{1, 2}, 3) },
			"✗ FAIL ids: expected a list containing 3, got [1 2]"},
		{"order", func(c *check.Checker) {
			c.Order("requests first", []string{"req a", "req b", "got b", "got a"}, "req a", "req b", "got a")
		}, "✓ PASS requests first"},
		{"order broken", func(c *check.Checker) {
			c.Order("requests first", []string{"req a", "got a", "req b"}, "req b", "got a")
		}, `✗ FAIL requests first: expected "got a" after "req b", got [req a got a req b]`},
		{"order missing", func(c *check.Checker) { c.Order("log", []string{"a"}, "b") },
			`✗ FAIL log: expected "b" among the events, got [a]`},
		{"order of a non-list", func(c *check.Checker) { c.Order("log", "a", "a") },
			`✗ FAIL log: expected a list of events, got "a"`},
		{"within", func(c *check.Checker) { c.Within("fast", time.Hour, func() {}) }, "✓ PASS fast"},
		{"between durations", func(c *check.Checker) {
			c.Between("total", 1020*time.Millisecond, time.Second, 1300*time.Millisecond)
		}, "✓ PASS total"},
		{"between fails", func(c *check.Checker) { c.Between("total", 1500*time.Millisecond, time.Second, 1300*time.Millisecond) },
			"✗ FAIL total: expected between 1s and 1.3s, got 1.5s"},
		{"between non-numbers", func(c *check.Checker) { c.Between("total", "x", 1, 2) },
			`✗ FAIL total: expected numbers or durations, got "x", 1 and 2`},
		{"in delta", func(c *check.Checker) { c.InDelta("pi", 3.14159, 3.14, 0.01) }, "✓ PASS pi"},
		{"in delta fails", func(c *check.Checker) { c.InDelta("pi", 3.2, 3.14, 0.01) },
			"✗ FAIL pi: expected 3.14 ± 0.01, got 3.2"},
		{"ratio", func(c *check.Checker) { c.Ratio("loop vs baseline", time.Second, 8*time.Second, 0, 0.2) },
			"✓ PASS loop vs baseline"},
		{"ratio fails", func(c *check.Checker) { c.Ratio("loop vs baseline", 2*time.Second, 8*time.Second, 0, 0.2) },
			"✗ FAIL loop vs baseline: expected 2s / 8s between 0 and 0.2, got 0.25"},
		{"ratio of zero", func(c *check.Checker) { c.Ratio("speedup", 1, 0, 1, 2) },
			"✗ FAIL speedup: expected a baseline other than zero, got 0"},
		{"ratio of non-numbers", func(c *check.Checker) { c.Ratio("speedup", "1", 2, 1, 2) },
			`✗ FAIL speedup: expected numbers or durations, got "1" and 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, failure := run(tt.fn)
			if out != tt.want+"\n" {
				t.Errorf("printed %q, want %q", out, tt.want+"\n")
			}
			failed := strings.HasPrefix(tt.want, "✗ ")
			switch {
			case failed && failure == nil:
				t.Error("a failed check did not panic")
			case !failed && failure != nil:
				t.Errorf("a passing check panicked with %v", failure)
			case failed && "✗ "+failure.Error() != tt.want:
				t.Errorf("panic message %q, want the printed line %q", failure.Error(), tt.want)
			}
		})
	}
}

func TestReturnedValues(t *testing.T) {
	c := check.New(io.Discard)
	if v := c.Panics("p", func() { panic(42) }); v != 42 {
		t.Errorf("Panics returned %v, want 42", v)
	}
	if r := c.Ratio("r", 1, 4, 0, 1); r != 0.25 {
		t.Errorf("Ratio returned %v, want 0.25", r)
	}
	if d := c.Within("w", time.Hour, func() {}); d < 0 || d > time.Hour {
		t.Errorf("Within returned %v", d)
	}
}

func TestWithinFails(t *testing.T) {
	out, failure := run(func(c *check.Checker) {
		c.Within("slow", time.Nanosecond, func() { time.Sleep(time.Millisecond) })
	})
	if failure == nil || !strings.HasPrefix(out, "✗ FAIL slow: expected to finish within 1ns, took ") {
		t.Errorf("printed %q, failure %v; want a FAIL line about 1ns", out, failure)
	}
}

// TestPackageFunctionsWriteToStdout swaps os.Stdout for a pipe to see that
// the package-level functions print there.
func TestPackageFunctionsWriteToStdout(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	func() {
		defer func() { os.Stdout = saved }()
		check.Equal("e", 1, 1)
		check.NotEqual("ne", 1, 2)
		check.True("t", true)
		check.False("f", false)
		check.NoError("n", nil)
		check.ErrorIs("is", errBoom, errBoom)
		check.Panics("p", func() { panic(1) })
		check.Contains("c", "abc", "b")
		check.Order("o", []int{1, 2}, 1, 2)
		check.Within("w", time.Hour, func() {})
		check.Between("b", 2, 1, 3)
		check.InDelta("d", 1, 1, 0)
		check.Ratio("r", 1, 2, 0, 1)
	}()
	w.Close()
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	want := "✓ PASS e\n✓ PASS ne\n✓ PASS t\n✓ PASS f\n✓ PASS n\n✓ PASS is\n✓ PASS p\n✓ PASS c\n✓ PASS o\n✓ PASS w\n✓ PASS b\n✓ PASS d\n✓ PASS r\n"
	if string(got) != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}
