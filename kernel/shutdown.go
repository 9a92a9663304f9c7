package kernel

import "context"

// shutdown answers shutdown_request (on control, and on shell for older
// clients). See the package doc for restart.
func (s *Server) shutdown(ctx context.Context, req *request) {
	var c struct {
		Restart bool `json:"restart"`
	}
	if err := req.msg.DecodeContent(&c); err != nil {
		s.replyError(req, "BadMessage", err.Error())
		return
	}
	if !c.Restart || !s.opts.restartInPlace {
		s.reply(req, map[string]any{"status": "ok", "restart": c.Restart})
		req.stopAfter = true
		return
	}
	if s.running.Load() {
		s.eng.Interrupt()
	}
	if err := s.eng.Restart(ctx); err != nil {
		s.log.Error("engine restart failed", "err", err)
		s.replyError(req, "RestartError", err.Error())
		return
	}
	s.state.mu.Lock()
	s.state.executionCount = 0
	s.nextHistorySession()
	s.state.mu.Unlock()
	s.reply(req, map[string]any{"status": "ok", "restart": true})
}

// interrupt answers interrupt_request: the engine stops the running cell.
func (s *Server) interrupt(_ context.Context, req *request) {
	s.eng.Interrupt()
	s.reply(req, map[string]any{"status": "ok"})
}
