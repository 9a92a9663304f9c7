package interp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// rangeStmt rewrites a range loop yaegi cannot run: over an integer
// (Go 1.22) or over a function iterator (Go 1.23). Loops over slices,
// maps, strings and channels get per-iteration variables when a closure
// may capture them. It returns the replacement, or nil to keep r.
func (rw *rewriter) rangeStmt(r *ast.RangeStmt, label *ast.Ident) ast.Stmt {
	tv, ok := rw.info.Types[r.X]
	if !ok || tv.Type == nil {
		return nil
	}
	switch t := tv.Type.Underlying().(type) {
	case *types.Basic:
		if t.Info()&types.IsInteger != 0 {
			s := rw.rangeInt(r, tv.Type)
			if label != nil {
				return &ast.LabeledStmt{Label: label, Colon: label.End(), Stmt: s}
			}
			return s
		}
	case *types.Signature:
		return rw.rangeFunc(r, t, label)
	}
	rw.rangeLoopVars(r)
	if label != nil {
		return nil
	}
	return nil
}

// rangeInt: for i := range n { body } becomes
//
//	for _gki, _gkn := T(0), n; _gki < _gkn; _gki++ { i := _gki; { body } }
//
// so that n is evaluated once and each iteration has its own i.
func (rw *rewriter) rangeInt(r *ast.RangeStmt, t types.Type) ast.Stmt {
	rw.stats["range-int"]++
	i, n := rw.fresh("_gki"), rw.fresh("_gkn")
	zero := &ast.CallExpr{Fun: rw.typeExpr(t), Args: []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: "0"}}}
	var body []ast.Stmt
	if r.Key != nil && !isBlank(r.Key) {
		tok := token.ASSIGN
		if r.Tok == token.DEFINE {
			tok = token.DEFINE
		}
		body = append(body, assign([]ast.Expr{r.Key}, tok, ast.NewIdent(i)))
	}
	body = append(body, r.Body)
	return &ast.ForStmt{
		For:  r.For,
		Init: assign(idents(i, n), token.DEFINE, zero, r.X),
		Cond: &ast.BinaryExpr{X: ast.NewIdent(i), Op: token.LSS, Y: ast.NewIdent(n)},
		Post: &ast.IncDecStmt{X: ast.NewIdent(i), Tok: token.INC},
		Body: block(body...),
	}
}

func isBlank(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "_"
}

