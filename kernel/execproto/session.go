package execproto

import (
	"context"

	"github.com/gokernel/gokernel/kernel/engine"
)

// Session is what the executor runs cells with. cmd/kernel adapts the
// interpreter's session to it (package kernel must not import interp).
// Complete, Inspect and IsComplete are called while Execute runs.
type Session interface {
	// Execute runs one cell. A cell failure is returned as *CellError;
	// cancelling ctx interrupts the cell.
	Execute(ctx context.Context, code string, count int) (Value, error)
	// UserExpression evaluates expr for execute_request's user_expressions.
	UserExpression(ctx context.Context, expr string) (Value, error)
	// Complete answers a complete_request.
	Complete(code string, cursor int) engine.CompleteReply
	// Inspect answers an inspect_request.
	Inspect(code string, cursor, detailLevel int) engine.InspectReply
	// IsComplete answers an is_complete_request.
	IsComplete(code string) engine.IsCompleteReply
}

// Value is a cell's result or an expression's value as a MIME bundle. A
// nil Data means there is nothing to show.
type Value struct {
	Data     map[string]any
	Metadata map[string]any
}

// CellError is a cell's failure in the student's words.
type CellError struct {
	Name      string
	Value     string
	Traceback []string
}

// Error returns "Name: Value".
func (e *CellError) Error() string { return e.Name + ": " + e.Value }

// Interrupted is the error of a cell stopped by an interrupt.
func Interrupted() *CellError {
	return &CellError{
		Name:      "Interrupted",
		Value:     "the cell was stopped by an interrupt",
		Traceback: []string{"Interrupted: the cell was stopped by an interrupt."},
	}
}

// Replayer is a Session that can restore the declarations (imports,
// types, functions, methods, constants) of earlier cells into a fresh
// session, skipping their statements, after the executor was replaced.
type Replayer interface {
	Replay(ctx context.Context, cells []Cell) (restored []string, err error)
}
