package kernel

import (
	"context"
	"errors"
)

// heartbeat echoes every message on the hb socket until it is closed. A
// malformed request (zmq4's REP rejects one without its empty delimiter
// frame) is skipped, not fatal: the heartbeat must outlive a bad peer.
func (s *Server) heartbeat(socks *sockets) {
	for {
		msg, err := socks.hb.Recv()
		if errors.Is(err, context.Canceled) {
			return
		}
		if err != nil {
			s.log.Warn("heartbeat: bad request", "err", err)
			continue
		}
		if err := socks.hb.Send(msg); err != nil {
			s.log.Debug("heartbeat echo failed", "err", err)
		}
	}
}
