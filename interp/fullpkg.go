package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// intelPackage returns the session's whole package, type-checked, for
// completion and inspection. A cell is checked with only the declarations
// it needs, so the package of the last cell may lack names; this one has
// them all. It is built on its own FileSet from the entries' text, so it
// can run while a cell executes, and kept until the next cell commits.
func (s *Session) intelPackage() *types.Package {
	s.mu.RLock()
	if s.intel != nil && s.intelGen == s.gen {
		p := s.intel
		s.mu.RUnlock()
		return p
	}
	gen := s.gen
	imports := maps2(s.fe.imports)
	type src struct {
		header, text string
		spec         bool
	}
	var srcs []src
	for _, e := range s.fe.entries {
		srcs = append(srcs, src{e.header(), e.text, e.spec})
	}
	s.mu.RUnlock()

	fset := token.NewFileSet()
	file := &ast.File{Name: ast.NewIdent("main")}
	if g := importDecl(imports, &parsedCell{}); len(g.Specs) > 0 {
		file.Decls = append(file.Decls, g)
	}
	for _, sr := range srcs {
		text := "package main\n" + sr.header + sr.text + "\n"
		if sr.spec {
			text = "package main\ntype (\n" + sr.header + sr.text + "\n)\n"
		}
		f, err := parser.ParseFile(fset, "", text, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		file.Decls = append(file.Decls, f.Decls...)
	}
	conf := types.Config{Importer: s.fe.ti, GoVersion: "go1.26", Error: func(error) {}}
	pkg, _ := conf.Check("main", fset, []*ast.File{file}, nil)

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == gen {
		s.intel, s.intelGen = pkg, gen
	}
	return pkg
}
