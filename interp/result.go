package interp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// valueBuiltins are the builtins whose call is a value, not a statement.
var valueBuiltins = map[string]bool{
	"append": true, "cap": true, "complex": true, "imag": true, "len": true,
	"make": true, "max": true, "min": true, "new": true, "real": true,
}

// markResult finds the cell's result candidate: a bare expression as the
// last top-level statement. Go rejects an unused value as a statement, so
// a non-call, or a call of a value builtin, becomes `_ = x` until the
// rewrite gives it its meaning. Another call stays a statement until the
// first check says whether it is a conversion (settleResult).
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
	list[len(list)-1] = discard(es.X)
}

// discard builds `_ = x` at x's position.
func discard(x ast.Expr) ast.Stmt {
	return &ast.AssignStmt{
		Lhs:    []ast.Expr{&ast.Ident{Name: "_", NamePos: x.Pos()}},
		TokPos: x.Pos(),
		Tok:    token.ASSIGN,
		Rhs:    []ast.Expr{x},
	}
}

// settleResult finishes markResult once the first check has typed the
// cell, and reports whether it changed the last statement. A call that
// is no function call but a conversion (bold("hi"), time.Duration(5)) or
// a builtin with a value (len(xs)) becomes `_ = x` too: go/types says
// "is not used" of it as a statement. A bare untyped nil (no value to
// show, as IPython shows nothing for None) leaves no statement.
func settleResult(pc *parsedCell, info *types.Info) bool {
	if pc.resultX == nil {
		return false
	}
	list := pc.fn.Body.List
	last := len(list) - 1
	tv, ok := info.Types[pc.resultX]
	if !ok {
		return false
	}
	if tv.IsNil() {
		list[last] = &ast.EmptyStmt{Semicolon: pc.resultX.Pos(), Implicit: true}
		return true
	}
	es, ok := list[last].(*ast.ExprStmt)
	if !ok || tv.IsVoid() || !tv.IsValue() {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	if fun := info.Types[call.Fun]; fun.IsType() || fun.IsBuiltin() {
		list[last] = discard(es.X)
		return true
	}
	return false
}

// isResultStmtError reports an error about the form of the cell's last
// statement that settleResult removed: the "is not used" of a conversion
// or a value builtin, the "use of untyped nil" of a bare nil.
func isResultStmtError(pc *parsedCell, e types.Error) bool {
	if pc.resultX == nil || e.Pos != pc.resultX.Pos() {
		return false
	}
	return strings.HasSuffix(e.Msg, "is not used") || strings.HasPrefix(e.Msg, "use of untyped nil")
}

// resultExpr returns the cell's result expression, or nil when the last
// statement has no single value to show: a call returning nothing, a
// call with several results (fmt.Println's (n, err); Go has no tuple to
// show them as), a type, or nil.
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

// guardNilResult hides a nil result whose static type is an interface
// (a nil error, a nil any), as IPython hides None: it runs after the
// rewrite, which made the last statement `{ v := x; report(v) }`, and
// makes the report `if v != nil { report(v) }`. Every other nil is shown
// the way fmt prints it (a nil pointer as <nil>, a nil slice as []). A
// user expression (count 0, Session.UserExpression) keeps its nil: a
// front end asked for that value, as IPython formats None there.
func guardNilResult(pc *parsedCell, info *types.Info) {
	if pc.count == 0 {
		return
	}
	x := resultExpr(pc, info)
	if x == nil || !types.IsInterface(info.Types[x].Type) {
		return
	}
	list := pc.fn.Body.List
	b, ok := list[len(list)-1].(*ast.BlockStmt)
	if !ok || len(b.List) != 2 {
		return
	}
	def, ok := b.List[0].(*ast.AssignStmt)
	if !ok || def.Tok != token.DEFINE || len(def.Lhs) != 1 {
		return
	}
	v, ok := def.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	b.List[1] = &ast.IfStmt{
		Cond: &ast.BinaryExpr{X: ast.NewIdent(v.Name), Op: token.NEQ, Y: ast.NewIdent("nil")},
		Body: &ast.BlockStmt{List: []ast.Stmt{b.List[1]}},
	}
}
