package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// rewriteStats counts the rewrites applied to a unit, by rule.
type rewriteStats map[string]int

// rewrite turns a type-checked unit into the subset of Go that yaegi runs
// correctly. It edits the nodes in place, keeping the user's positions on
// every node it keeps; the nodes it adds have no position. Each rule lives
// in its own file (rewrite_*.go).
func rewrite(fe *frontEnd, u *unit) rewriteStats {
	st := rewriteStats{}
	rw := &rewriter{fe: fe, u: u, info: u.info, stats: st, q: qualifier(fe, u.imports)}
	rw.result()
	rec := recursive(u.all, u.info)
	for _, d := range u.compile {
		rw.apply(d)
		if fd, ok := d.(*ast.FuncDecl); ok && rec[fd] {
			rw.countDepth(fd)
		}
	}
	// A new cell starts with no recursion under way.
	u.pc.fn.Body.List = append([]ast.Stmt{assign(idents("_gkDepth"), token.ASSIGN, &ast.BasicLit{Kind: token.INT, Value: "0"})}, u.pc.fn.Body.List...)
	rw.apply(u.pc.fn)
	return st
}

// rewriter holds what the rules share while walking one declaration.
type rewriter struct {
	fe    *frontEnd
	u     *unit
	info  *types.Info
	stats rewriteStats
	q     types.Qualifier
	tmp   int        // counter for fresh names
	funcs []*funcCtx // enclosing functions, innermost last
}

// funcCtx is a function being rewritten.
type funcCtx struct {
	sig    *types.Signature
	ftype  *ast.FuncType // its type as written: the results rule edits it
	names  []string      // its named results, blank ones renamed; nil if unnamed
	body   *ast.BlockStmt
	defers string     // name of its deferred-calls slice, once a rule needs one
	loops  []ast.Node // loops around the node being visited
}

// apply runs every rule over n, innermost nodes first.
func (rw *rewriter) apply(n ast.Node) {
	astutil.Apply(n, rw.pre, rw.post)
}

func (rw *rewriter) pre(c *astutil.Cursor) bool {
	switch n := c.Node().(type) {
	case *ast.FuncDecl:
		if n.Body == nil {
			return false
		}
		sig, _ := rw.info.Defs[n.Name].Type().(*types.Signature)
		rw.funcs = append(rw.funcs, &funcCtx{sig: sig, ftype: n.Type, body: n.Body, names: rw.resultNames(sig)})
	case *ast.FuncLit:
		sig, _ := rw.info.Types[n].Type.(*types.Signature)
		rw.funcs = append(rw.funcs, &funcCtx{sig: sig, ftype: n.Type, body: n.Body, names: rw.resultNames(sig)})
	case *ast.ForStmt, *ast.RangeStmt:
		if len(rw.funcs) > 0 {
			fc := rw.funcs[len(rw.funcs)-1]
			fc.loops = append(fc.loops, n)
		}
	}
	return true
}

