package interp

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// builtinCall rewrites min and max (Go 1.21), which yaegi lacks: a
// constant call becomes its value, any other a chain of two-argument
// function literals typed with the call's type.
func (rw *rewriter) builtinCall(call *ast.CallExpr) ast.Expr {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || (id.Name != "min" && id.Name != "max") {
		return nil
	}
	if _, builtin := rw.info.Uses[id].(*types.Builtin); !builtin {
		return nil
	}
	tv := rw.info.Types[call]
	rw.stats["min-max"]++
	if tv.Value != nil {
		return rw.constExpr(tv)
	}
	t := tv.Type
	if len(call.Args) == 1 {
		return call.Args[0]
	}
	op := token.LSS
	if id.Name == "max" {
		op = token.GTR
	}
	isFloat := false
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
		isFloat = true
	}
	acc := call.Args[0]
	for _, arg := range call.Args[1:] {
		acc = &ast.CallExpr{Fun: rw.minMaxFunc(t, op, isFloat), Args: []ast.Expr{acc, arg}}
	}
	return acc
}

// minMaxFunc builds func(a, b T) T { if b < a { return b }; return a }
// (with > for max), propagating NaN for floats as Go's min and max do.
func (rw *rewriter) minMaxFunc(t types.Type, op token.Token, isFloat bool) *ast.FuncLit {
	var body []ast.Stmt
	if isFloat {
		// if a != a || b != b { return a + b }
		body = append(body, &ast.IfStmt{
			Cond: &ast.BinaryExpr{
				X:  &ast.BinaryExpr{X: ast.NewIdent("a"), Op: token.NEQ, Y: ast.NewIdent("a")},
				Op: token.LOR,
				Y:  &ast.BinaryExpr{X: ast.NewIdent("b"), Op: token.NEQ, Y: ast.NewIdent("b")},
			},
			Body: block(&ast.ReturnStmt{Results: []ast.Expr{&ast.BinaryExpr{X: ast.NewIdent("a"), Op: token.ADD, Y: ast.NewIdent("b")}}}),
		})
	}
	body = append(body,
		&ast.IfStmt{
			Cond: &ast.BinaryExpr{X: ast.NewIdent("b"), Op: op, Y: ast.NewIdent("a")},
			Body: block(&ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("b")}}),
		},
		&ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("a")}},
	)
	return &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("a"), ast.NewIdent("b")}, Type: rw.typeExpr(t)}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: rw.typeExpr(t)}}},
		},
		Body: block(body...),
	}
}

// constExpr writes a constant: T(value) for a typed one.
func (rw *rewriter) constExpr(tv types.TypeAndValue) ast.Expr {
	var lit ast.Expr
	switch tv.Value.Kind() {
	case constant.String:
		lit = &ast.BasicLit{Kind: token.STRING, Value: tv.Value.ExactString()}
	case constant.Int:
		lit = &ast.BasicLit{Kind: token.INT, Value: tv.Value.ExactString()}
	case constant.Float:
		if f, ok := constant.Float64Val(tv.Value); ok {
			lit = &ast.BasicLit{Kind: token.FLOAT, Value: constant.MakeFloat64(f).String()}
			if constant.ToInt(tv.Value).Kind() == constant.Int {
				lit = &ast.BasicLit{Kind: token.FLOAT, Value: constant.ToInt(tv.Value).ExactString() + ".0"}
			}
		} else {
			lit = &ast.BasicLit{Kind: token.FLOAT, Value: tv.Value.String()}
		}
	case constant.Bool:
		lit = ast.NewIdent(tv.Value.String())
	default:
		lit = &ast.BasicLit{Kind: token.FLOAT, Value: tv.Value.String()}
	}
	if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		return lit
	}
	return &ast.CallExpr{Fun: rw.typeExpr(tv.Type), Args: []ast.Expr{lit}}
}

// clearStmt rewrites clear(x) (Go 1.21): a map loses its entries, a
// slice's elements become zero.
func (rw *rewriter) clearStmt(es *ast.ExprStmt) ast.Stmt {
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Name != "clear" {
		return nil
	}
	if _, builtin := rw.info.Uses[id].(*types.Builtin); !builtin {
		return nil
	}
	t := rw.info.Types[call.Args[0]].Type
	if t == nil {
		return nil
	}
	rw.stats["clear"]++
	var body ast.Stmt
	switch u := t.Underlying().(type) {
	case *types.Map:
		// for k := range x { delete(x, k) }
		body = &ast.RangeStmt{Key: ast.NewIdent("k"), Tok: token.DEFINE, X: ast.NewIdent("x"), Body: block(
			&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("delete"), Args: idents("x", "k")}},
		)}
	case *types.Slice:
		// var z E; for i := range x { x[i] = z }
		body = block(
			&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent("z")}, Type: rw.typeExpr(u.Elem())}}}},
			&ast.RangeStmt{Key: ast.NewIdent("i"), Tok: token.DEFINE, X: ast.NewIdent("x"), Body: block(
				assign([]ast.Expr{&ast.IndexExpr{X: ast.NewIdent("x"), Index: ast.NewIdent("i")}}, token.ASSIGN, ast.NewIdent("z")),
			)},
		)
	default:
		return nil
	}
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("x")}, Type: rw.typeExpr(t)}}}},
		Body: block(body),
	}
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: lit, Lparen: call.Lparen, Args: call.Args, Rparen: call.Rparen}}
}
