package kernel

import "context"

// gokernel has no comm targets yet: comm_info lists none, a comm_open is
// refused with a comm_close (as ipykernel does for an unknown target), and
// comm_msg / comm_close are ignored.

func (s *Server) commInfo(_ context.Context, req *request) {
	s.reply(req, map[string]any{"status": "ok", "comms": map[string]any{}})
}

func (s *Server) commOpen(_ context.Context, req *request) {
	var c struct {
		CommID     string `json:"comm_id"`
		TargetName string `json:"target_name"`
	}
	if err := req.msg.DecodeContent(&c); err != nil {
		s.log.Warn("bad comm_open", "err", err)
		return
	}
	s.log.Info("comm_open for unknown target refused", "target_name", c.TargetName, "comm_id", c.CommID)
	s.publish(req.msg, "comm_close", map[string]any{"comm_id": c.CommID, "data": map[string]any{}})
}

func (s *Server) commIgnored(_ context.Context, req *request) {
	s.log.Debug("comm message ignored", "msg_type", req.msg.Header.MsgType)
}
