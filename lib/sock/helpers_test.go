package sock

import (
	"bufio"
	"net"
	"testing"
	"time"
)

// checkPortFree fails if addr cannot be bound again.
func checkPortFree(t *testing.T, addr string) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("port %s not free after Close: %v", addr, err)
	}
	ln.Close()
}

// dial connects to addr with a 30 s deadline on every operation, as a failure bound.
func dial(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(30 * time.Second))
	t.Cleanup(func() { c.Close() })
	return c, bufio.NewReader(c)
}
