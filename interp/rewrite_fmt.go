package interp

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// fmtFuncs are the fmt functions with a format string, and the index of
// that argument.
var fmtFuncs = map[string]int{
	"Printf": 0, "Sprintf": 0, "Errorf": 0, "Fprintf": 1, "Appendf": 1,
}

// fmtVerbArgs rewrites the arguments of fmt.Printf and friends that are
// values of a cell-defined type with methods over a basic type, printed
// with a verb other than %v, %s, %q, %x or %X: yaegi hands fmt such a
// value wrapped in a struct (to carry its methods), which %d would print
// as {12 5546976}. Go's fmt calls String only for those verbs, so for
// the others the value is converted to its basic type, which prints the
// same as the unwrapped value would.
func (rw *rewriter) fmtVerbArgs(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	f, ok := rw.info.Uses[sel.Sel].(*types.Func)
	if !ok || f.Pkg() == nil || f.Pkg().Path() != "fmt" {
		return
	}
	fi, ok := fmtFuncs[f.Name()]
	if !ok || len(call.Args) <= fi || call.Ellipsis.IsValid() {
		return
	}
	tv := rw.info.Types[call.Args[fi]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	verbs, ok := fmtVerbs(constant.StringVal(tv.Value))
	if !ok {
		return
	}
	for i, verb := range verbs {
		ai := fi + 1 + i
		if ai >= len(call.Args) {
			return
		}
		switch verb {
		case 'v', 's', 'q', 'x', 'X', 'T', 'p':
			continue
		}
		t := rw.info.Types[call.Args[ai]].Type
		named, ok := types.Unalias(t).(*types.Named)
		if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg() != rw.u.pkg || named.NumMethods() == 0 {
			continue
		}
		basic, ok := named.Underlying().(*types.Basic)
		if !ok {
			continue
		}
		rw.stats["fmt-verb"]++
		call.Args[ai] = &ast.CallExpr{Fun: ast.NewIdent(basic.Name()), Args: []ast.Expr{call.Args[ai]}}
	}
}

// fmtVerbs lists the verbs of a format string, one per argument. It gives
// up (ok false) on explicit argument indexes and * widths.
func fmtVerbs(format string) (verbs []rune, ok bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.ContainsRune("+-# 0123456789.", rune(format[i])) {
			i++
		}
		if i >= len(format) {
			return verbs, true
		}
		switch format[i] {
		case '%':
			continue
		case '[', '*':
			return nil, false
		}
		verbs = append(verbs, rune(format[i]))
	}
	return verbs, true
}
