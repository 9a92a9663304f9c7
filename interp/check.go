package interp

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
)

// check type-checks a cell together with the session's live declarations,
// as one package main. The file it builds borrows the nodes of both, so
// the Info it returns describes the cell's own nodes.
func (fe *frontEnd) check(imports map[string]string, live []ast.Decl, pc *parsedCell) (*types.Info, *types.Package, []types.Error, error) {
	file := &ast.File{Name: ast.NewIdent("main"), Package: pc.file.Package}
	if g := importDecl(imports, pc); len(g.Specs) > 0 {
		file.Decls = append(file.Decls, g)
	}
	file.Decls = append(file.Decls, live...)
	file.Decls = append(file.Decls, pc.decls...)
	file.Decls = append(file.Decls, pc.fn)
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	var errs []types.Error
	conf := types.Config{
		Importer:  fe.ti,
		GoVersion: "go1.26",
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				errs = append(errs, te)
			}
		},
	}
	pkg, _ := conf.Check("main", fe.fset, []*ast.File{file}, info)
	return info, pkg, errs, nil
}

// importDecl builds the import declaration of a check: the cell's own
// import specs (so errors point at them) and the session's other imports.
func importDecl(imports map[string]string, pc *parsedCell) *ast.GenDecl {
	g := &ast.GenDecl{Tok: token.IMPORT}
	own := map[string]bool{}
	for _, s := range pc.imports {
		path, _ := strconv.Unquote(s.Path.Value)
		own[path] = true
		g.Specs = append(g.Specs, s)
	}
	names := make([]string, 0, len(imports))
	for n := range imports {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		path := imports[n]
		if own[path] {
			continue
		}
		g.Specs = append(g.Specs, importSpec(n, path))
	}
	return g
}

// importSpec builds `name "path"`; names of the form ".path" are dot
// imports.
func importSpec(name, path string) *ast.ImportSpec {
	if len(name) > 0 && name[0] == '.' {
		name = "."
	}
	return &ast.ImportSpec{
		Name: ast.NewIdent(name),
		Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)},
	}
}
