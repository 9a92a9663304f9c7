package interp

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

func newBenchSession(b *testing.B) *Session {
	b.Helper()
	s, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkTrivialCell is the latency of a cell that does almost nothing,
// in a session that has run a few cells.
func BenchmarkTrivialCell(b *testing.B) {
	s := newBenchSession(b)
	ctx := context.Background()
	for i, c := range []string{"x := 1", "func f(n int) int { return n + x }", "import \"strings\"\ny := strings.ToUpper(\"a\")"} {
		if _, err := s.Execute(ctx, c, i+1); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Execute(ctx, "x + 1", 10+i); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrontEnd is the front end alone (parse, check, rewrite) on a
// trivial cell: what it adds to the interpreter's own time.
func BenchmarkFrontEnd(b *testing.B) {
	s := newBenchSession(b)
	ctx := context.Background()
	if _, err := s.Execute(ctx, "x := 1\nfunc f(n int) int { return n + x }", 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.fe.compile(2+i, []byte("x + 1"), false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstCell is a fresh session running its first cell, which
// uses fmt.
func BenchmarkFirstCell(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s := newBenchSession(b)
		if _, err := s.Execute(context.Background(), "fmt.Sprintln(\"hello\")", 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFib30 is recursive fib(30), interpreted.
func BenchmarkFib30(b *testing.B) {
	s := newBenchSession(b)
	ctx := context.Background()
	if _, err := s.Execute(ctx, "func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}", 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := s.Execute(ctx, "fib(30)", 2+i)
		if err != nil {
			b.Fatal(err)
		}
		if got := r.Data["text/plain"]; got != strconv.Itoa(832040) {
			b.Fatalf("fib(30) = %v", got)
		}
	}
}

func fibCompiled(n int) int {
	if n < 2 {
		return n
	}
	return fibCompiled(n-1) + fibCompiled(n-2)
}

// BenchmarkFib30Compiled is the same function compiled, for the ratio.
func BenchmarkFib30Compiled(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if fibCompiled(30) != 832040 {
			b.Fatal("wrong fib")
		}
	}
}

// BenchmarkFib30CPython is the same function in CPython 3 (Debian's
// /usr/bin/python3), timed inside Python so that start-up is left out.
func BenchmarkFib30CPython(b *testing.B) {
	const prog = `import time
def fib(n):
    return n if n < 2 else fib(n-1) + fib(n-2)
t = time.perf_counter()
assert fib(30) == 832040
print(time.perf_counter() - t)`
	var total time.Duration
	for i := 0; i < b.N; i++ {
		out, err := exec.Command("/usr/bin/python3", "-c", prog).Output()
		if err != nil {
			b.Skipf("no CPython 3 to compare with: %v", err)
		}
		sec, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Duration(sec * float64(time.Second))
	}
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "python-ns/op")
}

// BenchmarkTrivialCellLongNotebook is a trivial cell after 60 cells of
// types, methods, functions and variables: the front end checks only
// what the cell needs, so it stays as fast as in a short notebook.
func BenchmarkTrivialCellLongNotebook(b *testing.B) {
	s := newBenchSession(b)
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		code := fmt.Sprintf("type T%d struct{ a, b int }\nfunc (t T%d) Sum() int { return t.a + t.b }\nfunc f%d(n int) int {\n\tfor i := range n {\n\t\tn += i\n\t}\n\treturn n\n}\nv%d := f%d(%d)", i, i, i, i, i, i)
		if _, err := s.Execute(ctx, code, i+1); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Execute(ctx, "x := v3 + 1", 100+i); err != nil {
			b.Fatal(err)
		}
	}
}
