package interp

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// methodExpr rewrites a method expression T.M, whose type yaegi gets
// wrong (it drops the receiver parameter), into the equivalent function
// literal: func(r T, a A) R { return r.M(a) }.
func (rw *rewriter) methodExpr(x *ast.SelectorExpr) ast.Expr {
	s := rw.info.Selections[x]
	if s == nil || s.Kind() != types.MethodExpr {
		return nil
	}
	sig, ok := rw.info.Types[x].Type.(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return nil
	}
	rw.stats["method-expr"]++
	return rw.forwarder(sig, "_gkm0", x.Sel.Name, 1)
}

// methodValue rewrites a method value with a value receiver that is not
// called at once, x.M, into a literal that copies x now: yaegi binds the
// receiver variable, so later changes to x would show through.
//
//	get := v.Get   becomes   get := func(r T) func() int { return func() int { return r.Get() } }(v)
func (rw *rewriter) methodValue(x *ast.SelectorExpr) ast.Expr {
	s := rw.info.Selections[x]
	if s == nil || s.Kind() != types.MethodVal || len(s.Index()) != 1 {
		return nil
	}
	f, ok := s.Obj().(*types.Func)
	if !ok {
		return nil
	}
	fsig := f.Type().(*types.Signature)
	if fsig.Recv() == nil {
		return nil
	}
	if _, ptr := fsig.Recv().Type().(*types.Pointer); ptr || types.IsInterface(s.Recv()) {
		return nil
	}
	if _, ptr := s.Recv().(*types.Pointer); ptr {
		return nil
	}
	sig, ok := rw.info.Types[x].Type.(*types.Signature)
	if !ok {
		return nil
	}
	rw.stats["method-value"]++
	inner := rw.forwarder(sig, "_gkrecv", x.Sel.Name, 0)
	outer := &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("_gkrecv")}, Type: rw.typeExpr(s.Recv())}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: rw.typeExpr(sig)}}},
		},
		Body: block(&ast.ReturnStmt{Results: []ast.Expr{inner}}),
	}
	return &ast.CallExpr{Fun: outer, Args: []ast.Expr{x.X}}
}

// forwarder builds a function literal of type sig whose body calls
// recv.method with the literal's parameters from index skip on (skip 1 when
// the first parameter is the receiver itself, as in a method expression),
// returning what the call returns.
func (rw *rewriter) forwarder(sig *types.Signature, recv, method string, skip int) *ast.FuncLit {
	params := &ast.FieldList{}
	var args []ast.Expr
	for i := 0; i < sig.Params().Len(); i++ {
		name := fmt.Sprintf("_gkm%d", i)
		t := sig.Params().At(i).Type()
		var tx ast.Expr
		if sig.Variadic() && i == sig.Params().Len()-1 {
			tx = &ast.Ellipsis{Elt: rw.typeExpr(t.(*types.Slice).Elem())}
		} else {
			tx = rw.typeExpr(t)
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{ast.NewIdent(name)}, Type: tx})
		if i >= skip {
			args = append(args, ast.NewIdent(name))
		}
	}
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(recv), Sel: ast.NewIdent(method)}, Args: args}
	if sig.Variadic() {
		call.Ellipsis = token.Pos(1)
	}
	results := &ast.FieldList{}
	for i := 0; i < sig.Results().Len(); i++ {
		results.List = append(results.List, &ast.Field{Type: rw.typeExpr(sig.Results().At(i).Type())})
	}
	var body ast.Stmt = &ast.ExprStmt{X: call}
	if sig.Results().Len() > 0 {
		body = &ast.ReturnStmt{Results: []ast.Expr{call}}
	}
	return &ast.FuncLit{Type: &ast.FuncType{Params: params, Results: results}, Body: block(body)}
}
