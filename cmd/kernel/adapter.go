package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/gokernel/gokernel/interp"
	"github.com/gokernel/gokernel/interp/magic"
	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/execproto"
)

// sessionAdapter lets the executor protocol drive an interp.Session, with
// the magics (%time, !cmd, %%bash, ...) in front of it.
type sessionAdapter struct {
	s *interp.Session
	m *magic.Magics
	r *magicRunner
}

// newSessionAdapter puts the magics in front of sess; env is where they
// print and display.
func newSessionAdapter(sess *interp.Session, env magic.Env) sessionAdapter {
	r := &magicRunner{s: sess}
	return sessionAdapter{s: sess, m: magic.New(r, env), r: r}
}

// magicRunner is the magic.Session of an interp.Session. Execute calls
// are serial, so count and last need no lock.
type magicRunner struct {
	s     *interp.Session
	count int           // the execution count of the running cell
	last  interp.Result // the last Go chunk's result, for its metadata
}

// Run executes Go source as the running cell.
func (r *magicRunner) Run(ctx context.Context, code string) (map[string]any, error) {
	res, err := r.s.Execute(ctx, code, r.count)
	r.last = res
	return res.Data, err
}

// Vars lists the session's variables.
func (r *magicRunner) Vars() []magic.Var { return magicVars(r.s.Variables()) }

// Reset stops what cells started and forgets all user state.
func (r *magicRunner) Reset() error {
	if err := r.s.CloseAll(); err != nil {
		slog.Debug("reset: stop what cells started", "err", err)
	}
	return r.s.Reset()
}

// stdinInput returns the magics' Input: it prints prompt to out and reads
// one line from in, the cell's standard input (each read that finds
// nothing buffered is an input_request to the notebook). It reads a byte
// at a time so that nothing after the line is taken from the cell.
func stdinInput(out io.Writer, in io.Reader) func(ctx context.Context, prompt string) (string, error) {
	return func(_ context.Context, prompt string) (string, error) {
		fmt.Fprint(out, prompt)
		var line []byte
		b := make([]byte, 1)
		for {
			n, err := in.Read(b)
			if n == 1 {
				if b[0] == '\n' {
					return string(line), nil
				}
				line = append(line, b[0])
			}
			if errors.Is(err, io.EOF) && len(line) > 0 {
				return string(line), nil
			}
			if err != nil {
				return "", fmt.Errorf("read the answer: %w", err)
			}
		}
	}
}

// magicVars converts the session's variables for the magics.
func magicVars(vs []interp.Variable) []magic.Var {
	out := make([]magic.Var, len(vs))
	for i, v := range vs {
		out[i] = magic.Var{Name: v.Name, Type: v.Type, Value: v.Value}
	}
	return out
}

// Execute runs a cell through the magics. An interrupted cell also stops
// every server, loop and pool that cells started: an interrupt frees
// their ports.
func (a sessionAdapter) Execute(ctx context.Context, code string, count int) (execproto.Value, error) {
	a.r.count, a.r.last = count, interp.Result{}
	data, err := a.m.Execute(ctx, code)
	if ctx.Err() != nil {
		if cerr := a.s.CloseAll(); cerr != nil {
			slog.Debug("interrupt: stop what cells started", "err", cerr)
		}
	}
	v := execproto.Value{Data: data}
	if data != nil && sameBundle(data, a.r.last.Data) {
		v.Metadata = a.r.last.Metadata
	}
	return v, cellError(err)
}

// sameBundle reports whether a and b are the same map.
func sameBundle(a, b map[string]any) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok {
			return false
		}
		if vs, ok := v.(string); ok {
			if ws, ok := w.(string); !ok || vs != ws {
				return false
			}
		}
	}
	return true
}

// UserExpression evaluates a user expression; `%who` is the variables'
// list.
func (a sessionAdapter) UserExpression(ctx context.Context, expr string) (execproto.Value, error) {
	if strings.TrimSpace(expr) == "%who" {
		return execproto.Value{Data: magic.WhoBundle(magicVars(a.s.Variables()))}, nil
	}
	r, err := a.s.UserExpression(ctx, expr)
	return execproto.Value{Data: r.Data, Metadata: r.Metadata}, cellError(err)
}