// rangeFunc: for k, v := range seq { body } becomes a call of seq with the
// body as the yield function:
//
//	{
//		var _gkctl int // how the body left the loop
//		seq(func(k K, v V) bool { body'; return true })
//		if _gkctl == 1 { return ... } // etc.
//	}
//
// where body' says continue as `return true`, break as `return false`,
// and a return or a break/continue of an outer loop by setting _gkctl and
// returning false, for the code after the call to finish it. A defer in
// the body joins a list the enclosing function runs when it returns.
func (rw *rewriter) rangeFunc(r *ast.RangeStmt, sig *types.Signature, label *ast.Ident) ast.Stmt {
	if sig.Params().Len() != 1 {
		return nil
	}
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	rw.stats["range-func"]++
	var fc *funcCtx
	if len(rw.funcs) > 0 {
		fc = rw.funcs[len(rw.funcs)-1]
	}
	// The yield function's parameters.
	params := &ast.FieldList{}
	var copyIn []ast.Stmt
	vars := []ast.Expr{r.Key, r.Value}
	for i := 0; i < yield.Params().Len(); i++ {
		name := "_"
		if i < 2 && vars[i] != nil && !isBlank(vars[i]) {
			if r.Tok == token.DEFINE {
				name = vars[i].(*ast.Ident).Name
			} else {
				name = rw.fresh("_gkp")
				copyIn = append(copyIn, assign([]ast.Expr{vars[i]}, token.ASSIGN, ast.NewIdent(name)))
			}
		}
		params.List = append(params.List, &ast.Field{
			Names: []*ast.Ident{ast.NewIdent(name)},
			Type:  rw.typeExpr(yield.Params().At(i).Type()),
		})
	}
	ctl := rw.fresh("_gkctl")
	var after []ast.Stmt // code run after the call, one `if` per exit
	usedCtl := false
	exit := func(then ast.Stmt) ast.Stmt {
		usedCtl = true
		k := strconv.Itoa(len(after) + 1)
		after = append(after, &ast.IfStmt{
			Cond: &ast.BinaryExpr{X: ast.NewIdent(ctl), Op: token.EQL, Y: &ast.BasicLit{Kind: token.INT, Value: k}},
			Body: block(then),
		})
		return block(
			assign(idents(ctl), token.ASSIGN, &ast.BasicLit{Kind: token.INT, Value: k}),
			&ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("false")}},
		)
	}
	retTrue := func() ast.Stmt { return &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("true")}} }
	retFalse := func() ast.Stmt { return &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("false")}} }

	// Results of the enclosing function, for returns from the body.
	var resVars []string
	var resDecls []ast.Stmt
	namedResults := fc != nil && fc.sig != nil && fc.names != nil

	inner := innerLabels(r.Body)
	type level struct{ loop, breakable bool }
	var stack []level
	depth := func(loopOnly bool) int {
		n := 0
		for _, l := range stack {
			if l.loop || (!loopOnly && l.breakable) {
				n++
			}
		}
		return n
	}
	astutil.Apply(r.Body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			stack = append(stack, level{loop: true})
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			stack = append(stack, level{breakable: true})
		case *ast.BranchStmt:
			switch {
			case n.Tok == token.GOTO || n.Tok == token.FALLTHROUGH:
			case n.Label != nil && inner[n.Label.Name]:
			case n.Label != nil && label != nil && n.Label.Name == label.Name:
				if n.Tok == token.BREAK {
					c.Replace(retFalse())
				} else {
					c.Replace(retTrue())
				}
			case n.Label != nil:
				c.Replace(exit(&ast.BranchStmt{Tok: n.Tok, Label: ast.NewIdent(n.Label.Name)}))
			case n.Tok == token.BREAK && depth(false) == 0:
				c.Replace(retFalse())
			case n.Tok == token.CONTINUE && depth(true) == 0:
				c.Replace(retTrue())
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				c.Replace(exit(&ast.ReturnStmt{}))
				return false
			}
			if resVars == nil && !namedResults && fc != nil && fc.sig != nil {
				for i := 0; i < fc.sig.Results().Len(); i++ {
					v := rw.fresh("_gkr")
					resVars = append(resVars, v)
					resDecls = append(resDecls, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
						&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(v)}, Type: rw.typeExpr(fc.sig.Results().At(i).Type())},
					}}})
				}
			}
			ret := &ast.ReturnStmt{Results: idents(resVars...)}
			if namedResults {
				// Named results: assign them, as return does.
				ret = &ast.ReturnStmt{}
				c.Replace(block(append(rw.setResults(fc.names, resultTypes(fc.sig), n.Results), exit(ret))...))
				return false
			}
			c.Replace(block(append(rw.setResults(resVars, resultTypes(fc.sig), n.Results), exit(ret))...))
			return false
		case *ast.DeferStmt:
			if fc != nil {
				c.Replace(rw.deferToList(fc, n))
				return false
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			stack = stack[:len(stack)-1]
		}
		return true
	})

	body := append(copyIn, r.Body.List...)
	body = append(body, retTrue())
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: params, Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("bool")}}}},
		Body: &ast.BlockStmt{Lbrace: r.Body.Lbrace, List: body, Rbrace: r.Body.Rbrace},
	}
	var out []ast.Stmt
	if usedCtl {
		out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(ctl)}, Type: ast.NewIdent("int")},
		}}})
	}
	out = append(out, resDecls...)
	out = append(out, &ast.ExprStmt{X: &ast.CallExpr{Fun: r.X, Lparen: r.X.End(), Args: []ast.Expr{lit}}})
	out = append(out, after...)
	return &ast.BlockStmt{Lbrace: r.For, List: out}
}

// innerLabels returns the labels declared inside n.
func innerLabels(n ast.Node) map[string]bool {
	m := map[string]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			m[l.Label.Name] = true
		}
		return true
	})
	return m
}

// deferToList turns `defer f(args)` inside a loop body that became a
// closure into evaluating f and args now and adding the call to the
// enclosing function's list of deferred calls.
func (rw *rewriter) deferToList(fc *funcCtx, d *ast.DeferStmt) ast.Stmt {
	if fc.defers == "" {
		fc.defers = rw.fresh("_gkdefers")
	}
	var pre []ast.Stmt
	call := &ast.CallExpr{Ellipsis: d.Call.Ellipsis}
	if id, ok := d.Call.Fun.(*ast.Ident); ok {
		if _, builtin := rw.info.Uses[id].(*types.Builtin); builtin {
			call.Fun = id
		}
	}
	if recv, _, name, ok := rw.compiledMethod(d.Call.Fun); ok && call.Fun == nil {
		// The receiver, not the method value (see compiledMethod).
		r := rw.fresh("_gkf")
		pre = append(pre, assign(idents(r), token.DEFINE, recv))
		call.Fun = sel(r, name)
	}
	if call.Fun == nil {
		f := rw.fresh("_gkf")
		pre = append(pre, assign(idents(f), token.DEFINE, d.Call.Fun))
		call.Fun = ast.NewIdent(f)
	}
	for _, a := range d.Call.Args {
		if tv, ok := rw.info.Types[a]; ok && (tv.IsNil() || tv.IsType()) {
			call.Args = append(call.Args, a)
			continue
		}
		v := rw.fresh("_gka")
		pre = append(pre, assign(idents(v), token.DEFINE, a))
		call.Args = append(call.Args, ast.NewIdent(v))
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: block(&ast.ExprStmt{X: call})}
	pre = append(pre, assign(idents(fc.defers), token.ASSIGN,
		&ast.CallExpr{Fun: ast.NewIdent("append"), Args: []ast.Expr{ast.NewIdent(fc.defers), lit}}))
	rw.stats["range-func-defer"]++
	// yaegi runs a function's deferred calls holding a lock on its frame,
	// and calling a closure made in that frame takes the lock again: the
	// deferred call is made in a frame of its own, an immediate call.
	iife := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: block(pre...)}
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: iife}}
}
