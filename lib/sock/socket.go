package sock

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync/atomic"
	"syscall"
)

// ErrWouldBlock is returned by the non-blocking operations of Socket when they would have to wait.
var ErrWouldBlock = errors.New("sock: operation would block")

// Socket is a TCP socket in non-blocking mode. Accept, Recv and Send return ErrWouldBlock instead
// of waiting. A Socket is not registered with Go's runtime poller: waiting is the caller's job
// (Loop.WaitRead, Loop.WaitWrite).
type Socket struct {
	fd atomic.Int64 // -1 once closed
}

// newSocket wraps an open descriptor.
func newSocket(fd int) *Socket {
	s := &Socket{}
	s.fd.Store(int64(fd))
	return s
}

// Listen opens a non-blocking listening socket on addr, which must be an IPv4 loopback address
// such as "127.0.0.1:25000" or "127.0.0.1:0" (a free port).
func Listen(addr string) (*Socket, error) {
	sa, err := loopbackSockaddr(addr)
	if err != nil {
		return nil, err
	}
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("sock: socket: %w", err)
	}
	// SO_REUSEADDR lets a closed server's port be bound again at once.
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("sock: reuseaddr: %w", err)
	}
	if err := syscall.Bind(fd, sa); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("sock: bind %s: %w", addr, err)
	}
	if err := syscall.Listen(fd, 128); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("sock: listen %s: %w", addr, err)
	}
	return newSocket(fd), nil
}

// CheckLoopback returns an error unless addr is an IPv4 loopback address with a port, such as
// "127.0.0.1:0" or "localhost:25000": the toolkit's servers listen on 127.0.0.1 only.
func CheckLoopback(addr string) error {
	_, err := loopbackSockaddr(addr)
	return err
}

// loopbackSockaddr parses addr and refuses anything but an IPv4 loopback address.
func loopbackSockaddr(addr string) (*syscall.SockaddrInet4, error) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("sock: address %q: %w", addr, err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host).To4()
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("sock: address %q is not an IPv4 loopback address; servers listen on 127.0.0.1 only", addr)
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("sock: address %q: bad port", addr)
	}
	sa := &syscall.SockaddrInet4{Port: port}
	copy(sa.Addr[:], ip)
	return sa, nil
}

// Fd is the socket's file descriptor, or -1 once it is closed.
func (s *Socket) Fd() int { return int(s.fd.Load()) }

// LocalAddr is the address the socket is bound to, e.g. "127.0.0.1:41234".
func (s *Socket) LocalAddr() string {
	sa, err := syscall.Getsockname(s.Fd())
	if err != nil {
		return ""
	}
	if in4, ok := sa.(*syscall.SockaddrInet4); ok {
		return net.JoinHostPort(net.IP(in4.Addr[:]).String(), strconv.Itoa(in4.Port))
	}
	return ""
}

// Accept takes one pending connection from a listening socket, or returns ErrWouldBlock when
// none is waiting.
func (s *Socket) Accept() (*Socket, error) {
	for {
		fd, _, err := syscall.Accept4(s.Fd(), syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
		switch {
		case err == nil:
			// Small requests and replies go out at once instead of waiting to be merged.
			_ = syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
			return newSocket(fd), nil
		case err == syscall.EINTR || err == syscall.ECONNABORTED:
			continue
		case err == syscall.EAGAIN:
			return nil, ErrWouldBlock
		default:
			return nil, fmt.Errorf("sock: accept: %w", err)
		}
	}
}

// Recv reads what has arrived into buf. It returns ErrWouldBlock when nothing has arrived yet and
// io.EOF when the peer has closed the connection.
func (s *Socket) Recv(buf []byte) (int, error) {
	for {
		n, err := syscall.Read(s.Fd(), buf)
		switch {
		case err == nil && n == 0 && len(buf) > 0:
			return 0, io.EOF
		case err == nil:
			return n, nil
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return 0, ErrWouldBlock
		default:
			return 0, fmt.Errorf("sock: recv: %w", err)
		}
	}
}

// Send writes as much of data as the socket takes now and returns how much that was. It returns
// ErrWouldBlock when the socket takes nothing now.
func (s *Socket) Send(data []byte) (int, error) {
	for {
		// MSG_NOSIGNAL: a peer that went away gives EPIPE, not a SIGPIPE.
		n, err := syscall.SendmsgN(s.Fd(), data, nil, nil, syscall.MSG_NOSIGNAL)
		switch {
		case err == nil:
			return n, nil
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return 0, ErrWouldBlock
		default:
			return 0, fmt.Errorf("sock: send: %w", err)
		}
	}
}

// Close closes the socket. Closing a closed socket does nothing.
func (s *Socket) Close() error {
	fd := s.fd.Swap(-1)
	if fd < 0 {
		return nil
	}
	if err := syscall.Close(int(fd)); err != nil {
		return fmt.Errorf("sock: close: %w", err)
	}
	return nil
}
