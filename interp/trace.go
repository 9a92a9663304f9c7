package interp

import (
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// maxTrace bounds the call chain kept for one panic.
const maxTrace = 64

// panicLineRE matches the line yaegi prints for each interpreted frame a
// panic unwinds: "cell3:2:9: panic: main.f(...)".
var panicLineRE = regexp.MustCompile(`^(?:(?:(\S+):)?(\d+):(\d+)|-): panic: (\S*)\(\.\.\.\)\s*$`)

// frame is one interpreted call of a panic's chain.
type frame struct {
	pos cellPos
	fn  string
}

// traceWriter is the interpreter's stderr: it keeps yaegi's per-frame
// panic lines (the call chain in cell positions) and passes anything else
// through.
type traceWriter struct {
	out    io.Writer
	mu     sync.Mutex
	frames []frame
	more   int // frames not kept
}

// Write keeps a panic frame line, or passes p on.
func (w *traceWriter) Write(p []byte) (int, error) {
	m := panicLineRE.FindSubmatch(p)
	if m == nil {
		return w.out.Write(p)
	}
	line, _ := strconv.Atoi(string(m[2]))
	col, _ := strconv.Atoi(string(m[3]))
	f := frame{fn: string(m[4])}
	if n := cellFileRE.FindSubmatch(m[1]); n != nil {
		c, _ := strconv.Atoi(string(n[1]))
		f.pos = cellPos{cell: c, line: line, col: col, ok: true}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if k := len(w.frames); k > 0 && w.frames[k-1] == f {
		return len(p), nil
	}
	if len(w.frames) < maxTrace {
		w.frames = append(w.frames, f)
	} else {
		w.more++
	}
	return len(p), nil
}

func (w *traceWriter) reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.frames, w.more = nil, 0
}

// take returns the frames collected since reset.
func (w *traceWriter) take() []frame {
	w.mu.Lock()
	defer w.mu.Unlock()
	fs := w.frames
	if w.more > 0 {
		fs = append(fs, frame{fn: fmt.Sprintf("... %d more calls", w.more)})
	}
	w.frames, w.more = nil, 0
	return fs
}

// panicValue formats a panic value as the Go runtime does.
func panicValue(v any) string {
	switch v := v.(type) {
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	case string:
		return v
	}
	return fmt.Sprintf("%v", v)
}

// panicError is a runtime panic as the student sees it: the value, the
// line of the panic call when at is known, then the chain of calls,
// innermost first, each function with the cell line that declares it.
// (yaegi reports each frame at its function's first statement, not at
// the statement that was running, so only the function is known for
// certain.) Frames of generated code are left out; decl finds where a
// function was declared.
func panicError(v any, at cellPos, frames []frame, sources map[int][]byte, decl func(name string) (cellPos, bool)) *Error {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		v = rv.Interface()
	}
	if so, ok := v.(*stackOverflow); ok {
		msg := so.Error()
		return &Error{Name: ErrStackOverflow, Value: msg, Traceback: []string{
			ErrStackOverflow + ": " + msg,
			"the recursion went deeper than " + strconv.Itoa(maxDepth) + " calls: check its base case",
		}}
	}
	val := runtimeWording(panicValue(v))
	tb := []string{"panic: " + val}
	if at.ok {
		tb = append(tb, "at "+at.String())
		if line, ok := sourceLine(sources[at.cell], at.line); ok {
			tb = append(tb, "    "+line, "    "+caretLine(line, at.col))
		}
	}
	for _, f := range frames {
		if strings.HasPrefix(f.fn, "...") {
			tb = append(tb, f.fn)
			continue
		}
		fn := strings.TrimPrefix(f.fn, "main.")
		if strings.Contains(fn, ".func") {
			continue // a function literal: not locatable
		}
		if n, ok := strings.CutPrefix(fn, cellFuncPrefix); ok {
			tb = append(tb, "in cell["+n+"]")
			continue
		}
		if !f.pos.ok || decl == nil {
			continue
		}
		p, ok := decl(fn)
		if !ok {
			continue
		}
		tb = append(tb, fmt.Sprintf("in %s, cell[%d] line %d", fn, p.cell, p.line))
		if line, ok := sourceLine(sources[p.cell], p.line); ok {
			tb = append(tb, "    "+strings.TrimSpace(line))
		}
	}
	return &Error{Name: ErrPanic, Value: val, Traceback: tb}
}

// runtimeWording replaces reflect's wording of run-time errors, which the
// interpreter surfaces, by the Go runtime's.
func runtimeWording(s string) string {
	switch {
	case strings.HasPrefix(s, "reflect: slice index out of range"),
		strings.HasPrefix(s, "reflect: array index out of range"),
		strings.HasPrefix(s, "reflect: string index out of range"):
		return "runtime error: index out of range"
	case strings.Contains(s, "integer divide by zero"):
		return "runtime error: integer divide by zero"
	case strings.HasPrefix(s, "reflect: call of reflect.Value") && strings.Contains(s, "zero Value"),
		strings.Contains(s, "nil pointer dereference"):
		return "runtime error: invalid memory address or nil pointer dereference"
	case strings.HasPrefix(s, "assignment to entry in nil map"):
		return s
	}
	return s
}
