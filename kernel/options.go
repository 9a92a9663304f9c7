package kernel

import (
	"time"

	"github.com/gokernel/gokernel/kernel/wire"
)

// Option changes how a Server behaves.
type Option func(*options)

type options struct {
	restartInPlace bool
	sendTimeout    time.Duration
	flushTimeout   time.Duration
	linger         time.Duration
	shutdownGrace  time.Duration
	maxMessageSize int
	version        string
	historyFile    string
}

func defaultOptions() options {
	return options{
		sendTimeout:    5 * time.Second,
		flushTimeout:   2 * time.Second,
		linger:         200 * time.Millisecond,
		shutdownGrace:  10 * time.Second,
		maxMessageSize: wire.DefaultMaxSize,
		version:        "0.1.0",
	}
}

// WithRestartInPlace makes a shutdown_request with restart true restart the
// engine and keep serving, instead of ending Run.
func WithRestartInPlace() Option {
	return func(o *options) { o.restartInPlace = true }
}

// WithSendTimeout bounds how long one send may wait for a peer (a ROUTER
// socket waits until some client has connected). Default 5 s.
func WithSendTimeout(d time.Duration) Option {
	return func(o *options) { o.sendTimeout = d }
}

// WithMaxMessageSize sets the largest message, in bytes, the Server accepts.
func WithMaxMessageSize(n int) Option {
	return func(o *options) { o.maxMessageSize = n }
}

// WithVersion sets the implementation_version in kernel_info_reply.
func WithVersion(v string) Option {
	return func(o *options) { o.version = v }
}

// WithHistoryFile keeps history in the file at path (JSON lines, shared by
// kernels), so history_request also returns earlier sessions' cells.
// Without it, history lives in memory for the life of the Server.
func WithHistoryFile(path string) Option {
	return func(o *options) { o.historyFile = path }
}

// WithShutdownGrace sets how long Run waits, when stopping, for a running
// cell to end after it was cancelled and interrupted, before it closes the
// engine under it. Default 10 s.
func WithShutdownGrace(d time.Duration) Option {
	return func(o *options) { o.shutdownGrace = d }
}
