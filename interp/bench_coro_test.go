package interp

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// coroEchoCell defines, in a cell, a coroutine whose interpreted body
// yields back what it is sent, and sendN, an interpreted driver that sends
// it n values and returns the last one echoed: a coroutine switch from a
// cell, both sides in yaegi, the switch itself in compiled lib/coro.
const coroEchoCell = `func echo(c *coro.Co) any {
	v := c.Yield(0)
	for {
		v = c.Yield(v)
	}
}

echoCo := coro.New(echo)
echoCo.Next()

func sendN(n int) int {
	last := -1
	for i := 0; i < n; i++ {
		v, done, err := echoCo.Send(i)
		if done || err != nil {
			panic(fmt.Sprint("send ", i, ": done ", done, ", ", err))
		}
		last = v.(int)
	}
	return last
}`

// newCoroEchoSession returns a session that has run coroEchoCell.
func newCoroEchoSession(tb testing.TB) *Session {
	tb.Helper()
	s, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.CloseAll() })
	if _, err := s.Execute(context.Background(), coroEchoCell, 1); err != nil {
		tb.Fatalf("define the echo coroutine: %v", err)
	}
	return s
}

// sendFromCell runs sendN(n) as a cell and checks that the body echoed
// the last value sent.
func sendFromCell(tb testing.TB, s *Session, n, count int) {
	tb.Helper()
	r, err := s.Execute(context.Background(), fmt.Sprintf("sendN(%d)", n), count)
	if err != nil {
		tb.Fatalf("sendN(%d): %v", n, err)
	}
	if got, want := r.Data["text/plain"], fmt.Sprint(n-1); got != want {
		tb.Fatalf("sendN(%d) = %v, want %s (the last value sent, echoed)", n, got, want)
	}
}

// TestCoroSendFromCell checks the benchmark's cell: an interpreted body
// echoes every value an interpreted driver sends, across cells.
func TestCoroSendFromCell(t *testing.T) {
	s := newCoroEchoSession(t)
	for i, n := range []int{1, 10, 1000} {
		sendFromCell(t, s, n, 2+i)
	}
}

// BenchmarkCoroSendFromCell is one Send/Yield round trip driven from a
// cell (issue 6, "Measure"): b.N sends run inside one cell, so the cell's
// own cost (about tens of µs) is spread over them. Compare with
// lib/coro's BenchmarkSend (compiled driver and body) and with CPython's
// generator send.
func BenchmarkCoroSendFromCell(b *testing.B) {
	s := newCoroEchoSession(b)
	sendFromCell(b, s, 100, 2) // warm up: the first sends of a fresh session
	b.ResetTimer()
	sendFromCell(b, s, b.N, 3)
}

// BenchmarkCellLoopCalls splits BenchmarkCoroSendFromCell's cost: an
// interpreted loop calling a compiled function (what sendN does to call
// Send), and the same loop where the compiled function calls back into an
// interpreted one (what resuming the interpreted body does).
func BenchmarkCellLoopCalls(b *testing.B) {
	for _, bc := range []struct{ name, call string }{
		{"compiled", "math.Abs(1)"},
		{"compiled any", "reflect.ValueOf(k)"},
		{"empty loop", "k"},
		{"compiled calling back", "sort.Search(1, yes)"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			defer s.CloseAll()
			cell := "func yes(int) bool { return true }\nfunc loopN(n int) int {\n\tk := 0\n\tfor i := 0; i < n; i++ {\n\t\t" +
				"_ = " + bc.call + "\n\t\tk++\n\t}\n\treturn k\n}"
			if _, err := s.Execute(context.Background(), cell, 1); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			r, err := s.Execute(context.Background(), fmt.Sprintf("loopN(%d)", b.N), 2)
			if err != nil || r.Data["text/plain"] != fmt.Sprint(b.N) {
				b.Fatalf("loopN(%d) = %v, %v", b.N, r.Data, err)
			}
		})
	}
}
