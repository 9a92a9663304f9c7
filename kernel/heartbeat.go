package kernel

// heartbeat echoes every message on the hb socket until it is closed.
func (s *Server) heartbeat(socks *sockets) {
	for {
		msg, err := socks.hb.Recv()
		if err != nil {
			return
		}
		if err := socks.hb.Send(msg); err != nil {
			s.log.Debug("heartbeat echo failed", "err", err)
		}
	}
}
