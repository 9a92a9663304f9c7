package closer_test

import (
	"net"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/internal/leaktest"

	"github.com/gokernel/gokernel/lib/closer"
	"github.com/gokernel/gokernel/lib/fib"
	"github.com/gokernel/gokernel/lib/news"
	"github.com/gokernel/gokernel/lib/sock"
)

// TestSetStopsToolkitServers does what the executor does on an interrupt: the toolkit's
// constructors, wrapped by a Set, start servers and loops as a cell would; Set.Close must stop all
// of them, free their ports and leave no goroutine behind.
func TestSetStopsToolkitServers(t *testing.T) {
	before := runtime.NumGoroutine()
	var cells closer.Set
	fibStart := cells.Wrap(reflect.ValueOf(fib.Start)).Interface().(func(fib.Version, string) (*fib.Server, error))
	newsStart := cells.Wrap(reflect.ValueOf(news.Start)).Interface().(func(news.Options) (*news.Server, error))
	newLoop := cells.Wrap(reflect.ValueOf(sock.NewLoop)).Interface().(func() (*sock.Loop, error))
	newPool := cells.Wrap(reflect.ValueOf(sock.NewPool)).Interface().(func(int) *sock.Pool)

	var addrs []string
	for _, v := range fib.Versions() {
		s, err := fibStart(v, "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addrs = append(addrs, s.Addr())
		c, err := net.Dial("tcp", s.Addr()) // a connected client must not keep the server alive
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	ns, err := newsStart(news.Options{Latency: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	addrs = append(addrs, ns.Addr())
	loop, err := newLoop()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := loop.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addrs = append(addrs, ln.LocalAddr())
	loop.Spawn(func() { sock.ServeEcho(loop, ln, nil) })
	go loop.Run() // as a cell would: Run returns when the Set closes the loop
	newPool(4)

	if n := cells.Len(); n != 8 {
		t.Fatalf("the set holds %d closers, want 8", n)
	}
	if err := cells.Close(); err != nil {
		t.Fatal(err)
	}
	for _, addr := range addrs {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			t.Errorf("port %s still taken: %v", addr, err)
			continue
		}
		l.Close()
	}
	leaktest.Wait(t, before)
}
