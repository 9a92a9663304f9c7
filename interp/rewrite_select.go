package interp

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// selectBranches rewrites the branch statements of select cases: yaegi
// takes an unlabeled break there for a break of the enclosing loop, and
// never leaves the loop on a labeled one. Each becomes a goto to a label
// just after the select, where the labeled jump (or continue) is made:
//
//	for { select { case <-c: break loop; case <-d: break } }
//
// becomes
//
//	for { { _gkseln := 0; select { case <-c: _gkseln = 1; goto _gkendn; case <-d: goto _gkendn }
//	_gkendn: if _gkseln == 1 { break loop } } }
func (rw *rewriter) selectBranches(sel *ast.SelectStmt) ast.Stmt {
	inner := innerLabels(sel)
	flag, end := rw.fresh("_gksel"), rw.fresh("_gkend")
	var after []ast.Stmt
	gotoEnd := func() ast.Stmt { return &ast.BranchStmt{Tok: token.GOTO, Label: ast.NewIdent(end)} }
	changed := false
	for _, cc := range sel.Body.List {
		loops, breakables := 0, 0
		astutil.Apply(cc, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				loops++
				breakables++
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n != sel {
					breakables++
				}
			case *ast.BranchStmt:
				switch {
				case n.Tok == token.GOTO || n.Tok == token.FALLTHROUGH:
				case n.Label != nil && inner[n.Label.Name]:
				case n.Label == nil && n.Tok == token.BREAK && breakables == 0:
					changed = true
					c.Replace(gotoEnd())
				case n.Label == nil && n.Tok == token.CONTINUE && loops == 0,
					n.Label != nil:
					changed = true
					k := strconv.Itoa(len(after) + 1)
					jump := &ast.BranchStmt{Tok: n.Tok}
					if n.Label != nil {
						jump.Label = ast.NewIdent(n.Label.Name)
					}
					after = append(after, &ast.IfStmt{
						Cond: &ast.BinaryExpr{X: ast.NewIdent(flag), Op: token.EQL, Y: &ast.BasicLit{Kind: token.INT, Value: k}},
						Body: block(jump),
					})
					c.Replace(block(
						assign(idents(flag), token.ASSIGN, &ast.BasicLit{Kind: token.INT, Value: k}),
						gotoEnd(),
					))
				}
			}
			return true
		}, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				loops--
				breakables--
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n != sel {
					breakables--
				}
			}
			return true
		})
	}
	if !changed {
		return nil
	}
	rw.stats["select-branch"]++
	// := 0, not var: yaegi does not zero a var declared without a value
	// when a loop comes back to it.
	stmts := []ast.Stmt{assign(idents(flag), token.DEFINE, &ast.BasicLit{Kind: token.INT, Value: "0"}), sel}
	var rest ast.Stmt = &ast.EmptyStmt{Implicit: true}
	if len(after) > 0 {
		rest = after[0]
	}
	stmts = append(stmts, &ast.LabeledStmt{Label: ast.NewIdent(end), Stmt: rest})
	if len(after) > 1 {
		stmts = append(stmts, after[1:]...)
	}
	stmts = append(stmts, assign(idents("_"), token.ASSIGN, ast.NewIdent(flag)))
	return block(stmts...)
}
