// Package engine defines the contract between the Jupyter side of gokernel
// (the ZeroMQ server in package kernel and the headless notebook runner) and
// whatever runs cells (the supervisor, which drives an executor process).
//
// It holds only data types and one interface, so that the protocol code,
// the runner and the supervisor can be written and tested apart. Nothing
// here knows about Go syntax or ZeroMQ.
package engine

import "context"

// Engine runs cells and answers the code-intelligence requests of one
// kernel session. All methods are safe for concurrent use: Complete,
// Inspect, IsComplete and Interrupt are answered while Execute runs.
type Engine interface {
	// Execute runs one cell. Outputs are passed to out in order, as they
	// happen. When the cell reads standard input, input is called (nil means
	// the client does not accept input, and the read fails at once).
	// The error is non-nil only when the engine itself failed; a cell that
	// fails returns a Reply with Status "error".
	Execute(ctx context.Context, req ExecuteRequest, out func(Output), input InputFunc) (ExecuteReply, error)
	// Complete answers a complete_request.
	Complete(ctx context.Context, code string, cursor int) (CompleteReply, error)
	// Inspect answers an inspect_request.
	Inspect(ctx context.Context, code string, cursor, detailLevel int) (InspectReply, error)
	// IsComplete answers an is_complete_request.
	IsComplete(ctx context.Context, code string) (IsCompleteReply, error)
	// Interrupt stops the running cell, if any. It returns at once; the
	// running Execute returns soon after with an error reply.
	Interrupt()
	// Restart throws the session state away and starts afresh.
	Restart(ctx context.Context) error
	// Close stops the engine and everything it started.
	Close() error
}

// InputFunc asks the user for one line of input (Jupyter's input_request).
// It returns the line without its newline.
type InputFunc func(ctx context.Context, prompt string, password bool) (string, error)

// ExecuteRequest is the part of an execute_request an engine needs.
type ExecuteRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    bool              `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions,omitempty"`
	AllowStdin      bool              `json:"allow_stdin"`
	// ExecutionCount is the count this cell is shown with (In [N]).
	ExecutionCount int `json:"execution_count"`
}

// Output types, as the Jupyter iopub msg_type they become.
const (
	Stream            = "stream"
	DisplayData       = "display_data"
	UpdateDisplayData = "update_display_data"
	ExecuteResult     = "execute_result"
	ClearOutput       = "clear_output"
	Error             = "error"
)

// Output is one thing a cell shows. Type is one of the constants above and
// says which other fields are set.
type Output struct {
	Type string `json:"type"`

	// stream
	Name string `json:"name,omitempty"` // "stdout" or "stderr"
	Text string `json:"text,omitempty"`

	// display_data, update_display_data, execute_result
	Data      map[string]any `json:"data,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
	Transient map[string]any `json:"transient,omitempty"` // display_id lives here

	// clear_output
	Wait bool `json:"wait,omitempty"`

	// error
	EName     string   `json:"ename,omitempty"`
	EValue    string   `json:"evalue,omitempty"`
	Traceback []string `json:"traceback,omitempty"`
}

// Statuses of an ExecuteReply.
const (
	StatusOK      = "ok"
	StatusError   = "error"
	StatusAborted = "aborted"
)

// ExecuteReply is the content of an execute_reply, less execution_count,
// which the caller owns.
type ExecuteReply struct {
	Status    string   `json:"status"`
	EName     string   `json:"ename,omitempty"`
	EValue    string   `json:"evalue,omitempty"`
	Traceback []string `json:"traceback,omitempty"`
	// UserExpressions maps each requested name to a MIME bundle
	// ({"status":"ok","data":{...},"metadata":{}}) or an error dict.
	UserExpressions map[string]any `json:"user_expressions,omitempty"`
	// Restarted is true when the executor died or had to be killed during
	// this cell, so the session's state was reset.
	Restarted bool `json:"restarted,omitempty"`
}

// CompleteReply is the content of a complete_reply (status "ok").
type CompleteReply struct {
	Matches     []string       `json:"matches"`
	CursorStart int            `json:"cursor_start"`
	CursorEnd   int            `json:"cursor_end"`
	Metadata    map[string]any `json:"metadata"`
}

// InspectReply is the content of an inspect_reply (status "ok").
type InspectReply struct {
	Found    bool           `json:"found"`
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
}

// IsCompleteReply is the content of an is_complete_reply.
type IsCompleteReply struct {
	Status string `json:"status"` // complete, incomplete, invalid, unknown
	Indent string `json:"indent,omitempty"`
}
