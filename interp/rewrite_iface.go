package interp

import (
	"go/ast"
	"go/token"
	"go/types"
)

// yaegi v0.16.1 mishandles a value of a cell-defined type put into an
// interface by assignment or conversion: `var e error = Oops{}` then
// e.Error() panics ("Method index out of range"), a package variable of
// type error refuses it, and in an `any` the value loses its methods for
// type assertions. Passing the value as an argument of an interpreted
// function does it right. So those conversions go through one:
//
//	var e error = Oops{}   becomes   var e error = func(v error) error { return v }(Oops{})

// toIface wraps x when it is a value of a cell-defined concrete type that
// is converted to interface type target; it returns x otherwise.
func (rw *rewriter) toIface(x ast.Expr, target types.Type) ast.Expr {
	if x == nil || target == nil || !types.IsInterface(target) {
		return x
	}
	if _, isTP := target.(*types.TypeParam); isTP {
		return x
	}
	tv, ok := rw.info.Types[x]
	if !ok || tv.Type == nil || tv.IsNil() || types.IsInterface(tv.Type) || !rw.cellDefined(tv.Type) {
		return x
	}
	rw.stats["to-interface"]++
	t := func() ast.Expr { return rw.typeExpr(target) }
	lit := &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("v")}, Type: t()}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: t()}}},
		},
		Body: block(&ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("v")}}),
	}
	return &ast.CallExpr{Fun: lit, Args: []ast.Expr{x}}
}

// cellDefined reports whether t is (a pointer to) a named type declared
// in the cells.
func (rw *rewriter) cellDefined(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg() == rw.u.pkg
}

// ifaceConversions applies toIface where a value meets an interface type:
// assignments, declarations with a type, conversions, composite literal
// elements, sends and appends.
func (rw *rewriter) ifaceConversions(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return nil
		}
		for i := range n.Rhs {
			n.Rhs[i] = rw.toIface(n.Rhs[i], rw.info.Types[n.Lhs[i]].Type)
		}
	case *ast.ValueSpec:
		if n.Type == nil || len(n.Values) != len(n.Names) {
			return nil
		}
		t := rw.info.Types[n.Type].Type
		for i := range n.Values {
			n.Values[i] = rw.toIface(n.Values[i], t)
		}
	case *ast.SendStmt:
		if ch, ok := rw.info.Types[n.Chan].Type.Underlying().(*types.Chan); ok {
			n.Value = rw.toIface(n.Value, ch.Elem())
		}
	case *ast.CompositeLit:
		t := rw.info.Types[n].Type
		if t == nil {
			return nil
		}
		switch u := t.Underlying().(type) {
		case *types.Slice:
			rw.elems(n, u.Elem(), nil)
		case *types.Array:
			rw.elems(n, u.Elem(), nil)
		case *types.Map:
			rw.elems(n, u.Elem(), nil)
		case *types.Struct:
			rw.elems(n, nil, u)
		}
	case *ast.CallExpr:
		if tv, ok := rw.info.Types[n.Fun]; ok && tv.IsType() && len(n.Args) == 1 {
			if x := rw.toIface(n.Args[0], tv.Type); x != n.Args[0] {
				return x // the conversion itself
			}
			return nil
		}
		if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "append" && len(n.Args) > 1 && !n.Ellipsis.IsValid() {
			if _, builtin := rw.info.Uses[id].(*types.Builtin); builtin {
				if s, ok := rw.info.Types[n.Args[0]].Type.Underlying().(*types.Slice); ok {
					for i := 1; i < len(n.Args); i++ {
						n.Args[i] = rw.toIface(n.Args[i], s.Elem())
					}
				}
			}
		}
	}
	return nil
}

// elems converts the elements of a composite literal: to elem, or to the
// types of the fields of st.
func (rw *rewriter) elems(lit *ast.CompositeLit, elem types.Type, st *types.Struct) {
	for i, e := range lit.Elts {
		kv, isKV := e.(*ast.KeyValueExpr)
		t := elem
		if st != nil {
			switch {
			case isKV:
				if id, ok := kv.Key.(*ast.Ident); ok {
					for j := 0; j < st.NumFields(); j++ {
						if st.Field(j).Name() == id.Name {
							t = st.Field(j).Type()
						}
					}
				}
			case i < st.NumFields():
				t = st.Field(i).Type()
			}
		}
		if isKV {
			kv.Value = rw.toIface(kv.Value, t)
		} else {
			lit.Elts[i] = rw.toIface(e, t)
		}
	}
}
