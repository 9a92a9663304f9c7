// Package sock is the "concurrency from the ground up" toolkit: non-blocking sockets and a
// hand-written event loop that serves many clients from one thread of control, as David Beazley
// live-codes it in Python (PyCon 2015), and the loop interface of his asyncio keynote.
//
// The model, bottom up:
//
//   - Socket is a TCP socket in non-blocking mode on 127.0.0.1. Accept, Recv and Send never wait:
//     when the operation would have to wait they return ErrWouldBlock at once.
//   - Loop is the scheduler. Its tasks are coroutines (Spawn). A task suspends by telling the loop
//     what it waits for: WaitRead(s) ("want to read s"), WaitWrite(s) ("want to write s") or
//     WaitFuture(f) (a job running on a Pool). The loop keeps a ready queue and two maps from
//     descriptor to waiting task; when no task is ready it asks the poller (epoll, the faster
//     select) which waited-for descriptors are ready and moves their tasks back into the ready
//     queue. Only one task runs at a time, so a task that computes for a long time stalls every
//     other client.
//   - Pool runs long jobs on worker goroutines. A finished job puts its task back and wakes the
//     loop by writing one byte into a pipe that the loop's poller always watches (Beazley's
//     socketpair).
//   - AsyncSocket wraps a Socket so that Accept, Recv and Send suspend inside: a handler written
//     with it reads like blocking code.
//   - EventLoop is the interface of the keynote (Listen, Accept, Recv, SendAll, CreateTask, Run,
//     Close) with two implementations: GoLoop (a goroutine per task and blocking net.Conn, that
//     is, Go's own runtime poller) and Loop (the hand-written one). ServeEcho is written once
//     against the interface and runs on both; EchoBenchmark measures them.
//
// Tasks are coroutines built on iter.Pull: a suspended task is parked on its own stack and the
// loop switches to it directly, so exactly one task runs at any moment, as in Python.
//
// Every loop, pool and server has a Close method that stops its goroutines and frees its port;
// Run and blocking calls return once Close is called. The package uses Linux system calls.
package sock
