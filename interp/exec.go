package interp

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gokernel/gokernel/interp/stdlib"
	yaegi "github.com/traefik/yaegi/interp"
)

// execute runs the front end on a cell, hands the result to the
// interpreter (rebuilding it when an earlier declaration changed) and runs
// the cell's statements.
func (s *Session) execute(ctx context.Context, code string, count int) (Result, error) {
	u, err := s.fe.compile(count, []byte(code), false)
	if err != nil {
		return Result{}, err
	}
	var res Result
	if len(u.changed) > 0 || s.dirty {
		dropped, err := s.rebuild(count, code, u)
		if err != nil {
			return Result{}, err
		}
		for _, d := range dropped {
			note := fmt.Sprintf("gokernel: %s was reset to its zero value: its type changed shape; run the cell that sets it again", d)
			res.Notes = append(res.Notes, note)
			fmt.Fprintln(s.opts.Stdout, note)
		}
		u = s.lastUnit
	} else if err := s.load(s.yi, u); err != nil {
		if !errors.Is(err, errRebind) {
			s.dirty = true
			return Result{}, err
		}
		if _, err := s.rebuild(count, code, u); err != nil {
			return Result{}, err
		}
		u = s.lastUnit
	}
	s.commit(u)
	val, err := s.run(ctx, count)
	if err != nil {
		return res, err
	}
	if val != nil && u.result {
		res.Data = map[string]any{"text/plain": val.text}
		if str, ok := val.v.(string); ok {
			res.Data["text/plain"] = strconv.Quote(str)
		}
	}
	return res, nil
}

// commit makes a unit's declarations the session's.
func (s *Session) commit(u *unit) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fe.imports = u.imports
	s.fe.entries = u.entries
	s.pkg, s.info = u.pkg, u.info
	s.gen++
}

// errRebind means an import name now stands for another package, which
// yaegi cannot rebind: the interpreter must be rebuilt.
var errRebind = errors.New("an import name changed package")

// load compiles a unit into yi: the unit's declarations and the cell
// function, after the imports they need.
func (s *Session) load(yi *yaegi.Interpreter, u *unit) error {
	cells := map[int]bool{u.pc.count: true}
	for _, e := range u.entries {
		cells[e.cell] = true
	}
	bases := []string{"."}
	for c := range cells {
		bases = append(bases, cellName(c))
	}
	sort.Strings(bases)
	for _, p := range u.imports {
		if err := s.lib.Prepare(p); err != nil {
			return internalError(err)
		}
	}
	for _, b := range bases {
		if err := s.importInto(yi, b, u.imports); err != nil {
			return err
		}
	}
	f := &ast.File{Name: ast.NewIdent("main"), Package: u.pc.file.Package}
	f.Decls = append(f.Decls, u.compile...)
	f.Decls = append(f.Decls, u.pc.fn)
	if u.pc.runner != nil {
		f.Decls = append(f.Decls, u.pc.runner)
	}
	return s.compileAST(yi, f)
}

// importInto makes the imports visible to nodes whose positions are in
// file base. yaegi keys a file's imports by the base name of its
// position, and the nodes of one compiled file come from several cells.
func (s *Session) importInto(yi *yaegi.Interpreter, base string, imports map[string]string) error {
	done := s.yImported[base]
	if done == nil {
		done = map[string]string{}
		s.yImported[base] = done
	}
	want := map[string]string{rtName: rtPath}
	fmtAs := fmtAlias(imports)
	want[fmtAs] = "fmt"
	for n, p := range imports {
		if p == "fmt" && n != fmtAs {
			continue // yaegi refuses a package imported twice in a file
		}
		if stdlib.HasSource(p) && n == path.Base(p) {
			// Interpreted source (Library.Prepare) is visible under its
			// package name everywhere, unless a file's import of the
			// binary package of that name hides it.
			continue
		}
		want[n] = p
	}
	names := make([]string, 0, len(want))
	for n, p := range want {
		switch old, ok := done[n]; {
		case ok && old == p:
		case ok:
			return errRebind
		default:
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "//line %s:1:1\npackage main\nimport (\n", base)
	for _, n := range names {
		name := n
		if name[0] == '.' {
			name = "."
		}
		fmt.Fprintf(&b, "\t%s %q\n", name, want[n])
	}
	b.WriteString(")\n")
	f, err := parser.ParseFile(yi.FileSet(), base+".imports.go", b.String(), parser.SkipObjectResolution)
	if err != nil {
		return internalError(fmt.Errorf("imports: %w", err))
	}
	if err := s.compileAST(yi, f); err != nil {
		return err
	}
	for _, n := range names {
		done[n] = want[n]
	}
	return nil
}

// fmtAlias is the name the rewritten cell uses for package fmt: the
// cell's own import of it when there is one.
func fmtAlias(imports map[string]string) string {
	if imports["fmt"] == "fmt" {
		return "fmt"
	}
	for n, p := range imports {
		if p == "fmt" && n != "_" && n[0] != '.' {
			return n
		}
	}
	return fmtName
}

// compileAST compiles and runs (defines) a file in yi.
func (s *Session) compileAST(yi *yaegi.Interpreter, f *ast.File) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = internalError(fmt.Errorf("interpreter panic: %v", r))
		}
	}()
	prog, err := yi.CompileAST(f)
	if err != nil {
		return internalError(err)
	}
	// With a context, so that yaegi generates channel operations that an
	// interrupt can cancel (it decides when it generates the code).
	if _, err := yi.ExecuteWithContext(context.Background(), prog); err != nil {
		return internalError(err)
	}
	return nil
}

