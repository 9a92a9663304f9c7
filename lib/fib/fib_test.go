package fib

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/internal/leaktest"
)

func TestFib(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{0, 0}, {1, 1}, {2, 1}, {3, 2}, {10, 55}, {20, 6765}, {30, 832040}} {
		if got := Fib(tt.n); got != tt.want {
			t.Errorf("Fib(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

func TestAnswer(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"10\n", "55\n"},
		{" 20 \r\n", "6765\n"},
		{"x\n", "error: not a number: \"x\"\n"},
		{"-1\n", fmt.Sprintf("error: n must be between 0 and %d\n", MaxN)},
		{fmt.Sprintf("%d\n", MaxN+1), fmt.Sprintf("error: n must be between 0 and %d\n", MaxN)},
	} {
		if got := answer(tt.line); got != tt.want {
			t.Errorf("answer(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// startTest starts a server for one test; at the end it closes it and checks that the port is
// free and no goroutine is left.
func startTest(t *testing.T, v Version) *Server {
	t.Helper()
	before := runtime.NumGoroutine()
	s, err := Start(v, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
		ln, err := net.Listen("tcp", s.Addr())
		if err != nil {
			t.Errorf("port not free after Close: %v", err)
		} else {
			ln.Close()
		}
		leaktest.Wait(t, before)
	})
	return s
}

// conn is a test client with a 30 s failure bound on every operation.
type conn struct {
	net.Conn
	r *bufio.Reader
}

func dialTest(t *testing.T, addr string) *conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(30 * time.Second))
	t.Cleanup(func() { c.Close() })
	return &conn{c, bufio.NewReader(c)}
}

func (c *conn) ask(t *testing.T, line string) string {
	t.Helper()
	if _, err := fmt.Fprint(c, line); err != nil {
		t.Fatal(err)
	}
	reply, err := c.r.ReadString('\n')
	if err != nil {
		t.Fatalf("no reply to %q: %v", line, err)
	}
	return reply
}

func TestProtocolOnEveryVersion(t *testing.T) {
	for _, v := range Versions() {
		t.Run(v.String(), func(t *testing.T) {
			s := startTest(t, v)
			c := dialTest(t, s.Addr())
			for _, tt := range []struct{ in, want string }{{"10\n", "55\n"}, {"20\n", "6765\n"}, {"30\n", "832040\n"}, {"zz\n", "error: not a number: \"zz\"\n"}} {
				if got := c.ask(t, tt.in); got != tt.want {
					t.Fatalf("%q -> %q, want %q", tt.in, got, tt.want)
				}
			}
			// Three requests in one write are three replies.
			got := c.ask(t, "1\n2\n4\n")
			for range 2 {
				line, err := c.r.ReadString('\n')
				if err != nil {
					t.Fatal(err)
				}
				got += line
			}
			if got != "1\n1\n3\n" {
				t.Fatalf("pipelined replies %q", got)
			}
		})
	}
}

func TestSequentialServesOneClientAtATime(t *testing.T) {
	s := startTest(t, Sequential)
	first := dialTest(t, s.Addr())
	if got := first.ask(t, "10\n"); got != "55\n" {
		t.Fatal(got)
	}
	second := dialTest(t, s.Addr())
	fmt.Fprint(second, "10\n")
	// The server is inside the first client's handler: it cannot even accept the second.
	second.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, err := second.r.ReadString('\n'); err == nil {
		t.Fatal("the second client got a reply while the first was connected")
	}
	first.Close()
	second.SetReadDeadline(time.Now().Add(30 * time.Second))
	if got, err := second.r.ReadString('\n'); err != nil || got != "55\n" {
		t.Fatalf("after the first left: %q, %v", got, err)
	}
}

func TestConcurrentVersionsServeBothClients(t *testing.T) {
	for _, v := range []Version{GoroutinePerConn, WorkerPool, Scheduler, SchedulerPool} {
		t.Run(v.String(), func(t *testing.T) {
			s := startTest(t, v)
			var clients []*conn
			for range 5 {
				clients = append(clients, dialTest(t, s.Addr()))
			}
			for round := range 3 {
				for i, c := range clients {
					n := 10 + i + round
					if got, want := c.ask(t, fmt.Sprintf("%d\n", n)), fmt.Sprintf("%d\n", Fib(n)); got != want {
						t.Fatalf("client %d: %q, want %q", i, got, want)
					}
				}
			}
		})
	}
}

// TestLongRequestStallsOnlyTheScheduler sends a long request on one connection and, while it
// computes, a short one on another. Only the Scheduler version, which computes fib on its one
// thread of control, answers the short request after the long one: when the short reply is
// there, the long reply is already waiting in its socket.
func TestLongRequestStallsOnlyTheScheduler(t *testing.T) {
	longN, _ := PickN(500 * time.Millisecond)
	for _, tt := range []struct {
		v         Version
		longFirst bool
	}{
		{GoroutinePerConn, false},
		{WorkerPool, false},
		{Scheduler, true},
		{SchedulerPool, false},
	} {
		t.Run(tt.v.String(), func(t *testing.T) {
			s := startTest(t, tt.v)
			long, short := dialTest(t, s.Addr()), dialTest(t, s.Addr())
			short.ask(t, "1\n") // both connections are being served
			fmt.Fprintf(long, "%d\n", longN)
			time.Sleep(200 * time.Millisecond) // let the long request start; under half of its time
			short.ask(t, "1\n")
			long.SetReadDeadline(time.Now().Add(10 * time.Millisecond))
			_, err := long.r.ReadString('\n')
			if longFirst := err == nil; longFirst != tt.longFirst {
				t.Fatalf("long reply (fib(%d)) already there when the short one came: %v, want %v", longN, longFirst, tt.longFirst)
			}
		})
	}
}

func TestCloseWhileComputing(t *testing.T) {
	longN, _ := PickN(100 * time.Millisecond)
	for _, v := range Versions() {
		t.Run(v.String(), func(t *testing.T) {
			s := startTest(t, v)
			c := dialTest(t, s.Addr())
			fmt.Fprintf(c, "%d\n", longN)
			time.Sleep(20 * time.Millisecond) // the request may or may not have started: both must close
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestStartRefuses(t *testing.T) {
	if _, err := Start(Version(99), "127.0.0.1:0"); err == nil {
		t.Error("unknown version accepted")
	}
	if _, err := StartWorkers(WorkerPool, "127.0.0.1:0", 0); err == nil {
		t.Error("0 workers accepted")
	}
	for _, v := range Versions() {
		if s, err := Start(v, "0.0.0.0:0"); err == nil {
			s.Close()
			t.Errorf("%v listened on 0.0.0.0", v)
		}
	}
	if Version(99).String() != "Version(99)" {
		t.Error(Version(99).String())
	}
}

func TestPickN(t *testing.T) {
	n, took := PickN(5 * time.Millisecond)
	if n < 20 || n >= MaxN || took < 5*time.Millisecond {
		t.Fatalf("PickN(5ms) = %d, %v", n, took)
	}
}

func TestLatencyClient(t *testing.T) {
	s := startTest(t, GoroutinePerConn)
	times, err := Latency(context.Background(), s.Addr(), 20, 25, 30*time.Second)
	if err != nil || len(times) != 25 {
		t.Fatalf("%d times, %v: want 25", len(times), err)
	}
	for _, d := range times {
		if d <= 0 {
			t.Fatalf("round trip %v", d)
		}
	}
	// A time budget that ends first stops the loop without error.
	longN, _ := PickN(50 * time.Millisecond)
	times, err = Latency(context.Background(), s.Addr(), longN, 1000, 120*time.Millisecond)
	if err != nil || len(times) >= 1000 {
		t.Fatalf("%d times, %v: want a few and no error", len(times), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Latency(ctx, s.Addr(), 1, 10, 30*time.Second); err == nil {
		t.Fatal("cancelled context: no error")
	}
	if _, err := Latency(context.Background(), s.Addr(), MaxN+1, 1, 30*time.Second); err == nil || !strings.Contains(err.Error(), "replied") {
		t.Fatalf("error reply: %v", err)
	}
}

func TestRequestsPerSecondClient(t *testing.T) {
	s := startTest(t, GoroutinePerConn)
	samples, err := RequestsPerSecond(context.Background(), s.Addr(), 1, 50*time.Millisecond, 300*time.Millisecond)
	if err != nil || len(samples) != 6 {
		t.Fatalf("%d samples, %v: want 6", len(samples), err)
	}
	for i, smp := range samples {
		if smp.At != time.Duration(i+1)*50*time.Millisecond || smp.Count <= 0 || smp.Rate != float64(smp.Count)/0.05 {
			t.Fatalf("sample %d: %+v", i, smp)
		}
	}
}

func TestRequestsPerSecondCountsSilentIntervals(t *testing.T) {
	s := startTest(t, Sequential)
	first := dialTest(t, s.Addr())
	first.ask(t, "1\n") // the sequential server is now busy with this client
	samples, err := RequestsPerSecond(context.Background(), s.Addr(), 1, 50*time.Millisecond, 200*time.Millisecond)
	if err != nil || len(samples) != 4 {
		t.Fatalf("%d samples, %v: want 4", len(samples), err)
	}
	for _, smp := range samples {
		if smp.Count != 0 {
			t.Fatalf("sample %+v: the sequential server answered a second client", smp)
		}
	}
}

func TestRateUnderLoad(t *testing.T) {
	s := startTest(t, GoroutinePerConn)
	longN, _ := PickN(20 * time.Millisecond)
	run, err := RateUnderLoad(context.Background(), s.Addr(), 1, longN, 50*time.Millisecond, 200*time.Millisecond, 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Samples) != 10 || run.LoadStart < 200*time.Millisecond || len(run.Long) == 0 {
		t.Fatalf("run: %d samples, load at %v, %d long requests", len(run.Samples), run.LoadStart, len(run.Long))
	}
	if run.RateAlone() <= 0 || run.RateLoaded() <= 0 {
		t.Fatalf("rates %v alone, %v loaded", run.RateAlone(), run.RateLoaded())
	}
}

func TestTakeLines(t *testing.T) {
	for _, tt := range []struct {
		in    string
		lines []string
		rest  string
	}{
		{"", nil, ""},
		{"12", nil, "12"},
		{"12\n", []string{"12"}, ""},
		{"1\n2\n3", []string{"1", "2"}, "3"},
	} {
		lines, rest := takeLines([]byte(tt.in))
		if !slices.Equal(lines, tt.lines) || string(rest) != tt.rest {
			t.Errorf("takeLines(%q) = %q, %q; want %q, %q", tt.in, lines, rest, tt.lines, tt.rest)
		}
	}
}

func TestLatencyClients(t *testing.T) {
	s := startTest(t, WorkerPool)
	times, err := LatencyClients(context.Background(), s.Addr(), 25, 3, 4, 30*time.Second)
	if err != nil || len(times) != 3 {
		t.Fatalf("%d clients, %v", len(times), err)
	}
	for i, c := range times {
		if len(c) != 4 {
			t.Fatalf("client %d: %d times, want 4", i, len(c))
		}
	}
}
