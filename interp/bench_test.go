package interp

import (
	"context"
	"io"
	"strconv"
	"testing"
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
