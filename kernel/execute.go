package kernel

import (
	"context"
	"sync"

	"github.com/gokernel/gokernel/kernel/engine"
)

// execItem is a queued execute_request and the order it arrived in.
type execItem struct {
	req *request
	seq int64
}

// sessionState is what the kernel remembers between cells.
type sessionState struct {
	mu             sync.Mutex
	executionCount int
	historySession int
	history        []historyEntry
	file           *historyFile // nil: history in memory only
}

// executeContent is the content of an execute_request, with Jupyter's
// defaults for the fields a client may leave out.
type executeContent struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

func orTrue(b *bool) bool { return b == nil || *b }

// executeReplyContent is the content of an execute_reply.
type executeReplyContent struct {
	Status          string         `json:"status"`
	ExecutionCount  int            `json:"execution_count"`
	UserExpressions map[string]any `json:"user_expressions"`
	Payload         []any          `json:"payload"`
	EName           string         `json:"ename,omitempty"`
	EValue          string         `json:"evalue,omitempty"`
	Traceback       []string       `json:"traceback,omitempty"`
}

// executeLoop runs queued cells one at a time, in the order received.
// abortUpTo is the seq of the last request to abort after a failed cell.
func (s *Server) executeLoop(ctx context.Context) {
	var abortUpTo int64
	for {
		var item execItem
		select {
		case <-ctx.Done():
			return
		case item = <-s.execQueue:
		}
		if item.seq <= abortUpTo {
			s.abort(item.req)
			continue
		}
		failed := true
		s.safely(item.req, func() { failed = s.execute(ctx, item.req) })
		if failed {
			// Every execute_request received so far was sent before the
			// client saw this failure: abort them, as ipykernel does.
			abortUpTo = s.execSeq.Load()
		}
	}
}

// abort answers a queued execute_request without running it.
func (s *Server) abort(req *request) {
	s.log.Info("execute aborted after an error", "msg_id", req.msg.Header.MsgID)
	s.publishStatus(req.msg, "busy")
	s.state.mu.Lock()
	n := s.state.executionCount
	s.state.mu.Unlock()
	s.reply(req, executeReplyContent{Status: engine.StatusAborted, ExecutionCount: n,
		UserExpressions: map[string]any{}, Payload: []any{}})
	s.publishStatus(req.msg, "idle")
}

// execute runs one cell and reports whether the queue must be aborted.
func (s *Server) execute(ctx context.Context, req *request) (abortQueue bool) {
	s.publishStatus(req.msg, "busy")
	defer s.publishStatus(req.msg, "idle")

	var c executeContent
	if err := req.msg.DecodeContent(&c); err != nil {
		s.replyError(req, "BadMessage", err.Error())
		return false
	}
	storeHistory := orTrue(c.StoreHistory) && !c.Silent
	s.state.mu.Lock()
	if storeHistory {
		s.state.executionCount++
	}
	count := s.state.executionCount
	s.state.mu.Unlock()

	if !c.Silent {
		s.publish(req.msg, "execute_input", map[string]any{"code": c.Code, "execution_count": count})
	}
	var input engine.InputFunc
	if orTrue(c.AllowStdin) {
		input = s.inputFunc(req.msg)
	}
	var lastResult string
	out := func(o engine.Output) {
		if o.Type == engine.ExecuteResult {
			if c.Silent {
				return
			}
			lastResult, _ = o.Data["text/plain"].(string)
		}
		msgType, content := outputContent(o, count)
		s.publish(req.msg, msgType, content)
	}
	s.running.Store(true)
	rep, err := s.eng.Execute(ctx, engine.ExecuteRequest{
		Code:            c.Code,
		Silent:          c.Silent,
		StoreHistory:    storeHistory,
		UserExpressions: c.UserExpressions,
		AllowStdin:      input != nil,
		ExecutionCount:  count,
	}, out, input)
	s.running.Store(false)
	if err != nil {
		s.log.Error("engine failed", "err", err)
		rep = engine.ExecuteReply{Status: engine.StatusError, EName: "EngineError", EValue: err.Error(),
			Traceback: []string{"EngineError: " + err.Error()}}
		s.publish(req.msg, engine.Error, map[string]any{"ename": rep.EName, "evalue": rep.EValue, "traceback": rep.Traceback})
	}
	if storeHistory {
		s.state.mu.Lock()
		s.recordHistory(historyEntry{session: s.state.historySession, line: count, input: c.Code, output: lastResult})
		s.state.mu.Unlock()
	}

	content := executeReplyContent{Status: rep.Status, ExecutionCount: count, UserExpressions: rep.UserExpressions, Payload: []any{}}
	if content.UserExpressions == nil {
		content.UserExpressions = map[string]any{}
	}
	if rep.Status == engine.StatusError {
		content.EName, content.EValue, content.Traceback = rep.EName, rep.EValue, rep.Traceback
		if content.Traceback == nil {
			content.Traceback = []string{}
		}
	}
	failed := rep.Status == engine.StatusError && !c.Silent && orTrue(c.StopOnError)
	s.reply(req, content)
	return failed
}

// outputContent turns an engine output into an iopub msg_type and content.
func outputContent(o engine.Output, count int) (string, map[string]any) {
	orEmpty := func(m map[string]any) map[string]any {
		if m == nil {
			return map[string]any{}
		}
		return m
	}
	switch o.Type {
	case engine.Stream:
		name := o.Name
		if name == "" {
			name = "stdout"
		}
		return o.Type, map[string]any{"name": name, "text": o.Text}
	case engine.DisplayData, engine.UpdateDisplayData:
		c := map[string]any{"data": orEmpty(o.Data), "metadata": orEmpty(o.Metadata)}
		if o.Transient != nil || o.Type == engine.UpdateDisplayData {
			c["transient"] = orEmpty(o.Transient)
		}
		return o.Type, c
	case engine.ExecuteResult:
		return o.Type, map[string]any{"execution_count": count, "data": orEmpty(o.Data), "metadata": orEmpty(o.Metadata)}
	case engine.ClearOutput:
		return o.Type, map[string]any{"wait": o.Wait}
	case engine.Error:
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		return o.Type, map[string]any{"ename": o.EName, "evalue": o.EValue, "traceback": tb}
	}
	// An output type this kernel does not know: show it rather than lose it.
	return engine.Stream, map[string]any{"name": "stderr", "text": "gokernel: unknown output type " + o.Type + "\n"}
}
