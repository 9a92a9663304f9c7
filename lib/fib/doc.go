// Package fib is the Fibonacci service of David Beazley's "Python Concurrency From the Ground
// Up" (PyCon 2015), in each version the talk builds, and the two load clients it measures them with.
//
// The protocol: a client sends a number n on a line and gets fib(n) back on a line, computed by
// naive recursion (fib(1) = fib(2) = 1), so a large n is a long, CPU-bound request.
//
// The versions (Start):
//
//   - Sequential: the handler is called inside the accept loop, so a second client waits until the
//     first one disconnects.
//   - GoroutinePerConn: `go handle(conn)`, one goroutine per client (Beazley's thread per client).
//   - WorkerPool: one goroutine per client, but fib itself runs on a fixed pool of workers fed by a
//     channel (Beazley's process pool).
//   - Scheduler: one sock.Loop serves every client on one thread of control; tasks suspend with
//     "want to read" and "want to write". One long request stalls everyone.
//   - SchedulerPool: the same loop, written with sock.AsyncSocket, with fib sent to a sock.Pool; the
//     finished job wakes the loop through its pipe, so the stall is gone.
//
// The load clients: Latency sends one request after another and returns each round-trip time;
// RequestsPerSecond sends short requests as fast as it can and returns the rate per interval;
// RateUnderLoad does the latter while a long-request loop runs on another connection. Every load
// loop is bounded by a count and a time and stops when its context ends. PickN finds the n whose
// fib takes a given time on this machine (Go is about 300 times faster than CPython here, so the
// talk's fib(30) is no long request in Go).
package fib
