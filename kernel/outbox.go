package kernel

import (
	"context"
	"log/slog"
	"time"

	"github.com/go-zeromq/zmq4"
)

// outbox is the only writer of one socket. Handlers queue frames; run sends
// them in order. A send waits at most the socket's timeout (a ROUTER with no
// peer yet waits), and then only this goroutine waits, never the kernel.
type outbox struct {
	name  string
	sock  zmq4.Socket
	queue chan [][]byte
	done  chan struct{} // closed when run returns
	log   *slog.Logger
}

func newOutbox(name string, sock zmq4.Socket, logger *slog.Logger) *outbox {
	return &outbox{name: name, sock: sock, queue: make(chan [][]byte, 1024), done: make(chan struct{}), log: logger}
}

// send queues frames; it blocks only while the queue is full.
func (o *outbox) send(frames [][]byte) {
	select {
	case o.queue <- frames:
	case <-o.done:
		o.log.Debug("message dropped after shutdown", "socket", o.name)
	}
}

// run sends queued messages until stop is closed, then sends what is left
// until *deadline (written before stop is closed); the owner closes the
// socket after that deadline, which ends a send blocked on a missing peer.
func (o *outbox) run(stop <-chan struct{}, deadline *time.Time) {
	defer close(o.done)
	for {
		select {
		case frames := <-o.queue:
			o.write(frames)
		case <-stop:
			for {
				select {
				case frames := <-o.queue:
					if time.Now().After(*deadline) {
						o.log.Warn("messages dropped at shutdown", "socket", o.name, "count", len(o.queue)+1)
						return
					}
					o.write(frames)
				default:
					return
				}
			}
		}
	}
}

func (o *outbox) write(frames [][]byte) {
	if err := o.sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		if err == context.DeadlineExceeded {
			o.log.Warn("send timed out: no peer", "socket", o.name)
			return
		}
		o.log.Warn("send failed", "socket", o.name, "err", err)
	}
}
