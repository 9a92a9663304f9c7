package kernel

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/go-zeromq/zmq4"
	"github.com/gokernel/gokernel/kernel/wire"
)

// request is a message received on shell or control, with the outbox its
// reply goes to.
type request struct {
	msg     *wire.Message
	channel string
	out     *outbox
	// stopAfter makes the dispatcher end Run once the request is done
	// (after its status idle is queued).
	stopAfter bool
}

// handler answers one msg_type. The busy/idle status around it is the
// dispatcher's job.
type handler func(ctx context.Context, req *request)

// handlerTable maps every msg_type the kernel answers to its handler.
// execute_request is missing on purpose: it is queued, not dispatched.
func (s *Server) handlerTable() map[string]handler {
	return map[string]handler{
		"kernel_info_request": s.kernelInfo,
		"is_complete_request": s.isComplete,
		"complete_request":    s.complete,
		"inspect_request":     s.inspect,
		"history_request":     s.history,
		"comm_info_request":   s.commInfo,
		"comm_open":           s.commOpen,
		"comm_msg":            s.commIgnored,
		"comm_close":          s.commIgnored,
		"shutdown_request":    s.shutdown,
		"interrupt_request":   s.interrupt,
	}
}

// recv reads and decodes one message. ok is false when the socket is
// closed. A message that cannot be used is logged and m is nil.
func (s *Server) recv(sock zmq4.Socket, channel string) (m *wire.Message, ok bool) {
	raw, err := sock.Recv()
	if errors.Is(err, context.Canceled) { // the socket is closed
		return nil, false
	}
	if err != nil {
		s.log.Warn("receive failed", "channel", channel, "err", err)
		return nil, true
	}
	m, err = s.codec.Decode(raw.Frames)
	switch {
	case err == nil:
		return m, true
	case errors.Is(err, wire.ErrBadContent) && m != nil:
		// Signed and with a readable header: answer with an error.
		s.log.Warn("bad message content", "channel", channel, "msg_type", m.Header.MsgType, "err", err)
		if strings.HasSuffix(m.Header.MsgType, "_request") && channel != "stdin" {
			s.replyError(&request{msg: m, channel: channel, out: s.outFor(channel)}, "BadMessage", err.Error())
		}
	default:
		s.log.Warn("message dropped", "channel", channel, "frames", len(raw.Frames), "err", err)
	}
	return nil, true
}

func (s *Server) outFor(channel string) *outbox {
	if channel == "control" {
		return s.controlOut
	}
	return s.shellOut
}

// readShell reads shell: execute_request goes to the execute worker in
// order; everything else is answered on its own goroutine.
func (s *Server) readShell(ctx context.Context, socks *sockets) {
	for {
		m, ok := s.recv(socks.shell, "shell")
		if !ok {
			return
		}
		if m == nil {
			continue
		}
		req := &request{msg: m, channel: "shell", out: s.shellOut}
		if m.Header.MsgType == "execute_request" {
			item := execItem{req: req, seq: s.execSeq.Add(1)}
			select {
			case s.execQueue <- item:
			case <-ctx.Done():
				return
			}
			continue
		}
		s.spawn(func() { s.dispatch(ctx, req) })
	}
}

// readControl reads control and answers each request in turn, on this
// goroutine, so control never waits for a cell.
func (s *Server) readControl(ctx context.Context, socks *sockets) {
	for {
		m, ok := s.recv(socks.control, "control")
		if !ok {
			return
		}
		if m != nil {
			s.dispatch(ctx, &request{msg: m, channel: "control", out: s.controlOut})
		}
	}
}

// dispatch runs the handler of req's msg_type between status busy and idle.
func (s *Server) dispatch(ctx context.Context, req *request) {
	s.log.Debug("request", "channel", req.channel, "msg_type", req.msg.Header.MsgType, "msg_id", req.msg.Header.MsgID)
	s.publishStatus(req.msg, "busy")
	s.safely(req, func() {
		if h, ok := s.handlers[req.msg.Header.MsgType]; ok {
			h(ctx, req)
		} else {
			s.unknown(req)
		}
	})
	s.publishStatus(req.msg, "idle")
	if req.stopAfter {
		s.requestStop()
	}
}

// safely runs f, turning a panic (in an engine, say) into an error reply
// so that one bad request cannot kill the kernel.
func (s *Server) safely(req *request, f func()) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("handler panicked", "msg_type", req.msg.Header.MsgType, "panic", v, "stack", string(debug.Stack()))
			s.replyError(req, "KernelPanic", fmt.Sprint(v))
		}
	}()
	f()
}

// unknown answers a request whose msg_type the kernel does not know with
// an error reply of the matching _reply type; other messages are logged.
func (s *Server) unknown(req *request) {
	t := req.msg.Header.MsgType
	s.log.Warn("unknown message type", "channel", req.channel, "msg_type", t)
	if strings.HasSuffix(t, "_request") {
		s.replyError(req, "UnknownMessageType", "unknown message type "+t)
	}
}

// replyType is the reply's msg_type for request type t.
func replyType(t string) string {
	return strings.TrimSuffix(t, "_request") + "_reply"
}

// errorContent is the content of an error reply.
type errorContent struct {
	Status    string   `json:"status"`
	EName     string   `json:"ename"`
	EValue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// replyError sends the error reply of req.
func (s *Server) replyError(req *request, ename, evalue string) {
	s.reply(req, errorContent{Status: "error", EName: ename, EValue: evalue, Traceback: []string{ename + ": " + evalue}})
}

// reply sends content as the reply to req, on req's channel.
func (s *Server) reply(req *request, content any) {
	s.send(req.out, replyType(req.msg.Header.MsgType), req.msg, content)
}

// statusContent is the content of a status message.
type statusContent struct {
	ExecutionState string `json:"execution_state"`
}

func (s *Server) publishStatus(parent *wire.Message, state string) {
	s.publish(parent, "status", statusContent{state})
}

// publish sends a message on iopub, with its msg_type as topic.
func (s *Server) publish(parent *wire.Message, msgType string, content any) {
	m, err := wire.NewMessage(s.session, username, msgType, parent, content)
	if err != nil {
		s.log.Error("publish", "msg_type", msgType, "err", err)
		return
	}
	m.Identities = [][]byte{[]byte("kernel." + s.session + "." + msgType)}
	s.enqueue(s.iopubOut, m)
}

// send builds a message in reply to parent (to the parent's identities)
// and queues it on out.
func (s *Server) send(out *outbox, msgType string, parent *wire.Message, content any) *wire.Message {
	m, err := wire.NewMessage(s.session, username, msgType, parent, content)
	if err != nil {
		s.log.Error("send", "msg_type", msgType, "err", err)
		return nil
	}
	s.enqueue(out, m)
	return m
}

func (s *Server) enqueue(out *outbox, m *wire.Message) {
	frames, err := s.codec.Encode(m)
	if err != nil {
		s.log.Error("encode", "msg_type", m.Header.MsgType, "err", err)
		return
	}
	out.send(frames)
}
