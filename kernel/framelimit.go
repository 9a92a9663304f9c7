package kernel

import (
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"slices"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// zmq4 allocates every frame at the size its peer announces, before reading
// it, so one forged 8-byte length could make the kernel allocate terabytes
// and die. The sockets therefore listen through a transport that reads the
// ZMTP 3 framing as it passes and drops a connection whose message would
// exceed the size limit, before zmq4 sees the length.

// limitedScheme registers (once per network and limit, in zmq4's registry)
// a transport that limits messages to max bytes, and returns its scheme.
func limitedScheme(network string, max int) (string, error) {
	scheme := fmt.Sprintf("%s+max%d", network, max)
	if slices.Contains(zmq4.Transports(), scheme) {
		return scheme, nil
	}
	base := transport.New("tcp")
	if network == "ipc" {
		base = transport.New("unix")
	}
	err := zmq4.RegisterTransport(scheme, limitTransport{base: base, max: uint64(max)})
	if err != nil && !slices.Contains(zmq4.Transports(), scheme) { // not just a concurrent registration
		return "", fmt.Errorf("register %s transport: %w", scheme, err)
	}
	return scheme, nil
}

// limitTransport wraps a transport's connections in limitConn.
type limitTransport struct {
	base transport.Transport
	max  uint64
}

func (t limitTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	c, err := t.base.Dial(ctx, d, addr)
	if err != nil {
		return nil, err
	}
	return newLimitConn(c, t.max), nil
}

func (t limitTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.base.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return limitListener{Listener: l, max: t.max}, nil
}

func (t limitTransport) Addr(ep string) (string, error) { return t.base.Addr(ep) }

type limitListener struct {
	net.Listener
	max uint64
}

func (l limitListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newLimitConn(c, l.max), nil
}

// ZMTP 3 framing: a 64-byte greeting, then frames of a flags byte, a 1- or
// 8-byte big-endian size and the body.
const (
	zmtpGreeting = 64
	flagMore     = 1
	flagLong     = 2
	flagCommand  = 4
)

// frameState is where a limitConn is in the byte stream.
type frameState int

const (
	inGreeting frameState = iota
	inFlags
	inSize
	inBody
)

// limitConn passes reads through while it follows the framing, and fails
// the connection when a frame would make its message larger than max.
type limitConn struct {
	net.Conn
	max uint64

	state    frameState
	skip     uint64 // bytes left in the greeting or body
	flags    byte
	size     [8]byte
	sizeLen  int    // bytes of the size field expected
	sizeGot  int    // bytes of it seen
	msgTotal uint64 // bytes announced so far in the current message
	tooLarge error
}

func newLimitConn(c net.Conn, max uint64) *limitConn {
	return &limitConn{Conn: c, max: max, state: inGreeting, skip: zmtpGreeting}
}

func (c *limitConn) Read(p []byte) (int, error) {
	if c.tooLarge != nil {
		return 0, c.tooLarge
	}
	n, err := c.Conn.Read(p)
	if e := c.scan(p[:n]); e != nil {
		c.tooLarge = fmt.Errorf("peer %s: %w: connection dropped", c.RemoteAddr(), e)
		_ = c.Conn.Close()
		return 0, c.tooLarge
	}
	return n, err
}

// scan follows the framing through b.
func (c *limitConn) scan(b []byte) error {
	for len(b) > 0 {
		switch c.state {
		case inGreeting, inBody:
			k := min(c.skip, uint64(len(b)))
			c.skip -= k
			b = b[k:]
			if c.skip == 0 {
				c.endBody()
			}
		case inFlags:
			c.flags = b[0]
			b = b[1:]
			c.sizeLen, c.sizeGot = 1, 0
			if c.flags&flagLong != 0 {
				c.sizeLen = 8
			}
			c.state = inSize
		case inSize:
			k := min(c.sizeLen-c.sizeGot, len(b))
			copy(c.size[c.sizeGot:], b[:k])
			c.sizeGot += k
			b = b[k:]
			if c.sizeGot < c.sizeLen {
				continue
			}
			size := uint64(c.size[0])
			if c.sizeLen == 8 {
				size = binary.BigEndian.Uint64(c.size[:])
			}
			if c.flags&flagCommand == 0 {
				c.msgTotal += size
			}
			if size > c.max || c.msgTotal > c.max {
				return fmt.Errorf("message over %d bytes", c.max)
			}
			c.state, c.skip = inBody, size
			if size == 0 {
				c.endBody()
			}
		}
	}
	return nil
}

// endBody moves on after a greeting or a frame body.
func (c *limitConn) endBody() {
	if c.state == inBody && c.flags&(flagMore|flagCommand) == 0 {
		c.msgTotal = 0 // the last frame of a message
	}
	c.state = inFlags
}
