package interp

import (
	"go/ast"
	"go/token"
	"go/types"
)

// orderDecls returns decls with types and constants first, then
// functions and methods after those they call when the calls allow
// (cycles keep source order), then variables. yaegi resolves a generic type's methods in
// the order it meets them: a method calling one declared further down
// fails with "undefined selector".
func orderDecls(decls []ast.Decl, info *types.Info) []ast.Decl {
	var others, funcs, vars []ast.Decl
	byObj := map[types.Object]*ast.FuncDecl{}
	for _, d := range decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			if g, isGen := d.(*ast.GenDecl); isGen && g.Tok == token.VAR {
				vars = append(vars, d) // after the methods of their types
			} else {
				others = append(others, d)
			}
			continue
		}
		funcs = append(funcs, d)
		if obj := info.Defs[fd.Name]; obj != nil {
			byObj[obj] = fd
		}
	}
	if len(funcs) < 2 {
		return append(append(others, funcs...), vars...)
	}
	calls := callGraph(byObj, info)
	done := map[*ast.FuncDecl]bool{}
	onStack := map[*ast.FuncDecl]bool{}
	var out []ast.Decl
	var visit func(fd *ast.FuncDecl)
	visit = func(fd *ast.FuncDecl) {
		if done[fd] || onStack[fd] {
			return
		}
		onStack[fd] = true
		for _, g := range calls[fd] {
			visit(g)
		}
		onStack[fd] = false
		done[fd] = true
		out = append(out, fd)
	}
	for _, d := range funcs {
		visit(d.(*ast.FuncDecl))
	}
	return append(append(others, out...), vars...)
}

// callGraph maps each function among byObj to those among byObj it
// refers to, in source order.
func callGraph(byObj map[types.Object]*ast.FuncDecl, info *types.Info) map[*ast.FuncDecl][]*ast.FuncDecl {
	calls := map[*ast.FuncDecl][]*ast.FuncDecl{}
	for _, fd := range byObj {
		if fd.Body == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if g := byObj[originOf(info.Uses[n])]; g != nil {
					calls[fd] = append(calls[fd], g)
				}
			case *ast.SelectorExpr:
				if s := info.Selections[n]; s != nil {
					if g := byObj[originOf(s.Obj())]; g != nil {
						calls[fd] = append(calls[fd], g)
					}
				}
			}
			return true
		})
	}
	return calls
}
