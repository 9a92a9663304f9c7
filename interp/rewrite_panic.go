package interp

import (
	"go/ast"
	"go/parser"
	"go/types"
)

// panicCall rewrites panic(x) when x has an Error or String method:
// yaegi's panic value of a cell-defined type has lost its methods by the
// time the session formats it, so the message is noted first, as the Go
// runtime would print it:
//
//	func() {
//		_gkpv := x
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
	if !ok || tv.Value != nil || isBasic(tv.Type) {
		return nil
	}
	// The method is called on the value's static type: yaegi loses the
	// method set of a cell type's value stored in an interface{}.
	method := ""
	for _, m := range []string{"Error", "String"} {
		obj, _, _ := types.LookupFieldOrMethod(tv.Type, true, rw.u.pkg, m)
		if f, ok := obj.(*types.Func); ok {
			if sig, ok := f.Type().(*types.Signature); ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
				method = m
				break
			}
		}
	}
	if method == "" {
		return nil
	}
	guard := "true"
	if types.IsInterface(tv.Type) {
		guard = "_gkpv != nil"
	}
	src := `func() {
	_gkpv := nil
	if ` + guard + ` {
		_gkrt.PanicText(_gkpv, _gkpv.` + method + `())
	}
	panic(_gkpv)
}`
	x, err := parser.ParseExprFrom(rw.fe.fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	lit := x.(*ast.FuncLit)
	lit.Body.List[0].(*ast.AssignStmt).Rhs[0] = call.Args[0]
	// Keep the panic's position: it is where the student panicked.
	last := lit.Body.List[len(lit.Body.List)-1].(*ast.ExprStmt).X.(*ast.CallExpr)
	last.Fun = id
	last.Lparen, last.Rparen = call.Lparen, call.Rparen
	rw.stats["panic-text"]++
	return &ast.CallExpr{Fun: lit}
}

func isBasic(t types.Type) bool {
	if t == nil {
		return true
	}
	_, ok := t.Underlying().(*types.Basic)
	return ok && !types.IsInterface(t)
}
