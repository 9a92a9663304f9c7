package kernel

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/gokernel/gokernel/kernel/connfile"
)

// sockets are the five sockets of a kernel.
type sockets struct {
	shell, control, stdin, iopub, hb zmq4.Socket
	ipcFiles                         []string // unix socket files to remove on close
}

// bind creates and binds the five sockets, through a transport that drops
// a peer sending a message over maxSize bytes. On error it closes the ones
// it made, and the error names the channel and port.
func bind(ctx context.Context, cfg connfile.Config, maxSize int, sendTimeout time.Duration, logger *slog.Logger) (*sockets, error) {
	scheme, err := limitedScheme(cfg.Transport, maxSize)
	if err != nil {
		return nil, err
	}
	opts := []zmq4.Option{
		zmq4.WithTimeout(sendTimeout),
		zmq4.WithLogger(slog.NewLogLogger(logger.Handler(), slog.LevelDebug)),
	}
	s := &sockets{
		shell:   zmq4.NewRouter(ctx, opts...),
		control: zmq4.NewRouter(ctx, opts...),
		stdin:   zmq4.NewRouter(ctx, opts...),
		// PUB, not XPUB: zmq4's XPUB never surfaces subscriptions.
		iopub: zmq4.NewPub(ctx, opts...),
		hb:    zmq4.NewRep(ctx, opts...),
	}
	for _, ch := range connfile.Channels() {
		ep := cfg.Endpoint(ch)
		if cfg.Transport == "ipc" {
			s.ipcFiles = append(s.ipcFiles, strings.TrimPrefix(ep, "ipc://"))
		}
		if err := s.get(ch).Listen(scheme + strings.TrimPrefix(ep, cfg.Transport)); err != nil {
			s.close()
			return nil, fmt.Errorf("listen on %s channel, port %d (%s): %w", ch, cfg.Port(ch), ep, err)
		}
	}
	return s, nil
}

func (s *sockets) get(ch connfile.Channel) zmq4.Socket {
	switch ch {
	case connfile.Shell:
		return s.shell
	case connfile.Control:
		return s.control
	case connfile.Stdin:
		return s.stdin
	case connfile.IOPub:
		return s.iopub
	}
	return s.hb
}

func (s *sockets) close() {
	for _, ch := range connfile.Channels() {
		_ = s.get(ch).Close()
	}
	for _, f := range s.ipcFiles {
		_ = os.Remove(f)
	}
}
