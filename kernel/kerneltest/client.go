package kerneltest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/wire"
	"github.com/google/uuid"
)

// The channels a client sends on.
const (
	Shell   = "shell"
	Control = "control"
	Stdin   = "stdin"
)

// Client is a Jupyter client connected to one kernel. Its methods are safe
// for concurrent use. Close it to stop its goroutines.
type Client struct {
	codec   *wire.Codec
	session string
	socks   map[string]zmq4.Socket // shell, control, stdin (DEALER), iopub (SUB), hb (REQ)
	hbMu    sync.Mutex
	wg      sync.WaitGroup

	mu      sync.Mutex
	changed chan struct{}              // closed and replaced whenever a message arrives
	replies map[string]*wire.Message   // shell and control replies, by parent msg_id
	iopub   map[string][]*wire.Message // iopub messages, by parent msg_id
	inputs  []*wire.Message            // input_requests not yet taken
	errs    []error                    // decode errors of received messages
	closed  bool
}

// Connect dials the kernel described by cfg and waits until it answers a
// kernel_info_request with its iopub status, as jupyter_client's
// wait_for_ready does, so that no iopub message is lost afterwards.
func Connect(ctx context.Context, cfg connfile.Config) (*Client, error) {
	session := uuid.NewString()
	id := zmq4.WithID(zmq4.SocketIdentity(session))
	opts := []zmq4.Option{zmq4.WithDialerRetry(50 * time.Millisecond), zmq4.WithDialerMaxRetries(200), zmq4.WithTimeout(10 * time.Second)}
	bg := context.Background()
	c := &Client{
		codec:   wire.NewCodec(cfg.Key, 0),
		session: session,
		socks: map[string]zmq4.Socket{
			// Shell and stdin share the identity, as in jupyter_client, so
			// the kernel can route input_request to the client that executes.
			Shell:   zmq4.NewDealer(bg, append(opts, id)...),
			Stdin:   zmq4.NewDealer(bg, append(opts, id)...),
			Control: zmq4.NewDealer(bg, opts...),
			"iopub": zmq4.NewSub(bg, opts...),
			"hb":    zmq4.NewReq(bg, opts...),
		},
		changed: make(chan struct{}),
		replies: map[string]*wire.Message{},
		iopub:   map[string][]*wire.Message{},
	}
	chans := map[string]connfile.Channel{Shell: connfile.Shell, Stdin: connfile.Stdin, Control: connfile.Control,
		"iopub": connfile.IOPub, "hb": connfile.HB}
	for name, ch := range chans {
		if err := c.socks[name].Dial(cfg.Endpoint(ch)); err != nil {
			c.Close()
			return nil, fmt.Errorf("dial %s: %w", name, err)
		}
	}
	if err := c.socks["iopub"].SetOption(zmq4.OptionSubscribe, ""); err != nil {
		c.Close()
		return nil, fmt.Errorf("subscribe iopub: %w", err)
	}
	for _, name := range []string{Shell, Control, Stdin, "iopub"} {
		c.wg.Go(func() { c.pump(name) })
	}
	if err := c.waitReady(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// waitReady sends kernel_info_request until one is answered on iopub too.
func (c *Client) waitReady(ctx context.Context) error {
	for {
		m, err := c.Send(Shell, "kernel_info_request", map[string]any{})
		if err != nil {
			return err
		}
		try, cancel := context.WithTimeout(ctx, time.Second)
		_, err = c.Wait(try, m.Header.MsgID)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("kernel not ready: %w", ctx.Err())
		}
	}
}

// Session returns the client's session id.
func (c *Client) Session() string { return c.session }

// pump receives messages on one socket until it is closed.
func (c *Client) pump(name string) {
	sock := c.socks[name]
	for {
		raw, err := sock.Recv()
		if err != nil {
			return
		}
		m, err := c.codec.Decode(raw.Frames)
		c.mu.Lock()
		switch {
		case err != nil:
			c.errs = append(c.errs, fmt.Errorf("%s: %w", name, err))
		case name == "iopub":
			p := m.ParentHeader.MsgID
			c.iopub[p] = append(c.iopub[p], m)
		case name == Stdin:
			c.inputs = append(c.inputs, m)
		default:
			c.replies[m.ParentHeader.MsgID] = m
		}
		close(c.changed)
		c.changed = make(chan struct{})
		c.mu.Unlock()
	}
}

// Send sends a new message of msgType with content on channel (shell,
// control or stdin) and returns it; its Header.MsgID identifies the reply.
func (c *Client) Send(channel, msgType string, content any) (*wire.Message, error) {
	return c.SendReply(channel, msgType, nil, content)
}

// SendReply is Send with a parent header (for input_reply).
func (c *Client) SendReply(channel, msgType string, parent *wire.Message, content any) (*wire.Message, error) {
	m, err := wire.NewMessage(c.session, "test", msgType, nil, content)
	if err != nil {
		return nil, err
	}
	if parent != nil {
		m.ParentHeader = parent.Header
	}
	if _, err := c.SendMessage(channel, m); err != nil {
		return nil, err
	}
	return m, nil
}

// SendMessage signs and sends m as it is, and returns the frames sent (to
// send them again, in a replay test).
func (c *Client) SendMessage(channel string, m *wire.Message) ([][]byte, error) {
	frames, err := c.codec.Encode(m)
	if err != nil {
		return nil, err
	}
	return frames, c.SendFrames(channel, frames)
}

// SendFrames sends raw frames on channel, for malformed-message tests.
// Frames are what follows the routing identity (starting at "<IDS|MSG>"
// for a well-formed message).
func (c *Client) SendFrames(channel string, frames [][]byte) error {
	sock, ok := c.socks[channel]
	if !ok || channel == "iopub" || channel == "hb" {
		return fmt.Errorf("send on %q: not a request channel", channel)
	}
	if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		return fmt.Errorf("send on %s: %w", channel, err)
	}
	return nil
}

