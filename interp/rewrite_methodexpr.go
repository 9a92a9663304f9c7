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
		if i > 0 {
			args = append(args, ast.NewIdent(name))
		}
	}
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("_gkm0"), Sel: ast.NewIdent(x.Sel.Name)}, Args: args}
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
