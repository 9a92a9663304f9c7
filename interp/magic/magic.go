package magic

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Session is what the magics need from the Go session of a notebook.
type Session interface {
	// Run executes Go source as a cell and returns the MIME bundle of its
	// value (nil when the cell has none). A string value's "text/plain" is
	// Go-quoted, as the interpreter shows it. A non-nil error means the
	// cell failed; it is passed on to the caller unchanged.
	Run(ctx context.Context, code string) (map[string]any, error)
	// Vars lists the user's top-level variables.
	Vars() []Var
	// Reset forgets all user state.
	Reset() error
}

// Var is one top-level variable of the session.
type Var struct {
	Name  string // e.g. "counts"
	Type  string // its Go type, e.g. "map[string]int"
	Value string // its value as fmt's %v prints it
}

// Env is where the magics send what they show.
type Env struct {
	// Stdout and Stderr receive printed text and the output of shell
	// commands. When they are *os.File, shell commands write to them
	// directly; otherwise their output is copied as it arrives. Nil
	// discards.
	Stdout, Stderr io.Writer
	// Display shows rich output (%%html, %%markdown, %%svg, %%latex).
	// Nil drops it.
	Display func(data, metadata map[string]any)
	// Input asks the user for a line (used by %reset without -f). Nil
	// means the notebook cannot answer, and %reset then needs -f.
	Input func(ctx context.Context, prompt string) (string, error)
	// Bash is the shell for ! lines and %%bash; empty means "bash" found
	// on PATH.
	Bash string
}

// Error is a failure of a magic or a shell command, in the terms a
// notebook shows (ename, evalue).
type Error struct {
	Name  string // "UsageError", "ShellError" or "Interrupted"
	Value string // one line: what went wrong
	Err   error  // the cause, if any
}

// Error returns "Name: Value".
func (e *Error) Error() string { return e.Name + ": " + e.Value }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// usageError returns a *Error named UsageError, as IPython names a magic
// used the wrong way.
func usageError(format string, args ...any) *Error {
	return &Error{Name: "UsageError", Value: fmt.Sprintf(format, args...)}
}

// Magics runs cells with magics for one session. Execute runs one cell
// at a time; Complete may be called while a cell runs.
type Magics struct {
	sess    Session
	env     Env
	line    map[string]magic // by name, without %
	cell    map[string]magic // by name, without %%
	prevDir string           // for %cd -
}

// magic is one entry of a table: a line or a cell magic.
type magic struct {
	usage   string // e.g. "%timeit [-n N] [-r R] STMT"
	summary string // one line
	run     func(ctx context.Context, c call) (map[string]any, error)
}

// call is one use of a magic in a cell.
type call struct {
	name     string // without % or %%
	args     string // the rest of the magic's line
	body     string // cell magics: the lines after the first
	argPos   pos    // where args start in the cell
	bodyLine int    // cell magics: the cell line the body starts on
}

// pos is a 1-based line and column (in bytes) in a cell.
type pos struct{ line, col int }

// New returns the magics for sess, showing their output in env.
func New(sess Session, env Env) *Magics {
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if env.Display == nil {
		env.Display = func(data, metadata map[string]any) {}
	}
	if env.Bash == "" {
		env.Bash = "bash"
	}
	m := &Magics{sess: sess, env: env}
	m.line = m.lineMagics()
	m.cell = m.cellMagics()
	return m
}

// Execute runs one cell: its magics, shell commands and Go, in order. It
// returns the value of the last step (nil when it has none). A cell
// without magics is passed to Session.Run unchanged. The first failing
// step ends the cell; its error is returned (a *Error for magics and shell
// commands, the session's own error for Go). Cancelling ctx interrupts
// the running step.
func (m *Magics) Execute(ctx context.Context, code string) (map[string]any, error) {
	return m.execute(ctx, code, 1)
}

// execute runs code whose first line is line first of the cell.
func (m *Magics) execute(ctx context.Context, code string, first int) (map[string]any, error) {
	var value map[string]any
	for _, st := range split(code, first) {
		if err := ctx.Err(); err != nil {
			return nil, &Error{Name: "Interrupted", Value: "the cell was interrupted", Err: err}
		}
		var err error
		switch st.kind {
		case goStep:
			value, err = m.runGo(ctx, st.text, pos{st.line, 1})
		case shellStep:
			value, err = nil, m.shellLine(ctx, st.text)
		case lineStep:
			value, err = m.runMagic(ctx, m.line, "%", st.call)
		case cellStep:
			value, err = m.runMagic(ctx, m.cell, "%%", st.call)
		}
		if err != nil {
			return nil, err
		}
	}
	return value, nil
}

// runGo runs Go source that starts at p in the cell, padded so that the
// session's error positions match the cell's.
func (m *Magics) runGo(ctx context.Context, code string, p pos) (map[string]any, error) {
	if strings.TrimSpace(code) == "" {
		return nil, nil
	}
	return m.sess.Run(ctx, pad(code, p))
}

// pad prefixes code with the blank lines and spaces that put its first
// byte at p.
func pad(code string, p pos) string {
	if p.line <= 1 && p.col <= 1 {
		return code
	}
	return strings.Repeat("\n", max(p.line-1, 0)) + strings.Repeat(" ", max(p.col-1, 0)) + code
}

// runMagic looks c.name up in table and runs it.
func (m *Magics) runMagic(ctx context.Context, table map[string]magic, prefix string, c call) (map[string]any, error) {
	mg, ok := table[c.name]
	if !ok && prefix == "%" && strings.HasPrefix(c.name, "%") {
		return nil, usageError("cell magic %%%s must be the first line of its cell", c.name)
	}
	if !ok {
		return nil, usageError("unknown magic %s%s; known: %s", prefix, c.name, strings.Join(names(table, prefix), " "))
	}
	return mg.run(ctx, c)
}

// names lists a table's magics with their prefix, sorted.
func names(table map[string]magic, prefix string) []string {
	out := make([]string, 0, len(table))
	for n := range table {
		out = append(out, prefix+n)
	}
	sort.Strings(out)
	return out
}

// printf writes to the notebook's stdout.
func (m *Magics) printf(format string, args ...any) {
	fmt.Fprintf(m.env.Stdout, format, args...)
}