func (rw *rewriter) post(c *astutil.Cursor) bool {
	if x := rw.ifaceConversions(c.Node()); x != nil {
		c.Replace(x)
		return true
	}
	switch n := c.Node().(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		if n, ok := n.(*ast.FuncDecl); ok && n.Body == nil {
			return true
		}
		fc := rw.funcs[len(rw.funcs)-1]
		rw.funcs = rw.funcs[:len(rw.funcs)-1]
		rw.namedResults(fc)
		rw.finishFunc(fc)
	case *ast.LabeledStmt:
		// A rewritten loop is no longer a loop: its label goes too, as
		// nothing refers to it any more.
		if r, ok := n.Stmt.(*ast.RangeStmt); ok {
			if s := rw.rangeStmt(r, n.Label); s != nil {
				c.Replace(s)
			}
		}
	case *ast.RangeStmt:
		rw.popLoop()
		if _, labeled := c.Parent().(*ast.LabeledStmt); labeled {
			return true
		}
		if s := rw.rangeStmt(n, nil); s != nil {
			c.Replace(s)
		}
	case *ast.TypeSwitchStmt:
		if s := rw.typeSwitch(n); s != nil {
			c.Replace(s)
		}
	case *ast.SelectStmt:
		if s := rw.selectBranches(n); s != nil {
			c.Replace(s)
		}
	case *ast.GoStmt:
		if s := rw.goStmt(n); s != nil {
			c.Replace(s)
		}
	case *ast.ForStmt:
		rw.popLoop()
		rw.forLoopVars(n, labelOf(c))
	case *ast.DeferStmt:
		if len(rw.funcs) > 0 {
			fc := rw.funcs[len(rw.funcs)-1]
			if rw.deferNeedsList(n, fc.loops) {
				c.Replace(rw.deferToList(fc, n))
			}
		}
	case *ast.CallExpr:
		rw.fmtVerbArgs(n)
		if e := rw.builtinCall(n); e != nil {
			c.Replace(e)
		} else if e := rw.panicCall(n); e != nil {
			c.Replace(e)
		}
	case *ast.ExprStmt:
		if s := rw.clearStmt(n); s != nil {
			c.Replace(s)
		}
	case *ast.AssignStmt:
		if s := rw.nilAssign(c, n); s != nil {
			c.Replace(s)
		}
	case *ast.Ident:
		if _, isSel := c.Parent().(*ast.SelectorExpr); isSel && c.Name() == "Sel" {
			return true
		}
		rw.renameMain(n)
		if !indexed(c) {
			if e := rw.instantiate(n); e != nil {
				c.Replace(e)
			}
		}
	case *ast.SelectorExpr:
		if e := rw.methodExpr(n); e != nil {
			c.Replace(e)
			return true
		}
		if call, ok := c.Parent().(*ast.CallExpr); !ok || c.Name() != "Fun" || call.Fun != n {
			if e := rw.methodValue(n); e != nil {
				c.Replace(e)
				return true
			}
		}
		rw.promotedThroughInterface(n)
		if !indexed(c) {
			if e := rw.instantiate(n); e != nil {
				c.Replace(e)
			}
		}
	case *ast.IndexExpr:
		if e := rw.instantiate(n.X); e != nil {
			c.Replace(e)
		}
	case *ast.IndexListExpr:
		if e := rw.instantiate(n.X); e != nil {
			c.Replace(e)
		}
	}
	return true
}

// indexed reports whether the node at c is the X of an index expression
// (a generic function with type arguments written out, perhaps partly).
func indexed(c *astutil.Cursor) bool {
	switch c.Parent().(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return c.Name() == "X"
	}
	return false
}

// renameMain renames the cell's func main: yaegi runs a package's main
// after each compilation once it exists.
func (rw *rewriter) renameMain(id *ast.Ident) {
	if id.Name != "main" {
		return
	}
	obj := rw.info.Defs[id]
	if obj == nil {
		obj = rw.info.Uses[id]
	}
	if f, ok := obj.(*types.Func); ok && f.Pkg() != nil && f.Parent() == f.Pkg().Scope() {
		id.Name = "_gkmain"
		rw.stats["main"]++
	}
}

// popLoop leaves the innermost loop of the current function.
func (rw *rewriter) popLoop() {
	if len(rw.funcs) > 0 {
		fc := rw.funcs[len(rw.funcs)-1]
		if len(fc.loops) > 0 {
			fc.loops = fc.loops[:len(fc.loops)-1]
		}
	}
}

// labelOf returns the label of the statement at c, if it is labeled.
func labelOf(c *astutil.Cursor) *ast.Ident {
	if l, ok := c.Parent().(*ast.LabeledStmt); ok {
		return l.Label
	}
	return nil
}

// fresh returns a new generated name.
func (rw *rewriter) fresh(prefix string) string {
	rw.tmp++
	return fmt.Sprintf("%s%d", prefix, rw.tmp)
}

// typeExpr returns an expression for type t, as the cell would write it.
func (rw *rewriter) typeExpr(t types.Type) ast.Expr {
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		t = types.Default(t)
	}
	s := types.TypeString(t, rw.q)
	x, err := parser.ParseExprFrom(rw.fe.fset, cellName(rw.u.pc.count), s, parser.SkipObjectResolution)
	if err != nil {
		return ast.NewIdent("any")
	}
	return x
}

// result makes the cell's last expression report its value:
// `{ _gkv := x; _gkrt.Result(_gkv, fmt.Sprint(_gkv)) }`.
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

// block builds { stmts }.
func block(stmts ...ast.Stmt) *ast.BlockStmt { return &ast.BlockStmt{List: stmts} }

// assign builds lhs tok rhs.
func assign(lhs []ast.Expr, tok token.Token, rhs ...ast.Expr) *ast.AssignStmt {
	return &ast.AssignStmt{Lhs: lhs, Tok: tok, Rhs: rhs}
}

// idents builds identifiers.
func idents(names ...string) []ast.Expr {
	var xs []ast.Expr
	for _, n := range names {
		xs = append(xs, ast.NewIdent(n))
	}
	return xs
}
