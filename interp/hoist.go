package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// hoistedVar is a cell's top-level variable, moved to the package so that
// it lives on for later cells.
type hoistedVar struct {
	entry *entry
	decl  *ast.GenDecl // var name T
}

// hoist moves the variables defined at the top level of a cell (by := or
// var) to package level, with explicit types: `x := f()` becomes
// `var x T` plus `x = f()` in the cell function, and `var y T` becomes
// `var y T` plus `y = *new(T)` (re-running the cell resets it). Nested
// blocks keep their own scoping. Packages named by the types are added
// to imports.
func hoist(fe *frontEnd, pc *parsedCell, info *types.Info, imports map[string]string) []hoistedVar {
	var out []hoistedVar
	seen := map[string]bool{}
	q := qualifier(fe, imports)
	add := func(id *ast.Ident) (ast.Expr, bool) {
		obj, ok := info.Defs[id].(*types.Var)
		if !ok || obj == nil {
			return nil, false
		}
		t := obj.Type()
		if t == nil || t == types.Typ[types.Invalid] || !hoistable(t) || fe.ti.hidesType(t) {
			return nil, false
		}
		ts := types.TypeString(t, q)
		tx, err := parser.ParseExprFrom(fe.fset, cellName(pc.count), ts, parser.SkipObjectResolution)
		if err != nil {
			return nil, false
		}
		if !seen[id.Name] {
			seen[id.Name] = true
			p := fe.fset.Position(id.Pos())
			e := &entry{kind: kindVar, names: []string{id.Name}, cell: pc.count, line: p.Line, col: p.Column, text: "var " + id.Name + " " + ts}
			d := &ast.GenDecl{Tok: token.VAR, TokPos: id.Pos(), Specs: []ast.Spec{&ast.ValueSpec{
				Names: []*ast.Ident{{Name: id.Name, NamePos: id.Pos()}},
				Type:  tx,
			}}}
			out = append(out, hoistedVar{entry: e, decl: d})
		}
		return tx, true
	}
	type unusedAfter struct {
		i    int
		name string
	}
	var unused []unusedAfter
	list := pc.fn.Body.List
	defer func() {
		if len(unused) == 0 {
			return
		}
		var out []ast.Stmt
		k := 0
		for i, st := range pc.fn.Body.List {
			out = append(out, st)
			for ; k < len(unused) && unused[k].i == i; k++ {
				out = append(out, assign(idents("_"), token.ASSIGN, ast.NewIdent(unused[k].name)))
			}
		}
		// (A := statement is never the cell's result, so the result
		// stays last.)
		pc.fn.Body.List = out
	}()
	for i, st := range list {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok != token.DEFINE {
				continue
			}
			var defs []*ast.Ident
			ok := true
			for _, l := range st.Lhs {
				if id, isID := l.(*ast.Ident); isID && id.Name != "_" && info.Defs[id] != nil {
					defs = append(defs, id)
					if v, isVar := info.Defs[id].(*types.Var); !isVar || !hoistable(v.Type()) || fe.ti.hidesType(v.Type()) || v.Type() == types.Typ[types.Invalid] {
						ok = false
					}
				}
			}
			if !ok {
				// They stay local to the cell: keep Go from calling them unused.
				for _, id := range defs {
					unused = append(unused, unusedAfter{i, id.Name})
				}
				continue
			}
			for _, id := range defs {
				add(id)
			}
			st.Tok = token.ASSIGN
		case *ast.DeclStmt:
			g, isGen := st.Decl.(*ast.GenDecl)
			if !isGen || g.Tok != token.VAR {
				continue
			}
			var block []ast.Stmt
			ok := true
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				var lhs, rhs []ast.Expr
				for _, id := range vs.Names {
					if id.Name == "_" {
						lhs = append(lhs, id)
						continue
					}
					tx, good := add(id)
					if !good {
						ok = false
						break
					}
					lhs = append(lhs, id)
					if len(vs.Values) == 0 {
						rhs = append(rhs, &ast.StarExpr{X: &ast.CallExpr{Fun: ast.NewIdent("new"), Args: []ast.Expr{tx}}})
					}
				}
				if len(vs.Values) > 0 {
					rhs = vs.Values
				}
				if len(rhs) > 0 {
					block = append(block, &ast.AssignStmt{Lhs: lhs, TokPos: vs.Pos(), Tok: token.ASSIGN, Rhs: rhs})
				}
			}
			if !ok {
				continue
			}
			if len(block) == 1 {
				list[i] = block[0]
			} else {
				list[i] = &ast.BlockStmt{Lbrace: st.Pos(), List: block}
			}
		}
	}
	return out
}

// hoistable reports whether a variable of type t can be declared at
// package level: its type must be nameable there (not local to a
// function, not another package's unexported type). Other variables stay
// local to their cell.
func hoistable(t types.Type) bool {
	ok := true
	var visit func(t types.Type)
	seen := map[types.Type]bool{}
	visit = func(t types.Type) {
		if !ok || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			obj := t.Obj()
			if obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
				ok = false // local to a function
				return
			}
			if obj.Pkg() != nil && obj.Pkg().Path() != "main" && !obj.Exported() {
				ok = false // another package's unexported type cannot be named
				return
			}
			if args := t.TypeArgs(); args != nil {
				for i := 0; i < args.Len(); i++ {
					visit(args.At(i))
				}
			}
		case *types.Alias:
			visit(types.Unalias(t))
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Signature:
			for i := 0; i < t.Params().Len(); i++ {
				visit(t.Params().At(i).Type())
			}
			for i := 0; i < t.Results().Len(); i++ {
				visit(t.Results().At(i).Type())
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type())
			}
		case *types.TypeParam:
			ok = false
		}
	}
	visit(t)
	return ok
}

// qualifier names packages in type strings by their local import name,
// importing those the session has not imported yet.
func qualifier(fe *frontEnd, imports map[string]string) types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		for name, path := range imports {
			if path == p.Path() && name[0] != '.' {
				return name
			}
		}
		name := p.Name()
		if _, taken := imports[name]; taken {
			name = "_gk_" + name
		}
		imports[name] = p.Path()
		return name
	}
}
