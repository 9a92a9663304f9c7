package interp

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// captured reports whether body may keep a reference to one of vars
// beyond the iteration: a closure using it, its address taken, or a
// pointer-receiver method called on it.
func (rw *rewriter) captured(body ast.Node, vars map[types.Object]bool) bool {
	found := false
	var inLit int
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && vars[rw.info.Uses[id]] {
					found = true
				}
				return !found
			})
			return false
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && vars[rw.info.Uses[id]] {
					found = true
				}
			}
		case *ast.SelectorExpr:
			if s := rw.info.Selections[n]; s != nil && s.Kind() == types.MethodVal {
				if f, ok := s.Obj().(*types.Func); ok {
					if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil {
						if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
							if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && vars[rw.info.Uses[id]] {
								found = true
							}
						}
					}
				}
			}
		}
		return true
	})
	_ = inLit
	return found
}

// rangeLoopVars gives a range loop over a slice, map, string or channel
// per-iteration variables (Go 1.22) when they may be captured:
// for k, v := range x { body } becomes for k, v := range x { k, v := k, v; { body } }.
func (rw *rewriter) rangeLoopVars(r *ast.RangeStmt) {
	if r.Tok != token.DEFINE {
		return
	}
	vars := map[types.Object]bool{}
	var names []string
	for _, x := range []ast.Expr{r.Key, r.Value} {
		if id, ok := x.(*ast.Ident); ok && id.Name != "_" {
			if obj := rw.info.Defs[id]; obj != nil {
				vars[obj] = true
				names = append(names, id.Name)
			}
		}
	}
	if len(names) == 0 || !rw.captured(r.Body, vars) {
		return
	}
	rw.stats["loopvar-range"]++
	r.Body = &ast.BlockStmt{Lbrace: r.Body.Lbrace, Rbrace: r.Body.Rbrace, List: []ast.Stmt{
		assign(idents(names...), token.DEFINE, idents(names...)...),
		r.Body,
	}}
}

// forLoopVars gives a three-clause loop per-iteration variables (Go 1.22)
// when they may be captured:
//
//	for i := 0; i < n; i++ { body }
//
// becomes
//
//	for _gki := 0; _gki < n; _gki++ { i := _gki; { body }; _gki = i }
//
// with `_gki = i` also before each continue of this loop.
func (rw *rewriter) forLoopVars(f *ast.ForStmt, label *ast.Ident) {
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	vars := map[types.Object]bool{}
	rename := map[types.Object]string{}
	var inner, outer []string
	for _, l := range init.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		if obj := rw.info.Defs[id]; obj != nil {
			vars[obj] = true
			n := rw.fresh("_gkl")
			rename[obj] = n
			inner = append(inner, id.Name)
			outer = append(outer, n)
		}
	}
	if len(inner) == 0 || !rw.captured(f.Body, vars) {
		return
	}
	rw.stats["loopvar-for"]++
	swap := func(n ast.Node) {
		if n == nil {
			return
		}
		astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
			if id, ok := c.Node().(*ast.Ident); ok {
				obj := rw.info.Uses[id]
				if obj == nil {
					obj = rw.info.Defs[id]
				}
				if name, ok := rename[obj]; ok {
					c.Replace(&ast.Ident{NamePos: id.NamePos, Name: name})
				}
			}
			return true
		})
	}
	for i, l := range init.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			if name, ok := rename[rw.info.Defs[id]]; ok {
				init.Lhs[i] = &ast.Ident{NamePos: id.NamePos, Name: name}
			}
		}
	}
	if f.Cond != nil {
		swap(f.Cond)
	}
	if f.Post != nil {
		swap(f.Post)
	}
	copyOut := func() ast.Stmt { return assign(idents(outer...), token.ASSIGN, idents(inner...)...) }
	// continue of this loop: copy out first.
	depth := 0
	astutil.Apply(f.Body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			depth++
		case *ast.BranchStmt:
			if n.Tok == token.CONTINUE && ((n.Label == nil && depth == 0) || (n.Label != nil && label != nil && n.Label.Name == label.Name)) {
				c.Replace(block(copyOut(), n))
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			depth--
		}
		return true
	})
	f.Body = &ast.BlockStmt{Lbrace: f.Body.Lbrace, Rbrace: f.Body.Rbrace, List: []ast.Stmt{
		assign(idents(inner...), token.DEFINE, idents(outer...)...),
		f.Body,
		copyOut(),
	}}
}
