package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 evaluates a deferred call's function and arguments when
// it runs the call, at function exit, not at the defer statement: in a
// loop, `defer fmt.Println(i)` prints the last i every time. And it runs
// deferred calls holding a lock on the function's frame, so a deferred
// call of a closure made in that frame deadlocks.
//
// So a defer whose operands can change (deferNeedsList) becomes an
// immediate evaluation of them, and the call is added to a list of the
// function's deferred calls; the list runs before each return (outside
// the deferred phase, so closures are fine), and from a deferred
// function if the function panics.

// deferNeedsList reports whether a defer must be rewritten: unless its
// arguments are constants and its function is a package-level name, a
// literal outside loops, or a method of a variable declared outside every
// loop around the defer.
func (rw *rewriter) deferNeedsList(d *ast.DeferStmt, loops []ast.Node) bool {
	call := d.Call
	if lit, ok := call.Fun.(*ast.FuncLit); ok && callsRecover(lit) {
		return false // recover only works in a function deferred directly
	}
	for _, a := range call.Args {
		if tv, ok := rw.info.Types[a]; !ok || tv.Value == nil {
			return true
		}
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		// yaegi makes the closure at exit: inside a loop it would see
		// the last iteration's variables.
		return len(loops) > 0
	case *ast.Ident:
		switch rw.info.Uses[f].(type) {
		case *types.Func, *types.Builtin:
			return false
		}
		return true
	case *ast.SelectorExpr:
		x, ok := ast.Unparen(f.X).(*ast.Ident)
		if !ok {
			return true
		}
		switch obj := rw.info.Uses[x].(type) {
		case *types.PkgName:
			return false
		case *types.Var:
			for _, l := range loops {
				if l.Pos() <= obj.Pos() && obj.Pos() < l.End() {
					return true
				}
			}
			return false
		}
	}
	return true
}

// callsRecover reports whether a function literal calls recover itself.
func callsRecover(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
}

// finishFunc adds to a function whose defers became a list: the list,
// a deferred run of it for panics, and a run before each return.
func (rw *rewriter) finishFunc(fc *funcCtx) {
	if fc.defers == "" {
		return
	}
	// Every other defer of the function joins the same list, to keep
	// Go's last-in first-out order.
	astutil.Apply(fc.body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			c.Replace(rw.deferToList(fc, n))
			return false
		}
		return true
	}, nil)
	ran := fc.defers + "ran"
	run := func() []ast.Stmt {
		src := fmt.Sprintf(`func() {
	%[2]s = true
	for _gkj := len(%[1]s) - 1; _gkj >= 0; _gkj-- {
		%[1]s[_gkj]()
	}
}`, fc.defers, ran)
		x, err := parser.ParseExprFrom(rw.fe.fset, "", src, parser.SkipObjectResolution)
		if err != nil {
			return nil
		}
		return x.(*ast.FuncLit).Body.List
	}
	sig := fc.sig
	astutil.Apply(fc.body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var stmts []ast.Stmt
			ret := &ast.ReturnStmt{Return: n.Return}
			switch {
			case len(n.Results) == 0:
			case fc.names != nil:
				stmts = append(stmts, rw.setResults(fc.names, resultTypes(sig), n.Results)...)
			case len(n.Results) == sig.Results().Len():
				// One variable per value: see setResults.
				var tmps []string
				for i, v := range n.Results {
					t := rw.fresh("_gkdr")
					tmps = append(tmps, t)
					stmts = append(stmts, varDecl(t, rw.typeExpr(sig.Results().At(i).Type()), v))
				}
				ret.Results = idents(tmps...)
			default:
				// return f() with several results.
				var tmps []string
				for i := 0; i < sig.Results().Len(); i++ {
					t := rw.fresh("_gkdr")
					tmps = append(tmps, t)
					stmts = append(stmts, varDecl(t, rw.typeExpr(sig.Results().At(i).Type()), nil))
				}
				stmts = append(stmts, assign(idents(tmps...), token.ASSIGN, n.Results...))
				ret.Results = idents(tmps...)
			}
			stmts = append(stmts, run()...)
			stmts = append(stmts, ret)
			c.Replace(block(stmts...))
			return false
		}
		return true
	}, nil)
	src := fmt.Sprintf(`func() {
	var %[1]s []func()
	%[2]s := false
	defer func() {
		if !%[2]s {
			for _gkj := len(%[1]s) - 1; _gkj >= 0; _gkj-- {
				%[1]s[_gkj]()
			}
		}
	}()
}`, fc.defers, ran)
	x, err := parser.ParseExprFrom(rw.fe.fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	body := append(x.(*ast.FuncLit).Body.List, fc.body.List...)
	if len(body) == 0 || !isReturn(body[len(body)-1]) {
		body = append(body, run()...)
	}
	fc.body.List = body
}
