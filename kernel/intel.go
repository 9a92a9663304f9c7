package kernel

import (
	"context"
)

// The code-intelligence requests are answered by the engine; the shell
// reader runs each on its own goroutine, so they are answered while a
// cell runs.

func (s *Server) complete(ctx context.Context, req *request) {
	var c struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	if err := req.msg.DecodeContent(&c); err != nil {
		s.replyError(req, "BadMessage", err.Error())
		return
	}
	rep, err := s.eng.Complete(ctx, c.Code, c.CursorPos)
	if err != nil {
		s.replyError(req, "CompleteError", err.Error())
		return
	}
	if rep.Matches == nil {
		rep.Matches = []string{}
	}
	if rep.Metadata == nil {
		rep.Metadata = map[string]any{}
	}
	s.reply(req, map[string]any{"status": "ok", "matches": rep.Matches, "cursor_start": rep.CursorStart,
		"cursor_end": rep.CursorEnd, "metadata": rep.Metadata})
}

func (s *Server) inspect(ctx context.Context, req *request) {
	var c struct {
		Code        string `json:"code"`
		CursorPos   int    `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if err := req.msg.DecodeContent(&c); err != nil {
		s.replyError(req, "BadMessage", err.Error())
		return
	}
	rep, err := s.eng.Inspect(ctx, c.Code, c.CursorPos, c.DetailLevel)
	if err != nil {
		s.replyError(req, "InspectError", err.Error())
		return
	}
	if rep.Data == nil {
		rep.Data = map[string]any{}
	}
	if rep.Metadata == nil {
		rep.Metadata = map[string]any{}
	}
	s.reply(req, map[string]any{"status": "ok", "found": rep.Found, "data": rep.Data, "metadata": rep.Metadata})
}

func (s *Server) isComplete(ctx context.Context, req *request) {
	var c struct {
		Code string `json:"code"`
	}
	if err := req.msg.DecodeContent(&c); err != nil {
		s.replyError(req, "BadMessage", err.Error())
		return
	}
	rep, err := s.eng.IsComplete(ctx, c.Code)
	if err != nil {
		// is_complete has no error status; "unknown" is the honest answer.
		s.log.Warn("is_complete failed", "err", err)
		rep.Status = "unknown"
	}
	content := map[string]any{"status": rep.Status}
	if rep.Status == "incomplete" {
		content["indent"] = rep.Indent
	}
	s.reply(req, content)
}
