package interp

import (
	"go/ast"
	"go/types"
)

// promotedThroughInterface rewrites x.M, where M is promoted from an
// interface embedded in x's struct type, to the explicit x.Iface.M: yaegi
// panics on the promoted call ("invalid interface value") but not on the
// explicit one.
func (rw *rewriter) promotedThroughInterface(x *ast.SelectorExpr) {
	s := rw.info.Selections[x]
	if s == nil || len(s.Index()) < 2 {
		return
	}
	t := s.Recv()
	var path []string
	viaIface := false
	for _, i := range s.Index()[:len(s.Index())-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return
		}
		f := st.Field(i)
		path = append(path, f.Name())
		t = f.Type()
		if types.IsInterface(t) {
			viaIface = true
		}
	}
	if !viaIface {
		return
	}
	rw.stats["embedded-interface"]++
	nx := x.X
	for _, name := range path {
		nx = &ast.SelectorExpr{X: nx, Sel: ast.NewIdent(name)}
	}
	x.X = nx
}
