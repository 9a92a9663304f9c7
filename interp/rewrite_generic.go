package interp

import (
	"go/ast"
	"go/types"
)

// instantiate makes a generic function's inferred type arguments explicit
// (yaegi infers at most one type parameter, and not at all in some
// places): Map(xs, f) becomes Map[int, string](xs, f). It returns the
// replacement for id (a name or pkg.Name), or nil.
func (rw *rewriter) instantiate(x ast.Expr) ast.Expr {
	var id *ast.Ident
	switch x := x.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	inst, ok := rw.info.Instances[id]
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return nil
	}
	if _, isFunc := rw.info.Uses[id].(*types.Func); !isFunc {
		return nil
	}
	rw.stats["instantiate"]++
	var args []ast.Expr
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		args = append(args, rw.typeExpr(inst.TypeArgs.At(i)))
	}
	if len(args) == 1 {
		return &ast.IndexExpr{X: x, Index: args[0]}
	}
	return &ast.IndexListExpr{X: x, Indices: args}
}
