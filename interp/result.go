package interp

import (
	"go/ast"
	"go/token"
	"go/types"
)

// valueBuiltins are the builtins whose call is a value, not a statement.
var valueBuiltins = map[string]bool{
	"append": true, "cap": true, "complex": true, "imag": true, "len": true,
	"make": true, "max": true, "min": true, "new": true, "real": true,
}

// markResult finds the cell's result candidate: a bare expression as the
// last top-level statement. Go rejects an unused value as a statement, so
// a non-call becomes `_ = x` until the rewrite gives it its meaning.
func markResult(pc *parsedCell) {
	list := pc.fn.Body.List
	if len(list) == 0 {
		return
	}
	es, ok := list[len(list)-1].(*ast.ExprStmt)
	if !ok {
		return
	}
	pc.resultX = es.X
	if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
		if id, ok := call.Fun.(*ast.Ident); !ok || !valueBuiltins[id.Name] {
			return
		}
	}
	list[len(list)-1] = &ast.AssignStmt{
		Lhs:    []ast.Expr{&ast.Ident{Name: "_", NamePos: es.Pos()}},
		TokPos: es.Pos(),
		Tok:    token.ASSIGN,
		Rhs:    []ast.Expr{es.X},
	}
}

// resultExpr returns the cell's result expression, or nil when the last
// statement has no single value to show (a call returning nothing, or
// several values like fmt.Println's).
func resultExpr(pc *parsedCell, info *types.Info) ast.Expr {
	if pc.resultX == nil {
		return nil
	}
	tv, ok := info.Types[pc.resultX]
	if !ok || tv.IsVoid() || tv.IsType() || tv.IsNil() || tv.Type == nil {
		return nil
	}
	if _, tuple := tv.Type.(*types.Tuple); tuple {
		return nil
	}
	return pc.resultX
}