// Complete completes magic names first, then Go with the magic lines
// blanked.
func (a sessionAdapter) Complete(code string, cursor int) engine.CompleteReply {
	if m, start, end, ok := a.m.Complete(code, cursor); ok {
		if m == nil {
			m = []string{}
		}
		return engine.CompleteReply{Matches: m, CursorStart: start, CursorEnd: end, Metadata: map[string]any{}}
	}
	src, delta, ok := goCursor(code, cursor)
	if !ok {
		return engine.CompleteReply{Matches: []string{}, CursorStart: cursor, CursorEnd: cursor, Metadata: map[string]any{}}
	}
	c := a.s.Complete(src, cursor+delta)
	m := c.Matches
	if m == nil {
		m = []string{}
	}
	return engine.CompleteReply{Matches: m, CursorStart: c.Start - delta, CursorEnd: c.End - delta, Metadata: orEmpty(c.Metadata)}
}

// Inspect documents the Go name at cursor.
func (a sessionAdapter) Inspect(code string, cursor, detailLevel int) engine.InspectReply {
	src, delta, ok := goCursor(code, cursor)
	if !ok {
		return engine.InspectReply{Data: map[string]any{}, Metadata: map[string]any{}}
	}
	in := a.s.Inspect(src, cursor+delta, detailLevel)
	return engine.InspectReply{Found: in.Found, Data: orEmpty(in.Data), Metadata: map[string]any{}}
}

// IsComplete judges the Go part of the cell.
func (a sessionAdapter) IsComplete(code string) engine.IsCompleteReply {
	status, indent := a.s.IsComplete(magic.GoSource(code))
	return engine.IsCompleteReply{Status: status, Indent: indent}
}

// goCursor returns the cell's Go source (magic.GoSource: magic lines
// blanked, line and column of Go kept) and what to add to a code-point
// cursor in code to get the same place in it. ok is false when the cursor
// is on a blanked line.
func goCursor(code string, cursor int) (src string, delta int, ok bool) {
	src = magic.GoSource(code)
	if src == code {
		return src, 0, true
	}
	lines := strings.SplitAfter(code, "\n")
	goLines := strings.SplitAfter(src, "\n")
	at, gat := 0, 0 // code points before the current line in code and in src
	for i, ln := range lines {
		n := utf8.RuneCountInString(ln)
		if cursor <= at+n || i == len(lines)-1 {
			col := cursor - at
			if i >= len(goLines) || col > utf8.RuneCountInString(goLines[i]) {
				return src, 0, false
			}
			if strings.TrimRight(goLines[i], "\r\n") == "" && strings.TrimRight(ln, "\r\n") != "" {
				return src, 0, false
			}
			return src, gat - at, true
		}
		at += n
		if i < len(goLines) {
			gat += utf8.RuneCountInString(goLines[i])
		}
	}
	return src, 0, false
}

// Replay restores earlier cells' declarations (imports, types, funcs,
// methods, consts; not statements) after the executor was replaced, each
// with the execution count it ran with. Variables are declared again with their zero values, so they
// are not listed among the restored names.
func (a sessionAdapter) Replay(ctx context.Context, cells []execproto.Cell) ([]string, error) {
	rc := make([]interp.ReplayCell, len(cells))
	for i, c := range cells {
		// Magic lines are not Go: replay the Go the cell declared.
		rc[i] = interp.ReplayCell{Code: magic.GoSource(c.Code), Count: c.Count}
	}
	names, err := a.s.ReplayCells(ctx, rc)
	vars := map[string]bool{}
	for _, v := range a.s.Variables() {
		vars[v.Name] = true
	}
	kept := names[:0]
	for _, n := range names {
		if !vars[n] {
			kept = append(kept, n)
		}
	}
	return kept, err
}

// cellError converts the session's and the magics' errors for the
// protocol.
func cellError(err error) error {
	if err == nil {
		return nil
	}
	var ie *interp.Error
	if errors.As(err, &ie) {
		return &execproto.CellError{Name: ie.Name, Value: ie.Value, Traceback: ie.Traceback}
	}
	var me *magic.Error
	if errors.As(err, &me) {
		return &execproto.CellError{Name: me.Name, Value: me.Value, Traceback: []string{me.Error()}}
	}
	return err
}
