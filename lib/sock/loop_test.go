package sock

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/internal/leaktest"
)

// loops makes one of each EventLoop implementation.
func loops(t *testing.T) map[string]func() EventLoop {
	return map[string]func() EventLoop{
		"GoLoop": func() EventLoop { return NewGoLoop() },
		"Loop": func() EventLoop {
			l, err := NewLoop()
			if err != nil {
				t.Fatal(err)
			}
			return l
		},
	}
}

// lineLog collects log lines from the loop's goroutines.
type lineLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *lineLog) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, strings.Fields(s)[0])
}

func (l *lineLog) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.lines)
}

func TestEchoOnBothLoops(t *testing.T) {
	for name, newLoop := range loops(t) {
		t.Run(name, func(t *testing.T) {
			leaktest.Check(t)
			var log lineLog
			srv, err := StartEcho(newLoop(), "127.0.0.1:0", log.add)
			if err != nil {
				t.Fatal(err)
			}
			// Three clients connected at once, served in turns.
			var conns []io.ReadWriter
			for range 3 {
				c, _ := dial(t, srv.Addr())
				conns = append(conns, c)
			}
			for round := range 3 {
				for i, c := range conns {
					msg := fmt.Sprintf("hello %d.%d", i, round)
					if _, err := c.Write([]byte(msg)); err != nil {
						t.Fatal(err)
					}
					got := make([]byte, len(EchoPrefix)+len(msg))
					if _, err := io.ReadFull(c, got); err != nil || string(got) != EchoPrefix+msg {
						t.Fatalf("client %d got %q, %v", i, got, err)
					}
				}
			}
			for _, c := range conns {
				c.(io.Closer).Close()
			}
			waitFor(t, func() bool { return len(log.get()) == 6 })
			if got := log.get(); strings.Count(strings.Join(got, " "), "connected") != 3 || got[5] != "closed" {
				t.Fatalf("log %v, want 3 connected and 3 closed", got)
			}
			addr := srv.Addr()
			if err := srv.Close(); err != nil {
				t.Fatal(err)
			}
			if err := srv.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			checkPortFree(t, addr)
		})
	}
}

func TestCloseWithClientsConnected(t *testing.T) {
	for name, newLoop := range loops(t) {
		t.Run(name, func(t *testing.T) {
			leaktest.Check(t)
			srv, err := StartEcho(newLoop(), "127.0.0.1:0", nil)
			if err != nil {
				t.Fatal(err)
			}
			c, r := dial(t, srv.Addr())
			c.Write([]byte("x"))
			if _, err := io.ReadFull(r, make([]byte, len(EchoPrefix)+1)); err != nil {
				t.Fatal(err)
			}
			addr := srv.Addr()
			if err := srv.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := r.ReadByte(); err == nil {
				t.Fatal("connection still open after Close")
			}
			checkPortFree(t, addr)
		})
	}
}

