package interp

import (
	"context"
	"fmt"
	"go/parser"
	"go/types"
	"io"
	"strings"
	"sync"

	"github.com/gokernel/gokernel/interp/stdlib"
	"github.com/gokernel/gokernel/lib/closer"
	"github.com/gokernel/gokernel/lib/display"
	"github.com/traefik/yaegi/interp"
)

// Options configures a Session.
type Options struct {
	// Stdout and Stderr receive what cells print.
	Stdout, Stderr io.Writer
	// Stdin is what cells read as standard input (fmt.Scan*, os.Stdin).
	Stdin io.Reader
	// Display receives rich output: display_data, update_display_data and
	// clear_output. Nil drops it. Cells show rich output through package
	// display, which is bound to it.
	Display func(Display)
	// Crash, when set, receives the line that says which cell line started
	// a goroutine whose panic is about to end the process (the executor
	// passes the runtime's crash pipe, so the explanation of the crash
	// names it). Nil sends it to Stderr.
	Crash io.Writer
}

// Display kinds.
const (
	DisplayShow   = "display"
	DisplayUpdate = "update"
	DisplayClear  = "clear"
)

// Display is one rich output of a cell.
type Display struct {
	Kind      string         // DisplayShow, DisplayUpdate or DisplayClear
	Data      map[string]any // MIME type -> content
	Metadata  map[string]any
	DisplayID string // set for Show with an id, and for Update
	Wait      bool   // Clear: wait for the next output before clearing
}

// Result is the value of a cell whose last statement is a bare expression.
type Result struct {
	// Data is the MIME bundle of the value (at least text/plain), or nil
	// when the cell has no value to show.
	Data     map[string]any
	Metadata map[string]any
	// Notes are remarks about the session the cell changed, e.g. which
	// variables were dropped because their type changed shape. They are
	// also printed to Stdout.
	Notes []string
}

// Error is a cell's failure, in the student's terms: a compile error or a
// runtime panic, with the cell and line it came from.
type Error struct {
	Name      string   // e.g. "CompileError", "panic", "Interrupted"
	Value     string   // one line: what went wrong
	Traceback []string // lines to show, the first usually "Name: Value"
}

// Error returns "Name: Value".
func (e *Error) Error() string { return e.Name + ": " + e.Value }

// Session is one notebook's Go state. Execute runs one cell at a time;
// Complete, Inspect and IsComplete may be called concurrently with it.
type Session struct {
	opts  Options
	trace *traceWriter
	rt    *runtimeState

	execMu sync.Mutex // one Execute at a time

	mu        sync.RWMutex // guards what follows against the concurrent readers
	fe        *frontEnd
	yi        *interp.Interpreter
	yImported map[string]map[string]string // file base -> local name -> path imported in yi
	dirty     bool                         // yi may hold half-compiled code: rebuild it
	pkg       *types.Package               // the last type-checked package
	info      *types.Info
	lastUnit  *unit           // the unit a rebuild compiled
	gen       int             // counts commits
	intel     *types.Package  // the whole package, for completion (intelPackage)
	intelGen  int             // the gen intel was built at
	lib       *stdlib.Library // the interpreted parts of the standard library, in yi

	disp    *display.Display // package display of the cells
	rich    *richResult      // the running cell's result as a MIME bundle
	closers *closer.Set      // what cells started through the toolkit
}

// New starts a session with the standard library and the toolkit
// available to cells.
func New(opts Options) (*Session, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	ti, err := newTypeImporter()
	if err != nil {
		return nil, fmt.Errorf("load standard library types: %w", err)
	}
	if err := addDisplayTypes(ti); err != nil {
		return nil, err
	}
	crash := opts.Crash
	if crash == nil {
		crash = opts.Stderr
	}
	s := &Session{
		opts:    opts,
		trace:   &traceWriter{out: opts.Stderr},
		rt:      &runtimeState{stderr: crash},
		disp:    display.New(publishDisplay(opts.Display)),
		rich:    &richResult{},
		closers: &closer.Set{},
	}
	s.fe = &frontEnd{
		ti:      ti,
		imports: map[string]string{},
		sources: map[int][]byte{},
		names:   newPkgNames(ti.std.Paths()),
	}
	yi, err := s.newInterp()
	if err != nil {
		return nil, err
	}
	s.yi = yi
	s.fe.fset = yi.FileSet()
	return s, nil
}

// newInterp starts a yaegi interpreter with the standard library, the
// runtime helpers and the prelude.
func (s *Session) newInterp() (*interp.Interpreter, error) {
	yi := interp.New(interp.Options{Stdout: s.opts.Stdout, Stderr: s.trace, Stdin: s.opts.Stdin})
	lib, err := stdlib.Load(yi)
	if err != nil {
		return nil, fmt.Errorf("load standard library: %w", err)
	}
	s.lib = lib
	if err := useToolkit(yi, s.closers); err != nil {
		return nil, fmt.Errorf("load toolkit: %w", err)
	}
	if ex := stdinExports(s.opts.Stdin); ex != nil {
		if err := yi.Use(ex); err != nil {
			return nil, fmt.Errorf("load stdin: %w", err)
		}
	}
	if err := yi.Use(s.rt.exports()); err != nil {
		return nil, fmt.Errorf("load runtime helpers: %w", err)
	}
	if err := s.useDisplay(yi); err != nil {
		return nil, err
	}
	f, err := parser.ParseFile(yi.FileSet(), "prelude.go", prelude, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse prelude: %w", err)
	}
	if err := s.compileAST(yi, f); err != nil {
		return nil, fmt.Errorf("compile prelude: %w", err)
	}
	s.yImported = map[string]map[string]string{}
	return yi, nil
}

// Execute runs one cell. count is the execution count the cell is shown
// with (cell[count] in messages). A cell failure is returned as *Error.
// Cancelling ctx interrupts the cell. Rich output the cell held back
// (progress bars) is sent before Execute returns, and a result with a
// rendering method (HTML, SVG, ...), an image or a chart comes back as
// rich data.
func (s *Session) Execute(ctx context.Context, code string, count int) (Result, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	defer s.disp.Flush()
	if strings.TrimSpace(code) == "" {
		return Result{}, nil
	}
	s.rich.reset()
	res, err := s.execute(ctx, code, count)
	if err == nil {
		s.rich.apply(&res)
	}
	return res, err
}

// UserExpression evaluates expr in the session without side effects on
// the execution count, for execute_request's user_expressions.
func (s *Session) UserExpression(ctx context.Context, expr string) (Result, error) {
	return s.Execute(ctx, expr, 0)
}

// Completion is the answer to a completion request.
type Completion struct {
	Matches    []string
	Start, End int // cursor_start, cursor_end, in code points
	Metadata   map[string]any
}

// Complete returns completions for code at cursor (a code-point offset).
// It may be called while a cell runs.
func (s *Session) Complete(code string, cursor int) Completion {
	return s.complete(code, cursor)
}

// Inspection is the answer to an inspect request.
type Inspection struct {
	Found bool
	Data  map[string]any
}

// Inspect documents the name at cursor. It may be called while a cell
// runs.
func (s *Session) Inspect(code string, cursor, detailLevel int) Inspection {
	return s.inspect(code, cursor, detailLevel)
}

// IsComplete reports whether code is ready to run: "complete",
// "incomplete" (with the indent for the next line) or "invalid".
func (s *Session) IsComplete(code string) (status, indent string) {
	return isComplete(code)
}
