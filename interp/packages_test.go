package interp

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"
)

// TestCloseAllStopsServers starts a toolkit server from a cell and checks
// that CloseAll frees its port and that the session goes on.
func TestCloseAllStopsServers(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := s.Execute(ctx, "srv, err := fib.Start(fib.Sequential, \"127.0.0.1:0\")\nif err != nil { panic(err) }\nsrv.Addr()", 1)
	if err != nil {
		t.Fatal(err)
	}
	addr, err := strconv.Unquote(res.Data["text/plain"].(string))
	if err != nil {
		t.Fatalf("result %v: %v", res.Data, err)
	}
	if ln, err := net.Listen("tcp", addr); err == nil {
		ln.Close()
		t.Fatalf("the server's port %s is free while it runs", addr)
	}
	if err := s.CloseAll(); err != nil {
		t.Fatalf("CloseAll: %v", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("port %s still taken after CloseAll: %v", addr, err)
	}
	ln.Close()
	if err := s.CloseAll(); err != nil {
		t.Errorf("second CloseAll: %v", err)
	}
	if _, err := s.Execute(ctx, "1 + 1", 2); err != nil {
		t.Errorf("the session does not go on after CloseAll: %v", err)
	}
}
