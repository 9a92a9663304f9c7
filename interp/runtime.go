package interp

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"sync"
	"time"

	yaegi "github.com/traefik/yaegi/interp"
)

// rtPath is the import path cells use for the runtime helpers.
const rtPath = "gokernel/rt"

// maxDepth bounds the depth of recursive calls of cell functions, well
// before Go's own stack limit kills the process.
const maxDepth = 100000

// runtimeState is what the compiled helpers of one session share with
// interpreted code: the running cell's context and its result.
type runtimeState struct {
	mu       sync.Mutex
	ctx      context.Context
	cancel   context.CancelFunc // stops the running cell
	result   *cellValue
	overflow *stackOverflow // why the running cell was stopped
	panicked *notedPanic    // the last panic value with a method-made message
	finished chan struct{}  // closed when the running cell's function returns
	stderr   io.Writer      // the session's Stderr
}

// notedPanic is a panic value noted by interpreted code just before it
// panicked: where, and its message when a method gives it.
type notedPanic struct {
	v    any
	pos  cellPos
	text string // "" when the value prints as itself
}

// noted returns what was noted about panic value v, if anything.
func (rt *runtimeState) noted(v any) (np *notedPanic) {
	rt.mu.Lock()
	np = rt.panicked
	rt.mu.Unlock()
	if np == nil {
		return nil
	}
	defer func() {
		if recover() != nil { // values that cannot be compared
			np = nil
		}
	}()
	// The value may come back unwrapped from yaegi's method wrapper:
	// compare how it prints.
	if np.v == v || fmt.Sprintf("%#v", unwrapValue(np.v)) == fmt.Sprintf("%#v", unwrapValue(v)) {
		return np
	}
	return nil
}

// unwrapValue returns the value a reflect.Value holds.
func unwrapValue(v any) any {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return v
}

// cellValue is the value of a cell's result expression.
type cellValue struct {
	v    any
	text string
}

// stackOverflow is the panic value of a too-deep recursion.
type stackOverflow struct {
	fn         string
	cell, line int
}

// Error names the function and where it was declared.
func (so *stackOverflow) Error() string {
	return fmt.Sprintf("stack overflow in %s (cell %d, line %d)", so.fn, so.cell, so.line)
}

// begin prepares for a cell run under ctx, which cancel cancels.
func (rt *runtimeState) begin(ctx context.Context, cancel context.CancelFunc) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.ctx, rt.cancel = ctx, cancel
	rt.result, rt.overflow, rt.panicked = nil, nil, nil
	if ctx != nil {
		rt.finished = make(chan struct{})
	}
}

// done returns the channel closed when the running cell's function has
// returned, even after an interrupt.
func (rt *runtimeState) done() <-chan struct{} {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.finished
}

// stopped returns why the helpers stopped the cell, if they did.
func (rt *runtimeState) stopped() *stackOverflow {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.overflow
}

// overflowed stops the running cell for a too-deep recursion. Stopping
// it (as an interrupt does) unwinds the interpreter's frames at once;
// panicking through them would cost time quadratic in the depth.
func (rt *runtimeState) overflowed(fn string, cell, line int) {
	so := &stackOverflow{fn: fn, cell: cell, line: line}
	rt.mu.Lock()
	cancel := rt.cancel
	if rt.overflow == nil {
		rt.overflow = so
	}
	rt.mu.Unlock()
	if cancel == nil {
		panic(so) // not in a cell: a goroutine a cell started
	}
	cancel()
}

// take returns and clears the cell's result.
func (rt *runtimeState) take() *cellValue {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	r := rt.result
	rt.result = nil
	return r
}

func (rt *runtimeState) context() context.Context {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.ctx == nil {
		return context.Background()
	}
	return rt.ctx
}

// sleep replaces time.Sleep in cells: it returns early when the running
// cell is interrupted, so that the interpreter can stop it.
func (rt *runtimeState) sleep(d time.Duration) {
	if d <= 0 {
		return
	}
	ctx := rt.context()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// exports are the symbols interpreted code reaches: the gokernel/rt
// package, and the standard-library functions the session replaces.
func (rt *runtimeState) exports() yaegi.Exports {
	return yaegi.Exports{
		rtPath + "/rt": {
			"Result": reflect.ValueOf(func(v any, text string) {
				rt.mu.Lock()
				defer rt.mu.Unlock()
				rt.result = &cellValue{v: v, text: text}
			}),
			"Overflow": reflect.ValueOf(rt.overflowed),
			"GoPanic": reflect.ValueOf(func(v any, cell, line, col int) {
				fmt.Fprint(rt.stderr, goPanicText(v, cell, line, col))
				panic(v) // as in Go, a goroutine's panic ends the program
			}),
			"Token": reflect.ValueOf(func() chan struct{} {
				rt.mu.Lock()
				defer rt.mu.Unlock()
				return rt.finished
			}),
			"Finish": reflect.ValueOf(func(ch chan struct{}) {
				if ch != nil {
					close(ch)
				}
			}),
			"PanicAt": reflect.ValueOf(func(v any, cell, line, col int) {
				rt.mu.Lock()
				defer rt.mu.Unlock()
				rt.panicked = &notedPanic{v: v, pos: cellPos{cell: cell, line: line, col: col, ok: true}}
			}),
			"PanicText": reflect.ValueOf(func(v any, text string) {
				rt.mu.Lock()
				defer rt.mu.Unlock()
				if rt.panicked != nil {
					rt.panicked.text = text
				}
			}),
		},
		"time/time": {
			"Sleep": reflect.ValueOf(rt.sleep),
		},
	}
}

// prelude is compiled into every new interpreter: the helpers rewritten
// cells call.
const prelude = `package main

var _gkDepth int
`
