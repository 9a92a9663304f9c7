package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// recursive returns the functions and methods among decls that can call
// themselves, directly or through others: the ones whose depth is
// counted.
func recursive(decls []ast.Decl, info *types.Info) map[*ast.FuncDecl]bool {
	byObj := map[types.Object]*ast.FuncDecl{}
	for _, d := range decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			if obj := info.Defs[fd.Name]; obj != nil {
				byObj[obj] = fd
			}
		}
	}
	calls := callGraph(byObj, info)
	rec := map[*ast.FuncDecl]bool{}
	for _, fd := range byObj {
		seen := map[*ast.FuncDecl]bool{}
		stack := append([]*ast.FuncDecl(nil), calls[fd]...)
		for len(stack) > 0 {
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if g == fd {
				rec[fd] = true
				break
			}
			if !seen[g] {
				seen[g] = true
				stack = append(stack, calls[g]...)
			}
		}
	}
	return rec
}

// originOf maps an instantiated generic function or method to its
// declaration.
func originOf(obj types.Object) types.Object {
	if f, ok := obj.(*types.Func); ok {
		return f.Origin()
	}
	return obj
}

// countDepth makes a recursive function count its depth, so that runaway
// recursion stops with "stack overflow in f (cell 3, line 2)" long before
// Go's stack limit would kill the process:
//
//	_gkDepth++
//	if _gkDepth > maxDepth { _gkrt.Overflow("f", 3, 2) }
//	...
//	{ var _gkr1 T1 = e1; _gkDepth--; return _gkr1 } // each return
//
// No defer: it would make every call several times slower in yaegi. A
// panic skips the decrement; each cell starts again from zero.
func (rw *rewriter) countDepth(fd *ast.FuncDecl) {
	p := toCellPos(rw.fe.fset.Position(fd.Pos()))
	name := fd.Name.Name
	if r := recvName(fd); r != "" {
		name = r + "." + name
	}
	src := fmt.Sprintf(`func() {
	_gkDepth++
	if _gkDepth > %d {
		%s.Overflow(%q, %d, %d)
	}
}`, maxDepth, rtName, name, p.cell, p.line)
	x, err := parser.ParseExprFrom(rw.fe.fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	sig, _ := rw.info.Defs[fd.Name].Type().(*types.Signature)
	if sig == nil {
		return
	}
	rw.stats["depth"]++
	dec := func() ast.Stmt { return &ast.IncDecStmt{X: ast.NewIdent("_gkDepth"), Tok: token.DEC} }
	astutil.Apply(fd.Body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 || !hasCall(n) {
				// Nothing in the results can recurse: leave first.
				c.Replace(block(dec(), n))
				return false
			}
			if len(n.Results) == 1 && sig.Results().Len() == 1 {
				if tv, ok := rw.info.Types[n.Results[0]]; ok && types.Identical(tv.Type, sig.Results().At(0).Type()) {
					v := rw.fresh("_gkr")
					c.Replace(block(assign(idents(v), token.DEFINE, n.Results[0]), dec(), &ast.ReturnStmt{Return: n.Return, Results: idents(v)}))
					return false
				}
			}
			var stmts []ast.Stmt
			var names []string
			for i := 0; i < sig.Results().Len(); i++ {
				v := rw.fresh("_gkr")
				names = append(names, v)
				spec := &ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(v)}, Type: rw.typeExpr(sig.Results().At(i).Type())}
				if len(n.Results) == sig.Results().Len() {
					spec.Values = []ast.Expr{n.Results[i]}
				}
				stmts = append(stmts, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{spec}}})
			}
			if len(n.Results) != sig.Results().Len() {
				stmts = append(stmts, assign(idents(names...), token.ASSIGN, n.Results...))
			}
			stmts = append(stmts, dec(), &ast.ReturnStmt{Return: n.Return, Results: idents(names...)})
			c.Replace(block(stmts...))
			return false
		}
		return true
	}, nil)
	body := append(x.(*ast.FuncLit).Body.List, fd.Body.List...)
	if sig.Results().Len() == 0 || sig.Results().At(0).Name() != "" {
		if len(body) == 0 || !isReturn(body[len(body)-1]) {
			body = append(body, dec())
		}
	}
	fd.Body.List = body
}

func isReturn(s ast.Stmt) bool {
	if b, ok := s.(*ast.BlockStmt); ok && len(b.List) > 0 {
		s = b.List[len(b.List)-1]
	}
	_, ok := s.(*ast.ReturnStmt)
	return ok
}

// hasCall reports whether n contains a call or a channel receive: code
// that may run for long, or recurse.
func hasCall(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		}
		return !found
	})
	return found
}
