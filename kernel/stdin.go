package kernel

import (
	"context"
	"sync"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/wire"
)

// inputWaiters are the input_requests waiting for their input_reply, by
// the input_request's msg_id.
type inputWaiters struct {
	mu      sync.Mutex
	waiters map[string]chan string
}

func (w *inputWaiters) add(id string) chan string {
	ch := make(chan string, 1)
	w.mu.Lock()
	w.waiters[id] = ch
	w.mu.Unlock()
	return ch
}

func (w *inputWaiters) remove(id string) {
	w.mu.Lock()
	delete(w.waiters, id)
	w.mu.Unlock()
}

// deliver hands value to the waiter of parentID, or to the only waiter when
// the reply's parent is unknown (some clients leave it out).
func (w *inputWaiters) deliver(parentID, value string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	ch, ok := w.waiters[parentID]
	if !ok && len(w.waiters) == 1 {
		for _, only := range w.waiters {
			ch, ok = only, true
		}
	}
	if !ok {
		return false
	}
	select {
	case ch <- value:
		return true
	default:
		return false
	}
}

// inputFunc returns the InputFunc of the cell that exec runs: it sends an
// input_request on stdin to the client that sent exec (jupyter_client gives
// its shell and stdin sockets the same identity) and waits for the reply.
func (s *Server) inputFunc(exec *wire.Message) engine.InputFunc {
	return func(ctx context.Context, prompt string, password bool) (string, error) {
		m, err := wire.NewMessage(s.session, username, "input_request", exec, map[string]any{"prompt": prompt, "password": password})
		if err != nil {
			return "", err
		}
		ch := s.inputs.add(m.Header.MsgID)
		defer s.inputs.remove(m.Header.MsgID)
		s.enqueue(s.stdinOut, m)
		select {
		case v := <-ch:
			return v, nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// readStdin reads input_reply messages until the socket is closed.
func (s *Server) readStdin(socks *sockets) {
	for {
		m, ok := s.recv(socks.stdin, "stdin")
		if !ok {
			return
		}
		if m == nil {
			continue
		}
		if m.Header.MsgType != "input_reply" {
			s.log.Warn("unexpected message on stdin", "msg_type", m.Header.MsgType)
			continue
		}
		var c struct {
			Value string `json:"value"`
		}
		if err := m.DecodeContent(&c); err != nil {
			s.log.Warn("bad input_reply", "err", err)
			continue
		}
		if !s.inputs.deliver(m.ParentHeader.MsgID, c.Value) {
			s.log.Warn("input_reply for no pending input_request", "parent", m.ParentHeader.MsgID)
		}
	}
}
