package interp

import (
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Error names a student sees.
const (
	ErrCompile       = "CompileError"
	ErrPanic         = "panic"
	ErrInterrupted   = "Interrupted"
	ErrStackOverflow = "StackOverflow"
	ErrInternal      = "InternalError"
)

// maxErrors is how many compile errors a failing cell shows.
const maxErrors = 10

var cellFileRE = regexp.MustCompile(`^cell(\d+)$`)

// cellPos is a position in a cell.
type cellPos struct {
	cell, line, col int
	ok              bool // false for generated code
}

func toCellPos(p token.Position) cellPos {
	m := cellFileRE.FindStringSubmatch(p.Filename)
	if m == nil || p.Line == 0 {
		return cellPos{}
	}
	n, _ := strconv.Atoi(m[1])
	return cellPos{cell: n, line: p.Line, col: p.Column, ok: true}
}

// String formats p as the student sees it: "cell[3] line 2:5".
func (p cellPos) String() string {
	return fmt.Sprintf("cell[%d] line %d:%d", p.cell, p.line, p.col)
}

// diag is one compile error at a position.
type diag struct {
	pos cellPos
	msg string
}

// compileError builds the student's view of a list of compile errors: each
// "cell[N] line L:C: message", the source line and a caret under the
// column.
func compileError(diags []diag, sources map[int][]byte) *Error {
	if len(diags) > maxErrors {
		diags = append(diags[:maxErrors:maxErrors], diag{msg: "too many errors"})
	}
	var tb []string
	for _, d := range diags {
		head := d.msg
		if d.pos.ok {
			head = d.pos.String() + ": " + d.msg
		}
		tb = append(tb, head)
		if !d.pos.ok {
			continue
		}
		if line, ok := sourceLine(sources[d.pos.cell], d.pos.line); ok {
			tb = append(tb, "    "+line, "    "+caretLine(line, d.pos.col))
		}
	}
	first := diags[0].msg
	if diags[0].pos.ok {
		first = diags[0].pos.String() + ": " + first
	}
	return &Error{Name: ErrCompile, Value: first, Traceback: tb}
}

// sourceLine returns line n (1-based) of src with tabs kept.
func sourceLine(src []byte, n int) (string, bool) {
	if src == nil || n < 1 {
		return "", false
	}
	lines := strings.Split(string(src), "\n")
	if n > len(lines) {
		return "", false
	}
	return strings.TrimRight(lines[n-1], "\r"), true
}

// caretLine puts a ^ under byte column col of line, copying tabs so the
// caret lines up however tabs are shown.
func caretLine(line string, col int) string {
	var b strings.Builder
	for i := 0; i < col-1 && i < len(line); i++ {
		if line[i] == '\t' {
			b.WriteByte('\t')
		} else if line[i]&0xC0 != 0x80 { // one space per character
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}

// parseDiags converts a go/parser error into diagnostics.
func parseDiags(err error, lines int) []diag {
	var list scanner.ErrorList
	if errors.As(err, &list) {
		var ds []diag
		for _, e := range list {
			p := toCellPos(e.Pos)
			if !p.ok || p.line > lines {
				continue // in the code wrapped around the cell
			}
			ds = append(ds, diag{pos: p, msg: e.Msg})
		}
		if len(ds) > 0 {
			return ds
		}
	}
	return []diag{{msg: err.Error()}}
}

// typeDiag converts a go/types error.
func typeDiag(e types.Error) diag {
	return diag{pos: toCellPos(e.Fset.Position(e.Pos)), msg: e.Msg}
}

// interrupted is the error of a cell stopped by its context.
func interrupted() *Error {
	msg := "the cell was interrupted; variables it was setting may hold partial results"
	return &Error{Name: ErrInterrupted, Value: msg, Traceback: []string{ErrInterrupted + ": " + msg}}
}

// stopGrace is how long an interrupted cell may take to stop.
const stopGrace = 2 * time.Second

// stillRunning is the error of an interrupted cell whose code did not
// stop (it is blocked in a call the interpreter cannot cut short).
func stillRunning() *Error {
	msg := "the cell was interrupted, but its code is still running (blocked in a call that cannot be cut short); restart the kernel to stop it"
	return &Error{Name: ErrInterrupted, Value: msg, Traceback: []string{ErrInterrupted + ": " + msg}}
}
