package interp

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 does not give a call its own named results: the callee's
// result slots are the caller's destination (the temporary of the call
// site, or the variable of `x = f()`), and they are not zeroed. So a named
// result starts with whatever the same call site got last time (in a loop,
// `func g() (n int) { n++; return }` returns 1, 2, 3), and writing it
// writes the caller's variable before the function returns.
//
// namedResults fixes both in a function that defers nothing: the results
// become unnamed and their names become local variables, zero at each
// call, which every bare return returns. A function that defers keeps its
// named results (a deferred call may set them after return); they are
// zeroed when it starts.
func (rw *rewriter) namedResults(fc *funcCtx) {
	if fc.ftype == nil || fc.ftype.Results == nil || fc.names == nil {
		return
	}
	res, names := fc.sig.Results(), fc.names
	rw.stats["named-results"]++
	if fc.defers != "" || defers(fc.body) {
		// Keep the names (renaming blank ones, so that they can be zeroed).
		k := 0
		for _, f := range fc.ftype.Results.List {
			for _, id := range f.Names {
				id.Name = names[k]
				k++
			}
		}
		var zero []ast.Stmt
		for i, n := range names {
			z := rw.fresh("_gkz")
			zero = append(zero, varDecl(z, rw.typeExpr(res.At(i).Type()), nil))
			zero = append(zero, assign(idents(n), token.ASSIGN, ast.NewIdent(z)))
		}
		fc.body.List = append(zero, fc.body.List...)
		return
	}
	// Unnamed results; each name a local variable.
	var fields []*ast.Field
	k := 0
	for _, f := range fc.ftype.Results.List {
		for j := range f.Names {
			t := f.Type
			if j > 0 {
				t = rw.typeExpr(res.At(k).Type())
			}
			fields = append(fields, &ast.Field{Type: t})
			k++
		}
	}
	fc.ftype.Results.List = fields
	var locals []ast.Stmt
	for i, n := range names {
		locals = append(locals, varDecl(n, rw.typeExpr(res.At(i).Type()), nil))
	}
	astutil.Apply(fc.body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				n.Results = idents(names...)
			}
		}
		return true
	}, nil)
	fc.body.List = append(locals, fc.body.List...)
}

// resultNames returns the names of a signature's results, with a fresh
// name for each blank one, or nil if the results are unnamed.
func (rw *rewriter) resultNames(sig *types.Signature) []string {
	if sig == nil || sig.Results().Len() == 0 || sig.Results().At(0).Name() == "" {
		return nil
	}
	names := make([]string, sig.Results().Len())
	for i := range names {
		names[i] = sig.Results().At(i).Name()
		if names[i] == "_" {
			names[i] = rw.fresh("_gkres")
		}
	}
	return names
}

// resultTypes returns the types of a signature's results.
func resultTypes(sig *types.Signature) []types.Type {
	ts := make([]types.Type, sig.Results().Len())
	for i := range ts {
		ts[i] = sig.Results().At(i).Type()
	}
	return ts
}

// defers reports whether a function body has a defer statement of its
// own (not of a function literal inside it).
func defers(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			found = true
		}
		return !found
	})
	return found
}

// varDecl builds var name T = value (without the value when it is nil).
func varDecl(name string, t ast.Expr, value ast.Expr) ast.Stmt {
	spec := &ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(name)}, Type: t}
	if value != nil {
		spec.Values = []ast.Expr{value}
	}
	return &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{spec}}}
}

// setResults builds the statements that assign the values of a return
// statement to variables: yaegi panics with "reflect: New(nil)" on an
// assignment of several values when one is an untyped nil (a, b = 1, nil),
// so each value goes to a temporary of its variable's type first (which
// keeps the assignment simultaneous), then to its variable. A single call
// with several results stays one assignment.
func (rw *rewriter) setResults(vars []string, typs []types.Type, values []ast.Expr) []ast.Stmt {
	if len(vars) == 1 || len(values) != len(vars) {
		return []ast.Stmt{assign(idents(vars...), token.ASSIGN, values...)}
	}
	var stmts, sets []ast.Stmt
	for i, v := range values {
		if vars[i] == "_" {
			stmts = append(stmts, assign(idents("_"), token.ASSIGN, v))
			continue
		}
		t := rw.fresh("_gkt")
		stmts = append(stmts, varDecl(t, rw.typeExpr(typs[i]), v))
		sets = append(sets, assign(idents(vars[i]), token.ASSIGN, ast.NewIdent(t)))
	}
	return append(stmts, sets...)
}

// nilAssign rewrites a cell's own assignment of several values with an
// untyped nil among them (x, err = 0, nil), which yaegi cannot run, into
// a block that sets its variables one by one through temporaries. Only
// assignments to plain names, as statements of a block.
func (rw *rewriter) nilAssign(c *astutil.Cursor, a *ast.AssignStmt) ast.Stmt {
	if a.Tok != token.ASSIGN || len(a.Lhs) < 2 || len(a.Lhs) != len(a.Rhs) {
		return nil
	}
	switch c.Parent().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.LabeledStmt:
	default:
		return nil // the init or post statement of a for, if or switch
	}
	if cc, ok := c.Parent().(*ast.CommClause); ok && cc.Comm == ast.Stmt(a) {
		return nil
	}
	hasNil := false
	for _, r := range a.Rhs {
		if tv, ok := rw.info.Types[r]; ok && tv.IsNil() {
			hasNil = true
		}
	}
	if !hasNil {
		return nil
	}
	vars := make([]string, len(a.Lhs))
	typs := make([]types.Type, len(a.Lhs))
	for i, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return nil
		}
		vars[i] = id.Name
		if id.Name == "_" {
			continue
		}
		obj := rw.info.Uses[id]
		if obj == nil {
			return nil
		}
		typs[i] = obj.Type()
	}
	rw.stats["nil-assign"]++
	return block(rw.setResults(vars, typs, a.Rhs)...)
}
