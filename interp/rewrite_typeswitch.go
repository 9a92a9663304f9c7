package interp

import (
	"go/ast"
	"go/token"
	"go/types"
)

// typeSwitch rewrites a type switch that has an interface case (case
// error:, case fmt.Stringer:): yaegi never takes such a case for a value
// of a cell-defined type, though the equivalent type assertion works. It
// becomes an expression switch over assertions, which keeps break:
//
//	switch _gkts := v; {
//	case func() bool { _, ok := _gkts.(error); return ok }():
//		x := _gkts.(error); _ = x
//		...
//	}
func (rw *rewriter) typeSwitch(ts *ast.TypeSwitchStmt) ast.Stmt {
	var x ast.Expr
	var bound *ast.Ident
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bound = a.Lhs[0].(*ast.Ident)
		x = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	default:
		return nil
	}
	hasIface := false
	for _, c := range ts.Body.List {
		for _, t := range c.(*ast.CaseClause).List {
			if tv := rw.info.Types[t]; tv.IsType() && types.IsInterface(tv.Type) {
				hasIface = true
			}
		}
	}
	if !hasIface {
		return nil
	}
	rw.stats["type-switch"]++
	v := rw.fresh("_gkts")
	is := func(t ast.Expr) ast.Expr {
		if tv := rw.info.Types[t]; tv.IsNil() {
			return &ast.BinaryExpr{X: ast.NewIdent(v), Op: token.EQL, Y: ast.NewIdent("nil")}
		}
		// func() bool { _, ok := v.(T); return ok }()
		return &ast.CallExpr{Fun: &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("bool")}}}},
			Body: block(
				assign(idents("_", "ok"), token.DEFINE, &ast.TypeAssertExpr{X: ast.NewIdent(v), Type: t}),
				&ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("ok")}},
			),
		}}
	}
	sw := &ast.SwitchStmt{Switch: ts.Switch, Init: assign(idents(v), token.DEFINE, x), Body: &ast.BlockStmt{Lbrace: ts.Body.Lbrace, Rbrace: ts.Body.Rbrace}}
	for _, s := range ts.Body.List {
		cc := s.(*ast.CaseClause)
		nc := &ast.CaseClause{Case: cc.Case, Colon: cc.Colon}
		var conds ast.Expr
		for _, t := range cc.List {
			c := is(t)
			if conds == nil {
				conds = c
			} else {
				conds = &ast.BinaryExpr{X: conds, Op: token.LOR, Y: c}
			}
		}
		if conds != nil {
			nc.List = []ast.Expr{conds}
		}
		var body []ast.Stmt
		if bound != nil {
			var val ast.Expr = ast.NewIdent(v)
			if len(cc.List) == 1 {
				if tv := rw.info.Types[cc.List[0]]; tv.IsType() {
					val = &ast.TypeAssertExpr{X: ast.NewIdent(v), Type: cc.List[0]}
				}
			}
			body = append(body,
				assign(idents(bound.Name), token.DEFINE, val),
				assign(idents("_"), token.ASSIGN, ast.NewIdent(bound.Name)))
		}
		nc.Body = append(body, cc.Body...)
		sw.Body.List = append(sw.Body.List, nc)
	}
	if ts.Init != nil {
		return block(ts.Init, sw)
	}
	return sw
}
