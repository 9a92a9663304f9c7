package coro_test

import (
	"iter"
	"testing"

	"github.com/gokernel/gokernel/lib/coro"
)

// BenchmarkSend measures one round trip: Send hands a value in, the body's
// Yield returns it and hands the next value out.
func BenchmarkSend(b *testing.B) {
	co := coro.New(func(c *coro.Co) any {
		v := c.Yield(0)
		for {
			v = c.Yield(v)
		}
	})
	co.Next()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, _, err := co.Send(i); err != nil {
			b.Fatal(err)
		}
	}
	if err := co.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkNewRun measures creating a coroutine and running it to its end.
func BenchmarkNewRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		co := coro.New(func(c *coro.Co) any { c.Yield(1); return 2 })
		co.Next()
		co.Next()
	}
}

// BenchmarkChannelPingPong is the same round trip between two goroutines
// over unbuffered channels, for comparison.
func BenchmarkChannelPingPong(b *testing.B) {
	in, out := make(chan int), make(chan int)
	go func() {
		for v := range in {
			out <- v
		}
		close(out)
	}()
	for i := 0; b.Loop(); i++ {
		in <- i
		<-out
	}
	close(in)
	<-out
}

// BenchmarkIterPull is the bare runtime switch that Send is built on: one
// next() of iter.Pull, for comparison with BenchmarkSend.
func BenchmarkIterPull(b *testing.B) {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	})
	defer stop()
	for b.Loop() {
		next()
	}
}
