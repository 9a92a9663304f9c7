package sock

import (
	"errors"
	"io"
	"net"
	"testing"
)

func TestSocketNeverBlocks(t *testing.T) {
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if _, err := ln.Accept(); !errors.Is(err, ErrWouldBlock) {
		t.Fatalf("Accept with no client: %v, want ErrWouldBlock", err)
	}
	client, err := net.Dial("tcp", ln.LocalAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	// Wait for the connection in the poller, as the loop does.
	p, err := newPoller()
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	if r, _, err := p.wait([]int{ln.Fd()}, nil); err != nil || len(r) != 1 {
		t.Fatalf("wait: %v %v", r, err)
	}
	conn, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	buf := make([]byte, 16)
	if _, err := conn.Recv(buf); !errors.Is(err, ErrWouldBlock) {
		t.Fatalf("Recv with nothing sent: %v, want ErrWouldBlock", err)
	}
	if _, w, err := p.wait(nil, []int{conn.Fd()}); err != nil || len(w) != 1 {
		t.Fatalf("a fresh connection is not writable: %v %v", w, err)
	}
	if n, err := conn.Send([]byte("hi\n")); n != 3 || err != nil {
		t.Fatalf("Send = %d, %v", n, err)
	}
	got := make([]byte, 3)
	if _, err := io.ReadFull(client, got); err != nil || string(got) != "hi\n" {
		t.Fatalf("client got %q, %v", got, err)
	}
	client.Write([]byte("42\n"))
	if _, _, err := p.wait([]int{conn.Fd()}, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := conn.Recv(buf); err != nil || string(buf[:n]) != "42\n" {
		t.Fatalf("Recv = %q, %v", buf[:n], err)
	}
	client.Close()
	if _, _, err := p.wait([]int{conn.Fd()}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Recv(buf); err != io.EOF {
		t.Fatalf("Recv after the peer closed: %v, want io.EOF", err)
	}
	if err := conn.Close(); err != nil || conn.Close() != nil || conn.Fd() != -1 {
		t.Fatal("Close is not idempotent")
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::1]:0", "192.0.2.1:80", "127.0.0.1:x", "nonsense"} {
		if s, err := Listen(addr); err == nil {
			s.Close()
			t.Errorf("Listen(%q) accepted", addr)
		}
		if _, err := NewGoLoop().Listen(addr); err == nil {
			t.Errorf("GoLoop.Listen(%q) accepted", addr)
		}
	}
	s, err := Listen("localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestPollerRefusesClosedSockets(t *testing.T) {
	p, err := newPoller()
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	closed := &Socket{}
	closed.fd.Store(-1)
	if _, _, err := p.wait([]int{closed.Fd()}, nil); err == nil {
		t.Fatal("wait on a closed socket: no error")
	}
}
