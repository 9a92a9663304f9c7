package fib

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// benchShort sends b.N requests of fib(1) over one connection and reports requests per second.
func benchShort(b *testing.B, addr string) {
	c, err := dialClient(context.Background(), addr, time.Now().Add(time.Minute))
	if err != nil {
		b.Fatal(err)
	}
	defer c.close()
	start := time.Now()
	for b.Loop() {
		if _, err := c.request(1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkAlone is the talk's short-request client alone on each server version.
func BenchmarkAlone(b *testing.B) {
	for _, v := range Versions() {
		b.Run(v.String(), func(b *testing.B) {
			s, err := Start(v, "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			benchShort(b, s.Addr())
		})
	}
}

// BenchmarkUnderLong is the short-request client while another connection loops on long
// requests (fib(n) taking about 0.1 s). Sequential is left out: it never answers a second client.
// Run with a short -benchtime (e.g. 1s): on Scheduler every request waits for a long one.
func BenchmarkUnderLong(b *testing.B) {
	longN, took := PickN(100 * time.Millisecond)
	b.Logf("long request: fib(%d), %v", longN, took)
	for _, v := range Versions()[1:] {
		b.Run(v.String(), func(b *testing.B) {
			s, err := Start(v, "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			wg.Go(func() { Latency(ctx, s.Addr(), longN, MaxRequests, time.Minute) })
			time.Sleep(10 * time.Millisecond) // the first long request is on its way
			benchShort(b, s.Addr())
			cancel()
			wg.Wait()
		})
	}
}

// BenchmarkFib is the compiled cost of one fib(n), for the scale table of the notebook.
func BenchmarkFib(b *testing.B) {
	for _, n := range []int{20, 30} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Fib(n)
			}
		})
	}
}
