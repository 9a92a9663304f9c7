package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
)

// panicCall rewrites panic(x) to note, before panicking, where the panic
// is (yaegi reports each frame at its function's first statement only)
// and, when x has an Error or String method, the message the Go runtime
// would print (yaegi's panic value of a cell-defined type has lost its
// methods by the time the session formats it):
//
//	func() {
//		_gkpv := x
//		_gkrt.PanicAt(_gkpv, "", 3, 7)              // cell 3, line 7
//		if _gkpv != nil { _gkrt.PanicText(_gkpv, _gkpv.Error()) }
//		panic(_gkpv)
//	}()
func (rw *rewriter) panicCall(call *ast.CallExpr) ast.Expr {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Name != "panic" || len(call.Args) != 1 {
		return nil
	}
	if _, builtin := rw.info.Uses[id].(*types.Builtin); !builtin {
		return nil
	}
	tv, ok := rw.info.Types[call.Args[0]]
	if !ok || tv.IsNil() {
		return nil
	}
	p := toCellPos(rw.fe.fset.Position(call.Pos()))
	if !p.ok {
		return nil
	}
	// The method is called on the value's static type: yaegi loses the
	// method set of a cell type's value stored in an interface{}.
	method := ""
	if tv.Value == nil && !isBasic(tv.Type) {
		for _, m := range []string{"Error", "String"} {
			obj, _, _ := types.LookupFieldOrMethod(tv.Type, true, rw.u.pkg, m)
			if f, ok := obj.(*types.Func); ok {
				if sig, ok := f.Type().(*types.Signature); ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
					method = m
					break
				}
			}
		}
	}
	text := ""
	if method != "" {
		guard := "true"
		if types.IsInterface(tv.Type) {
			guard = "_gkpv != nil"
		}
		text = fmt.Sprintf("if %s {\n\t\t_gkrt.PanicText(_gkpv, _gkpv.%s())\n\t}\n", guard, method)
	}
	src := fmt.Sprintf(`func() {
	_gkpv := nil
	_gkrt.PanicAt(_gkpv, %d, %d, %d)
	%s
	panic(_gkpv)
}`, p.cell, p.line, p.col, text)
	x, err := parser.ParseExprFrom(rw.fe.fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	lit := x.(*ast.FuncLit)
	arg := call.Args[0]
	if tv.Value != nil {
		// An untyped constant gets its default type, as panic's any would.
		arg = &ast.CallExpr{Fun: rw.typeExpr(types.Default(tv.Type)), Args: []ast.Expr{arg}}
	}
	lit.Body.List[0].(*ast.AssignStmt).Rhs[0] = arg
	last := lit.Body.List[len(lit.Body.List)-1].(*ast.ExprStmt).X.(*ast.CallExpr)
	last.Fun = id
	last.Lparen, last.Rparen = call.Lparen, call.Rparen
	rw.stats["panic"]++
	return &ast.CallExpr{Fun: lit}
}

func isBasic(t types.Type) bool {
	if t == nil {
		return true
	}
	_, ok := t.Underlying().(*types.Basic)
	return ok && !types.IsInterface(t)
}