// Result is what a request brought back.
type Result struct {
	// Reply is the reply on the request's channel.
	Reply *wire.Message
	// IOPub holds the iopub messages whose parent is the request, in
	// order of arrival, up to and including status idle.
	IOPub []*wire.Message
}

// Content decodes the reply's content into v.
func (r *Result) Content(v any) error {
	return r.Reply.DecodeContent(v)
}

// Types lists the msg_types of r.IOPub, with the execution_state of status
// messages: e.g. ["status:busy", "execute_input", "stream", "status:idle"].
func (r *Result) Types() []string {
	var ts []string
	for _, m := range r.IOPub {
		t := m.Header.MsgType
		if t == "status" {
			var s struct {
				ExecutionState string `json:"execution_state"`
			}
			_ = m.DecodeContent(&s)
			t += ":" + s.ExecutionState
		}
		ts = append(ts, t)
	}
	return ts
}

// Outputs returns the contents of the iopub messages of msgType.
func (r *Result) Outputs(msgType string) []map[string]any {
	var out []map[string]any
	for _, m := range r.IOPub {
		if m.Header.MsgType == msgType {
			var v map[string]any
			if err := m.DecodeContent(&v); err == nil {
				out = append(out, v)
			}
		}
	}
	return out
}

// Request sends a request and waits for its Result.
func (c *Client) Request(ctx context.Context, channel, msgType string, content any) (*Result, error) {
	m, err := c.Send(channel, msgType, content)
	if err != nil {
		return nil, err
	}
	return c.Wait(ctx, m.Header.MsgID)
}

// await calls check under the client's lock each time a message arrives,
// until it reports true or ctx ends.
func (c *Client) await(ctx context.Context, check func() bool) error {
	for {
		c.mu.Lock()
		ok := check()
		changed := c.changed
		c.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Wait waits for the reply to the request msgID and for its status idle on
// iopub.
func (c *Client) Wait(ctx context.Context, msgID string) (*Result, error) {
	var res Result
	err := c.await(ctx, func() bool {
		res = Result{Reply: c.replies[msgID], IOPub: append([]*wire.Message(nil), c.iopub[msgID]...)}
		return res.Reply != nil && endsIdle(res.IOPub)
	})
	if err != nil {
		return nil, fmt.Errorf("wait for reply to %s (reply %v, %d iopub): %w", msgID, res.Reply != nil, len(res.IOPub), err)
	}
	return &res, nil
}

func endsIdle(ms []*wire.Message) bool {
	for _, m := range ms {
		if m.Header.MsgType == "status" && strings.Contains(string(m.Content), `"idle"`) {
			return true
		}
	}
	return false
}

// IOPubFor returns the iopub messages received so far whose parent is msgID.
func (c *Client) IOPubFor(msgID string) []*wire.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*wire.Message(nil), c.iopub[msgID]...)
}

// ReplyFor returns the reply to msgID if it has arrived, else nil.
func (c *Client) ReplyFor(msgID string) *wire.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.replies[msgID]
}

// WaitIOPub waits until an iopub message of msgType with parent msgID arrives.
func (c *Client) WaitIOPub(ctx context.Context, msgID, msgType string) (*wire.Message, error) {
	var found *wire.Message
	err := c.await(ctx, func() bool {
		for _, m := range c.iopub[msgID] {
			if m.Header.MsgType == msgType {
				found = m
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("wait for %s of %s: %w", msgType, msgID, err)
	}
	return found, nil
}

// NextInput waits for the next input_request on stdin.
func (c *Client) NextInput(ctx context.Context) (*wire.Message, error) {
	var m *wire.Message
	err := c.await(ctx, func() bool {
		if len(c.inputs) == 0 {
			return false
		}
		m, c.inputs = c.inputs[0], c.inputs[1:]
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("wait for input_request: %w", err)
	}
	return m, nil
}

// DecodeErrors returns the errors met decoding the kernel's messages (bad
// signatures, malformed frames); a correct kernel causes none.
func (c *Client) DecodeErrors() []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]error(nil), c.errs...)
}

// Heartbeat sends payload on the heartbeat channel and returns the echo.
func (c *Client) Heartbeat(ctx context.Context, payload []byte) ([]byte, error) {
	c.hbMu.Lock()
	defer c.hbMu.Unlock()
	hb := c.socks["hb"]
	if err := hb.Send(zmq4.NewMsg(payload)); err != nil {
		return nil, fmt.Errorf("heartbeat send: %w", err)
	}
	type result struct {
		msg zmq4.Msg
		err error
	}
	done := make(chan result, 1)
	c.wg.Go(func() {
		m, err := hb.Recv()
		done <- result{m, err}
	})
	select {
	case r := <-done:
		if r.err != nil {
			return nil, fmt.Errorf("heartbeat recv: %w", r.err)
		}
		if len(r.msg.Frames) == 0 {
			return nil, errors.New("heartbeat: empty echo")
		}
		return r.msg.Frames[0], nil
	case <-ctx.Done():
		return nil, fmt.Errorf("heartbeat: %w", ctx.Err())
	}
}

// Close closes the sockets and waits for the client's goroutines.
func (c *Client) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.mu.Unlock()
	var errs []error
	for _, s := range c.socks {
		errs = append(errs, s.Close())
	}
	c.wg.Wait()
	return errors.Join(errs...)
}