func TestEchoBenchmarkCounts(t *testing.T) {
	for name, newLoop := range loops(t) {
		t.Run(name, func(t *testing.T) {
			leaktest.Check(t)
			srv, err := StartEcho(newLoop(), "127.0.0.1:0", nil)
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			r, err := EchoBenchmark(context.Background(), srv.Addr(), 500, 30*time.Second)
			if err != nil || r.Messages != 500 || r.PerSecond <= 0 {
				t.Fatalf("result %v, %v: want 500 messages", r, err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := EchoBenchmark(ctx, srv.Addr(), 500, 30*time.Second); !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled benchmark: %v", err)
			}
		})
	}
}

func TestEchoBenchmarkStopsAtMaxTime(t *testing.T) {
	leaktest.Check(t)
	srv, err := StartEcho(NewGoLoop(), "127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	r, err := EchoBenchmark(context.Background(), srv.Addr(), 1<<40, 50*time.Millisecond)
	if err != nil || r.Messages == 0 {
		t.Fatalf("result %v, %v: want a partial run and no error", r, err)
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestLoopRunsTasksOnOneThreadOfControl(t *testing.T) {
	leaktest.Check(t)
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	// Tasks spawned before Run run in order; a task may spawn another.
	var order []string
	for _, name := range []string{"a", "b", "c"} {
		l.Spawn(func() {
			order = append(order, name)
			if name == "b" {
				l.Spawn(func() { order = append(order, "b2") })
			}
		})
	}
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c", "b2"}; !slices.Equal(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	if got, want := l.Stats(), (Stats{Spawned: 4, Finished: 4, Resumes: 4, Polls: 0}); got != want {
		t.Fatalf("stats %v, want %v", got, want)
	}
}

func TestLoopReportsTaskPanics(t *testing.T) {
	leaktest.Check(t)
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ran := false
	l.Spawn(func() { panic("boom") })
	l.Spawn(func() { ran = true })
	err = l.Run()
	if err == nil || !strings.Contains(err.Error(), "boom") || !ran {
		t.Fatalf("Run = %v, ran = %v: want the panic reported and the other task run", err, ran)
	}
}

func TestWaitOutsideTaskPanics(t *testing.T) {
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	defer func() {
		if recover() == nil {
			t.Fatal("WaitRead outside a task did not panic")
		}
	}()
	l.WaitRead(&Socket{})
}

func TestRunAfterCloseFails(t *testing.T) {
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if err := l.Run(); !errors.Is(err, ErrClosed) {
		t.Fatalf("Run after Close = %v", err)
	}
	l.Spawn(func() { t.Error("task of a closed loop ran") })
}

func TestCloseUnwindsSuspendedTasks(t *testing.T) {
	leaktest.Check(t)
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := l.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deferred := make(chan bool, 1)
	acceptErr := make(chan error, 1)
	l.Spawn(func() {
		defer func() { deferred <- true }()
		_, err := l.Accept(ln) // nobody connects: suspended until Close
		acceptErr <- err
	})
	stubborn := make(chan bool, 1)
	l.Spawn(func() {
		defer func() { stubborn <- true }()
		s, _ := Listen("127.0.0.1:0")
		for { // ignores every error: Close must unwind it
			l.WaitRead(s)
			s.Accept()
		}
	})
	done := make(chan error, 1)
	go func() { done <- l.Run() }()
	time.Sleep(20 * time.Millisecond) // let the task suspend; the test holds either way
	addr := ln.LocalAddr()
	l.Close()
	if err := <-done; err != nil {
		t.Fatalf("Run = %v", err)
	}
	select {
	case <-deferred:
	default:
		t.Fatal("the suspended task's defer did not run")
	}
	if err := <-acceptErr; err == nil {
		t.Fatal("Accept on a closed loop returned no error")
	}
	select {
	case <-stubborn:
	default:
		t.Fatal("the task that ignores errors was not unwound")
	}
	checkPortFree(t, addr)
}

func TestWaitFutureWakesTheLoop(t *testing.T) {
	leaktest.Check(t)
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	pool := NewPool(2)
	defer pool.Close()
	defer l.Close()
	release := make(chan struct{})
	var got any
	var gotErr error
	var events []string
	l.Spawn(func() {
		f := pool.Submit(func() any { <-release; return 42 })
		events = append(events, "parked")
		got, gotErr = l.WaitFuture(f)
		events = append(events, "woken")
	})
	l.Spawn(func() {
		events = append(events, "other task ran")
		close(release) // the job can finish only after the loop ran this task
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"parked", "other task ran", "woken"}; !slices.Equal(events, want) || got != 42 || gotErr != nil {
		t.Fatalf("events %v, result %v %v", events, got, gotErr)
	}
	if st := l.Stats(); st.Resumes != 3 || st.Finished != 2 || st.Polls > 1 {
		t.Fatalf("stats %v: want 3 resumes, 2 finished, at most one poll (for the wake-up)", st)
	}
}

func TestPool(t *testing.T) {
	leaktest.Check(t)
	p := NewPool(3)
	var futures []*Future
	for i := range 10 {
		futures = append(futures, p.Submit(func() any { return i * i }))
	}
	bad := p.Submit(func() any { panic("job failed") })
	for i, f := range futures {
		if v, err := f.Result(); v != i*i || err != nil {
			t.Fatalf("job %d = %v, %v", i, v, err)
		}
	}
	if _, err := bad.Result(); err == nil || !strings.Contains(err.Error(), "job failed") {
		t.Fatalf("panicking job: %v", err)
	}
	called := false
	futures[0].AddDoneCallback(func() { called = true })
	if !called || !futures[0].Done() {
		t.Fatal("callback on a finished future did not run at once")
	}
	p.Close()
	if _, err := p.Submit(func() any { return 1 }).Result(); !errors.Is(err, ErrClosed) {
		t.Fatalf("Submit after Close: %v", err)
	}
}

func TestPoolCloseFailsQueuedJobs(t *testing.T) {
	leaktest.Check(t)
	p := NewPool(1)
	started, release := make(chan struct{}), make(chan struct{})
	running := p.Submit(func() any { close(started); <-release; return "done" })
	<-started
	queued := p.Submit(func() any { return "never" })
	closed := make(chan struct{})
	go func() { p.Close(); close(closed) }()
	if _, err := queued.Result(); !errors.Is(err, ErrClosed) {
		t.Fatalf("queued job: %v, want ErrClosed", err)
	}
	close(release)
	<-closed
	if v, _ := running.Result(); v != "done" {
		t.Fatalf("running job = %v", v)
	}
}

// TestLoopReusedDescriptors connects clients one after another, so that the kernel hands the
// same descriptor numbers out again: the poller must not confuse a new socket with a closed one.
func TestLoopReusedDescriptors(t *testing.T) {
	leaktest.Check(t)
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := StartEcho(l, "127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for i := range 30 {
		c, r := dial(t, srv.Addr())
		fmt.Fprintf(c, "%d", i%10)
		got := make([]byte, len(EchoPrefix)+1)
		if _, err := io.ReadFull(r, got); err != nil || string(got) != fmt.Sprintf("%s%d", EchoPrefix, i%10) {
			t.Fatalf("client %d: %q, %v", i, got, err)
		}
		c.Close()
	}
}

func TestWaitOnClosedSocketDoesNotStopTheLoop(t *testing.T) {
	leaktest.Check(t)
	l, err := NewLoop()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	s, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var recvErr error
	l.Spawn(func() {
		l.WaitRead(s)
		_, recvErr = s.Recv(make([]byte, 1))
	})
	if err := l.Run(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if recvErr == nil {
		t.Fatal("Recv on a closed socket: no error")
	}
}
