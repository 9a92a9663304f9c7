package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// goStmt rewrites go f(args) so that a panic in the goroutine says where
// the goroutine was started, in cell terms, before it ends the process as
// in Go (the supervisor then restarts the executor):
//
//	go func(f F, a A) {
//		defer func() {
//			if r := recover(); r != nil { _gkrt.GoPanic(r, 3, 5, 2) } // prints, then panics again
//		}()
//		f(a)
//	}(f, x)
//
// The function and arguments are parameters, so they are evaluated at the
// go statement, as Go does.
func (rw *rewriter) goStmt(g *ast.GoStmt) ast.Stmt {
	call := g.Call
	if id, ok := call.Fun.(*ast.Ident); ok {
		if _, builtin := rw.info.Uses[id].(*types.Builtin); builtin {
			return nil
		}
	}
	if tv := rw.info.Types[call.Fun]; tv.IsType() {
		return nil
	}
	p := toCellPos(rw.fe.fset.Position(g.Pos()))
	if !p.ok {
		return nil
	}
	ftype, ok := rw.info.Types[call.Fun].Type.(*types.Signature)
	if !ok {
		return nil
	}
	src := fmt.Sprintf(`func() {
	defer func() {
		if r := recover(); r != nil {
			%s.GoPanic(r, %d, %d, %d)
		}
	}()
}`, rtName, p.cell, p.line, p.col)
	x, err := parser.ParseExprFrom(rw.fe.fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	lit := x.(*ast.FuncLit)
	params := &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("_gkgf")}, Type: rw.typeExpr(ftype)}}}
	inner := &ast.CallExpr{Fun: ast.NewIdent("_gkgf"), Ellipsis: call.Ellipsis}
	args := []ast.Expr{call.Fun}
	if recv, rtype, name, ok := rw.compiledMethod(call.Fun); ok {
		params.List[0] = &ast.Field{Names: []*ast.Ident{ast.NewIdent("_gkgr")}, Type: rw.typeExpr(rtype)}
		inner.Fun = sel("_gkgr", name)
		args[0] = recv
	}
	for i, a := range call.Args {
		tv := rw.info.Types[a]
		if tv.Type == nil {
			return nil
		}
		t := tv.Type
		if tv.IsNil() {
			// An untyped nil takes its parameter's type.
			pi := min(i, ftype.Params().Len()-1)
			t = ftype.Params().At(pi).Type()
			if ftype.Variadic() && pi == ftype.Params().Len()-1 && !call.Ellipsis.IsValid() {
				t = t.(*types.Slice).Elem()
			}
		}
		if _, ok := t.(*types.Tuple); ok {
			return nil // go f(g()) with several results: left alone
		}
		name := fmt.Sprintf("_gkga%d", i)
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{ast.NewIdent(name)}, Type: rw.typeExpr(types.Default(t))})
		inner.Args = append(inner.Args, ast.NewIdent(name))
		args = append(args, a)
	}
	lit.Type.Params = params
	lit.Body.List = append(lit.Body.List, &ast.ExprStmt{X: inner})
	rw.stats["go"]++
	return &ast.GoStmt{Go: g.Go, Call: &ast.CallExpr{Fun: lit, Args: args}}
}

// compiledMethod recognizes the method of a compiled (not interpreted)
// type in a go statement, x.M: yaegi v0.16.1 gives its method value the
// type of the method expression (func(*sock.Loop) error for func() error)
// and refuses to pass it. So the receiver is passed instead, and the
// method called on it: it returns the receiver expression (&x when the
// method needs x's address, as Go takes it at the go statement), its
// type and the method's name.
func (rw *rewriter) compiledMethod(fun ast.Expr) (ast.Expr, types.Type, string, bool) {
	se, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, "", false
	}
	s := rw.info.Selections[se]
	if s == nil || s.Kind() != types.MethodVal || s.Obj().Pkg() == nil || s.Obj().Pkg() == rw.u.pkg {
		return nil, nil, "", false
	}
	xt := rw.info.TypeOf(se.X)
	if xt == nil {
		return nil, nil, "", false
	}
	recv := se.X
	if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil && !s.Indirect() {
		if _, ptr := sig.Recv().Type().(*types.Pointer); ptr && !types.IsInterface(xt) {
			recv = &ast.UnaryExpr{Op: token.AND, X: se.X}
			xt = types.NewPointer(xt)
		}
	}
	return recv, xt, se.Sel.Name, true
}

// goPanicText is what GoPanic prints before the goroutine's panic goes on.
func goPanicText(v any, cell, line, col int) string {
	return fmt.Sprintf("panic in the goroutine started at %s: %s\n", cellPos{cell: cell, line: line, col: col, ok: true}, panicValue(unwrapValue(v)))
}
