package interp

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// selectBranches rewrites a labeled break or continue inside a select
// case that targets an enclosing loop: yaegi never leaves the loop. The
// case sets a flag and leaves the select; the code after the select
// does the labeled jump:
//
//	select { case <-c: break loop }
//
// becomes
//
//	{ var _gkseln int; select { case <-c: _gkseln = 1; break }; if _gkseln == 1 { break loop } }
func (rw *rewriter) selectBranches(sel *ast.SelectStmt) ast.Stmt {
	inner := innerLabels(sel)
	flag := rw.fresh("_gksel")
	var after []ast.Stmt
	for _, cc := range sel.Body.List {
		depth := 0
		astutil.Apply(cc, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				depth++
			case *ast.BranchStmt:
				if n.Label == nil || inner[n.Label.Name] || depth > 0 || (n.Tok != token.BREAK && n.Tok != token.CONTINUE) {
					return true
				}
				k := strconv.Itoa(len(after) + 1)
				after = append(after, &ast.IfStmt{
					Cond: &ast.BinaryExpr{X: ast.NewIdent(flag), Op: token.EQL, Y: &ast.BasicLit{Kind: token.INT, Value: k}},
					Body: block(&ast.BranchStmt{Tok: n.Tok, Label: ast.NewIdent(n.Label.Name)}),
				})
				c.Replace(block(
					assign(idents(flag), token.ASSIGN, &ast.BasicLit{Kind: token.INT, Value: k}),
					&ast.BranchStmt{Tok: token.BREAK},
				))
			}
			return true
		}, func(c *astutil.Cursor) bool {
			switch c.Node().(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				depth--
			}
			return true
		})
	}
	if len(after) == 0 {
		return nil
	}
	rw.stats["select-branch"]++
	decl := &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
		&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(flag)}, Type: ast.NewIdent("int")},
	}}}
	return block(append([]ast.Stmt{decl, sel}, after...)...)
}
