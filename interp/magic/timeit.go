package magic

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"time"
)

// timeitRuns is IPython's default number of timed repeats.
const timeitRuns = 7

// timeitOptions are the options of %timeit.
type timeitOptions struct {
	loops int // -n: executions per run; 0 calibrates
	runs  int // -r: timed runs
}

// lineTimeit is %timeit [-n N] [-r R] STMT: time STMT in a loop, in the
// session, and print the mean and deviation per loop like IPython.
func (m *Magics) lineTimeit(ctx context.Context, c call) (map[string]any, error) {
	opts, stmt, p, err := parseTimeitArgs(c.args, c.argPos)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(stmt) == "" {
		return nil, usageError("%%timeit needs a statement: %%timeit [-n N] [-r R] STMT")
	}
	return nil, m.timeit(ctx, opts, "", pos{}, stmt, p)
}

// cellTimeit is %%timeit [-n N] [-r R] [SETUP]: run SETUP once, untimed,
// then time the cell's body like %timeit.
func (m *Magics) cellTimeit(ctx context.Context, c call) (map[string]any, error) {
	opts, setup, p, err := parseTimeitArgs(c.args, c.argPos)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(c.body) == "" {
		return nil, usageError("%%%%timeit needs a cell body to time")
	}
	return nil, m.timeit(ctx, opts, setup, p, c.body, pos{c.bodyLine, 1})
}

// timeit runs the generated timing code in one Session.Run and prints
// the result.
func (m *Magics) timeit(ctx context.Context, opts timeitOptions, setup string, setupPos pos, stmt string, stmtPos pos) error {
	v, err := m.sess.Run(ctx, timeitSource(opts, setup, setupPos, stmt, stmtPos))
	if err != nil {
		return err
	}
	res, err := parseTimeitValue(v)
	if err != nil {
		return err
	}
	if w := res.cachingWarning(); w != "" {
		m.printf("%s\n", w)
	}
	m.printf("%s\n", res)
	return nil
}

// parseTimeitArgs reads the options at the start of args and returns the
// rest (the statement, or %%timeit's setup) with its position.
func parseTimeitArgs(args string, p pos) (timeitOptions, string, pos, error) {
	opts := timeitOptions{runs: timeitRuns}
	rest := args
	for strings.HasPrefix(rest, "-n") || strings.HasPrefix(rest, "-r") {
		flag := rest[:2]
		val := strings.TrimLeft(rest[2:], " \t")
		end := strings.IndexAny(val, " \t")
		if end < 0 {
			end = len(val)
		}
		n, err := strconv.Atoi(val[:end])
		if err != nil || n < 1 {
			return opts, "", p, usageError("%%timeit %s needs a positive count, not %q", flag, val[:end])
		}
		if flag == "-n" {
			opts.loops = n
		} else {
			opts.runs = n
		}
		rest = strings.TrimLeft(val[end:], " \t")
	}
	p.col += len(args) - len(rest)
	return opts, rest, p, nil
}

// timeitSource generates the Go expression that times stmt. Its value is
// a string: the loop count, then the duration of each run in
// nanoseconds, separated by spaces. Everything it declares lives inside a
// function literal with names starting with __gk, so the user's
// variables are visible and the session keeps nothing. Line directives
// put the user's code at its place in the cell, for error positions.
func timeitSource(opts timeitOptions, setup string, setupPos pos, stmt string, stmtPos pos) string {
	var b strings.Builder
	b.WriteString("func() string {\n")
	if strings.TrimSpace(setup) != "" {
		fmt.Fprintf(&b, "%s%s\n", lineDirective(setupPos), useDeclared(setup))
	}
	b.WriteString("\t__gkLoop := func(__gkN int) int64 {\n\t\t__gkT0 := time.Now()\n\t\tfor __gkI := 0; __gkI < __gkN; __gkI++ {\n")
	fmt.Fprintf(&b, "%s%s\n", lineDirective(stmtPos), useDeclared(stmt))
	b.WriteString("\t\t}\n\t\treturn int64(time.Since(__gkT0))\n\t}\n")
	if opts.loops > 0 {
		fmt.Fprintf(&b, "\t__gkN := %d\n", opts.loops)
	} else {
		// IPython: loops 1, 10, 100, ... until one run takes 0.2 s.
		b.WriteString("\t__gkN := 1\n\tfor __gkK := 0; __gkK < 9 && __gkLoop(__gkN) < 2e8; __gkK++ {\n\t\t__gkN *= 10\n\t}\n")
	}
	fmt.Fprintf(&b, "\t__gkOut := strconv.Itoa(__gkN)\n\tfor __gkR := 0; __gkR < %d; __gkR++ {\n", opts.runs)
	b.WriteString("\t\t__gkOut += \" \" + strconv.FormatInt(__gkLoop(__gkN), 10)\n\t}\n\treturn __gkOut\n}()\n")
	return b.String()
}

// lineDirective returns a /*line*/ comment that gives the next byte the
// position p in the current file, or "" for an unknown position.
func lineDirective(p pos) string {
	if p.line < 1 {
		return ""
	}
	return fmt.Sprintf("/*line :%d:%d*/", p.line, p.col)
}

// useDeclared makes statements valid as a loop body: it adds `_ = name`
// for each variable they declare at their top level (Go rejects unused
// variables), and turns a lone expression that is not a call or a
// receive into `_ = expr` (Go rejects an unused value). Code that does
// not parse is returned as is, for the session to report.
func useDeclared(src string) string {
	if x, err := parser.ParseExpr(src); err == nil {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			return src
		case *ast.UnaryExpr:
			if e.Op == token.ARROW {
				return src
			}
		}
		return "_ = " + src
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", "package p\nfunc _() {\n"+src+"\n}\n", parser.SkipObjectResolution)
	if err != nil {
		return src
	}
	var names []string
	for _, s := range f.Decls[0].(*ast.FuncDecl).Body.List {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						names = append(names, id.Name)
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						if id.Name != "_" {
							names = append(names, id.Name)
						}
					}
				}
			}
		}
	}
	for _, n := range names {
		src += "\n_ = " + n
	}
	return src
}

// parseTimeitValue reads the value of the code timeitSource generates.
func parseTimeitValue(v map[string]any) (timeitResult, error) {
	text, _ := v["text/plain"].(string)
	if s, err := strconv.Unquote(text); err == nil {
		text = s
	}
	fields := strings.Fields(text)
	bad := func() (timeitResult, error) {
		return timeitResult{}, &Error{Name: "UsageError", Value: fmt.Sprintf("%%timeit: unexpected value from the timing code: %q", text)}
	}
	if len(fields) < 2 {
		return bad()
	}
	var res timeitResult
	n, err := strconv.Atoi(fields[0])
	if err != nil {
		return bad()
	}
	res.loops = n
	for _, f := range fields[1:] {
		ns, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return bad()
		}
		res.runs = append(res.runs, time.Duration(ns))
	}
	return res, nil
}
