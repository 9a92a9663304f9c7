package kernel_test

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/kerneltest"
	"github.com/gokernel/gokernel/kernel/wire"
)

// zmtpHello is what a ZMTP 3.0 DEALER sends first: the greeting with the
// NULL mechanism and a READY command.
func zmtpHello() []byte {
	greeting := make([]byte, 64)
	greeting[0], greeting[9], greeting[10] = 0xff, 0x7f, 3
	copy(greeting[12:], "NULL")
	ready := []byte("\x05READY")
	ready = append(ready, byte(len("Socket-Type")))
	ready = append(ready, "Socket-Type"...)
	ready = binary.BigEndian.AppendUint32(ready, uint32(len("DEALER")))
	ready = append(ready, "DEALER"...)
	return append(append(greeting, 0x04, byte(len(ready))), ready...)
}

// TestForgedFrameLength sends, over a raw connection, a frame header that
// announces 2^50 bytes. zmq4 alone would try to allocate that and crash;
// the kernel must drop the connection and keep serving.
func TestForgedFrameLength(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	for _, size := range []uint64{1 << 50, 1 << 40, wire.DefaultMaxSize + 1} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", k.cfg.ShellPort))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			frame := binary.BigEndian.AppendUint64([]byte{0x02}, size) // LONG flag, 8-byte size
			if _, err := conn.Write(append(zmtpHello(), frame...)); err != nil {
				t.Fatal(err)
			}
			// The kernel hangs up: reading ends (EOF or reset) before the bound.
			if err := conn.SetReadDeadline(time.Now().Add(wait)); err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, conn); err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Fatal("kernel kept the connection of a peer announcing a huge frame")
				}
			}
			k.request(t, kerneltest.Shell, "kernel_info_request", map[string]any{})
		})
	}
}

// TestOversizedMessageDropsPeer: a message over the limit, sent in small
// frames, disconnects its sender; other clients are still served.
func TestOversizedMessageDropsPeer(t *testing.T) {
	k := start(t, freeConfig(t, "secret"), kernel.WithMaxMessageSize(4096))
	m, err := wire.NewMessage(k.client.Session(), "test", "kernel_info_request", nil, map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		m.Buffers = append(m.Buffers, make([]byte, 1500))
	}
	if _, err := k.client.SendMessage(kerneltest.Control, m); err != nil {
		t.Fatal(err)
	}
	other, err := kerneltest.Connect(k.ctx, k.cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Request(k.ctx, kerneltest.Control, "kernel_info_request", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if r := other.ReplyFor(m.Header.MsgID); r != nil || k.client.ReplyFor(m.Header.MsgID) != nil {
		t.Error("the oversized message was answered")
	}
	// Just under the limit still passes.
	m2, err := wire.NewMessage(other.Session(), "test", "kernel_info_request", nil, map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	m2.Buffers = [][]byte{make([]byte, 3000)}
	if _, err := other.SendMessage(kerneltest.Control, m2); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Wait(k.ctx, m2.Header.MsgID); err != nil {
		t.Fatalf("message under the limit: %v", err)
	}
}
