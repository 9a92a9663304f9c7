package fib_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"time"

	"github.com/gokernel/gokernel/lib/fib"
)

func ExampleFib() {
	fmt.Println(fib.Fib(10), fib.Fib(20), fib.Fib(30))
	// Output: 55 6765 832040
}

func ExampleStart() {
	srv, err := fib.Start(fib.Scheduler, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c, err := net.Dial("tcp", srv.Addr())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	r := bufio.NewReader(c)
	for _, n := range []int{10, 20, 30} {
		fmt.Fprintf(c, "%d\n", n)
		reply, _ := r.ReadString('\n')
		fmt.Print(reply)
	}
	// Output:
	// 55
	// 6765
	// 832040
}

func ExampleLatency() {
	srv, err := fib.Start(fib.GoroutinePerConn, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	// 10 requests of fib(25), or as many as fit in 30 s.
	times, err := fib.Latency(context.Background(), srv.Addr(), 25, 10, 30*time.Second)
	fmt.Println(len(times), "round trips,", err)
	// Output: 10 round trips, <nil>
}

func ExampleRequestsPerSecond() {
	srv, err := fib.Start(fib.WorkerPool, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	samples, err := fib.RequestsPerSecond(context.Background(), srv.Addr(), 1, 100*time.Millisecond, 500*time.Millisecond)
	fmt.Println(len(samples), "samples,", err)
	for _, s := range samples {
		if s.Rate <= 0 {
			fmt.Println("an interval without replies at", s.At)
		}
	}
	// Output: 5 samples, <nil>
}

func ExampleRateUnderLoad() {
	srv, err := fib.Start(fib.SchedulerPool, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	longN, _ := fib.PickN(20 * time.Millisecond)
	run, err := fib.RateUnderLoad(context.Background(), srv.Addr(), 1, longN, 50*time.Millisecond, 200*time.Millisecond, 200*time.Millisecond)
	fmt.Println(len(run.Samples), "samples,", err, run.RateAlone() > 0, run.RateLoaded() > 0)
	// Output: 8 samples, <nil> true true
}

func ExamplePickN() {
	n, took := fib.PickN(100 * time.Millisecond)
	fmt.Println(n >= 30 && n < fib.MaxN, took >= 100*time.Millisecond)
	// Output: true true
}

func ExampleLatencyClients() {
	srv, err := fib.Start(fib.GoroutinePerConn, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	times, err := fib.LatencyClients(context.Background(), srv.Addr(), 25, 2, 3, 30*time.Second)
	fmt.Println(len(times), "clients,", len(times[0]), "and", len(times[1]), "round trips,", err)
	// Output: 2 clients, 3 and 3 round trips, <nil>
}
