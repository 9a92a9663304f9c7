package interp

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rewriteStats counts the rewrites applied to a unit, by rule.
type rewriteStats map[string]int

// rewrite turns a type-checked unit into the subset of Go that yaegi runs
// correctly. It edits the nodes in place, keeping the user's positions on
// every node it keeps; the nodes it adds have no position. Each rule lives
// in its own file (rewrite_*.go).
func rewrite(fe *frontEnd, u *unit) rewriteStats {
	st := rewriteStats{}
	rw := &rewriter{fe: fe, u: u, info: u.info, stats: st}
	for _, d := range u.compile {
		rw.decl(d)
	}
	rw.decl(u.pc.fn)
	rw.result()
	return st
}

// rewriter holds what the rules share.
type rewriter struct {
	fe    *frontEnd
	u     *unit
	info  *types.Info
	stats rewriteStats
	tmp   int // counter for fresh names
}

// decl rewrites one declaration.
func (rw *rewriter) decl(d ast.Decl) {}

// result makes the cell's last expression report its value:
// `{ _gkv := x; _gkrt.Result(_gkv, _gkfmt.Sprint(_gkv)) }`.
func (rw *rewriter) result() {
	x := resultExpr(rw.u.pc, rw.u.info)
	if x == nil {
		return
	}
	list := rw.u.pc.fn.Body.List
	v := ast.NewIdent("_gkv")
	list[len(list)-1] = &ast.BlockStmt{List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{v}, Tok: token.DEFINE, Rhs: []ast.Expr{x}},
		&ast.ExprStmt{X: &ast.CallExpr{
			Fun: sel(rtName, "Result"),
			Args: []ast.Expr{ast.NewIdent("_gkv"), &ast.CallExpr{
				Fun: sel(fmtAlias(rw.u.imports), "Sprint"), Args: []ast.Expr{ast.NewIdent("_gkv")},
			}},
		}},
	}}
	rw.stats["result"]++
}

// sel builds x.name.
func sel(x, name string) *ast.SelectorExpr {
	return &ast.SelectorExpr{X: ast.NewIdent(x), Sel: ast.NewIdent(name)}
}