// internalError reports what the interpreter refused although the type
// checker accepted it: a limit of the interpreter, not the student's bug.
func internalError(err error) *Error {
	msg := "the interpreter cannot run this (a gokernel limitation): " + err.Error()
	return &Error{Name: ErrInternal, Value: msg, Traceback: []string{ErrInternal + ": " + msg}}
}

// rebuild replaces the interpreter with a fresh one holding every live
// declaration, so that a changed declaration is seen everywhere (yaegi
// keeps the old bindings of redefined names). Variables keep their values
// when their type allows; the names of those that cannot are returned.
func (s *Session) rebuild(count int, code string, first *unit) ([]string, error) {
	old := s.yi
	yi, err := s.newInterp()
	if err != nil {
		return nil, err
	}
	oldFset := s.fe.fset
	s.mu.Lock()
	s.fe.fset = yi.FileSet()
	for _, e := range s.fe.entries {
		e.decl = nil
	}
	s.mu.Unlock()
	u, err := s.fe.compile(count, []byte(code), true)
	if err == nil {
		err = s.load(yi, u)
	}
	if err != nil {
		s.mu.Lock()
		s.fe.fset = oldFset
		for _, e := range s.fe.entries {
			e.decl = nil
		}
		s.mu.Unlock()
		s.dirty = true
		return nil, err
	}
	// The rewrite edited the entries' cached nodes: parse them afresh next time.
	for _, e := range u.entries {
		e.decl = nil
	}
	redefined := map[string]bool{}
	for _, v := range u.vars {
		redefined[v] = true
	}
	var dropped []string
	oldG, newG := old.Globals(), yi.Globals()
	for _, e := range u.entries {
		if e.kind != kindVar || redefined[e.names[0]] {
			continue
		}
		name := e.names[0]
		ov, nv := oldG[name], newG[name]
		if !ov.IsValid() || !nv.IsValid() {
			continue
		}
		if !carry(ov, nv) {
			dropped = append(dropped, name)
		}
	}
	s.mu.Lock()
	s.yi = yi
	s.dirty = false
	s.mu.Unlock()
	s.lastUnit = u
	return dropped, nil
}

// carry copies a variable's value into its new interpreter, if its type
// allows.
func carry(from, to reflect.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if !to.CanSet() || !from.Type().AssignableTo(to.Type()) {
		return false
	}
	to.Set(from)
	return true
}

// run calls the cell's function under ctx and returns its result value.
func (s *Session) run(ctx context.Context, count int) (*cellValue, error) {
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.rt.begin(runCtx, cancel)
	defer s.rt.begin(nil, nil)
	s.trace.reset()
	finished := s.rt.done()
	_, err := s.yi.EvalWithContext(runCtx, runnerName(count)+"()")
	if runCtx.Err() != nil {
		// Stopped from outside: give the interpreter a moment to unwind.
		select {
		case <-finished:
		case <-time.After(stopGrace):
			return nil, stillRunning()
		}
	}
	if so := s.rt.stopped(); so != nil {
		return nil, panicError(so, cellPos{}, nil, nil, nil)
	}
	if err != nil {
		if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			return nil, interrupted()
		}
		var p yaegi.Panic
		if errors.As(err, &p) {
			v, at := p.Value, cellPos{}
			if np := s.rt.noted(v); np != nil {
				at = np.pos
				if np.text != "" {
					v = errors.New(np.text)
				}
			}
			return nil, panicError(v, at, s.trace.take(), s.fe.sources, s.declaredAt)
		}
		return nil, internalError(err)
	}
	return s.rt.take(), nil
}

// declaredAt finds where the live function or method name (as yaegi
// names it: f, T.M or (*T).M) was declared.
func (s *Session) declaredAt(name string) (cellPos, bool) {
	name = strings.NewReplacer("(*", "", ")", "").Replace(name)
	for _, e := range s.fe.entries {
		for _, n := range e.names {
			if n == name {
				return cellPos{cell: e.cell, line: e.line, col: e.col, ok: true}, true
			}
		}
	}
	return cellPos{}, false
}
