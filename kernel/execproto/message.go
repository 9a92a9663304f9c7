package execproto

import "github.com/gokernel/gokernel/kernel/engine"

// Request types, supervisor -> executor.
const (
	ReqExecute    = "execute"
	ReqComplete   = "complete"
	ReqInspect    = "inspect"
	ReqIsComplete = "is_complete"
	ReqInputReply = "input_reply"
	ReqInterrupt  = "interrupt"
	ReqShutdown   = "shutdown"
	ReqReplay     = "replay"
)

// Request is one frame on the request pipe. Type says which fields are
// set.
type Request struct {
	ID   uint64 `json:"id"`
	Type string `json:"type"`

	// execute, complete, inspect, is_complete
	Code string `json:"code,omitempty"`
	// execute
	Count           int               `json:"count,omitempty"`
	UserExpressions map[string]string `json:"user_expressions,omitempty"`
	// complete, inspect
	Cursor      int `json:"cursor,omitempty"`
	DetailLevel int `json:"detail_level,omitempty"`

	// replay: the cells that ran without error before the executor was
	// replaced, oldest first.
	Cells []Cell `json:"cells,omitempty"`

	// input_reply: the line typed, or InputError when there is none.
	Input      string `json:"input,omitempty"`
	InputError string `json:"input_error,omitempty"`
}

// Event types, executor -> supervisor.
const (
	EvReady        = "ready"
	EvOutput       = "output"
	EvInputRequest = "input_request"
	EvReply        = "reply"
	// EvStreams carries only the stream counts: the executor sends it
	// every StampInterval while the counts change, so that the supervisor
	// can stream text printed between other events.
	EvStreams = "streams"
)

// Event is one frame on the event pipe. Type says which fields are set.
type Event struct {
	Type string `json:"type"`
	// ID is the request answered (reply) or the execute request running
	// (output, input_request; 0 when no cell runs).
	ID uint64 `json:"id,omitempty"`

	// StdoutBytes and StderrBytes are the bytes the session had written
	// to the stdout and stderr pipes when the event was sent: the
	// supervisor shows exactly that much printed text before the event.
	// Every event carries them.
	StdoutBytes int64 `json:"stdout_bytes,omitempty"`
	StderrBytes int64 `json:"stderr_bytes,omitempty"`

	// ready
	PID int `json:"pid,omitempty"`

	// output: display_data, update_display_data, clear_output or
	// execute_result.
	Output *engine.Output `json:"output,omitempty"`

	// input_request
	Prompt   string `json:"prompt,omitempty"`
	Password bool   `json:"password,omitempty"`

	// reply: one of these, by request type; Error when the request itself
	// could not be served.
	Execute    *engine.ExecuteReply    `json:"execute,omitempty"`
	Complete   *engine.CompleteReply   `json:"complete,omitempty"`
	Inspect    *engine.InspectReply    `json:"inspect,omitempty"`
	IsComplete *engine.IsCompleteReply `json:"is_complete,omitempty"`
	Replay     *ReplayResult           `json:"replay,omitempty"`
	Error      string                  `json:"error,omitempty"`
}

// Cell is the source of one earlier cell, for replay.
type Cell struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// ReplayResult says which declarations a replay restored.
type ReplayResult struct {
	Restored []string `json:"restored"`
}
