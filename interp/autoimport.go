package interp

import (
	"go/ast"
	"go/types"
	"path"
	"sort"
	"strings"
)

// pkgNames maps a package name to the import paths that declare it, so a
// cell can use fmt or strings without an import line (as goimports would
// add it).
type pkgNames struct {
	byName map[string][]string
}

// preferred breaks ties between packages of the same name: the first
// listed path that has every member the cell uses wins.
var preferred = map[string][]string{
	"rand":     {"math/rand", "math/rand/v2", "crypto/rand"},
	"template": {"text/template", "html/template"},
	"scanner":  {"text/scanner", "go/scanner"},
	"pprof":    {"runtime/pprof", "net/http/pprof"},
	"big":      {"math/big"},
	"url":      {"net/url"},
}

func newPkgNames(paths []string) *pkgNames {
	pn := &pkgNames{byName: map[string][]string{}}
	for _, p := range paths {
		pn.add(p)
	}
	for name, ps := range pn.byName {
		rank := func(p string) int {
			for i, q := range preferred[name] {
				if p == q {
					return i
				}
			}
			return len(preferred[name]) + strings.Count(p, "/")
		}
		sort.SliceStable(ps, func(i, j int) bool { return rank(ps[i]) < rank(ps[j]) })
	}
	return pn
}

// add registers an importable path under its default package name.
func (pn *pkgNames) add(p string) {
	name := path.Base(p)
	if strings.HasPrefix(name, "v") && len(name) > 1 && strings.Trim(name[1:], "0123456789") == "" {
		name = path.Base(path.Dir(p))
	}
	if strings.Contains(p, "internal") || strings.HasPrefix(p, "vendor/") {
		return
	}
	pn.byName[name] = append(pn.byName[name], p)
}

// autoImport adds to imports the packages a cell uses without importing
// them, judged from "undefined: name" errors on name.Member selectors. It
// reports whether it added any.
func (fe *frontEnd) autoImport(pc *parsedCell, imports map[string]string, errs []types.Error) bool {
	undefined := map[string]bool{}
	for _, e := range errs {
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok {
			undefined[name] = true
		}
	}
	if len(undefined) == 0 {
		return false
	}
	members := map[string]map[string]bool{}
	visit := func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && undefined[id.Name] {
				if members[id.Name] == nil {
					members[id.Name] = map[string]bool{}
				}
				members[id.Name][sel.Sel.Name] = true
			}
		}
		return true
	}
	for _, d := range pc.decls {
		ast.Inspect(d, visit)
	}
	ast.Inspect(pc.fn, visit)
	added := false
	for name, used := range members {
		if _, taken := imports[name]; taken {
			continue
		}
		for _, p := range fe.names.byName[name] {
			pkg, err := fe.ti.Import(p)
			if err != nil {
				continue
			}
			all := true
			for m := range used {
				if pkg.Scope().Lookup(m) == nil {
					all = false
					break
				}
			}
			if all {
				imports[name] = p
				added = true
				break
			}
		}
	}
	return added
}
